package vn.ntmtracker.dossiers;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.ntmtracker.criteria.Tier;

/**
 * JSON API of recognition dossiers and the recognition history. Every write is decided by
 * {@link vn.ntmtracker.security.Authorization}, audited, refused with 422 and every problem named (the sheet and cell
 * for an import), 409 when the {@code version} read is stale; a dossier outside the caller's reach answers 404.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Hồ sơ công nhận", description = "Recognition and revocation dossiers, satisfaction surveys, recognition history")
class DossierApiController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Dossiers dossiers;
	private final RecognitionHistory history;
	private final BallotImport ballots;
	private final Surveys surveys;
	private final Procedures procedures;
	private final DossierMessages messages;

	DossierApiController(Dossiers dossiers, RecognitionHistory history, BallotImport ballots, Surveys surveys, Procedures procedures,
			DossierMessages messages) {
		this.dossiers = dossiers;
		this.history = history;
		this.ballots = ballots;
		this.surveys = surveys;
		this.procedures = procedures;
		this.messages = messages;
	}

	// ---- recognition history -----------------------------------------------------------------------------------------

	/** One entry of the history: {@code until} is the first day no longer recognised (empty while it lasts). */
	record RecognitionJson(String level, String setCode, LocalDate since, LocalDate until, String decisionNumber, LocalDate decisionDate) {

		static RecognitionJson of(Recognition r) {
			return new RecognitionJson(r.tier().name(), r.setCode(), r.since(), r.until(), r.decisionNumber(), r.decisionDate());
		}
	}

	record EarlierRecognition(Tier level, String setCode, LocalDate since, String decisionNumber, LocalDate decisionDate, String signer,
			String note) {
	}

	@GetMapping("/units/{code}/recognitions")
	@Operation(summary = "The unit's recognition history, oldest first: level, set, since, until (the revocation's effective day), decision")
	List<RecognitionJson> recognitions(@PathVariable String code) {
		return history.of(code).stream().map(RecognitionJson::of).toList();
	}

	@PostMapping("/units/{code}/recognitions")
	@Operation(summary = "Record a recognition decided before the system (the level above): {level, setCode, since, decisionNumber, decisionDate, signer, note}")
	ResponseEntity<Map<String, Object>> recordEarlier(@PathVariable String code, @RequestBody EarlierRecognition body) {
		long id = history.recordEarlier(code, body.level(), body.setCode(), body.since(), body.decisionNumber(), body.decisionDate(),
				body.signer(), body.note());
		return ResponseEntity.created(URI.create("/api/units/" + code + "/recognitions")).body(Map.of("id", id));
	}

	// ---- dossiers ----------------------------------------------------------------------------------------------------

	record OpenBody(String unitCode, Purpose purpose, Tier level, Long roundId, Integer targetYear, LocalDate openedOn) {
	}

	record RowJson(long id, String unitCode, String unitName, Purpose purpose, String level, int targetYear, String state, String step,
			String stepName, String actor, Side side, LocalDate dueOn, boolean overdue, LocalDate openedOn, String procedure) {

		static RowJson of(Dossiers.Row r) {
			return new RowJson(r.id(), r.unitCode(), r.unitName(), r.purpose(), r.tier().name(), r.targetYear(), r.state(), r.stepCode(),
					r.stepName(), r.actorName(), r.side(), r.dueOn(), r.overdue(), r.openedOn(), r.procedure());
		}
	}

	@GetMapping("/dossiers")
	@Operation(summary = "Dossiers within your reach (in the unit's subtree when given), by state (IN_PREPARATION, UNDER_APPRAISAL, DECIDED, CLOSED) and current step")
	List<RowJson> list(@RequestParam(required = false) String unit, @RequestParam(required = false) String state,
			@RequestParam(required = false) String step, @RequestParam(defaultValue = "false") boolean overdue) {
		return dossiers.list(unit, state, step, overdue).stream().map(RowJson::of).toList();
	}

	@PostMapping("/dossiers")
	@Operation(summary = "Open a dossier: {unitCode, purpose RECOGNITION (default) with roundId, or REVOCATION with level; targetYear, openedOn}; "
			+ "422 naming the unmet criteria when the round does not meet every one")
	ResponseEntity<Map<String, Object>> open(@RequestBody OpenBody body) {
		long id = dossiers.open(new Dossiers.OpenRequest(body.unitCode(), body.purpose(), body.level(), body.roundId(), body.targetYear(),
				body.openedOn()));
		return ResponseEntity.created(URI.create("/api/dossiers/" + id)).body(Map.of("id", id));
	}

	record StepJson(String code, String kind, String name, String actor, Side side, String status, LocalDate startedOn, LocalDate dueOn,
			LocalDate completedOn, String completedBy, boolean overdue, boolean verified, List<DocumentJson> documents) {
	}

	record DocumentJson(String kind, String name, boolean original, boolean required, String template, Long id, String fileName,
			String number, LocalDate issuedOn) {
	}

	record CheckJson(String code, String name, String status, String evidence) {
	}

	record DossierJson(long id, String unitCode, String unitName, Purpose purpose, String level, int targetYear, String state, int version,
			String procedure, LocalDate openedOn, LocalDate closedOn, String closeReason, long sourceRoundId, Long appraisalRoundId,
			String currentStep, List<StepJson> steps, List<CheckJson> checklist, SurveyJson survey, RecognitionJson recognition) {
	}

	@GetMapping("/dossiers/{id}")
	@Operation(summary = "A dossier: steps with actor, due date and documents; the conditions checked with their evidence; the survey's rates")
	DossierJson get(@PathVariable long id) {
		Dossiers.DossierView v = dossiers.view(id);
		List<StepJson> steps = new ArrayList<>();
		for (Dossiers.StepView s : v.steps()) {
			steps.add(new StepJson(s.template().code(), s.template().kind().name(), s.template().name(), s.template().actorName(),
					s.template().side(), s.status(), s.startedOn(), s.dueOn(), s.completedOn(), s.completedBy(), s.overdue(),
					s.template().verified(), s.documents().stream().map(d -> new DocumentJson(d.slot().kind(), d.slot().name(),
							d.slot().original(), d.slot().required(), d.slot().template(), d.current() == null ? null : d.current().id(),
							d.current() == null ? null : d.current().fileName(), d.current() == null ? null : d.current().number(),
							d.current() == null ? null : d.current().issuedOn())).toList()));
		}
		List<CheckJson> checks = v.checklist().stream().map(c -> new CheckJson(c.condition().code(), c.condition().name(), c.status().name(),
				messages.text(c.evidenceKey(), c.evidence().toArray()))).toList();
		return new DossierJson(v.id(), v.unit().code(), v.unit().displayName(), v.purpose(), v.tier().name(), v.targetYear(), v.state(),
				v.version(), v.procedure().ref(), v.openedOn(), v.closedOn(), v.closeReason(), v.sourceRoundId(), v.appraisalRoundId(),
				v.current() == null ? null : v.current().template().code(), steps, checks, survey(v.facts().survey()),
				v.recognition() == null ? null : RecognitionJson.of(v.recognition()));
	}

	record MeetingBody(LocalDate heldOn, Integer invited, Integer present, Integer votesFor, Integer votesAgainst, String chairedBy) {
	}

	record CouncilBody(LocalDate heldOn, String members, Integer memberCount, Integer votesFor, Integer votesAgainst) {
	}

	record DecisionBody(String number, LocalDate decidedOn, String signer, LocalDate effectiveOn) {
	}

	record CompleteBody(Integer version, LocalDate on, String note, MeetingBody meeting, CouncilBody council, DecisionBody decision) {
	}

	@PostMapping("/dossiers/{id}/steps/{step}/complete")
	@Operation(summary = "Mark the current step done: {version, on, note} plus meeting, council or decision for those steps; "
			+ "422 naming every missing document, unmet condition (with the satisfaction rate) or rule")
	Map<String, Object> complete(@PathVariable long id, @PathVariable String step, @RequestBody CompleteBody body) {
		Dossiers.Outcome outcome = dossiers.complete(id, step, body.version() == null ? -1 : body.version(), new Dossiers.Completion(body.on(),
				body.note(), body.meeting() == null ? null : new Dossiers.MeetingInput(body.meeting().heldOn(), body.meeting().invited(),
						body.meeting().present(), body.meeting().votesFor(), body.meeting().votesAgainst(), body.meeting().chairedBy()),
				body.council() == null ? null : new Dossiers.CouncilInput(body.council().heldOn(), body.council().members(),
						body.council().memberCount(), body.council().votesFor(), body.council().votesAgainst()),
				body.decision() == null ? null : new Dossiers.DecisionInput(body.decision().number(), body.decision().decidedOn(),
						body.decision().signer(), body.decision().effectiveOn())));
		return Map.of("state", outcome.state(), "message", messages.text(outcome.messageKey(), outcome.arguments().toArray()));
	}

	record PostingBody(Integer version, String places, LocalDate from, LocalDate to) {
	}

	@PutMapping("/dossiers/{id}/posting")
	@Operation(summary = "Where and when the report is posted: {version, places, from, to}")
	Map<String, Object> posting(@PathVariable long id, @RequestBody PostingBody body) {
		dossiers.savePosting(id, body.version() == null ? -1 : body.version(), body.places(), body.from(), body.to());
		return Map.of("id", id);
	}

	record ReadingBody(LocalDate on, String note) {
	}

	@PostMapping("/dossiers/{id}/readings")
	@Operation(summary = "Log a loudspeaker reading of the posted report: {on, note}")
	Map<String, Object> reading(@PathVariable long id, @RequestBody ReadingBody body) {
		return Map.of("id", dossiers.addReading(id, body.on(), body.note()));
	}

	record CommentBody(LocalDate receivedOn, String author, String text) {
	}

	@PostMapping("/dossiers/{id}/comments")
	@Operation(summary = "A comment received during the posting: {receivedOn, author, text}")
	Map<String, Object> comment(@PathVariable long id, @RequestBody CommentBody body) {
		return Map.of("id", dossiers.addComment(id, body.receivedOn(), body.author(), body.text()));
	}

	record AnswerBody(Integer version, String answer, LocalDate on) {
	}

	@PostMapping("/dossiers/{id}/comments/{commentId}/answer")
	@Operation(summary = "Answer a comment: {version, answer, on}")
	Map<String, Object> answer(@PathVariable long id, @PathVariable long commentId, @RequestBody AnswerBody body) {
		dossiers.answerComment(id, commentId, body.version() == null ? -1 : body.version(), body.answer(), body.on());
		return Map.of("id", commentId);
	}

	@PostMapping(path = "/dossiers/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a signed scan (PDF, JPEG, PNG) or a DOCX (≤ 10 MB) to a document of a step: step, kind, number, issuedOn, file")
	Map<String, Object> document(@PathVariable long id, @RequestParam String step, @RequestParam String kind,
			@RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestPart("file") MultipartFile file) throws IOException {
		if (file.getSize() > Dossiers.MAX_DOCUMENT_BYTES) {
			throw DossierException.field("file", "dossier.error.fileTooLarge", Dossiers.MAX_DOCUMENT_BYTES / 1024 / 1024);
		}
		return Map.of("id", dossiers.addDocument(id, step, kind, number, issuedOn, file.getOriginalFilename(), file.getBytes()));
	}

	@GetMapping("/dossiers/{id}/documents/{documentId}")
	@Operation(summary = "An attached document's file")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
		return file(dossiers.document(id, documentId).orElseThrow(() -> new DossierNotFoundException("văn bản", documentId)));
	}

	static ResponseEntity<byte[]> file(DossierRecords.Content content) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.fileName(), StandardCharsets.UTF_8)
				.build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

	record CloseBody(Integer version, LocalDate on, String reason) {
	}

	@PostMapping("/dossiers/{id}/close")
	@Operation(summary = "Withdraw or close the dossier with a reason: {version, on, reason}")
	Map<String, Object> close(@PathVariable long id, @RequestBody CloseBody body) {
		dossiers.close(id, body.version() == null ? -1 : body.version(), body.on(), body.reason());
		return Map.of("id", id, "state", "CLOSED");
	}

	// ---- survey ------------------------------------------------------------------------------------------------------

	record BallotBody(String villageCode, String householdRef, String householdName, Map<String, Boolean> answers, Boolean overall,
			String proposal) {
	}

	@PostMapping("/dossiers/{id}/ballots")
	@Operation(summary = "One household's ballot: {villageCode, householdRef, answers: {\"1\": true, …} per criterion, overall, proposal}")
	ResponseEntity<Map<String, Object>> ballot(@PathVariable long id, @RequestBody BallotBody body) {
		Dossier dossier = dossiers.loadForBallots(id);
		List<Boolean> answers = new ArrayList<>();
		for (SatisfactionTally.Item item : surveys.items(dossier)) {
			answers.add(body.answers() == null ? null : body.answers().get(Integer.toString(item.number())));
		}
		long ballot = dossiers.addBallot(id, new Surveys.BallotInput(body.villageCode(), body.householdRef(), body.householdName(), answers,
				body.overall(), body.proposal()));
		return ResponseEntity.status(201).body(Map.of("id", ballot));
	}

	@PutMapping("/dossiers/{id}/survey/households")
	@Operation(summary = "Households given a ballot per village: {\"<village code>\": n}")
	Map<String, Object> households(@PathVariable long id, @RequestBody Map<String, Integer> body) {
		dossiers.saveHouseholds(id, body);
		return Map.of("id", id);
	}

	record RateJson(Integer number, String name, int satisfied, int returned, BigDecimal percent, boolean below) {
	}

	record VillageJson(String code, String name, Integer households, int returned, BigDecimal participation, BigDecimal overall) {
	}

	record SurveyJson(int returned, Integer households, BigDecimal participation, RateJson overall, List<RateJson> items,
			List<VillageJson> villages, BigDecimal overallAtLeast, BigDecimal perItemAtLeast, BigDecimal minParticipation, boolean met,
			List<String> shortfalls) {
	}

	SurveyJson survey(SatisfactionTally.Result r) {
		if (r == null) {
			return null;
		}
		return new SurveyJson(r.returned(), r.households(), r.participation(),
				new RateJson(null, "overall", r.overall().satisfied(), r.returned(), r.overall().percent(), false),
				r.items().stream().map(i -> new RateJson(i.item().number(), i.item().name(), i.rate().satisfied(), i.rate().returned(),
						i.rate().percent(), i.below())).toList(),
				r.villages().stream().map(v -> new VillageJson(v.code(), v.name(), v.households(), v.returned(), v.participation(),
						v.overall().percent())).toList(),
				r.thresholds() == null ? null : r.thresholds().overallAtLeast(), r.thresholds() == null ? null : r.thresholds().perItemAtLeast(),
				r.thresholds() == null ? null : r.thresholds().minParticipation(), r.met(),
				r.shortfalls().stream().map(s -> messages.text(s.key(), s.arguments().toArray())).toList());
	}

	@GetMapping("/dossiers/{id}/survey")
	@Operation(summary = "Satisfaction rates per criterion and overall (satisfied ÷ returned ballots), per village, against the template's thresholds")
	SurveyJson survey(@PathVariable long id) {
		return survey(dossiers.view(id).facts().survey());
	}

	@GetMapping("/dossiers/{id}/survey/template.xlsx")
	@Operation(summary = "The ballot workbook of one village")
	ResponseEntity<byte[]> template(@PathVariable long id, @RequestParam String village) {
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("phieu-hai-long-" + id + "-" + village + ".xlsx")
				.build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store").body(ballots.template(id, village));
	}

	@PostMapping(path = "/dossiers/{id}/survey/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a village's ballots from its workbook (replaces that village's ballots): all or nothing, 422 with {sheet, cell, message}")
	Map<String, Object> importBallots(@PathVariable long id, @RequestParam String village, @RequestPart("file") MultipartFile file)
			throws IOException {
		if (file.getSize() > BallotWorkbook.MAX_BYTES) {
			throw DossierException.field("file", "dossier.import.tooLarge");
		}
		BallotImport.Report report = ballots.importFile(id, village, file.getBytes());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("village", report.villageCode());
		body.put("ballots", report.ballots());
		return body;
	}

	@GetMapping("/procedures")
	@Operation(summary = "Procedure templates: code, version, purpose, levels, scope, validity, whether provisional")
	List<Procedures.Summary> procedures() {
		return procedures.list();
	}
}
