package vn.ntmtracker.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of assessments; the caller's jurisdiction applies to every read and write. */
@RestController
@Tag(name = "Đánh giá", description = "Assessment rounds, computed statuses, sign-off, overview")
class AssessmentApiController {

	private final Assessments assessments;
	private final AssessmentOverview overview;
	private final StatedStatuses stated;

	private final Clock clock;

	AssessmentApiController(Assessments assessments, AssessmentOverview overview, StatedStatuses stated, Clock clock) {
		this.clock = clock;
		this.assessments = assessments;
		this.stated = stated;
		this.overview = overview;
	}

	record RoundSummary(long id, String unitCode, String setCode, int setVersion, LocalDate asOf, RoundKind kind,
			RoundStatus status, int achieved, int total, String score, int missingValues, boolean recognised,
			boolean atRisk, List<Integer> lostCriteria, List<Integer> gainedCriteria, String returnReason, int version,
			int provisionalCount, String scoreText) {

		static RoundSummary of(AssessmentRound r) {
			return new RoundSummary(r.id(), r.unitCode(), r.setCode(), r.setVersion(), r.asOf(), r.kind(), r.status(),
					r.achieved(), r.total(), r.score(), r.missingValues(), r.recognised(), r.atRisk(), numbers(r.lostCriteria()),
					numbers(r.gainedCriteria()), r.returnReason(), r.version(), r.provisionalCount(), r.scoreWithProvisional());
		}

		private static List<Integer> numbers(String list) {
			return list == null || list.isBlank() ? List.of() : java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
		}
	}

	record NewRound(String setCode, Integer setVersion, LocalDate asOf, RoundKind kind, Long fromRoundId,
			Map<String, String> values, Map<String, String> evidence) {
	}

	record ValuesUpdate(int version, Map<String, String> values, Map<String, String> evidence) {
	}

	record Action(int version, String reason) {
	}

	record EvaluationView(RoundSummary round, Evaluation evaluation, RegressionAnalysis.Regression regression,
			RevocationRule.Risk risk) {
	}

	@GetMapping("/api/units/{code}/assessments")
	@Operation(summary = "A unit's assessment rounds, newest first, with their computed totals")
	List<RoundSummary> rounds(@PathVariable String code) {
		return assessments.rounds(code).stream().map(RoundSummary::of).toList();
	}

	@GetMapping("/api/units/{code}/stated-statuses")
	@Operation(summary = "Criteria statuses stated in the unit's documents (\"đạt 3/20 tiêu chí\"), newest first")
	List<StatedStatuses.StatedStatus> statedStatuses(@PathVariable String code) {
		return stated.of(code);
	}

	@PostMapping("/api/units/{code}/assessments")
	@Operation(summary = "Open a round (optionally with values); the set must apply to the unit's level and province")
	ResponseEntity<RoundSummary> open(@PathVariable String code, @RequestBody NewRound request) {
		if (request.setCode() == null || request.asOf() == null) {
			throw new AssessmentException("setCode và asOf là bắt buộc");
		}
		long id = assessments.open(code, request.setCode(), request.setVersion(), request.asOf(),
				request.kind() == null ? RoundKind.SELF : request.kind(), request.fromRoundId(),
				request.values() == null ? Map.of() : raw(request.values(), request.evidence()));
		return ResponseEntity.status(HttpStatus.CREATED).body(RoundSummary.of(assessments.round(id)));
	}

	@PutMapping("/api/assessments/{id}/values")
	@Operation(summary = "Enter or change values (empty string clears one); all or nothing; 409 on a stale version")
	RoundSummary values(@PathVariable long id, @RequestBody ValuesUpdate request) {
		assessments.saveValues(id, raw(request.values(), request.evidence()), request.version());
		return RoundSummary.of(assessments.round(id));
	}

	record FromVillages(int version, String villageSetCode, Integer criterion) {
	}

	@PostMapping("/api/assessments/{id}/values/{indicator}/from-villages")
	@Operation(summary = "Fill a percentage indicator with the share of the commune's villages achieving a village-set criterion (or the whole set)")
	Assessments.VillageShare fromVillages(@PathVariable long id, @PathVariable String indicator, @RequestBody FromVillages request) {
		return assessments.fillFromVillages(id, indicator, request.villageSetCode(), request.criterion(), request.version());
	}

