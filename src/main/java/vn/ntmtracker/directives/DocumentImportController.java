package vn.ntmtracker.directives;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.extraction.DocumentExtractor;
import vn.ntmtracker.extraction.ExtractionDraft;
import vn.ntmtracker.extraction.ExtractionException;

/**
 * Import of a document people already wrote: upload → the extracted draft beside the text, every extracted
 * directive highlighted where it was found → correct, keep or drop each item → save. Nothing is saved
 * before the review.
 */
@Controller
class DocumentImportController {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	private final DocumentExtractor extractor = new DocumentExtractor();
	private final DocumentImport importer;
	private final Organisations organisations;
	private final DirectiveMessages messages;
	private final vn.ntmtracker.criteria.CriteriaCatalog catalog;
	private final vn.ntmtracker.units.Units units;

	DocumentImportController(DocumentImport importer, Organisations organisations, DirectiveMessages messages,
			vn.ntmtracker.criteria.CriteriaCatalog catalog, vn.ntmtracker.units.Units units) {
		this.importer = importer;
		this.organisations = organisations;
		this.messages = messages;
		this.catalog = catalog;
		this.units = units;
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
		var tier = switch (level) {
			case NTM_NANG_CAO -> vn.ntmtracker.criteria.Tier.XA_NTM_NANG_CAO;
			case NTM_KIEU_MAU -> vn.ntmtracker.criteria.Tier.XA_NTM_KIEU_MAU;
			case KDC_NTM_KIEU_MAU -> vn.ntmtracker.criteria.Tier.KDC_NTM_KIEU_MAU;
			case THON_NTM -> vn.ntmtracker.criteria.Tier.THON_NTM;
			default -> vn.ntmtracker.criteria.Tier.XA_NTM;
		};
		String province = unitCodes.isEmpty() ? null : units.find(unitCodes.get(0), LocalDate.now())
			.map(u -> u.path() == null ? null : u.path().substring(1).split("/")[0]).orElse(null);
		var candidates = catalog.list().stream()
			.filter(s -> s.tier() == tier && s.status() != vn.ntmtracker.criteria.SetStatus.DRAFT).toList();
		return candidates.stream()
			.filter(s -> province != null && catalog.definition(s.code(), s.version()).scope() != null
					&& province.equals(catalog.definition(s.code(), s.version()).scope().provinceCode()))
			.map(vn.ntmtracker.criteria.CriteriaCatalog.SetSummary::code).findFirst()
			.orElse(candidates.stream().map(vn.ntmtracker.criteria.CriteriaCatalog.SetSummary::code).findFirst().orElse(null));
	}

	/** A piece of the document text; {@code item} is the number of the directive it shows (0 = plain text). */
	record Segment(String text, int item) {
	}

	/** One row of the review table, as first proposed. */
	record Proposal(int item, String text, String assignee, Long leadId, String deadline, LocalDate deadlineDate,
			Integer criterion) {
	}

	@GetMapping("/documents/import")
	String form() {
		return "directives/import";
	}

