package vn.ntmtracker.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final tools.jackson.databind.json.JsonMapper json;
	private final vn.ntmtracker.security.AccessPolicy access;
	private final OverviewResponses answers;

	AssessmentApiController(Assessments assessments, AssessmentOverview overview, StatedStatuses stated, Clock clock,
			tools.jackson.databind.json.JsonMapper json, vn.ntmtracker.security.AccessPolicy access, OverviewResponses answers) {
		this.answers = answers;
		this.json = json;
		this.access = access;
		this.clock = clock;
		this.assessments = assessments;
		this.stated = stated;
		this.overview = overview;
	}

	record RoundSummary(long id, String unitCode, String setCode, int setVersion, LocalDate asOf, RoundKind kind,
			RoundStatus status, int achieved, int total, String score, int missingValues, boolean recognised,
			boolean atRisk, List<Integer> lostCriteria, List<Integer> gainedCriteria, String returnReason, int version,
			int provisionalCount, String scoreText, String cancelledBy, String cancelReason) {

		static RoundSummary of(AssessmentRound r) {
			return new RoundSummary(r.id(), r.unitCode(), r.setCode(), r.setVersion(), r.asOf(), r.kind(), r.status(),
					r.achieved(), r.total(), r.score(), r.missingValues(), r.recognised(), r.atRisk(), numbers(r.lostCriteria()),
					numbers(r.gainedCriteria()), r.returnReason(), r.version(), r.provisionalCount(), r.scoreWithProvisional(),
					r.cancelledBy(), r.cancelReason());
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

	@PostMapping("/api/assessments/{id}/{action:submit|verify|appraise|return|cancel}")
	@Operation(summary = "Sign-off: submit, verify (thẩm tra), appraise (thẩm định), return with a reason, or cancel a draft with a reason")
	RoundSummary action(@PathVariable long id, @PathVariable String action, @RequestBody Action request) {
		switch (action) {
			case "submit" -> assessments.submit(id, request.version());
			case "verify" -> assessments.verify(id, request.version());
			case "appraise" -> assessments.appraise(id, request.version());
			case "cancel" -> assessments.cancel(id, request.reason(), request.version());
			default -> assessments.returnToSubmitter(id, request.reason(), request.version());
		}
		return RoundSummary.of(assessments.round(id));
	}

	record CriterionHeader(int number, String name) {
	}

	/**
	 * Latest round per unit of the set's level under a unit — signed-off rounds unless {@code signedOff=false} — with
	 * its criterion letters (D đạt, B cơ bản đạt, X chưa đạt). Answered "304 Not Modified" when nothing has changed since
	 * the ETag the client holds, and from the stored answer of that ETag when another reader asked already
	 * ({@link OverviewResponses}): the rows are read again only after a write.
	 */
	@GetMapping("/api/assessments/overview")
	@Operation(summary = "Latest round per unit of the set's level under a unit, with each criterion's result; ETag for 304")
	void overview(@RequestParam String unit, @RequestParam String set,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "true") boolean signedOff,
			@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
			@RequestHeader(value = "Accept-Encoding", required = false) String acceptEncoding,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		AssessmentOverview.Scope scope = overview.scope(unit, set, asOf == null ? LocalDate.now(clock) : asOf, signedOff);
		String etag = overview.etag(scope, access.current());
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
		if (etag.equals(ifNoneMatch)) {
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			return;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		OverviewResponses.Answer answer = answers.get(etag);
		if (answer == null) {
			java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(64 * 1024);
			writeOverview(scope, signedOff, buffer);
			answer = answers.put(etag, buffer.toByteArray());
		}
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		byte[] body = answer.plain();
		if (acceptsGzip(acceptEncoding)) {
			// already compressed when stored; the server's own compression leaves an encoded answer alone
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = answer.gzip();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** Whether the client takes gzip: listed in Accept-Encoding and not refused with "q=0". */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.trim().split(";");
			if (parts[0].trim().equalsIgnoreCase("gzip")) {
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].trim().replace(" ", "");
					if (parameter.matches("q=0(\\.0*)?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	/** The overview as JSON, row by row as the database returns them. */
	private void writeOverview(AssessmentOverview.Scope scope, boolean signedOff, java.io.OutputStream target) {
		List<CriterionHeader> criteria = scope.set().criteria().stream().map(c -> new CriterionHeader(c.number(), c.name())).toList();
		long[] counts = new long[5];
		Map<Integer, Integer> perCriterion = new java.util.TreeMap<>();
		criteria.forEach(c -> perCriterion.put(c.number(), 0));
		try (tools.jackson.core.JsonGenerator out = json.createGenerator(target)) {
			out.writeStartObject();
			out.writeStringProperty("unitCode", scope.root().code());
			out.writeStringProperty("unitName", scope.root().displayName());
			out.writeStringProperty("setCode", scope.set().code());
			out.writeNumberProperty("setVersion", scope.set().version());
			out.writeStringProperty("asOf", scope.asOf().toString());
			out.writeBooleanProperty("signedOffOnly", signedOff);
			out.writePOJOProperty("criteria", criteria);
			out.writeName("rows");
			out.writeStartArray();
			overview.forEach(scope, row -> {
				counts[0]++;
				out.writeStartObject();
				out.writeStringProperty("unitCode", row.unitCode());
				out.writeStringProperty("unitName", row.displayName());
				out.writeStringProperty("parentName", row.parentName());
				if (row.assessed()) {
					counts[1]++;
					counts[2] += row.reachedTier() ? 1 : 0;
					counts[3] += row.regressed() ? 1 : 0;
					counts[4] += row.atRisk() ? 1 : 0;
					out.writeNumberProperty("roundId", row.roundId());
					out.writeStringProperty("asOf", row.asOf().toString());
					out.writeStringProperty("status", row.status().name());
					out.writeNumberProperty("achieved", row.achieved());
					out.writeNumberProperty("total", row.total());
					out.writeNumberProperty("provisionalCount", row.provisionalCount());
					out.writeBooleanProperty("recognised", row.recognised());
					out.writeBooleanProperty("atRisk", row.atRisk());
					out.writeStringProperty("lostCriteria", row.lostCriteria());
					StringBuilder letters = new StringBuilder(criteria.size());
					for (CriterionHeader c : criteria) {
						AssessmentOverview.Cell cell = row.cells().get(c.number());
						letters.append(AssessmentOverview.letter(cell));
						if (cell != null && cell.achieved()) {
							perCriterion.merge(c.number(), 1, Integer::sum);
						}
					}
					out.writeStringProperty("results", letters.toString());
				}
				out.writeEndObject();
			});
			out.writeEndArray();
			out.writeNumberProperty("units", counts[0]);
			out.writeNumberProperty("assessed", counts[1]);
			out.writeNumberProperty("reachedTier", counts[2]);
			out.writeNumberProperty("regressed", counts[3]);
			out.writeNumberProperty("atRisk", counts[4]);
			out.writePOJOProperty("achievedPerCriterion", perCriterion);
			out.writeEndObject();
		}
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
