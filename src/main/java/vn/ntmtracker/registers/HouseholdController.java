package vn.ntmtracker.registers;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;

/**
 * Pages of the household register: a unit's summary (counts, villages, change between years, trend chart with its
 * table), the list with filters, one household with its years, the import and the export. Lists and detail only for
 * the unit's own roles ({@link PersonalDataPolicy}); the summary for every reader.
 */
@Controller
class HouseholdController {

	private final Households households;
	private final vn.ntmtracker.security.AccessPolicy access;
	private final HouseholdImport imports;
	private final RegisterUnits units;
	private final PersonalDataPolicy personalData;
	private final Authorization authorization;
	private final OcopProducts ocop;
	private final ModelAreas modelAreas;
	private final RegisterMessages messages;
	private final Clock clock;

	HouseholdController(Households households, vn.ntmtracker.security.AccessPolicy access, HouseholdImport imports, RegisterUnits units, PersonalDataPolicy personalData,
			Authorization authorization, OcopProducts ocop, ModelAreas modelAreas, RegisterMessages messages, Clock clock) {
		this.households = households;
		this.access = access;
		this.imports = imports;
		this.units = units;
		this.personalData = personalData;
		this.authorization = authorization;
		this.ocop = ocop;
		this.modelAreas = modelAreas;
		this.messages = messages;
		this.clock = clock;
	}

	/** The menu entry: the registers of the user's own unit (the unit list for a nationwide role). */
	@GetMapping("/registers")
	String mine() {
		return access.currentUser().flatMap(user -> user.grants().stream().map(vn.ntmtracker.security.Grant::unitCode)
				.filter(java.util.Objects::nonNull).findFirst())
			.map(code -> "redirect:/units/" + code + "/registers").orElse("redirect:/units");
	}

	@GetMapping("/units/{code}/registers")
	String summary(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		List<Integer> years = households.years(code);
		int y = year != null ? year : years.get(0);
		LocalDate today = LocalDate.now(clock);
		Unit unit = units.unit(code, today);
		model.addAttribute("unit", unit);
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("counts", households.counts(code, y));
		model.addAttribute("byVillage", households.countsByVillage(code, y));
		model.addAttribute("villageNames", units.villageLabels(code, today));
		model.addAttribute("trend", households.trend(code));
		model.addAttribute("changes", households.changes(code, y));
		model.addAttribute("names", personalData.names(code));
		model.addAttribute("ocop", ocop.list(code, today));
		model.addAttribute("modelAreas", modelAreas.counts(code, today));
		return "registers/summary";
	}