	@PostMapping("/documents/import")
	String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("error", messages.text("import.error.empty"));
			return "directives/import";
		}
		if (file.getSize() > MAX_BYTES) {
			model.addAttribute("error", messages.text("import.error.size"));
			return "directives/import";
		}
		ExtractionDraft draft;
		try {
			draft = extractor.extract(file.getOriginalFilename(), file.getBytes());
		}
		catch (ExtractionException ex) {
			model.addAttribute("error", file.getOriginalFilename() + ": " + ex.getMessage());
			return "directives/import";
		}
		List<String> unitCodes = importer.matchUnits(draft.subjectUnits());
		List<Organisation> known = organisations.all();
		List<Proposal> proposals = new ArrayList<>();
		int item = 0;
		for (ExtractionDraft.Directive directive : draft.directives()) {
			item++;
			proposals.add(new Proposal(item, directive.text(), directive.assignee(),
					importer.matchOrganisation(directive.assignee(), unitCodes, known).map(Organisation::id).orElse(null),
					directive.deadlineText(), directive.deadline(), directive.criterion()));
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("draft", draft);
		model.addAttribute("kind", DocumentImport.kindOf(DocumentImport.docType(draft)));
		model.addAttribute("issuerId", importer.matchOrganisation(draft.issuer(), unitCodes, known).map(Organisation::id).orElse(null));
		model.addAttribute("units", String.join(", ", unitCodes));
		model.addAttribute("subject", DocumentImport.subjectOf(draft, file.getOriginalFilename()));
		model.addAttribute("draftYear", DocumentImport.yearOf(draft));
		model.addAttribute("setCode", defaultSet(draft, unitCodes));
		model.addAttribute("proposals", proposals);
		model.addAttribute("segments", segments(draft));
		model.addAttribute("organisations", known);
		return review(model);
	}

	@PostMapping("/documents/import/save")
	String save(@RequestParam Document.Kind kind, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) Integer issuedYear, @RequestParam(required = false) Long issuerId,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String units,
			@RequestParam(required = false) String setCode, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		List<DocumentImport.ReviewedDirective> reviewed = new ArrayList<>();
		for (int i = 1; form.containsKey("text_" + i); i++) {
			reviewed.add(new DocumentImport.ReviewedDirective(form.containsKey("keep_" + i), form.get("text_" + i),
					form.get("lead_" + i) == null || form.get("lead_" + i).isBlank() ? null : Long.valueOf(form.get("lead_" + i)),
					form.get("deadline_" + i), form.get("criterion_" + i)));
		}
		List<String> unitCodes = units == null ? List.of()
				: java.util.Arrays.stream(units.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		DocumentForm document = new DocumentForm(kind, number, issuedOn, issuedYear, issuerId, null, null, null, subject,
				null, unitCodes);
		try {
			Document saved = importer.save(document, reviewed, setCode == null || setCode.isBlank() ? null : setCode);
			long kept = reviewed.stream().filter(DocumentImport.ReviewedDirective::keep).count();
			redirect.addFlashAttribute("message", messages.text("import.saved", kept));
			return "redirect:/documents/" + saved.id();
		}
		catch (DirectiveRuleException ex) {
			model.addAttribute("error", messages.of(ex));
			List<Proposal> proposals = new ArrayList<>();
			for (int i = 0; i < reviewed.size(); i++) {
				DocumentImport.ReviewedDirective r = reviewed.get(i);
				proposals.add(new Proposal(i + 1, r.text(), null, r.leadId(), r.deadline(), null,
						r.criterion() == null || r.criterion().isBlank() ? null : Integer.valueOf(r.criterion().trim())));
			}
			model.addAttribute("proposals", proposals);
			model.addAttribute("dropped", reviewed.stream().filter(r -> !r.keep()).count());
			model.addAttribute("kind", kind);
			model.addAttribute("number", number);
			model.addAttribute("issuedOn", issuedOn);
			model.addAttribute("issuedYear", issuedYear);
			model.addAttribute("issuerId", issuerId);
			model.addAttribute("subject", subject);
			model.addAttribute("units", units);
			model.addAttribute("setCode", setCode);
			model.addAttribute("segments", List.of());
			return review(model);
		}
	}

	private String review(Model model) {
		model.addAttribute("sets", catalog.list().stream().filter(s -> s.status() != vn.ntmtracker.criteria.SetStatus.DRAFT).toList());
		if (!model.containsAttribute("organisations")) {
			model.addAttribute("organisations", organisations.all());
		}
		model.addAttribute("kinds", Document.Kind.values());
		return "directives/import-review";
	}

	/** The normalised text cut at each directive's span, so the page can mark where every item came from. */
	static List<Segment> segments(ExtractionDraft draft) {
		String text = draft.text() == null ? "" : draft.text();
		List<int[]> spans = new ArrayList<>();
		for (int i = 0; i < draft.directives().size(); i++) {
			ExtractionDraft.Span span = draft.directives().get(i).span();
			if (span != null && span.start() >= 0 && span.end() <= text.length() && span.start() < span.end()) {
				spans.add(new int[] { span.start(), span.end(), i + 1 });
			}
		}
		spans.sort(Comparator.comparingInt(s -> s[0]));
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (int[] span : spans) {
			if (span[0] < position) {
				continue;
			}
			if (span[0] > position) {
				segments.add(new Segment(text.substring(position, span[0]), 0));
			}
			segments.add(new Segment(text.substring(span[0], span[1]), span[2]));
			position = span[1];
		}
		if (position < text.length()) {
			segments.add(new Segment(text.substring(position), 0));
		}
		return segments;
	}
}
