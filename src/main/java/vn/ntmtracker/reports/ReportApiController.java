package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentIntake;

/** Documents and tables generated from the data, their drafts and their templates, as files and JSON. */
@RestController
@RequestMapping("/api")
@Tag(name = "Báo cáo", description = "Official documents (DOCX, PDF) and the assessment summary (XLSX) generated from the data")
class ReportApiController {

	static final String SUMMARY = "assessment-summary";

	private final Reports reports;
	private final ReportKinds kinds;
	private final ReportDrafts drafts;
	private final ReportTemplates templates;
	private final AssessmentSummary summary;
	private final DocumentIntake intake;

	ReportApiController(Reports reports, ReportKinds kinds, ReportDrafts drafts, ReportTemplates templates, AssessmentSummary summary,
			DocumentIntake intake) {
		this.reports = reports;
		this.kinds = kinds;
		this.drafts = drafts;
		this.templates = templates;
		this.summary = summary;
		this.intake = intake;
	}

	record KindInfo(String key, String label, String input, String registerKind, Map<String, String> fields, Map<String, String> data) {
	}

	record NewDraft(String kind, String unit, LocalDate from, LocalDate to, Long plan, Long document) {
	}

	record DraftView(long id, String kind, String unitCode, String status, String number, Long registeredDocumentId,
			String templateScope, int templateVersion, Long issuerId, DraftHeader header, Map<String, String> texts, int version) {

		static DraftView of(ReportDrafts.Loaded loaded) {
			ReportDraft d = loaded.draft();
			return new DraftView(d.id(), d.kind(), d.unitCode(), d.status().name(), d.numberText(), d.registeredDocumentId(), d.templateScope(),
					d.templateVersion(), d.issuerId(), d.header(), loaded.editableTexts(), d.version());
		}
	}

	record DraftEdit(Integer version, Long issuerId, String superiorBody, String issuingBody, String issuerCode, String place,
			LocalDate issuedOn, String summary, String signatureAuthority, String signatureTitle, String signerName, String recipients,
			Map<String, String> texts) {
	}

	record VersionPayload(Integer version) {
	}

	record TemplateView(String kind, String scope, int version, String body, String note, String createdBy) {

		static TemplateView of(ReportTemplates.Version v) {
			return new TemplateView(v.kind(), v.scope(), v.version(), v.body(), v.note(), v.createdBy());
		}
	}

	record TemplatePayload(Integer version, String body, String note) {
	}

	record RenderPayload(Map<String, String> texts) {
	}

	@GetMapping("/reports")
	@Operation(summary = "Document kinds with the placeholders and data sections their templates may use")
	List<KindInfo> kinds() {
		return kinds.all().stream().map(k -> new KindInfo(k.key(), k.label(), k.input().name(), k.registerKind().name(),
				k.catalogue().fields(), k.catalogue().data())).toList();
	}

	@GetMapping("/reports/{kind}")
	@Operation(summary = "Generate a document (progress-report: unit, from, to; plan: plan; conclusion-notice: document; party-resolution: "
			+ "unit, from, to) as docx or pdf, or the assessment-summary of an area (unit, set, to) as xlsx")
	ResponseEntity<byte[]> generate(@PathVariable String kind, @RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long plan, @RequestParam(required = false) Long document,
			@RequestParam(required = false) String set, @RequestParam(defaultValue = "false") boolean signedOffOnly,
			@RequestParam(required = false) String format) {
		if (SUMMARY.equals(kind)) {
			Rendered.Format.parse(format == null ? "xlsx" : format, Rendered.Format.XLSX);
			return file(summary.workbook(unit, set, to, signedOffOnly));
		}
		Rendered.Format chosen = Rendered.Format.parse(format == null ? "pdf" : format, Rendered.Format.DOCX, Rendered.Format.PDF);
		return file(reports.generate(kind, new ReportKind.Request(unit, from, to, plan, document), chosen));
	}

