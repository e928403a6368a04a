package vn.ntmtracker.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ntmtracker.units.Units;

/**
 * JSON API of directives and requests: lists within the caller's reach, one directive with its history, the
 * lifecycle (progress, extension, completion, acceptance, return), bucket counts and summaries.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Nhiệm vụ", description = "Directives and requests from documents: follow-up, deadlines, status buckets")
class DirectiveApiController {

	private final DirectiveQueries queries;
	private final DirectiveDesk desk;
	private final DirectiveAccess access;
	private final DirectiveStore store;
	private final Attachments attachments;
	private final Units units;

	private final Clock clock;

	DirectiveApiController(DirectiveQueries queries, DirectiveDesk desk, DirectiveAccess access, DirectiveStore store,
			Attachments attachments, Units units, Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.desk = desk;
		this.access = access;
		this.store = store;
		this.attachments = attachments;
		this.units = units;
	}

	record Page(List<DirectiveRow> content, int page, int size, long totalElements, BucketCounts buckets) {
	}

	/** An attached file in JSON: its name and its bytes in Base64. */
	record FilePayload(String fileName, String contentBase64) {

		Attachments.Upload upload() {
			try {
				return new Attachments.Upload(fileName, contentBase64 == null ? null : Base64.getDecoder().decode(contentBase64));
			}
			catch (IllegalArgumentException ex) {
				throw new DirectiveRuleException("attachment.error.base64", fileName);
			}
		}
	}

	record ProgressPayload(Integer version, LocalDate on, String note, Integer percent, FilePayload attachment) {
	}

	record ExtensionPayload(Integer version, String deadline, LocalDate grantedOn, String reason) {
	}

	record CompletionPayload(Integer version, LocalDate on, String evidence, FilePayload attachment) {
	}

	record DecisionPayload(Integer version, LocalDate on, String reason) {
	}

	record Detail(DirectiveRow directive, List<DeadlineChange> deadlines, List<DirectiveQueries.Event> events,
			Map<Long, List<Attachments.Info>> attachments) {
	}

	@GetMapping("/directives")
	@Operation(summary = "Directives and requests in your reach, overdue first, with their bucket as of a day (default today)",
			description = "Filters: q (diacritics ignored), unit (subtree), organisation (lead or cooperating), mine=true "
					+ "(your organisations), criterion (number), bucket (NOT_DUE, IN_PROGRESS, OVERDUE, COMPLETED_ON_TIME, COMPLETED_LATE)")
	Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Long organisation, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) String criterion, @RequestParam(required = false) Bucket bucket,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return page(filter(q, unit, organisation, mine, criterion, bucket, asOf), null, page, size);
	}

	@GetMapping("/requests")
	@Operation(summary = "Requests (kiến nghị) raised by units, with their handling body, deadline and bucket as of a day")
	Page requests(@RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return page(filter(null, unit, null, false, null, null, asOf), Directive.Kind.REQUEST, page, size);
	}

	@GetMapping("/directives/{id}")
	@Operation(summary = "One directive: text, bodies, deadline history (superseded ones included), events and attachments")
	Detail get(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		DirectiveRow row = visible(id, day(asOf));
		return new Detail(row, store.deadlines(List.of(id)).getOrDefault(id, List.of()), queries.events(id),
				attachments.ofEvents(id));
	}

	@PostMapping("/directives/{id}/progress")
	@Operation(summary = "Report progress (lead or cooperating body), optionally with a PDF/DOCX/TXT attachment ≤ 10 MB")
	Detail progress(@PathVariable long id, @RequestBody ProgressPayload body) {
		visible(id, LocalDate.now(clock));
		desk.reportProgress(id, body.version(), required(body.on()), body.note(), body.percent(),
				body.attachment() == null ? null : body.attachment().upload());
		return get(id, null);
	}

	@PostMapping("/directives/{id}/extensions")
	@Operation(summary = "Extend the deadline (issuer): new wording, e.g. \"trước ngày 15/4/2024\", with a reason; the old one stays in the history")
	Detail extend(@PathVariable long id, @RequestBody ExtensionPayload body) {
		visible(id, LocalDate.now(clock));
		desk.extend(id, body.version(), body.deadline(), required(body.grantedOn()), body.reason());
		return get(id, null);
	}

	@PostMapping("/directives/{id}/completion")
	@Operation(summary = "Report completion (lead body) with evidence: a text and/or an attachment; required where the directive demands evidence")
	Detail complete(@PathVariable long id, @RequestBody CompletionPayload body) {
		visible(id, LocalDate.now(clock));
		desk.complete(id, body.version(), required(body.on()), body.evidence(),
				body.attachment() == null ? null : body.attachment().upload());
		return get(id, null);
	}

	@PostMapping("/directives/{id}/acceptance")
	@Operation(summary = "Accept a reported completion (issuer)")
	Detail accept(@PathVariable long id, @RequestBody DecisionPayload body) {
		visible(id, LocalDate.now(clock));
		desk.accept(id, body.version(), required(body.on()));
		return get(id, null);
	}

	@PostMapping("/directives/{id}/return")
	@Operation(summary = "Return a reported completion for rework with a reason (issuer); the directive is open again")
	Detail returnForRework(@PathVariable long id, @RequestBody DecisionPayload body) {
		visible(id, LocalDate.now(clock));
		desk.returnForRework(id, body.version(), required(body.on()), body.reason());
		return get(id, null);
	}

	@GetMapping("/directives/buckets")
	@Operation(summary = "Bucket counts over the directives targeting a unit's subtree (as of the day), within your reach",
			description = "Returns {notDue, inProgress, overdue, completedOnTime, completedLate}. 403 when the unit is outside your jurisdiction.")
	BucketCounts buckets(@RequestParam String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate day = day(asOf);
		units.get(unit, day);
		access.requireRead(unit);
		return DirectiveQueries.count(queries.find(DirectiveFilter.asOf(day).forUnit(unit), access.reach(), access.myOrganisations()));
	}

	record SummaryLineJson(String key, String label, BucketCounts counts, Map<String, Long> percent) {
	}

	record Summary(String unit, LocalDate asOf, DirectiveQueries.GroupBy by, BucketCounts total, List<SummaryLineJson> lines) {
	}

	@GetMapping("/directives/summary")
	@Operation(summary = "Bucket counts and percentages per assignee, issuer, unit or period (month of the deadline) for a unit's subtree")
	Summary summary(@RequestParam String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "ASSIGNEE") DirectiveQueries.GroupBy by) {
		LocalDate day = day(asOf);
		// an abolished district answers for its former communes, a merged commune with its predecessors
		units.lastKnown(unit, day).orElseThrow(() -> new vn.ntmtracker.units.UnitNotFoundException(unit));
		access.requireRead(unit);
		List<DirectiveRow> rows = queries.find(DirectiveFilter.asOf(day).forUnit(unit), access.reach(), access.myOrganisations());
		List<SummaryLineJson> lines = queries.summary(rows, by, day).stream()
			.map(line -> new SummaryLineJson(line.key(), line.label(), line.counts(), percentages(line.counts()))).toList();
		return new Summary(unit, day, by, DirectiveQueries.count(rows), lines);
	}

	private static Map<String, Long> percentages(BucketCounts counts) {
		Map<String, Long> map = new java.util.LinkedHashMap<>();
		for (Bucket bucket : Bucket.values()) {
			map.put(bucket.name(), counts.percent(bucket));
		}
		return map;
	}

	private Page page(DirectiveFilter filter, Directive.Kind kind, int page, int size) {
		List<DirectiveRow> rows = queries.find(filter, access.reach(), access.myOrganisations());
		if (kind != null) {
			rows = rows.stream().filter(r -> r.kind() == kind).toList();
		}
		int p = Math.max(page, 0);
		int s = Math.min(Math.max(size, 1), 500);
		int from = Math.min(p * s, rows.size());
		return new Page(rows.subList(from, Math.min(from + s, rows.size())), p, s, rows.size(), DirectiveQueries.count(rows));
	}

	private DirectiveFilter filter(String q, String unit, Long organisation, boolean mine, String criterion, Bucket bucket,
			LocalDate asOf) {
		if (unit != null && !unit.isBlank()) {
			units.get(unit, day(asOf));
			access.requireRead(unit);
		}
		return new DirectiveFilter(q, unit, organisation, mine, criterion, null, bucket, null, day(asOf));
	}

	/** The directive as the caller sees it; 404 when missing, 403 when outside their reach. */
	private DirectiveRow visible(long id, LocalDate asOf) {
		return queries.one(id, access.reach(), asOf);
	}

	private static LocalDate required(LocalDate day) {
		if (day == null) {
			throw new DirectiveRuleException("directive.error.dateRequired");
		}
		return day;
	}

	private LocalDate day(LocalDate asOf) {
		return asOf == null ? LocalDate.now(clock) : asOf;
	}
}
