package vn.ntmtracker.web.imports;

import java.time.Clock;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.assessment.AssessmentException;
import vn.ntmtracker.assessment.StatedStatuses;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentForm;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.extraction.DocumentExtractor;
import vn.ntmtracker.extraction.ExtractionDraft;
import vn.ntmtracker.extraction.ExtractionException;
import vn.ntmtracker.units.Units;
import vn.ntmtracker.web.imports.DocumentImport.ImportRefusedException;
import vn.ntmtracker.web.imports.DocumentImport.ReviewedDirective;
import vn.ntmtracker.web.imports.DocumentImport.ReviewedStatus;
import vn.ntmtracker.web.imports.DocumentImport.UploadedFile;

/**
 * Import of a document people already wrote: upload → the extracted draft beside the text, every extracted
 * directive highlighted where it was found → correct, keep or drop each item, and each stated criteria status →
 * save. Nothing is saved before the review; the uploaded file waits in the session and is attached on save.
 */
@Controller
class DocumentImportController {

	/** The documents register's attachment limit: a file the register could not keep is not read either. */
	static final long MAX_BYTES = DocumentIntake.MAX_FILE_BYTES;

	/**
	 * The one file waiting for its review in a session. A new upload replaces it, so an abandoned review leaves at
	 * most one file (≤ {@link #MAX_BYTES}) in the session store, not one per upload.
	 */
	private static final String PENDING = "documentImport.pending";

	private final DocumentExtractor extractor = new DocumentExtractor();
	private final DocumentImport importer;
	private final vn.ntmtracker.HeavyWork heavyWork;
	private final DocumentIntake intake;
	private final MessageSource messages;
	private final CriteriaCatalog catalog;
	private final Units units;

	private final Clock clock;

	DocumentImportController(DocumentImport importer, DocumentIntake intake, MessageSource messages,
			CriteriaCatalog catalog, Units units, vn.ntmtracker.HeavyWork heavyWork, Clock clock) {
		this.clock = clock;
		this.importer = importer;
		this.heavyWork = heavyWork;
		this.intake = intake;
		this.messages = messages;
		this.catalog = catalog;
		this.units = units;
	}

	/**
	 * A piece of the document text. {@code label} is what the page marks it with: the number of the directive it
	 * shows ("3"), "TC1" for the first stated criteria status, "Số" for the document number; null for plain text.
	 */
	record Segment(String text, String label, String kind) {

		public boolean marked() {
			return label != null;
		}
	}

	/** One row of the review table, as proposed or as the reviewer left it. */
	record Proposal(int item, boolean request, String requestText, String text, String assignee, Long leadId,
			String deadline, LocalDate deadlineDate, String criterion, boolean keep) {
	}

	/** One stated criteria status, as proposed or as the reviewer left it. */
	record StatusProposal(int row, String unitName, String unitCode, LocalDate statedOn, StatedStatuses.Level level,
			Integer achieved, Integer total, boolean keep) {
	}

	@GetMapping("/documents/import")
	String form() {
		return "imports/upload";
	}

