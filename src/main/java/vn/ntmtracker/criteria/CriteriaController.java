package vn.ntmtracker.criteria;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Catalog pages: list, a set version in full, diff of two versions, crosswalks, and the administrator's editor. */
@Controller
class CriteriaController {

	private final CriteriaCatalog catalog;

	CriteriaController(CriteriaCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/criteria")
	String list(Model model) {
		model.addAttribute("sets", catalog.list());
		return "criteria/list";
	}

	@GetMapping("/criteria/{code}")
	String show(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
		int v = version != null ? version : catalog.current(code).map(CriteriaSetDefinition::version)
			.orElseGet(() -> catalog.versions(code).stream().reduce((a, b) -> b).orElseThrow(() -> new CriteriaSetNotFoundException(code, 0)));
		CriteriaCatalog.StoredVersion stored = catalog.stored(code, v).orElseThrow(() -> new CriteriaSetNotFoundException(code, v));
		model.addAttribute("set", stored.definition());
		model.addAttribute("stored", stored);
		model.addAttribute("versions", catalog.versions(code));
		model.addAttribute("columns", ThresholdColumns.of(stored.definition()));
		model.addAttribute("summary", catalog.list().stream().filter(s -> s.code().equals(code) && s.version() == v)
			.findFirst().orElse(null));
		return "criteria/show";
	}

	@GetMapping("/criteria/diff")
	String diff(@RequestParam String from, @RequestParam int fromVersion, @RequestParam String to,
			@RequestParam int toVersion, Model model) {
		model.addAttribute("before", catalog.definition(from, fromVersion));
		model.addAttribute("after", catalog.definition(to, toVersion));
		model.addAttribute("changes", catalog.diff(from, fromVersion, to, toVersion));
		model.addAttribute("readable", ReadableDiff.between(catalog.definition(from, fromVersion), catalog.definition(to, toVersion)));
		return "criteria/diff";
	}

	@GetMapping("/criteria/crosswalks")
	String crosswalks(Model model) {
		model.addAttribute("crosswalks", catalog.crosswalks());
		return "criteria/crosswalks";
	}

	@PostMapping("/criteria/{code}/derive")
	@PreAuthorize("hasRole('ADMIN')")
	String derive(@PathVariable String code, @RequestParam int version, @RequestParam(required = false) String newCode,
			@RequestParam(required = false) String provinceCode, @RequestParam(required = false) String provinceName,
			@RequestParam(required = false) String title, RedirectAttributes redirect) {
		SetRef draft = catalog.derive(code, version, newCode, provinceCode, provinceName, title);
		redirect.addFlashAttribute("message", "criteria.derived");
		return "redirect:/criteria/" + draft.code() + "/edit?version=" + draft.version();
	}

	@GetMapping("/criteria/{code}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable String code, @RequestParam int version, Model model) {
		CriteriaCatalog.StoredVersion stored = catalog.stored(code, version)
			.orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		model.addAttribute("set", stored.definition());
		model.addAttribute("stored", stored);
		model.addAttribute("yaml", stored.sourceYaml());
		model.addAttribute("rowVersion", stored.rowVersion());
		model.addAttribute("validation", CriteriaSetValidator.validate(stored.definition()));
		return "criteria/edit";
	}

	@PostMapping("/criteria/{code}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@PathVariable String code, @RequestParam int version, @RequestParam String yaml,
			@RequestParam int rowVersion, Model model, RedirectAttributes redirect) {
		List<ValidationError> errors;
		try {
			errors = catalog.saveDraft(code, version, yaml, rowVersion);
		}
		catch (ConcurrentEditException ex) {
			errors = List.of(new ValidationError("", ex.getMessage()));
		}
		if (!errors.isEmpty()) {
			CriteriaCatalog.StoredVersion stored = catalog.stored(code, version).orElseThrow();
			model.addAttribute("set", stored.definition());
			model.addAttribute("stored", stored);
			model.addAttribute("yaml", yaml);
			model.addAttribute("rowVersion", rowVersion);
			model.addAttribute("errors", errors);
			return "criteria/edit";
		}
		redirect.addFlashAttribute("message", "criteria.saved");
		return "redirect:/criteria/" + code + "/edit?version=" + version;
	}

	@PostMapping("/criteria/{code}/publish")
	@PreAuthorize("hasRole('ADMIN')")
	String publish(@PathVariable String code, @RequestParam int version, @RequestParam int rowVersion, Model model,
			RedirectAttributes redirect) {
		List<ValidationError> errors;
		try {
			errors = catalog.publish(code, version, rowVersion);
		}
		catch (ConcurrentEditException | CriteriaEditException ex) {
			errors = List.of(new ValidationError("", ex.getMessage()));
		}
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("publishErrors", errors);
			return "redirect:/criteria/" + code + "/publish?version=" + version;
		}
		redirect.addFlashAttribute("message", "criteria.published");
		return "redirect:/criteria/" + code + "?version=" + version;
	}

	@PostMapping("/criteria/{code}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	String retire(@PathVariable String code, @RequestParam int version, @RequestParam int rowVersion,
			RedirectAttributes redirect) {
		catalog.retire(code, version, rowVersion);
		redirect.addFlashAttribute("message", "criteria.retired");
		return "redirect:/criteria/" + code + "?version=" + version;
	}
}