	@GetMapping("/units/{code}/households")
	String list(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) PovertyStatus status, @RequestParam(required = false) String cadre,
			@RequestParam(required = false) String village, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, RedirectAttributes redirect) {
		if (personalData.of(code) == PersonalDataPolicy.Access.COUNTS) {
			redirect.addFlashAttribute("error", messages.text("household.countsOnly"));
			return "redirect:/units/" + code + "/registers";
		}
		List<Integer> years = households.years(code);
		int y = year != null ? year : years.get(0);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("unit", units.unit(code, today));
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("filter", new HouseholdStore.Filter(y, status, cadre, village, q));
		model.addAttribute("result", households.page(code, new HouseholdStore.Filter(y, status, cadre, village, q), page, 50));
		model.addAttribute("statuses", PovertyStatus.values());
		model.addAttribute("villages", units.villageLabels(code, today));
		model.addAttribute("mayEdit", authorization.may(Permission.EDIT_HOUSEHOLDS, Target.unit(code, today)));
		model.addAttribute("mayExport", authorization.may(Permission.EXPORT_HOUSEHOLDS, Target.unit(code, today)));
		model.addAttribute("deprivations", Deprivation.values());
		return "registers/households";
	}

	@PostMapping("/units/{code}/households")
	String create(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		String village = form.getFirst("village") == null || form.getFirst("village").isBlank() ? code : form.getFirst("village");
		try {
			long id = households.create(new HouseholdIdentity(village, form.getFirst("code"), form.getFirst("headName"),
					form.getFirst("idNumber"), form.getFirst("address")), year(form));
			redirect.addFlashAttribute("message", messages.text("household.created"));
			return "redirect:/households/" + id;
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
			redirect.addFlashAttribute("typed", form.toSingleValueMap());
			return "redirect:/units/" + code + "/households#new-household";
		}
	}

	@GetMapping("/households/{id}")
	String show(@PathVariable long id, Model model) {
		Households.Detail detail = households.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("h", detail.household());
		model.addAttribute("villageLabel", RegisterUnits.label(detail.village()));
		model.addAttribute("statuses", PovertyStatus.values());
		model.addAttribute("deprivations", Deprivation.values());
		model.addAttribute("nextYear", detail.years().isEmpty() ? LocalDate.now(clock).getYear()
				: detail.years().keySet().stream().max(Integer::compare).orElseThrow() + 1);
		return "registers/household";
	}

	@PostMapping("/households/{id}")
	String updateIdentity(@PathVariable long id, @RequestParam int version, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		try {
			households.updateIdentity(id, new HouseholdIdentity(null, form.getFirst("code"), form.getFirst("headName"),
					form.getFirst("idNumber"), form.getFirst("address")), version);
			redirect.addFlashAttribute("message", messages.text("register.saved"));
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", messages.text("register.error.conflict"));
		}
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/years")
	String saveYear(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			households.saveYear(id, year(form), version);
			redirect.addFlashAttribute("message", messages.text("register.saved"));
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", messages.text("register.error.conflict"));
		}
		return "redirect:/households/" + id;
	}

	@GetMapping("/units/{code}/households/import")
	String importForm(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		personalData.requireNames(code);
		model.addAttribute("unit", units.unit(code, LocalDate.now(clock)));
		model.addAttribute("year", year != null ? year : LocalDate.now(clock).getYear());
		return "registers/import";
	}

	@PostMapping("/units/{code}/households/import")
	String importFile(@PathVariable String code, @RequestParam int year, @RequestParam("file") MultipartFile file, Model model)
			throws IOException {
		model.addAttribute("unit", units.unit(code, LocalDate.now(clock)));
		model.addAttribute("year", year);
		try {
			model.addAttribute("result", imports.importFile(code, year, file.getOriginalFilename(), file.getInputStream(), file.getSize()));
		}
		catch (HouseholdImport.Refused ex) {
			model.addAttribute("refused", messages.text("household.import.refused", ex.total()));
			model.addAttribute("problems", messages.api(ex.problems()));
		}
		return "registers/import";
	}

	@GetMapping("/units/{code}/households/template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String code, @RequestParam int year) {
		return RegisterApiController.xlsx(households.template(code, year), "so-ho-" + code + "-" + year + ".xlsx");
	}

	@PostMapping("/units/{code}/households/export")
	Object export(@PathVariable String code, @RequestParam int year, @RequestParam(required = false) String purpose,
			RedirectAttributes redirect) {
		try {
			return RegisterApiController.xlsx(households.export(code, year, purpose), "so-ho-" + code + "-" + year + ".xlsx");
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
			return "redirect:/units/" + code + "/households?year=" + year + "#export";
		}
	}

	/** A year's entry as typed in a form; numbers the form could not read become problems of the rules. */
	private static HouseholdYear year(MultiValueMap<String, String> form) {
		Set<Deprivation> deprivations = EnumSet.noneOf(Deprivation.class);
		List<String> checked = form.get("deprivations");
		if (checked != null) {
			for (String name : checked) {
				try {
					deprivations.add(Deprivation.valueOf(name));
				}
				catch (IllegalArgumentException ex) {
					// an unknown box is ignored: the form only offers the twelve
				}
			}
		}
		Integer year = HouseholdImport.integer(form.getFirst("year"));
		Integer members = HouseholdImport.integer(form.getFirst("members"));
		Integer insured = HouseholdImport.integer(form.getFirst("insuredMembers"));
		return new HouseholdYear(year == null ? 0 : year, PovertyStatus.parse(form.getFirst("status")).orElse(null),
				members == null ? 0 : members, insured == null ? -1 : insured, yesNo(form.getFirst("housingStandard")),
				yesNo(form.getFirst("cleanWater")), deprivations, form.getFirst("cadre"), form.getFirst("note"));
	}

	private static Boolean yesNo(String value) {
		return value == null || value.isBlank() ? null : Boolean.valueOf("true".equals(value));
	}
}