	@PostMapping("/documents/import")
	String upload(@RequestParam("file") MultipartFile file, Model model, HttpSession session) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("error", text("import.error.empty"));
			return "imports/upload";
		}
		if (file.getSize() > MAX_BYTES) {
			model.addAttribute("error", text("import.error.size", file.getOriginalFilename(), MAX_BYTES / (1024 * 1024)));
			return "imports/upload";
		}
		ExtractionDraft draft;
		try {
			byte[] content = file.getBytes();
			draft = heavyWork.run(() -> extractor.extract(file.getOriginalFilename(), content));
		}
		catch (ExtractionException ex) {
			model.addAttribute("error", file.getOriginalFilename() + ": " + ex.getMessage());
			return "imports/upload";
		}
		catch (vn.ntmtracker.HeavyWork.BusyException ex) {
			model.addAttribute("error", ex.getMessage());
			return "imports/upload";
		}
		catch (RuntimeException | IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		String token = UUID.randomUUID().toString();
		session.setAttribute(PENDING, new UploadedFile(token, file.getOriginalFilename(), file.getBytes()));
		List<String> unitCodes = importer.matchUnits(draft.subjectUnits());
		List<Organisation> known = intake.organisations();
		List<Proposal> proposals = new ArrayList<>();
		int item = 0;
		for (ExtractionDraft.Directive directive : draft.directives()) {
			item++;
			boolean request = directive.request() != null;
			proposals.add(new Proposal(item, request, directive.request(), request ? directive.handling() : directive.text(),
					directive.assignee(),
					importer.matchOrganisation(directive.assignee(), unitCodes, known).map(Organisation::id).orElse(null),
					directive.deadlineText(), directive.deadline(),
					directive.criterion() == null ? null : directive.criterion().toString(), true));
		}
		List<StatusProposal> statuses = new ArrayList<>();
		for (ExtractionDraft.CriteriaStatus status : draft.criteriaStatus()) {
			statuses.add(new StatusProposal(statuses.size() + 1, status.unit(), importer.matchUnit(status.unit()).orElse(null),
					DocumentImport.statedOn(draft), DocumentImport.levelOf(status.level()), status.achieved(), status.total(), true));
		}
		model.addAttribute("token", token);
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("draft", draft);
		model.addAttribute("kind", DocumentImport.kindOf(DocumentImport.docType(draft)));
		model.addAttribute("number", draft.number());
		model.addAttribute("issuedOn", draft.date());
		model.addAttribute("issuedYear", draft.date() == null ? DocumentImport.yearOf(draft) : null);
		model.addAttribute("issuerId", importer.matchOrganisation(draft.issuer(), unitCodes, known).map(Organisation::id).orElse(null));
		model.addAttribute("units", String.join(", ", unitCodes));
		model.addAttribute("subject", DocumentImport.subjectOf(draft, file.getOriginalFilename()));
		model.addAttribute("setCode", defaultSet(draft, unitCodes));
		model.addAttribute("proposals", proposals);
		model.addAttribute("statuses", statuses);
		model.addAttribute("segments", segments(draft));
		model.addAttribute("organisations", known);
		return review(model);
	}

	@PostMapping("/documents/import/save")
	String save(@RequestParam Document.Kind kind, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) Integer issuedYear, @RequestParam(required = false) Long issuerId,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String units,
			@RequestParam(required = false) String setCode, @RequestParam(required = false) String token,
			@RequestParam Map<String, String> form, Model model, HttpSession session, RedirectAttributes redirect) {
		List<ReviewedDirective> reviewed = new ArrayList<>();
		for (int i = 1; form.containsKey("text_" + i); i++) {
			reviewed.add(new ReviewedDirective(form.containsKey("keep_" + i), "REQUEST".equals(form.get("kind_" + i)),
					form.get("request_" + i), form.get("text_" + i), id(form.get("lead_" + i)), form.get("deadline_" + i), form.get("criterion_" + i)));
		}
		List<ReviewedStatus> statuses = new ArrayList<>();
		for (int i = 1; form.containsKey("status_total_" + i); i++) {
			String level = form.get("status_level_" + i);
			statuses.add(new ReviewedStatus(form.containsKey("status_keep_" + i),
					DocumentImport.blankToNull(form.get("status_unit_" + i)),
					date(form.get("status_date_" + i)), level == null || level.isBlank() ? null : StatedStatuses.Level.valueOf(level),
					number(form.get("status_achieved_" + i)).orElse(null), number(form.get("status_total_" + i)).orElse(null)));
		}
		List<String> unitCodes = units == null ? List.of()
				: Arrays.stream(units.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		DocumentForm document = new DocumentForm(kind, number, issuedOn, issuedYear, issuerId, null, null, null, subject,
				null, unitCodes);
		// A review opened before a later upload in the same session finds its file gone: it saves without it.
		UploadedFile file = session.getAttribute(PENDING) instanceof UploadedFile pending && pending.token().equals(token)
				? pending : null;
		String error;
		try {
			Document saved = importer.save(document, file, reviewed, statuses, DocumentImport.blankToNull(setCode));
			if (file != null) {
				session.removeAttribute(PENDING);
			}
			long kept = reviewed.stream().filter(ReviewedDirective::keep).count();
			long noted = statuses.stream().filter(ReviewedStatus::keep).count();
			redirect.addFlashAttribute("message", text("import.saved", kept) + (noted == 0 ? "" : " " + text("import.savedStatuses", noted)));
			return "redirect:/documents/" + saved.id();
		}
		catch (ImportRefusedException ex) {
			error = text(ex.key, ex.arguments);
		}
		catch (DocumentIntake.RefusedException | AssessmentException ex) {
			error = ex.getMessage();
		}
		catch (AccessDeniedException ex) {
			// The register's own refusal: the reviewer may not issue documents for the chosen body.
			error = ex.getMessage() + " " + text("import.nothingSaved");
		}
		model.addAttribute("error", error);
		List<Proposal> proposals = new ArrayList<>();
		for (int i = 0; i < reviewed.size(); i++) {
			ReviewedDirective r = reviewed.get(i);
			proposals.add(new Proposal(i + 1, r.request(), r.requestText(), r.text(), null, r.leadId(), r.deadline(), null,
					r.criterion(), r.keep()));
		}
		List<StatusProposal> statusRows = new ArrayList<>();
		for (int i = 0; i < statuses.size(); i++) {
			ReviewedStatus s = statuses.get(i);
			statusRows.add(new StatusProposal(i + 1, form.get("status_name_" + (i + 1)), s.unitCode(), s.statedOn(), s.level(),
					s.achieved(),
					s.total(), s.keep()));
		}
		model.addAttribute("token", file == null ? null : token);
		model.addAttribute("fileName", file == null ? null : file.name());
		model.addAttribute("proposals", proposals);
		model.addAttribute("statuses", statusRows);
		model.addAttribute("kind", kind);
		model.addAttribute("number", number);
		model.addAttribute("issuedOn", issuedOn);
		model.addAttribute("issuedYear", issuedYear);
		model.addAttribute("issuerId", issuerId);
		model.addAttribute("subject", subject);
		model.addAttribute("units", units);
		model.addAttribute("setCode", setCode);
		model.addAttribute("segments", file == null ? List.of() : segments(reread(file)));
		return review(model);
	}

	private ExtractionDraft reread(UploadedFile file) {
		try {
			return extractor.extract(file.name(), file.content());
		}
		catch (ExtractionException ex) {
			return new ExtractionDraft(null, null, null, null, null, null, null, null, null, null, "");
		}
	}

	private String review(Model model) {
		model.addAttribute("sets", catalog.list().stream().filter(s -> s.status() != SetStatus.DRAFT).toList());
		if (!model.containsAttribute("organisations")) {
			model.addAttribute("organisations", intake.organisations());
		}
		model.addAttribute("kinds", Document.Kind.values());
		model.addAttribute("levels", StatedStatuses.Level.values());
		return "imports/review";
	}

	/**
	 * Criterion numbers mean something only within a set: the set the document's stated level points to,
	 * preferring the unit's province's own variant (Hà Tĩnh's nâng cao set for Cẩm Quang).
	 */
	String defaultSet(ExtractionDraft draft, List<String> unitCodes) {
		if (draft.criteriaStatus().isEmpty() && draft.target() == null) {
			return null;
		}
		var level = draft.target() != null ? draft.target().level() : draft.criteriaStatus().get(0).level();
		Tier tier = switch (level) {
			case NTM_NANG_CAO -> Tier.XA_NTM_NANG_CAO;
			case NTM_KIEU_MAU -> Tier.XA_NTM_KIEU_MAU;
			case KDC_NTM_KIEU_MAU -> Tier.KDC_NTM_KIEU_MAU;
			case THON_NTM -> Tier.THON_NTM;
			default -> Tier.XA_NTM;
		};
		String province = unitCodes.isEmpty() ? null : units.find(unitCodes.get(0), LocalDate.now(clock))
			.map(u -> u.path() == null ? null : u.path().substring(1).split("/")[0]).orElse(null);
		List<CriteriaCatalog.SetSummary> candidates = catalog.list().stream()
			.filter(s -> s.tier() == tier && s.status() != SetStatus.DRAFT).toList();
		return candidates.stream()
			.filter(s -> {
				var scope = catalog.definition(s.code(), s.version()).scope();
				return province != null && scope != null && province.equals(scope.provinceCode());
			})
			.map(CriteriaCatalog.SetSummary::code).findFirst()
			.orElse(candidates.stream().map(CriteriaCatalog.SetSummary::code).findFirst().orElse(null));
	}

	/**
	 * The normalised text cut where each extracted item was read, so the page can mark them: every directive at its
	 * span, each stated criteria status at its first "3/20", the document number where it stands. Overlapping marks
	 * keep the earlier one.
	 */
	static List<Segment> segments(ExtractionDraft draft) {
		String text = draft.text() == null ? "" : draft.text();
		record Mark(int start, int end, String label, String kind) {
		}
		List<Mark> marks = new ArrayList<>();
		for (int i = 0; i < draft.directives().size(); i++) {
			ExtractionDraft.Span span = draft.directives().get(i).span();
			if (span != null && span.start() >= 0 && span.end() <= text.length() && span.start() < span.end()) {
				marks.add(new Mark(span.start(), span.end(), Integer.toString(i + 1), "directive"));
			}
		}
		for (int i = 0; i < draft.criteriaStatus().size(); i++) {
			ExtractionDraft.CriteriaStatus status = draft.criteriaStatus().get(i);
			java.util.regex.Matcher found = java.util.regex.Pattern
				.compile("(?<![\\d/])" + status.achieved() + "\\s*/\\s*" + status.total() + "(?![\\d/])").matcher(text);
			if (found.find()) {
				marks.add(new Mark(found.start(), found.end(), "TC" + (i + 1), "status"));
			}
		}
		int number = draft.number() == null ? -1 : text.indexOf(draft.number());
		if (number >= 0) {
			marks.add(new Mark(number, number + draft.number().length(), "Số", "header"));
		}
		marks.sort(Comparator.comparingInt(Mark::start));
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (Mark mark : marks) {
			if (mark.start() < position) {
				continue;
			}
			if (mark.start() > position) {
				segments.add(new Segment(text.substring(position, mark.start()), null, null));
			}
			segments.add(new Segment(text.substring(mark.start(), mark.end()), mark.label(), mark.kind()));
			position = mark.end();
		}
		if (position < text.length()) {
			segments.add(new Segment(text.substring(position), null, null));
		}
		return segments;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	private static java.util.Optional<Integer> number(String value) {
		if (value == null || !value.strip().matches("\\d{1,9}")) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(Integer.valueOf(value.strip()));
	}

	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static Long id(String value) {
		return value == null || !value.strip().matches("\\d{1,18}") ? null : Long.valueOf(value.strip());
	}

}