	@PostMapping("/documents/{id}/render")
	@Operation(summary = "Regenerate a registered document from its register data and directives (a conclusion notice); "
			+ "the body may give texts for the free sections")
	ResponseEntity<byte[]> render(@PathVariable long id, @RequestParam(required = false) String format,
			@RequestBody(required = false) RenderPayload body) {
		Rendered.Format chosen = Rendered.Format.parse(format == null ? "pdf" : format, Rendered.Format.DOCX, Rendered.Format.PDF);
		Document document = intake.readable(id);
		String kind = kinds.all().stream().filter(k -> k.input() == ReportKind.Input.DOCUMENT && k.registerKind() == document.kind())
			.map(ReportKind::key).findFirst()
			.orElseThrow(() -> new ReportException("Văn bản loại " + document.kind() + " chưa có mẫu để tạo lại"));
		return file(reports.generate(kind, new ReportKind.Request(null, null, null, null, id), chosen,
				body == null || body.texts() == null ? Map.of() : body.texts()));
	}

	@PostMapping("/reports/drafts")
	@Operation(summary = "Start a draft of a document kind for its subject")
	ResponseEntity<DraftView> createDraft(@RequestBody NewDraft body) {
		long id = drafts.create(body.kind(), new ReportKind.Request(body.unit(), body.from(), body.to(), body.plan(), body.document()));
		return ResponseEntity.status(HttpStatus.CREATED).body(DraftView.of(drafts.load(id)));
	}

	@GetMapping("/reports/drafts/{id}")
	@Operation(summary = "A draft with its header and free-text sections")
	DraftView draft(@PathVariable long id) {
		return DraftView.of(drafts.load(id));
	}

	@PutMapping("/reports/drafts/{id}")
	@Operation(summary = "Save a draft; send the version you read (409 when someone saved in between)")
	DraftView saveDraft(@PathVariable long id, @RequestBody DraftEdit body) {
		if (body.version() == null) {
			throw new ReportException("Phiên bản (version): cần gửi phiên bản của dự thảo đã đọc");
		}
		drafts.save(id, body.version(), new ReportDraft.Edit(body.issuerId(), body.superiorBody(), body.issuingBody(), body.issuerCode(),
				body.place(), body.issuedOn(), body.summary(), body.signatureAuthority(), body.signatureTitle(), body.signerName(),
				body.recipients(), body.texts()));
		return DraftView.of(drafts.load(id));
	}

	@PostMapping("/reports/drafts/{id}/issue")
	@Operation(summary = "Number the draft in its issuer's register and register the final PDF")
	DraftView issue(@PathVariable long id, @RequestBody VersionPayload body) {
		if (body == null || body.version() == null) {
			throw new ReportException("Phiên bản (version): cần gửi phiên bản của dự thảo đã đọc");
		}
		drafts.issue(id, body.version());
		return DraftView.of(drafts.load(id));
	}

	@GetMapping("/reports/drafts/{id}/file")
	@Operation(summary = "The draft as docx or pdf (watermarked DỰ THẢO until issued)")
	ResponseEntity<byte[]> draftFile(@PathVariable long id, @RequestParam(required = false) String format) {
		return file(ReportController.draftFile(drafts, id, Rendered.Format.parse(format == null ? "pdf" : format, Rendered.Format.DOCX,
				Rendered.Format.PDF)));
	}

	@GetMapping("/reports/templates/{kind}")
	@Operation(summary = "The template in force for a kind (province: a province's own version if it has one)")
	TemplateView template(@PathVariable String kind, @RequestParam(required = false) String province) {
		return TemplateView.of(templates.current(kind, province));
	}

	@PutMapping("/reports/templates/{kind}")
	@Operation(summary = "Save a new version of a template (administrators; scope VN or a province code); send the version you started from")
	TemplateView saveTemplate(@PathVariable String kind, @RequestParam(defaultValue = ReportTemplates.NATIONAL) String scope,
			@RequestBody TemplatePayload body) {
		if (body.version() == null) {
			throw new ReportException("Phiên bản (version): cần gửi phiên bản mẫu đã đọc (0 khi chưa có)");
		}
		return TemplateView.of(templates.save(kind, scope, body.version(), body.body(), body.note()));
	}

	static ResponseEntity<byte[]> file(Rendered rendered) {
		return ResponseEntity.ok().contentType(rendered.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, rendered.contentDisposition())
			.header(HttpHeaders.CACHE_CONTROL, "no-store").contentLength(rendered.bytes().length).body(rendered.bytes());
	}
}
