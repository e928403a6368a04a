package vn.ntmtracker.dossiers;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import vn.ntmtracker.assessment.AssessmentException;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Units;

/**
 * Pages of dossiers: the coordination office's list by state and due step, a unit's dossiers with what can be opened
 * (or why not) and its recognition history, a dossier with its steps, checklist and the form of the step to do now,
 * the survey with its rates, the phone form for one ballot, and the procedure templates. Form posts redirect with a
 * flash message, or with every problem named.
 */
@Controller
class DossierController {

	private final Dossiers dossiers;
	private final RecognitionHistory history;
	private final Surveys surveys;
	private final BallotImport ballots;
	private final Procedures procedures;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final DossierMessages messages;
	private final Clock clock;

	DossierController(Dossiers dossiers, RecognitionHistory history, Surveys surveys, BallotImport ballots, Procedures procedures,
			Units units, AccessPolicy access, Authorization authorization, DossierMessages messages, Clock clock) {
		this.dossiers = dossiers;
		this.history = history;
		this.surveys = surveys;
		this.ballots = ballots;
		this.procedures = procedures;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- lists -------------------------------------------------------------------------------------------------------

	@GetMapping("/dossiers")
	String list(@RequestParam(required = false) String unit, @RequestParam(required = false) String state,
			@RequestParam(required = false) String step, @RequestParam(defaultValue = "false") boolean overdue, Model model) {
		List<Dossiers.Row> rows = dossiers.list(unit, state, step, overdue);
		Map<String, List<Dossiers.Row>> byState = new LinkedHashMap<>();
		for (Dossier.State s : Dossier.State.values()) {
			byState.put(s.name(), rows.stream().filter(r -> r.state().equals(s.name())).toList());
		}
		Map<String, String> steps = new LinkedHashMap<>();
		rows.stream().filter(r -> r.stepCode() != null).forEach(r -> steps.putIfAbsent(r.stepCode(), r.stepName()));
		model.addAttribute("unitCode", unit);
		model.addAttribute("state", state);
		model.addAttribute("step", step);
		model.addAttribute("overdue", overdue);
		model.addAttribute("states", Dossier.State.values());
		model.addAttribute("steps", steps);
		model.addAttribute("byState", byState);
		model.addAttribute("total", rows.size());
		model.addAttribute("surveys", dossiers.surveysToEnter());
		model.addAttribute("due", dossiers.dueWithin(LocalDate.now(clock), 7).stream()
			.filter(r -> unit == null || unit.isBlank() || rows.stream().anyMatch(x -> x.id() == r.id())).toList());
		return "dossiers/list";
	}

	@GetMapping("/units/{code}/dossiers")
	String unit(@PathVariable String code, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("unit", units.get(code, today));
		List<Dossiers.Candidate> candidates = dossiers.candidates(code);
		model.addAttribute("candidates", candidates);
		model.addAttribute("reasons", candidates.stream()
			.map(c -> c.reasonKey() == null ? "" : messages.text(c.reasonKey(), c.reason().toArray())).toList());
		model.addAttribute("dossiers", dossiers.ofUnit(code));
		model.addAttribute("recognitions", history.of(code));
		return "dossiers/unit";
	}

	@PostMapping("/units/{code}/dossiers")
	String open(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			Purpose purpose = "REVOCATION".equals(form.getFirst("purpose")) ? Purpose.REVOCATION : Purpose.RECOGNITION;
			long id = dossiers.open(new Dossiers.OpenRequest(code, purpose, tier(form.getFirst("level")), number(form.getFirst("roundId")),
					integer(form.getFirst("targetYear")), date(form.getFirst("openedOn"))));
			redirect.addFlashAttribute("message", messages.text("dossier.opened"));
			return "redirect:/dossiers/" + id;
		}
		catch (DossierException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
			return "redirect:/units/" + code + "/dossiers";
		}
	}

	// ---- a dossier ---------------------------------------------------------------------------------------------------

