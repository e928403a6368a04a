package vn.ntmtracker.web.imports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.assessment.StatedStatuses;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.extraction.DocumentExtractor;
import vn.ntmtracker.extraction.ExtractionDraft;
import vn.ntmtracker.extraction.ExtractionException;
import vn.ntmtracker.planning.FundingSource;
import vn.ntmtracker.web.imports.DocumentImport.Choice;
import vn.ntmtracker.web.imports.DocumentImport.Context;
import vn.ntmtracker.web.imports.DocumentImport.Funding;
import vn.ntmtracker.web.imports.DocumentImport.Header;
import vn.ntmtracker.web.imports.DocumentImport.Item;
import vn.ntmtracker.web.imports.DocumentImport.Mode;
import vn.ntmtracker.web.imports.DocumentImport.Problem;
import vn.ntmtracker.web.imports.DocumentImport.Receipt;
import vn.ntmtracker.web.imports.DocumentImport.Review;
import vn.ntmtracker.web.imports.DocumentImport.ReviewRefusedException;
import vn.ntmtracker.web.imports.DocumentImport.Slot;
import vn.ntmtracker.web.imports.DocumentImport.Status;
import vn.ntmtracker.web.imports.DocumentImport.UploadedFile;

/**
 * Import of a document people already wrote: upload → the extracted draft beside the text, every extracted item
 * highlighted where it was found and the text kept level with the row being edited → correct, keep or drop each item,
 * stated status and funding line, say whether the document is the reviewer's own or one they received → save. Nothing
 * is saved before the review; every problem is listed at once, each beside its row; the uploaded file waits in the
 * session and is attached on save.
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
	private final MessageSource messages;

	DocumentImportController(DocumentImport importer, MessageSource messages, vn.ntmtracker.HeavyWork heavyWork) {
		this.importer = importer;
		this.heavyWork = heavyWork;
		this.messages = messages;
	}

	/**
	 * A piece of the document text. {@code label} is what the page marks it with: the number of the row it shows ("3"),
	 * "TC1" for the first stated criteria status, "Số" for the document number; null for plain text.
	 */
	record Segment(String text, String label, String kind) {

		public boolean marked() {
			return label != null;
		}
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
		Review review = importer.propose(draft);
		Context context = importer.context(review.header(), review.statuses());
		model.addAttribute("token", token);
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("found", draft);
		return review(model, review, context, List.of(), segments(draft));
	}

	@PostMapping("/documents/import/save")
	String save(@RequestParam Map<String, String> form, Model model, HttpSession session, RedirectAttributes redirect) {
		Review review = read(form);
		Context context = importer.context(review.header(), review.statuses());
		String token = form.get("token");
		// A review opened before a later upload in the same session finds its file gone: it saves without it.
		UploadedFile file = session.getAttribute(PENDING) instanceof UploadedFile pending && pending.token().equals(token)
				? pending : null;
		if (review.choice() == Choice.OPEN && review.existingId() != null
				&& context.existing().stream().anyMatch(e -> e.document().id() == review.existingId())) {
			if (file != null) {
				session.removeAttribute(PENDING);
			}
			redirect.addFlashAttribute("message", text("import.openedExisting"));
			return "redirect:/documents/" + review.existingId();
		}
		try {
			DocumentImport.Saved saved = importer.save(review, context, file);
			if (file != null) {
				session.removeAttribute(PENDING);
			}
			redirect.addFlashAttribute("message", saved.message());
			return "redirect:/documents/" + saved.documentId();
		}
		catch (ReviewRefusedException ex) {
			model.addAttribute("token", file == null ? null : token);
			model.addAttribute("fileName", file == null ? null : file.name());
			return review(model, review, context, ex.problems, file == null ? List.of() : segments(reread(file)));
		}
	}

	private String review(Model model, Review review, Context context, List<Problem> problems, List<Segment> segments) {
		Map<String, List<String>> byAnchor = new LinkedHashMap<>();
		problems.forEach(p -> byAnchor.computeIfAbsent(p.anchor(), k -> new ArrayList<>()).add(p.message()));
		model.addAttribute("review", review);
		model.addAttribute("context", context);
		model.addAttribute("problems", problems);
		model.addAttribute("problemsAt", byAnchor);
		model.addAttribute("segments", segments);
		model.addAttribute("kinds", Document.Kind.values());
		model.addAttribute("forms", Document.SigningForm.values());
		model.addAttribute("levels", StatedStatuses.Level.values());
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("organisations", context.organisations().stream()
			.sorted(Comparator.comparing(Organisation::unitCode).thenComparing(Organisation::name)).toList());
		return "imports/review";
	}

	/** The reviewed form as the reviewer left it. */
	static Review read(Map<String, String> form) {
		Header header = new Header(enumOf(Document.Kind.class, form.get("kind")), blank(form.get("number")), date(form.get("issuedOn")),
				number(form.get("issuedYear")), id(form.get("issuerId")), blank(form.get("issuerNamed")), blank(form.get("subject")),
				codes(form.get("units")), blank(form.get("setCode")), enumOf(Document.SigningForm.class, form.get("signingForm")),
				blank(form.get("signerTitle")), blank(form.get("signer")), blank(form.get("distribution")));
		Mode mode = enumOf(Mode.class, form.get("mode"));
		Receipt receipt = new Receipt(id(form.get("recipientId")), date(form.get("receivedOn")), blank(form.get("receivedFrom")),
				blank(form.get("incomingNumber")));
		List<Item> items = new ArrayList<>();
		for (int i = 1; form.containsKey("text_" + i); i++) {
			items.add(new Item(i, form.containsKey("keep_" + i), "REQUEST".equals(form.get("kind_" + i)), blank(form.get("request_" + i)),
					form.get("text_" + i), blank(form.get("ref_" + i)), slots(form, "lead_" + i + "_"), slots(form, "coop_" + i + "_"),
					blank(form.get("deadline_" + i)), null, blank(form.get("criterion_" + i))));
		}
		List<Status> statuses = new ArrayList<>();
		for (int i = 1; form.containsKey("status_total_" + i); i++) {
			statuses.add(new Status(i, form.containsKey("status_keep_" + i), blank(form.get("status_name_" + i)),
					blank(form.get("status_unit_" + i)), date(form.get("status_date_" + i)),
					enumOf(StatedStatuses.Level.class, form.get("status_level_" + i)), number(form.get("status_achieved_" + i)),
					number(form.get("status_total_" + i)), blank(form.get("status_unmet_" + i)), blank(form.get("status_unmetnames_" + i))));
		}
		List<Funding> funding = new ArrayList<>();
		for (int i = 1; form.containsKey("fund_amount_" + i); i++) {
			funding.add(new Funding(i, form.containsKey("fund_keep_" + i), blank(form.get("fund_wording_" + i)),
					enumOf(FundingSource.class, form.get("fund_source_" + i)), amount(form.get("fund_amount_" + i)),
					number(form.get("fund_year_" + i))));
		}
		return new Review(header, mode == null ? Mode.ISSUED : mode, receipt, enumOf(Choice.class, form.get("choice")),
				id(form.get("existingId")), items, statuses, funding);
	}

	/** A row's body slots: {@code <prefix>j} the choice ("" to choose, "0" left out, else an id), with its name as written. */
	private static List<Slot> slots(Map<String, String> form, String prefix) {
		List<Slot> slots = new ArrayList<>();
		for (int j = 0; form.containsKey(prefix + j) || form.containsKey(prefix + "name_" + j); j++) {
			String value = form.getOrDefault(prefix + j, "");
			Long chosen = value.strip().equals("0") ? Long.valueOf(DocumentImport.DROPPED) : id(value);
			BodyResolver.Outcome outcome = enumOf(BodyResolver.Outcome.class, form.get(prefix + "outcome_" + j));
			slots.add(new Slot(blank(form.get(prefix + "name_" + j)), chosen, outcome, List.of()));
		}
		return slots;
	}

	private ExtractionDraft reread(UploadedFile file) {
		try {
			return extractor.extract(file.name(), file.content());
		}
		catch (ExtractionException ex) {
			return new ExtractionDraft(null, null, null, null, null, null, null, null, null, null, "");
		}
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

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blank(String value) {
		return DocumentImport.blankToNull(value);
	}

	private static List<String> codes(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static Integer number(String value) {
		return value == null || !value.strip().matches("\\d{1,9}") ? null : Integer.valueOf(value.strip());
	}

	/** "650.000.000", "650 000 000" or "650000000" đồng; null when it is not a whole number. */
	private static Long amount(String value) {
		String digits = value == null ? "" : value.strip().replaceAll("[.\\s,]", "");
		return digits.matches("\\d{1,16}") ? Long.valueOf(digits) : null;
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
