package vn.ntmtracker.directives;

import java.time.Clock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Pages of directives: my work (per user and organisation, overdue first), search, the per-criterion view,
 * a directive with its history and the lifecycle forms, the calendar by month and the leader's summary.
 */
@Controller
class DirectiveController {

	static final int PAGE_SIZE = 25;

	private final DirectiveQueries queries;
	private final DirectiveDesk desk;
	private final DirectiveAccess access;
	private final DirectiveStore store;
	private final Organisations organisations;
	private final Attachments attachments;
	private final DirectiveMessages messages;
	private final Units units;

	private final Clock clock;

	DirectiveController(DirectiveQueries queries, DirectiveDesk desk, DirectiveAccess access, DirectiveStore store,
			Organisations organisations, Attachments attachments, DirectiveMessages messages, Units units, Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.desk = desk;
		this.access = access;
		this.store = store;
		this.organisations = organisations;
		this.attachments = attachments;
		this.messages = messages;
		this.units = units;
	}

	@GetMapping("/directives")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Long organisation, @RequestParam(required = false) Boolean mine,
			@RequestParam(required = false) String criterion, @RequestParam(required = false) Bucket bucket,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		List<Organisation> myOrganisations = access.currentOrganisations();
		boolean onlyMine = mine != null ? mine
				: myOrganisations.size() > 0 && q == null && unit == null && organisation == null && criterion == null;
		if (unit != null && !unit.isBlank()) {
			units.get(unit, day);
			access.requireRead(unit);
		}
		DirectiveFilter filter = new DirectiveFilter(q, blank(unit), organisation, onlyMine, blank(criterion), null, null, null, day);
		List<DirectiveRow> all = queries.find(filter, access.reach(), access.myOrganisations());
		List<DirectiveRow> shown = bucket == null ? all : all.stream().filter(r -> r.bucket() == bucket).toList();
		int p = Math.max(page, 0);
		int from = Math.min(p * PAGE_SIZE, shown.size());
		model.addAttribute("rows", shown.subList(from, Math.min(from + PAGE_SIZE, shown.size())));
		model.addAttribute("total", shown.size());
		model.addAttribute("page", p);
		model.addAttribute("totalPages", (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("counts", DirectiveQueries.count(all));
		model.addAttribute("buckets", Bucket.values());
		model.addAttribute("bucket", bucket);
		model.addAttribute("q", q);
		model.addAttribute("unit", unit);
		model.addAttribute("criterion", criterion);
		model.addAttribute("organisation", organisation);
		model.addAttribute("mine", onlyMine);
		model.addAttribute("myOrganisations", myOrganisations);
		model.addAttribute("asOf", day);
		return "directives/list";
	}

	@GetMapping("/directives/{id}")
	String show(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		DirectiveRow row = queries.one(id, access.reach(), day);
		Directive directive = store.load(id);
		model.addAttribute("d", row);
		model.addAttribute("asOf", day);
		model.addAttribute("deadlines", directive.deadlines());
		model.addAttribute("events", queries.events(id));
		model.addAttribute("files", attachments.ofEvents(id));
		model.addAttribute("targets", directive.targetUnits().stream().sorted()
			.map(code -> units.find(code, day).map(Unit::displayName).orElse(code)).toList());
		model.addAttribute("evidenceRequired", directive.evidenceRequired());
		model.addAttribute("mayReport", desk.mayReport(directive, LocalDate.now(clock)));
		model.addAttribute("mayComplete", desk.mayComplete(directive, LocalDate.now(clock)));
		model.addAttribute("mayDecide", desk.mayDecide(directive, LocalDate.now(clock)));
		model.addAttribute("today", LocalDate.now(clock));
		return "directives/show";
	}

	@PostMapping("/directives/{id}/progress")
	String progress(@PathVariable long id, @RequestParam int version,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, @RequestParam String note,
			@RequestParam(required = false) Integer percent, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		return act(id, redirect, "directive.progressSaved", () -> desk.reportProgress(id, version, on, note, percent, upload(file)));
	}

	@PostMapping("/directives/{id}/extend")
	String extend(@PathVariable long id, @RequestParam int version, @RequestParam String deadline,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate grantedOn, @RequestParam String reason,
			RedirectAttributes redirect) throws IOException {
		return act(id, redirect, "directive.extended", () -> desk.extend(id, version, deadline, grantedOn, reason));
	}

	@PostMapping("/directives/{id}/complete")
	String complete(@PathVariable long id, @RequestParam int version,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		return act(id, redirect, "directive.completed", () -> desk.complete(id, version, on, evidence, upload(file)));
	}

	@PostMapping("/directives/{id}/accept")
	String accept(@PathVariable long id, @RequestParam int version,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, RedirectAttributes redirect)
			throws IOException {
		return act(id, redirect, "directive.accepted", () -> desk.accept(id, version, on));
	}

	@PostMapping("/directives/{id}/return")
	String returnForRework(@PathVariable long id, @RequestParam int version,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, @RequestParam String reason,
			RedirectAttributes redirect) throws IOException {
		return act(id, redirect, "directive.returned", () -> desk.returnForRework(id, version, on, reason));
	}

	@GetMapping("/directives/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		queries.one(id, access.reach(), LocalDate.now(clock));
		return DocumentApiController.download(attachments.content(attachmentId)
			.filter(c -> c.eventId() != null && attachments.directiveOfEvent(c.eventId()).orElse(-1L) == id)
			.orElseThrow(() -> new DirectiveNotFoundException(id)));
	}

	@GetMapping("/directives/{id}/attachments/{attachmentId}/preview")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long attachmentId) {
		queries.one(id, access.reach(), LocalDate.now(clock));
		return DocumentApiController.display(attachments.preview(attachmentId)
			.filter(c -> c.eventId() != null && attachments.directiveOfEvent(c.eventId()).orElse(-1L) == id)
			.orElseThrow(() -> new DirectiveNotFoundException(id)));
	}

