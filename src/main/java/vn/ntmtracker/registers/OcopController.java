package vn.ntmtracker.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Permission;

/** Pages of OCOP products (with expiry warnings, re-evaluation) and of model residential areas and gardens. */
@Controller
class OcopController {

	private final OcopProducts ocop;
	private final ModelAreas modelAreas;
	private final RegisterDueItems dueItems;
	private final RegisterUnits units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final RegisterMessages messages;
	private final Clock clock;

	OcopController(OcopProducts ocop, ModelAreas modelAreas, RegisterDueItems dueItems, RegisterUnits units, AccessPolicy access,
			Authorization authorization, RegisterMessages messages, Clock clock) {
		this.ocop = ocop;
		this.modelAreas = modelAreas;
		this.dueItems = dueItems;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/units/{code}/ocop")
	String list(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = asOf != null ? asOf : today;
		model.addAttribute("unit", units.unit(code, today));
		model.addAttribute("asOf", day);
		model.addAttribute("listing", ocop.list(code, day));
		model.addAttribute("mayRecord", units.unit(code, today).level() == RegisterUnits.COMMUNE
				&& authorization.may(Permission.RECORD_OCOP, Target.unit(code, today)));
		model.addAttribute("categories", OcopCategory.values());
		model.addAttribute("ownerKinds", OcopProducts.OwnerKind.values());
		model.addAttribute("warningDays", OcopValidity.WARNING_DAYS);
		return "registers/ocop";
	}

	@PostMapping("/units/{code}/ocop")
	String create(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			ocop.create(code, form.getFirst("name"), form.getFirst("ownerName"), ownerKind(form.getFirst("ownerKind")),
					OcopCategory.parse(form.getFirst("category")).orElse(null), form.getFirst("certificateNumber"),
					date(form.getFirst("issuedOn")), HouseholdImport.integer(form.getFirst("stars")), false);
			redirect.addFlashAttribute("message", messages.text("register.saved"));
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
			redirect.addFlashAttribute("typed", form.toSingleValueMap());
		}
		return "redirect:/units/" + code + "/ocop";
	}

	@PostMapping("/ocop/{id}/certificates")
	String reEvaluate(@PathVariable long id, @RequestParam int version, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		String commune = ocop.product(id).communeCode();
		try {
			ocop.addCertificate(id, form.getFirst("certificateNumber"), date(form.getFirst("issuedOn")),
					HouseholdImport.integer(form.getFirst("stars")), version);
			redirect.addFlashAttribute("message", messages.text("register.saved"));
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", messages.text("register.error.conflict"));
		}
		return "redirect:/units/" + commune + "/ocop";
	}

	/** Certificates entering their last 90 days, for the user's units (everything for a nationwide role). */
	@GetMapping("/ocop/expiring")
	String expiring(@RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
		List<DueItem> due;
		if (unit != null && !unit.isBlank()) {
			due = ocop.due(unit, day);
		}
		else {
			var user = access.currentUser().orElseThrow();
			if (user.grants().stream().anyMatch(Grant::nationwide)) {
				due = dueItems.dueOn(day);
			}
			else {
				due = user.grants().stream().map(Grant::unitCode).distinct().flatMap(code -> ocop.due(code, day).stream())
					.distinct().sorted(java.util.Comparator.comparing(DueItem::dueOn)).toList();
			}
		}
		model.addAttribute("unitCode", unit);
		model.addAttribute("asOf", day);
		model.addAttribute("due", due);
		model.addAttribute("warningDays", OcopValidity.WARNING_DAYS);
		return "registers/expiring";
	}

	@GetMapping("/units/{code}/model-areas")
	String modelAreas(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = asOf != null ? asOf : today;
		model.addAttribute("unit", units.unit(code, today));
		model.addAttribute("asOf", day);
		model.addAttribute("counts", modelAreas.counts(code, day));
		model.addAttribute("areas", modelAreas.list(code, day));
		java.util.Map<String, String> writable = new java.util.LinkedHashMap<>();
		units.villageLabels(code, today).forEach((village, label) -> {
			if (authorization.may(Permission.RECORD_MODEL_AREA, Target.unit(village, today))) {
				writable.put(village, label);
			}
		});
		model.addAttribute("villages", writable);
		model.addAttribute("villageNames", units.villageLabels(code, day));
		model.addAttribute("kinds", ModelAreas.Kind.values());
		return "registers/model-areas";
	}

	@PostMapping("/units/{code}/model-areas")
	String createModelArea(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			modelAreas.create(form.getFirst("village"), kind(form.getFirst("kind")), form.getFirst("name"), form.getFirst("setCode"),
					form.getFirst("decisionNumber"), date(form.getFirst("recognisedOn")), form.getFirst("note"), false);
			redirect.addFlashAttribute("message", messages.text("register.saved"));
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
			redirect.addFlashAttribute("typed", form.toSingleValueMap());
		}
		return "redirect:/units/" + code + "/model-areas";
	}

	@PostMapping("/model-areas/{id}/revocation")
	String revoke(@PathVariable long id, @RequestParam String unit, @RequestParam int version,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			modelAreas.revoke(id, date(form.getFirst("revokedOn")), form.getFirst("reason"), version);
			redirect.addFlashAttribute("message", messages.text("register.saved"));
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", messages.text("register.error.conflict"));
		}
		return unit.matches("[A-Za-z0-9._-]+") ? "redirect:/units/" + unit + "/model-areas" : "redirect:/";
	}

	private static OcopProducts.OwnerKind ownerKind(String text) {
		try {
			return text == null || text.isBlank() ? null : OcopProducts.OwnerKind.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ModelAreas.Kind kind(String text) {
		try {
			return text == null || text.isBlank() ? null : ModelAreas.Kind.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** An ISO date from a date input; anything else is null and the rules say the date is missing. */
	static LocalDate date(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}
}
