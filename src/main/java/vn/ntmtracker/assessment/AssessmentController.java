package vn.ntmtracker.assessment;

import java.time.Clock;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/** Pages: a unit's rounds, one round (enter values, judge, sign off), and the subtree overview. */
@Controller
class AssessmentController {

	private final Assessments assessments;
	private final AssessmentOverview overview;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final StatedStatuses stated;
	private final ApplicableSets applicable;
	private final vn.ntmtracker.security.AccessPolicy access;

	private final Clock clock;

	AssessmentController(Assessments assessments, AssessmentOverview overview, CriteriaCatalog catalog, Units units,
			StatedStatuses stated, ApplicableSets applicable, vn.ntmtracker.security.AccessPolicy access, Clock clock) {
		this.applicable = applicable;
		this.access = access;
		this.clock = clock;
		this.assessments = assessments;
		this.stated = stated;
		this.overview = overview;
		this.catalog = catalog;
		this.units = units;
	}

	@GetMapping("/units/{code}/assessments")
	String rounds(@PathVariable String code, Model model) {
		List<AssessmentRound> rounds = assessments.rounds(code);
		Unit unit = units.get(code, LocalDate.now(clock));
		model.addAttribute("unit", unit);
		model.addAttribute("rounds", rounds);
		model.addAttribute("stated", stated.of(code));
		List<AssessmentRound> trend = new java.util.ArrayList<>(rounds);
		java.util.Collections.reverse(trend);
		model.addAttribute("trend", trend);
		// Only the sets that may judge this unit (its province's and national ones, in force today); the round is judged
		// by the version in force on its own date, which the server chooses.
		model.addAttribute("sets", applicable.forUnit(code, LocalDate.now(clock)));
		model.addAttribute("kinds", RoundKind.values());
		// a commune formed by a merger keeps its predecessors' rounds as its history
		Map<Unit, List<AssessmentRound>> history = new LinkedHashMap<>();
		for (String predecessor : units.predecessors(code)) {
			if (access.canRead(predecessor)) {
				units.lastKnown(predecessor, LocalDate.now(clock))
					.ifPresent(u -> history.put(u, assessments.rounds(predecessor)));
			}
		}
		model.addAttribute("history", history);
		return "assessment/rounds";
	}

	@PostMapping("/units/{code}/assessments")
	String open(@PathVariable String code, @RequestParam String set,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam RoundKind kind,
			@RequestParam(required = false) Long from, RedirectAttributes redirect) {
		String[] parts = set.split(":");
		try {
			long id = assessments.open(code, parts[0], parts.length > 1 ? Integer.valueOf(parts[1]) : null, asOf, kind, from);
			redirect.addFlashAttribute("message", "assessment.opened");
			return "redirect:/assessments/" + id;
		}
		catch (AssessmentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/units/" + code + "/assessments";
		}
	}

	@GetMapping("/assessments/{id}")
	String show(@PathVariable long id, Model model) {
		return roundPage(id, model);
	}

	private String roundPage(long id, Model model) {
		Assessments.RoundView view = assessments.view(id);
		model.addAttribute("view", view);
		model.addAttribute("villageSets", applicable.forLevel(view.round().unitCode(), view.round().asOf(), 4));
		return "assessment/round";
	}

	@PostMapping("/assessments/{id}/values")
	String save(@PathVariable long id, @RequestParam int version, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect) {
		Map<String, ValueInput.Raw> input = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("v_")) {
				String code = name.substring(2);
				input.put(code, new ValueInput.Raw(values.get(0), form.getFirst("e_" + code)));
			}
		});
		try {
			assessments.saveValues(id, input, version);
		}
		catch (InvalidValuesException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("typed", form.toSingleValueMap());
			return roundPage(id, model);
		}
		catch (StaleRoundException | AssessmentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/assessments/" + id;
		}
		redirect.addFlashAttribute("message", "assessment.saved");
		return "redirect:/assessments/" + id;
	}

	@PostMapping("/assessments/{id}/judgements")
	String judge(@PathVariable long id, @RequestParam int version, @RequestParam int criterion,
			@RequestParam String kind, @RequestParam(required = false) CriterionStatus status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) boolean clear,
			RedirectAttributes redirect) {
		try {
			if (clear) {
				assessments.clearJudgement(id, criterion, kind.equals("BASICALLY"), version);
			}
			else {
				assessments.judge(id, criterion, kind.equals("BASICALLY"), status, reason, version);
			}
			redirect.addFlashAttribute("message", "assessment.saved");
		}
		catch (AssessmentException | StaleRoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/assessments/" + id + "#c" + criterion;
	}

	@PostMapping("/assessments/{id}/from-villages")
	String fromVillages(@PathVariable long id, @RequestParam int version, @RequestParam String indicator,
			@RequestParam String villageSet, @RequestParam(required = false) Integer criterion, RedirectAttributes redirect) {
		try {
			Assessments.VillageShare share = assessments.fillFromVillages(id, indicator, villageSet, criterion, version);
			redirect.addFlashAttribute("info", share.evidence(assessments.round(id).asOf()));
		}
		catch (AssessmentException | StaleRoundException | InvalidValuesException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/assessments/" + id;
	}

	@PostMapping("/assessments/{id}/{action:submit|verify|appraise|return|cancel}")
	String signOff(@PathVariable long id, @PathVariable String action, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "submit" -> assessments.submit(id, version);
				case "verify" -> assessments.verify(id, version);
				case "appraise" -> assessments.appraise(id, version);
				case "cancel" -> assessments.cancel(id, reason, version);
				default -> assessments.returnToSubmitter(id, reason, version);
			}
			redirect.addFlashAttribute("message", "assessment.action." + action);
		}
		catch (AssessmentException | StaleRoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/assessments/" + id;
	}

	/**
	 * The criteria sets for a set field beside an area field (overview, import template): those of the area's province
	 * for the area and the levels under it, in force on the date; with {@code own}, those for a round of the unit itself
	 * on the date (the rounds page's form, whose date may be a past year-end); for the pages' script.
	 */
	@GetMapping(path = "/units/{code}/criteria-sets", produces = MediaType.APPLICATION_JSON_VALUE)
	@org.springframework.web.bind.annotation.ResponseBody
	List<ApplicableSets.Option> setsWithin(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean own) {
		access.requireRead(code);
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		// own: the sets that may judge the unit itself (a round of the unit), else those of the area and the levels under it
		return applicable.options(own ? applicable.forUnit(code, day) : applicable.withinArea(code, day));
	}

		@GetMapping("/assessments/overview")
	String overview(@RequestParam(required = false) String unit, @RequestParam(required = false) String set,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "true") boolean signedOff, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String sort, Model model) {
		model.addAttribute("sets", catalog.list().stream().filter(s -> s.status() != SetStatus.DRAFT).toList());
		model.addAttribute("filter", filter);
		model.addAttribute("sort", sort);
		model.addAttribute("signedOff", signedOff);
		if (unit == null || set == null) {
			return "assessment/overview";
		}
		model.addAttribute("overview", overview.of(unit, set, asOf == null ? LocalDate.now(clock) : asOf, signedOff, filter, sort));
		return "assessment/overview";
	}

	@GetMapping("/assessments/overview.xlsx")
	ResponseEntity<byte[]> export(@RequestParam String unit, @RequestParam String set,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "true") boolean signedOff, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String sort) throws IOException {
		var data = overview.of(unit, set, asOf == null ? LocalDate.now(clock) : asOf, signedOff, filter, sort);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("tong-hop-" + unit + "-" + set + ".xlsx").build().toString())
			.body(OverviewWorkbook.write(data));
	}
}