	@GetMapping("/directives/calendar")
	String calendar(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam(required = false) String unit, @RequestParam(defaultValue = "false") boolean mine, Model model) {
		YearMonth shown = month == null ? YearMonth.now(clock) : month;
		if (unit != null && !unit.isBlank()) {
			units.get(unit, shown.atEndOfMonth());
			access.requireRead(unit);
		}
		LocalDate asOf = shown.atEndOfMonth();
		DirectiveFilter filter = new DirectiveFilter(null, blank(unit), null, mine, null, null, null, shown, asOf);
		List<DirectiveRow> rows = queries.find(filter, access.reach(), access.myOrganisations());
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("days", queries.calendar(rows));
		model.addAttribute("unit", unit);
		model.addAttribute("mine", mine);
		model.addAttribute("asOf", asOf);
		return "directives/calendar";
	}

	@GetMapping("/directives/summary")
	String summary(@RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "ASSIGNEE") DirectiveQueries.GroupBy by, Model model) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		String code = unit != null && !unit.isBlank() ? unit : access.defaultUnit(day).orElse(null);
		model.addAttribute("asOf", day);
		model.addAttribute("by", by);
		model.addAttribute("groupings", DirectiveQueries.GroupBy.values());
		model.addAttribute("buckets", Bucket.values());
		if (code == null) {
			model.addAttribute("lines", List.of());
			model.addAttribute("total", BucketCounts.ZERO);
			return "directives/summary";
		}
		// a district abolished in the 2025 reform still shows its former communes (as they stood on its last day)
		Unit shown = units.lastKnown(code, day).orElseThrow(() -> new vn.ntmtracker.units.UnitNotFoundException(code));
		access.requireRead(code);
		model.addAttribute("formerUnit", shown.validTo() != null && shown.validTo().isBefore(day));
		List<DirectiveRow> rows = queries.find(DirectiveFilter.asOf(day).forUnit(code), access.reach(), access.myOrganisations());
		model.addAttribute("unit", shown);
		model.addAttribute("lines", queries.summary(rows, by, day));
		model.addAttribute("total", DirectiveQueries.count(rows));
		return "directives/summary";
	}

	interface Action {
		void run() throws IOException;
	}

	private String act(long id, RedirectAttributes redirect, String success, Action action) throws IOException {
		try {
			action.run();
			redirect.addFlashAttribute("message", messages.text(success));
		}
		catch (DirectiveRuleException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", messages.conflict());
		}
		return "redirect:/directives/" + id;
	}

	static Attachments.Upload upload(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > AttachmentPolicy.MAX_BYTES) {
			throw new DirectiveRuleException("attachment.error.tooLarge", file.getOriginalFilename(),
					AttachmentPolicy.MAX_BYTES / (1024 * 1024));
		}
		return new Attachments.Upload(file.getOriginalFilename(), file.getBytes());
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
