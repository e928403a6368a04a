package vn.ntmtracker.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentForm;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Permission;

/**
 * Drafts of generated documents: starting one from its subject, saving what people write (optimistic locking: a stale
 * edit answers 409), and issuing it — the next number of the issuer's register for the kind and year, the final PDF
 * registered in the documents register (or attached to the registered document it was generated from). All or
 * nothing; every write audited.
 */
@Service
class ReportDrafts {

	private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final ReportKinds kinds;
	private final ReportTemplates templates;
	private final Reports reports;
	private final DocumentIntake intake;
	private final Authorization authorization;
	private final AccessPolicy access;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	ReportDrafts(JdbcClient jdbc, ReportKinds kinds, ReportTemplates templates, Reports reports, DocumentIntake intake,
			Authorization authorization, AccessPolicy access, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.kinds = kinds;
		this.templates = templates;
		this.reports = reports;
		this.intake = intake;
		this.authorization = authorization;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** A draft with its model and template, ready to compose and render. */
	record Loaded(ReportDraft draft, ReportKind kind, ReportModel model, ReportTemplates.Version template) {

		OfficialDocument document(boolean asDraft) {
			DocumentNumber number = new DocumentNumber(template.template().layout(), draft.number() != null ? draft.number()
					: model.defaults().number(), template.template().typeCode(), draft.header().issuerCode());
			return DocumentComposer.compose(template.template(), model, draft.header(), draft.texts(), number, asDraft);
		}

		/** The free sections as the editor shows them: what was written, else the template's text filled in. */
		Map<String, String> editableTexts() {
			Map<String, String> texts = new LinkedHashMap<>();
			for (ReportTemplate.FreeSection section : template.template().freeSections()) {
				texts.put(section.key(), draft.texts().containsKey(section.key()) ? draft.texts().get(section.key())
						: model.fill(section.defaultText()));
			}
			return texts;
		}
	}

	@Transactional
	long create(String kindKey, ReportKind.Request request) {
		ReportKind kind = kinds.require(kindKey);
		ReportModel model = kind.build(request);
		ReportModel.Defaults defaults = model.defaults();
		String unitCode = request.unitCode() != null ? request.unitCode() : defaults.unitCodes().isEmpty() ? null : defaults.unitCodes().get(0);
		if (unitCode == null) {
			throw new ReportException("Đơn vị (unit): văn bản không gắn với đơn vị nào");
		}
		authorization.require(Permission.DRAFT_DOCUMENT, Authorization.Target.unit(actingUnit(defaults.issuerId(), unitCode), defaults.day()));
		ReportTemplates.Version template = templates.current(kindKey, reports.provinceOf(model));
		DraftHeader header = DraftHeader.from(defaults);
		long id = jdbc.sql("""
				insert into report_draft (kind, unit_code, period_from, period_to, plan_id, source_document_id, template_scope,
				    template_version, record_day, issuer_id, superior_body, issuing_body, issuer_code, place, issued_on, issued_year,
				    summary, signature_authority, signature_title, signer_name, recipients, texts, created_by)
				values (:kind, :unit, :from, :to, :plan, :document, :scope, :templateVersion, :day, :issuer, :superior, :issuing, :code,
				    :place, :issuedOn, :year, :summary, :authority, :title, :signer, :recipients, '{}'::jsonb, :user)
				returning id""")
			.param("kind", kindKey).param("unit", unitCode).param("from", request.from()).param("to", request.to())
			.param("plan", request.planId()).param("document", defaults.sourceDocumentId()).param("scope", template.scope())
			.param("templateVersion", template.version()).param("day", defaults.day()).param("issuer", defaults.issuerId())
			.params(headerColumns(header)).param("user", access.currentUsername()).query(Long.class).single();
		events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "report_draft", Long.toString(id), unitCode, null,
				Map.of("kind", kind.label(), "template", (ReportTemplates.NATIONAL.equals(template.scope()) ? "mẫu chung"
						: "mẫu của tỉnh " + template.scope()) + ", phiên bản " + template.version())));
		return id;
	}

	/** A draft the user may read (its unit in reach); any other answers 404. */
	ReportDraft get(long id) {
		ReportDraft draft = jdbc.sql("select * from report_draft where id = :id").param("id", id).query(this::map).optional()
			.orElseThrow(() -> new ReportNotFoundException("Không tìm thấy dự thảo số " + id));
		if (!access.canRead(draft.unitCode())) {
			throw new ReportNotFoundException("Không tìm thấy dự thảo số " + id);
		}
		return draft;
	}

	Loaded load(long id) {
		ReportDraft draft = get(id);
		ReportKind kind = kinds.require(draft.kind());
		ReportModel model = kind.build(draft.request());
		return new Loaded(draft, kind, model, templates.version(draft.kind(), draft.templateScope(), draft.templateVersion()));
	}

	/** Drafts of the units in the user's reach, newest first. */
	List<ReportDraft> list(int limit) {
		return jdbc.sql("select * from report_draft order by created_at desc, id desc limit 2000").query(this::map).list().stream()
			.filter(d -> access.canRead(d.unitCode())).limit(limit).toList();
	}

	boolean mayEdit(ReportDraft draft) {
		return !draft.issued() && authorization.may(Permission.DRAFT_DOCUMENT,
				Authorization.Target.unit(actingUnit(draft.issuerId(), draft.unitCode()), draft.recordDay()));
	}

	boolean mayIssue(ReportDraft draft) {
		return !draft.issued() && authorization.may(Permission.ISSUE_DOCUMENT,
				Authorization.Target.unit(actingUnit(draft.issuerId(), draft.unitCode()), draft.recordDay()));
	}

	@Transactional
	ReportDraft save(long id, int expectedVersion, ReportDraft.Edit edit) {
		ReportDraft before = get(id);
		authorization.require(Permission.DRAFT_DOCUMENT, Authorization.Target.unit(actingUnit(before.issuerId(), before.unitCode()), before.recordDay()));
		if (edit.issuerId() != null && !edit.issuerId().equals(before.issuerId())) {
			Organisation organisation = intake.organisation(edit.issuerId())
				.orElseThrow(() -> new ReportException("Cơ quan ban hành (issuerId): không có tổ chức số " + edit.issuerId()));
			authorization.require(Permission.DRAFT_DOCUMENT, Authorization.Target.unit(organisation.unitCode(), before.recordDay()));
		}
		ReportTemplate template = templates.version(before.kind(), before.templateScope(), before.templateVersion()).template();
		ReportDraft after = before.edit(edit, template);
		int updated = jdbc.sql("""
				update report_draft set issuer_id = :issuer, superior_body = :superior, issuing_body = :issuing, issuer_code = :code,
				    place = :place, issued_on = :issuedOn, issued_year = :year, summary = :summary, signature_authority = :authority,
				    signature_title = :title, signer_name = :signer, recipients = :recipients, texts = cast(:texts as jsonb),
				    updated_by = :user, updated_at = now(), version = version + 1
				where id = :id and version = :version and status = 'DRAFT'""")
			.params(headerColumns(after.header())).param("issuer", after.issuerId()).param("texts", json.writeValueAsString(after.texts()))
			.param("user", access.currentUsername()).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleDraftException("Dự thảo số " + id + " đã được người khác sửa hoặc ban hành; hãy mở lại để xem bản mới nhất");
		}
		events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "report_draft", Long.toString(id), before.unitCode(),
				audited(before, template), audited(after, template)));
		return get(id);
	}

	/**
	 * Numbers the draft in its issuer's register (the document's own number when it was generated from a numbered one),
	 * renders the final PDF without the watermark and registers it; all in one transaction.
	 */
	@Transactional
	ReportDraft issue(long id, int expectedVersion) {
		Loaded loaded = load(id);
		ReportDraft draft = loaded.draft();
		authorization.require(Permission.ISSUE_DOCUMENT, Authorization.Target.unit(actingUnit(draft.issuerId(), draft.unitCode()), draft.recordDay()));
		if (draft.version() != expectedVersion) {
			throw new StaleDraftException("Dự thảo số " + id + " đã được sửa sau khi bạn mở; hãy xem lại trước khi ban hành");
		}
		draft.checkIssuable();
		LocalDate issuedOn = draft.header().issuedOn() != null ? draft.header().issuedOn() : LocalDate.now(clock);
		Document.Kind registerKind = loaded.kind().registerKind();
		Integer existing = loaded.model().defaults().number();
		int number = existing != null ? existing : next(draft.issuerId(), registerKind, issuedOn.getYear());
		DraftHeader dated = new DraftHeader(draft.header().superiorBody(), draft.header().issuingBody(), draft.header().issuerCode(),
				draft.header().place(), issuedOn, issuedOn.getYear(), draft.header().summary(), draft.header().signatureAuthority(),
				draft.header().signatureTitle(), draft.header().signerName(), draft.header().recipients());
		ReportDraft numbered = new ReportDraft(draft.id(), draft.kind(), draft.unitCode(), draft.periodFrom(), draft.periodTo(), draft.planId(),
				draft.sourceDocumentId(), draft.templateScope(), draft.templateVersion(), draft.recordDay(), draft.issuerId(), dated,
				draft.texts(), draft.status(), number, null, null, draft.createdBy(), draft.version());
		Loaded ready = new Loaded(numbered, loaded.kind(), loaded.model(), loaded.template());
		OfficialDocument document = ready.document(false);
		DocumentNumber documentNumber = new DocumentNumber(document.layout(), number, loaded.template().template().typeCode(),
				dated.issuerCode());
		String numberText = documentNumber.registered();
		Rendered pdf = Reports.write(document, Rendered.Format.PDF, Reports.fileName(loaded.kind(), loaded.model(), document, documentNumber));
		Document registered;
		try {
			if (draft.sourceDocumentId() != null) {
				Document source = intake.readable(draft.sourceDocumentId());
				registered = intake.attachIssued(source.id(), source.version(), numberText, issuedOn, pdf.fileName(), pdf.bytes());
			}
			else {
				registered = intake.register(new DocumentForm(registerKind, numberText, issuedOn, issuedOn.getYear(), draft.issuerId(),
						dated.signerName(), signingForm(dated.signatureAuthority() != null ? dated.signatureAuthority()
								: loaded.template().template().signatureAuthority()),
						titleCase(dated.signatureTitle() != null ? dated.signatureTitle() : loaded.template().template().signatureTitle()),
						String.join(" ", document.summaryLines()), String.join("\n", document.closing().recipients()),
						List.of(draft.unitCode())), pdf.fileName(), pdf.bytes(), List.of());
			}
		}
		catch (DocumentIntake.RefusedException ex) {
			throw new ReportException("Sổ văn bản từ chối: " + ex.getMessage());
		}
		int updated = jdbc.sql("""
				update report_draft set status = 'ISSUED', number = :number, number_text = :text, registered_document_id = :document,
				    issued_on = :issuedOn, issued_year = :year, issued_by = :user, issued_at = now(), version = version + 1
				where id = :id and version = :version and status = 'DRAFT'""")
			.param("number", number).param("text", numberText).param("document", registered.id()).param("issuedOn", issuedOn)
			.param("year", issuedOn.getYear()).param("user", access.currentUsername()).param("id", id).param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleDraftException("Dự thảo số " + id + " vừa được người khác sửa hoặc ban hành");
		}
		events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "report_draft", Long.toString(id), draft.unitCode(),
				Map.of("status", "DRAFT"), Map.of("status", "ISSUED", "number", numberText, "document", registered.id())));
		return get(id);
	}

	/**
	 * The next number of the issuer's register for the kind and year: one past both the last number given here and the
	 * highest number the register already holds (documents typed in by hand), taken under the counter row's lock.
	 */
	int next(long issuerId, Document.Kind kind, int year) {
		int floor = intake.highestNumber(issuerId, kind, year);
		return jdbc.sql("""
				insert into report_number (issuer_id, kind, year, last) values (:issuer, :kind, :year, :floor + 1)
				on conflict (issuer_id, kind, year) do update set last = greatest(report_number.last, :floor) + 1
				returning last""")
			.param("issuer", issuerId).param("kind", kind.name()).param("year", year).param("floor", floor).query(Integer.class).single();
	}

	/** Rights over a draft are decided on the issuing organisation's unit, or the subject's unit while no issuer is chosen. */
	private String actingUnit(Long issuerId, String unitCode) {
		if (issuerId == null) {
			return unitCode;
		}
		return intake.organisation(issuerId).map(Organisation::unitCode).orElse(unitCode);
	}

	static Document.SigningForm signingForm(String authority) {
		if (authority == null) {
			return null;
		}
		String text = authority.strip().toUpperCase(VietnameseText.VIETNAMESE);
		if (text.startsWith("KT")) {
			return Document.SigningForm.KT;
		}
		if (text.startsWith("TM") || text.startsWith("T/M")) {
			return Document.SigningForm.TM;
		}
		if (text.startsWith("TL") || text.startsWith("T/L")) {
			return Document.SigningForm.TL;
		}
		return null;
	}

	private static String titleCase(String title) {
		if (title == null || title.isBlank()) {
			return null;
		}
		String lower = title.strip().toLowerCase(VietnameseText.VIETNAMESE);
		return lower.substring(0, 1).toUpperCase(VietnameseText.VIETNAMESE) + lower.substring(1);
	}

	private static Map<String, Object> headerColumns(DraftHeader header) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("superior", header.superiorBody());
		columns.put("issuing", header.issuingBody());
		columns.put("code", header.issuerCode());
		columns.put("place", header.place());
		columns.put("issuedOn", header.issuedOn());
		columns.put("year", header.year());
		columns.put("summary", header.summary());
		columns.put("authority", header.signatureAuthority());
		columns.put("title", header.signatureTitle());
		columns.put("signer", header.signerName());
		columns.put("recipients", header.recipients());
		return columns;
	}

	/** What the audit log keeps of a draft: the issuer, the header, and each written section under its label in the template. */
	private static Map<String, Object> audited(ReportDraft draft, ReportTemplate template) {
		Map<String, String> labels = new java.util.HashMap<>();
		template.sections().forEach(section -> {
			if (section instanceof ReportTemplate.FreeSection free) {
				labels.put(free.key(), free.label());
			}
		});
		Map<String, String> texts = new LinkedHashMap<>();
		draft.texts().forEach((key, text) -> texts.put(labels.getOrDefault(key, key), text));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("issuerId", draft.issuerId());
		state.put("header", draft.header());
		state.put("texts", texts);
		return state;
	}

	private ReportDraft map(ResultSet rs, int row) throws SQLException {
		DraftHeader header = new DraftHeader(rs.getString("superior_body"), rs.getString("issuing_body"), rs.getString("issuer_code"),
				rs.getString("place"), rs.getObject("issued_on", LocalDate.class), rs.getInt("issued_year"), rs.getString("summary"),
				rs.getString("signature_authority"), rs.getString("signature_title"), rs.getString("signer_name"), rs.getString("recipients"));
		Map<String, String> texts = json.readValue(rs.getString("texts"), TEXTS);
		return new ReportDraft(rs.getLong("id"), rs.getString("kind"), rs.getString("unit_code"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), (Long) rs.getObject("plan_id"), (Long) rs.getObject("source_document_id"),
				rs.getString("template_scope"), rs.getInt("template_version"), rs.getObject("record_day", LocalDate.class),
				(Long) rs.getObject("issuer_id"), header, new LinkedHashMap<>(texts), ReportDraft.Status.valueOf(rs.getString("status")),
				(Integer) rs.getObject("number"), rs.getString("number_text"), (Long) rs.getObject("registered_document_id"),
				rs.getString("created_by"), rs.getInt("version"));
	}
}