	@GetMapping("/dossiers/{id}")
	String show(@PathVariable long id, Model model) {
		Dossiers.DossierView view = dossiers.view(id);
		model.addAttribute("d", view);
		model.addAttribute("checkTexts", view.checklist().stream().map(c -> messages.text(c.evidenceKey(), c.evidence().toArray())).toList());
		model.addAttribute("mayClose", view.open() && authorization.may(Permission.ACT_ON_DOSSIER, Target.unit(view.unit().code(),
				LocalDate.now(clock))));
		model.addAttribute("posting", view.steps().stream().filter(s -> s.template().kind() == StepKind.POSTING).findFirst().orElse(null));
		model.addAttribute("survey", view.facts().survey());
		model.addAttribute("surveyTexts", view.facts().survey() == null ? List.of()
				: view.facts().survey().shortfalls().stream().map(s -> messages.text(s.key(), s.arguments().toArray())).toList());
		return "dossiers/show";
	}

	@PostMapping("/dossiers/{id}/steps/{step}/complete")
	String complete(@PathVariable long id, @PathVariable String step, @RequestParam MultiValueMap<String, String> f,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			Dossiers.Outcome outcome = dossiers.complete(id, step, version(f), new Dossiers.Completion(date(f.getFirst("on")),
					f.getFirst("note"),
					f.containsKey("present") ? new Dossiers.MeetingInput(date(f.getFirst("heldOn")), integer(f.getFirst("invited")),
							integer(f.getFirst("present")), integer(f.getFirst("votesFor")), integer(f.getFirst("votesAgainst")),
							f.getFirst("chairedBy")) : null,
					f.containsKey("memberCount") ? new Dossiers.CouncilInput(date(f.getFirst("heldOn")), f.getFirst("members"),
							integer(f.getFirst("memberCount")), integer(f.getFirst("votesFor")), integer(f.getFirst("votesAgainst"))) : null,
					f.containsKey("decisionNumber") ? new Dossiers.DecisionInput(f.getFirst("decisionNumber"), date(f.getFirst("decidedOn")),
							f.getFirst("signer"), date(f.getFirst("effectiveOn"))) : null));
			return messages.text(outcome.messageKey(), outcome.arguments().toArray());
		});
	}

	@PostMapping("/dossiers/{id}/posting")
	String posting(@PathVariable long id, @RequestParam MultiValueMap<String, String> f, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			dossiers.savePosting(id, version(f), f.getFirst("places"), date(f.getFirst("postedFrom")), date(f.getFirst("postedTo")));
			return messages.text("dossier.saved");
		});
	}

	@PostMapping("/dossiers/{id}/readings")
	String reading(@PathVariable long id, @RequestParam MultiValueMap<String, String> f, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			dossiers.addReading(id, date(f.getFirst("readOn")), f.getFirst("note"));
			return messages.text("dossier.saved");
		});
	}

	@PostMapping("/dossiers/{id}/comments")
	String comment(@PathVariable long id, @RequestParam MultiValueMap<String, String> f, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			dossiers.addComment(id, date(f.getFirst("receivedOn")), f.getFirst("author"), f.getFirst("text"));
			return messages.text("dossier.saved");
		});
	}

	@PostMapping("/dossiers/{id}/comments/{commentId}/answer")
	String answer(@PathVariable long id, @PathVariable long commentId, @RequestParam MultiValueMap<String, String> f,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			dossiers.answerComment(id, commentId, version(f), f.getFirst("answer"), date(f.getFirst("answeredOn")));
			return messages.text("dossier.saved");
		});
	}

	@PostMapping("/dossiers/{id}/documents")
	String document(@PathVariable long id, @RequestParam String step, @RequestParam String kind,
			@RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (file != null && file.getSize() > Dossiers.MAX_DOCUMENT_BYTES) {
				throw DossierException.field("file", "dossier.error.fileTooLarge", Dossiers.MAX_DOCUMENT_BYTES / 1024 / 1024);
			}
			dossiers.addDocument(id, step, kind, number, date(issuedOn), file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			return messages.text("dossier.documentAttached");
		});
	}

	@GetMapping("/dossiers/{id}/documents/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
		return DossierApiController.file(dossiers.document(id, documentId).orElseThrow(() -> new DossierNotFoundException("văn bản", documentId)));
	}

	@PostMapping("/dossiers/{id}/close")
	String close(@PathVariable long id, @RequestParam MultiValueMap<String, String> f, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			dossiers.close(id, version(f), date(f.getFirst("closedOn")), f.getFirst("reason"));
			return messages.text("dossier.closed");
		});
	}

	// ---- survey ------------------------------------------------------------------------------------------------------

	@GetMapping("/dossiers/{id}/survey")
	String survey(@PathVariable long id, Model model) {
		Dossiers.DossierView view = dossiers.view(id);
		Dossier dossier = dossiers.load(id);
		model.addAttribute("d", view);
		model.addAttribute("survey", view.facts().survey());
		model.addAttribute("surveyTexts", view.facts().survey() == null ? List.of()
				: view.facts().survey().shortfalls().stream().map(s -> messages.text(s.key(), s.arguments().toArray())).toList());
		model.addAttribute("villages", surveys.villages(dossier));
		model.addAttribute("writable", surveys.writableVillages(dossier));
		model.addAttribute("households", surveys.households(id));
		model.addAttribute("ballots", surveys.ballots(id));
		model.addAttribute("open", surveys.surveyStep(dossier).map(s -> view.open()
				&& dossier.step(s.code()).status() != Dossier.StepStatus.DONE).orElse(false));
		return "dossiers/survey";
	}

	@GetMapping("/dossiers/{id}/ballot")
	String ballotForm(@PathVariable long id, @RequestParam(required = false) String village, Model model) {
		ballotModel(id, village, model);
		return "dossiers/ballot";
	}

	private void ballotModel(long id, String village, Model model) {
		Dossier dossier = dossiers.loadForBallots(id);
		Map<String, String> writable = surveys.writableVillages(dossier);
		model.addAttribute("dossierId", id);
		model.addAttribute("unitName", dossiers.unitName(dossier));
		model.addAttribute("mayReadSurvey", access.canRead(dossier.unitCode()));
		model.addAttribute("items", surveys.items(dossier));
		model.addAttribute("villages", writable);
		model.addAttribute("village", village != null && writable.containsKey(village) ? village
				: writable.keySet().stream().findFirst().orElse(null));
		model.addAttribute("names", dossier.procedure().satisfaction() != null && dossier.procedure().satisfaction().householdNames());
		long counted = surveys.ballots(id).stream().filter(b -> b.villageCode().equals(model.getAttribute("village"))).count();
		model.addAttribute("counted", counted);
	}

	@PostMapping("/dossiers/{id}/ballots")
	String ballot(@PathVariable long id, @RequestParam MultiValueMap<String, String> f, Model model, RedirectAttributes redirect) {
		Dossier dossier = dossiers.loadForBallots(id);
		List<Boolean> answers = new ArrayList<>();
		for (SatisfactionTally.Item item : surveys.items(dossier)) {
			answers.add(yesNo(f.getFirst("item" + item.number())));
		}
		try {
			dossiers.addBallot(id, new Surveys.BallotInput(f.getFirst("village"), f.getFirst("householdRef"), f.getFirst("householdName"),
					answers, yesNo(f.getFirst("overall")), f.getFirst("proposal")));
			redirect.addFlashAttribute("message", messages.text("dossier.ballot.saved", f.getFirst("householdRef")));
			return "redirect:/dossiers/" + id + "/ballot?village=" + f.getFirst("village");
		}
		catch (DossierException ex) {
			ballotModel(id, f.getFirst("village"), model);
			model.addAttribute("problems", messages.describe(ex.problems()));
			model.addAttribute("typed", f.toSingleValueMap());
			return "dossiers/ballot";
		}
	}

	@PostMapping("/dossiers/{id}/survey/households")
	String households(@PathVariable long id, @RequestParam MultiValueMap<String, String> f, RedirectAttributes redirect) {
		try {
			Map<String, Integer> households = new LinkedHashMap<>();
			f.forEach((key, values) -> {
				if (key.startsWith("h_")) {
					households.put(key.substring(2), integer(values.get(0)));
				}
			});
			dossiers.saveHouseholds(id, households);
			redirect.addFlashAttribute("message", messages.text("dossier.saved"));
		}
		catch (DossierException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
		}
		return "redirect:/dossiers/" + id + "/survey";
	}

	@GetMapping("/dossiers/{id}/survey/template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable long id, @RequestParam String village) {
		return ResponseEntity.ok().contentType(DossierApiController.XLSX)
			.header("Content-Disposition", "attachment; filename=\"phieu-hai-long-" + id + "-" + village.replaceAll("[^A-Za-z0-9-]", "") + ".xlsx\"")
			.header("Cache-Control", "no-store").body(ballots.template(id, village));
	}

	@PostMapping("/dossiers/{id}/survey/import")
	String importBallots(@PathVariable long id, @RequestParam(required = false) String village,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw DossierException.field("file", "dossier.error.fileEmpty");
			}
			if (file.getSize() > BallotWorkbook.MAX_BYTES) {
				throw DossierException.field("file", "dossier.import.tooLarge");
			}
			BallotImport.Report report = ballots.importFile(id, village, file.getBytes());
			redirect.addFlashAttribute("message", messages.text("dossier.import.done", report.ballots(), report.villageName()));
		}
		catch (DossierException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
			redirect.addFlashAttribute("importProblems", true);
		}
		return "redirect:/dossiers/" + id + "/survey";
	}

	// ---- procedure templates -----------------------------------------------------------------------------------------

	@GetMapping("/procedures")
	String procedures(Model model) {
		model.addAttribute("procedures", procedures.list());
		model.addAttribute("mayManage", access.isAdmin());
		return "dossiers/procedures";
	}

	@GetMapping("/procedures/{code}/{version}")
	String procedure(@PathVariable String code, @PathVariable int version, Model model) {
		model.addAttribute("p", procedures.get(code, version));
		model.addAttribute("yaml", procedures.yaml(code, version));
		model.addAttribute("mayManage", access.isAdmin());
		return "dossiers/procedure";
	}

	@PostMapping("/procedures")
	String addProcedure(@RequestParam(required = false) String yaml, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		authorization.require(Permission.MANAGE_PROCEDURES, Target.system(LocalDate.now(clock)));
		String text = file != null && !file.isEmpty() ? new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8) : yaml;
		String name = file != null && !file.isEmpty() ? file.getOriginalFilename() : "procedure.yaml";
		if (text != null && text.length() > 200_000) {
			redirect.addFlashAttribute("problems", List.of(messages.text("dossier.procedure.tooLong")));
			return "redirect:/procedures";
		}
		List<String> problems = procedures.add(name, text);
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("message", messages.text("dossier.procedure.added"));
		}
		else {
			redirect.addFlashAttribute("problems", problems);
			redirect.addFlashAttribute("typedYaml", text);
		}
		return "redirect:/procedures";
	}

	// ---- helpers -----------------------------------------------------------------------------------------------------

	interface Action {
		String run() throws IOException;
	}

	/** Runs a write and redirects to the dossier with its message, or with every problem; a stale page is told so. */
	private String act(long id, RedirectAttributes redirect, Action action) {
		try {
			redirect.addFlashAttribute("message", action.run());
		}
		catch (DossierException ex) {
			redirect.addFlashAttribute("problems", messages.describe(ex.problems()));
		}
		catch (AssessmentException ex) {
			redirect.addFlashAttribute("problems", List.of(ex.getMessage()));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text("dossier.error.conflict")));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return "redirect:/dossiers/" + id;
	}

	private static int version(MultiValueMap<String, String> form) {
		Integer version = integer(form.getFirst("version"));
		return version == null ? -1 : version;
	}

	static Boolean yesNo(String value) {
		return value == null || value.isBlank() ? null : "Y".equals(value) || "true".equals(value);
	}

	static Tier tier(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Tier.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw DossierException.field("level", "dossier.error.unknownLevel", value);
		}
	}

	static Integer integer(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip().replace(".", ""));
		}
		catch (NumberFormatException ex) {
			throw DossierException.field("number", "dossier.error.notANumber", value);
		}
	}

	static Long number(String value) {
		Integer number = integer(value);
		return number == null ? null : number.longValue();
	}

	static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw DossierException.field("date", "dossier.error.notADate", value);
		}
	}
}