	@GetMapping("/api/assessments/{id}")
	@Operation(summary = "One round's totals")
	RoundSummary round(@PathVariable long id) {
		return RoundSummary.of(assessments.readableRound(id));
	}

	@GetMapping("/api/assessments/{id}/evaluation")
	@Operation(summary = "Per-criterion status and per-indicator result with the threshold used, regression and revocation risk")
	EvaluationView evaluation(@PathVariable long id) {
		Assessments.RoundView view = assessments.view(id);
		return new EvaluationView(RoundSummary.of(view.round()), view.evaluation(), view.regression().orElse(null), view.risk());
	}

	@PostMapping("/api/assessments/{id}/{action:submit|verify|appraise|return}")
	@Operation(summary = "Sign-off: submit, verify (thẩm tra), appraise (thẩm định) or return with a reason")
	RoundSummary action(@PathVariable long id, @PathVariable String action, @RequestBody Action request) {
		switch (action) {
			case "submit" -> assessments.submit(id, request.version());
			case "verify" -> assessments.verify(id, request.version());
			case "appraise" -> assessments.appraise(id, request.version());
			default -> assessments.returnToSubmitter(id, request.reason(), request.version());
		}
		return RoundSummary.of(assessments.round(id));
	}

	record CriterionHeader(int number, String name) {
	}

	/**
	 * One unit of the overview. {@code results} has one letter per criterion in the order of {@code criteria}:
	 * D đạt, B cơ bản đạt, X chưa đạt, - not assessed — compact, because a province has a thousand rows.
	 */
	record OverviewRow(String unitCode, String unitName, String parentName, Long roundId, LocalDate asOf,
			RoundStatus status, Integer achieved, Integer total, boolean recognised, boolean atRisk,
			String lostCriteria, String results) {
	}

	record OverviewView(String unitCode, String unitName, String setCode, int setVersion, LocalDate asOf,
			List<CriterionHeader> criteria, long units, long assessed, long reachedTier, long regressed, long atRisk,
			Map<Integer, Integer> achievedPerCriterion, List<OverviewRow> rows) {
	}

	static String letters(AssessmentOverview.Row row, List<CriterionHeader> criteria) {
		StringBuilder letters = new StringBuilder(criteria.size());
		for (CriterionHeader criterion : criteria) {
			AssessmentOverview.Cell cell = row.cells().get(criterion.number());
			letters.append(cell == null ? '-' : !cell.achieved() ? 'X' : cell.basically() ? 'B' : 'D');
		}
		return letters.toString();
	}

	@GetMapping("/api/assessments/overview")
	@Operation(summary = "Latest round per unit of the set's level under a unit, with each criterion's stored result")
	OverviewView overview(@RequestParam String unit, @RequestParam String set,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean signedOff, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String sort) {
		AssessmentOverview.Overview o = overview.of(unit, set, asOf == null ? LocalDate.now(clock) : asOf, signedOff, filter, sort);
		List<CriterionHeader> criteria = o.set().criteria().stream().map(c -> new CriterionHeader(c.number(), c.name())).toList();
		List<OverviewRow> rows = o.rows().stream().map(r -> new OverviewRow(r.unitCode(), r.kind().label() + " " + r.unitName(),
				r.parentName(), r.roundId(), r.asOf(), r.status(), r.assessed() ? r.achieved() : null,
				r.assessed() ? r.total() : null, r.recognised(), r.atRisk(), r.lostCriteria(), letters(r, criteria))).toList();
		return new OverviewView(o.root().code(), o.root().displayName(), o.set().code(), o.set().version(), o.asOf(),
				criteria, o.rows().size(), o.assessed(), o.reachedTier(), o.regressed(), o.atRisk(), o.achievedPerCriterion(), rows);
	}

	@ExceptionHandler(InvalidValuesException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidValuesException ex) {
		return ResponseEntity.unprocessableContent().body(Map.of("message", "Giá trị không hợp lệ; không có gì được lưu",
				"problems", ex.problems()));
	}

	private static Map<String, ValueInput.Raw> raw(Map<String, String> values, Map<String, String> evidence) {
		Map<String, ValueInput.Raw> raw = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((code, text) -> raw.put(code, new ValueInput.Raw(text, evidence == null ? null : evidence.get(code))));
		}
		return raw;
	}
}
