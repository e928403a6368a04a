package vn.ntmtracker.directives;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.InputLimits;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Units;

/**
 * The documents register: registering (with an attachment) and editing documents, links between them, and
 * reading them within the user's reach. A document is registered by its issuer: a member of the issuing
 * organisation or someone with a writing grant over its unit.
 */
@Service
class DocumentRegister {

	private static final String SELECT = """
			select doc.*, o.name as issuer_name, o.unit_code as issuer_unit,
			       (select string_agg(du.unit_code, ',' order by du.unit_code) from document_unit du where du.document_id = doc.id) as units
			from document doc join organisation o on o.id = doc.issuer_id
			""";

	/** Readable when the issuer, a subject unit or a receiving body is in the user's reach, or one of its directives is. */
	private static final String READABLE = """
			(o.unit_code in (:readableUnits)
			 or exists (select 1 from document_unit du where du.document_id = doc.id and du.unit_code in (:readableUnits))
			 or exists (select 1 from document_receipt dr join organisation ro on ro.id = dr.organisation_id
			            where dr.document_id = doc.id and ro.unit_code in (:readableUnits))
			 or exists (select 1 from directive d where d.document_id = doc.id and %s))""";

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final DirectiveAccess access;
	private final Attachments attachments;
	private final Units units;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	DocumentRegister(JdbcClient jdbc, Organisations organisations, DirectiveAccess access, Attachments attachments,
			Units units, ApplicationEventPublisher events, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.access = access;
		this.attachments = attachments;
		this.units = units;
		this.events = events;
	}

	/** The day a document speaks for: its date, or the last day of its year when the day was left blank. */
	static LocalDate day(Document document) {
		return day(document.issuedOn(), document.issuedYear());
	}

	static LocalDate day(LocalDate issuedOn, Integer issuedYear) {
		if (issuedOn != null) {
			return issuedOn;
		}
		return issuedYear == null || issuedYear < 1990 || issuedYear > 2100 ? LocalDate.of(2000, 1, 1) : LocalDate.of(issuedYear, 12, 31);
	}

	@Transactional
	Document register(DocumentForm form, List<Attachments.Upload> files) {
		return register(form, files, null);
	}

	/**
	 * Registers a document for its issuer. The same document registered again (same issuer, number and date) is refused
	 * with the existing one named ({@link DuplicateDocumentException}) unless {@code correctionOf} names it: then the new
	 * document is its correction and supersedes it.
	 */
	@Transactional
	Document register(DocumentForm form, List<Attachments.Upload> files, Long correctionOf) {
		Organisation issuer = validate(form);
		access.requireActFor(issuer, Permission.REGISTER_DOCUMENT, day(form.issuedOn(), form.issuedYear()), null, null);
		Document corrected = requireNewOrCorrection(form, correctionOf);
		Attachments.checkAll(files);
		Document created = insert(form, files, issuer, Document.Origin.ISSUER);
		if (corrected != null) {
			supersede(corrected, created);
		}
		return created;
	}

	/**
	 * Registers a document a body received (văn bản đến) whose issuer keeps no record of it here: the receiving body's
	 * members (or writers over its unit) register it with their receipt. The issuer's own record, when it exists, is
	 * not duplicated: {@link DuplicateDocumentException} names it, and {@link #receive} records the receipt on it.
	 */
	@Transactional
	Document registerReceived(DocumentForm form, List<Attachments.Upload> files, Document.ReceiptForm receipt,
			Long correctionOf) {
		Organisation issuer = validate(form);
		Organisation recipient = validateReceipt(receipt, form.issuedOn(), form.year());
		access.requireActFor(recipient, Permission.RECEIVE_DOCUMENT, receipt.receivedOn(), null, null);
		Document corrected = requireNewOrCorrection(form, correctionOf);
		Attachments.checkAll(files);
		Document created = insert(form, files, issuer, Document.Origin.RECIPIENT);
		insertReceipt(created, recipient, receipt);
		if (corrected != null) {
			supersede(corrected, created);
		}
		return created;
	}

	/** Records that a body received a document already registered (by its issuer or another recipient). */
	@Transactional
	Document.Receipt receive(long documentId, Document.ReceiptForm receipt) {
		Document document = readable(documentId);
		Organisation recipient = validateReceipt(receipt, document.issuedOn(), document.issuedYear());
		access.requireActFor(recipient, Permission.RECEIVE_DOCUMENT, receipt.receivedOn(), null, null);
		if (receipts(documentId).stream().anyMatch(r -> r.organisationId() == recipient.id())) {
			throw new DirectiveRuleException("document.error.receivedTwice", recipient.name());
		}
		return insertReceipt(document, recipient, receipt);
	}

	private Document insert(DocumentForm form, List<Attachments.Upload> files, Organisation issuer, Document.Origin origin) {
		String user = access.username();
		long id = jdbc.sql("""
				insert into document (kind, number, issued_on, issued_year, issuer_id, signer, signing_form, signer_title,
				                      subject, distribution, search_key, created_by, origin)
				values (:kind, :number, :issuedOn, :year, :issuer, :signer, :form, :title, :subject, :distribution, :key, :user,
				        :origin)
				returning id""")
			.params(columns(form)).param("user", user).param("origin", origin.name()).query(Long.class).single();
		insertUnits(id, form.unitCodes());
		for (Attachments.Upload file : files) {
			if (file.present()) {
				attachments.storeForDocument(id, file, user, issuer.unitCode());
			}
		}
		Document created = get(id);
		events.publishEvent(AuditEvent.of(Action.CREATE, "document", String.valueOf(id), issuer.unitCode(), null, created));
		return created;
	}

	private Organisation validateReceipt(Document.ReceiptForm receipt, LocalDate issuedOn, int issuedYear) {
		if (receipt == null || receipt.organisationId() == null) {
			throw new DirectiveRuleException("document.error.recipient");
		}
		Organisation recipient = organisations.require(receipt.organisationId());
		if (receipt.receivedOn() == null) {
			throw new DirectiveRuleException("document.error.receivedOn");
		}
		List<String> problems = new java.util.ArrayList<>();
		{
			InputLimits.date("Ngày đến", receipt.receivedOn(), problems);
			InputLimits.notFuture("Ngày đến", receipt.receivedOn(), LocalDate.now(clock), problems);
			LocalDate earliest = issuedOn != null ? issuedOn : LocalDate.of(issuedYear, 1, 1);
			if (receipt.receivedOn().isBefore(earliest)) {
				throw new DirectiveRuleException("document.error.receivedBeforeIssued", receipt.receivedOn(), earliest);
			}
		}
		if (receipt.receivedFrom() == null || receipt.receivedFrom().isBlank()) {
			throw new DirectiveRuleException("document.error.receivedFrom");
		}
		InputLimits.text("Nơi gửi", receipt.receivedFrom(), 300, problems);
		InputLimits.text("Số đến", receipt.incomingNumber(), 50, problems);
		if (!problems.isEmpty()) {
			throw new DirectiveRuleException("common.error.input", String.join("; ", problems));
		}
		return recipient;
	}

	private Document.Receipt insertReceipt(Document document, Organisation recipient, Document.ReceiptForm receipt) {
		long id = jdbc.sql("""
				insert into document_receipt (document_id, organisation_id, received_on, received_from, incoming_number, created_by)
				values (:doc, :org, :on, :from, :number, :user) returning id""")
			.param("doc", document.id()).param("org", recipient.id()).param("on", receipt.receivedOn())
			.param("from", SearchKey.clean(receipt.receivedFrom())).param("number", blankToNull(SearchKey.clean(receipt.incomingNumber())))
			.param("user", access.username()).query(Long.class).single();
		Document.Receipt created = receipts(document.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
		events.publishEvent(AuditEvent.of(Action.CREATE, "document_receipt", String.valueOf(id), recipient.unitCode(), null, created));
		return created;
	}

	int directiveCount(long documentId) {
		return jdbc.sql("select count(*) from directive where document_id = :id").param("id", documentId)
			.query(Integer.class).single();
	}

	List<Document.Receipt> receipts(long documentId) {
		return jdbc.sql("""
				select r.id, r.document_id, r.organisation_id, o.name, o.unit_code, r.received_on, r.received_from,
				       r.incoming_number, r.created_by
				from document_receipt r join organisation o on o.id = r.organisation_id
				where r.document_id = :id order by r.received_on, r.id""")
			.param("id", documentId)
			.query((rs, i) -> new Document.Receipt(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	/** A match of a new document against the register: {@code exact} when issuer, number and date are the same. */
	record SameDocument(Document document, boolean exact) {
	}

	/**
	 * Documents already registered that are the one described: the same issuer, number and date (a blank day matches
	 * any day of the same year) — or, for a document without a number, the same issuer, year and subject (probable
	 * only: two numberless documents of a year may share a subject). Only documents the user may read are named.
	 */
	List<SameDocument> sameAs(Long issuerId, String number, LocalDate issuedOn, Integer issuedYear, String subject) {
		if (issuerId == null || (issuedOn == null && issuedYear == null)) {
			return List.of();
		}
		int year = issuedOn != null ? issuedOn.getYear() : issuedYear;
		String numberKey = SearchKey.of(number);
		List<Document> candidates = jdbc.sql(SELECT + " where doc.issuer_id = :issuer and doc.issued_year = :year order by doc.id")
			.param("issuer", issuerId).param("year", year).query(DocumentRegister::map).list();
		List<SameDocument> same = new java.util.ArrayList<>();
		for (Document candidate : candidates) {
			boolean sameDay = issuedOn == null || candidate.issuedOn() == null || issuedOn.equals(candidate.issuedOn());
			if (!sameDay) {
				continue;
			}
			if (!numberKey.isEmpty()) {
				if (numberKey.equals(SearchKey.of(candidate.number()))) {
					same.add(new SameDocument(candidate, true));
				}
			}
			else if (SearchKey.of(candidate.number()).isEmpty() && similar(subject, candidate.subject())) {
				same.add(new SameDocument(candidate, false));
			}
		}
		return same.stream().filter(m -> canRead(m.document().id())).toList();
	}

	/** Subjects sharing at least 70 % of their words (Dice), abbreviations of the programme's name spelt out. */
	static boolean similar(String a, String b) {
		java.util.Set<String> left = words(a);
		java.util.Set<String> right = words(b);
		if (left.isEmpty() || right.isEmpty()) {
			return false;
		}
		long shared = left.stream().filter(right::contains).count();
		return 2.0 * shared / (left.size() + right.size()) >= 0.7;
	}

	private static java.util.Set<String> words(String text) {
		String key = " " + SearchKey.of(text) + " ";
		key = key.replace(" mtqg ", " muc tieu quoc gia ").replace(" ntm ", " nong thon moi ").replace(" bcd ", " ban chi dao ")
			.replace(" ubnd ", " uy ban nhan dan ");
		java.util.Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(key.split("[^a-z0-9]+")));
		words.remove("");
		return words;
	}

	/**
	 * Refuses a document already registered unless the user registers it as a correction of that one; returns the
	 * document corrected (checked: readable, the user may act for its issuer or, for a received one, its recipient).
	 */
	private Document requireNewOrCorrection(DocumentForm form, Long correctionOf) {
		if (correctionOf != null) {
			Document corrected = readable(correctionOf);
			if (corrected.superseded()) {
				throw new DirectiveRuleException("document.error.alreadyCorrected", corrected.numberOrBlank(), corrected.supersededBy());
			}
			requireMayCorrect(corrected);
			return corrected;
		}
		List<SameDocument> same = sameAs(form.issuerId(), form.number(), form.issuedOn(), form.issuedYear(), form.subject());
		List<Document> exact = same.stream().filter(SameDocument::exact).map(SameDocument::document)
			.filter(d -> !d.superseded()).toList();
		if (!exact.isEmpty()) {
			throw new DuplicateDocumentException(exact);
		}
		return null;
	}

	/** Whether the user may edit or correct the document: its issuer's side, or for a received one its recipient. */
	boolean mayEdit(Document document) {
		try {
			requireMayCorrect(document);
			return true;
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			return false;
		}
	}

	private void requireMayCorrect(Document corrected) {
		LocalDate day = day(corrected);
		Organisation issuer = organisations.require(corrected.issuerId());
		if (access.mayActFor(issuer, Permission.REGISTER_DOCUMENT, day, null, null)) {
			return;
		}
		if (corrected.received() && receipts(corrected.id()).stream().anyMatch(r -> access.mayActFor(
				organisations.require(r.organisationId()), Permission.RECEIVE_DOCUMENT, r.receivedOn(), null, null))) {
			return;
		}
		access.requireActFor(issuer, Permission.REGISTER_DOCUMENT, day, null, null);
	}

	/** The correction supersedes the corrected document: linked (CORRECTS), marked, audited. */
	private void supersede(Document corrected, Document correction) {
		int updated = jdbc.sql("""
				update document set superseded_by = :by, superseded_on = :on, version = version + 1
				where id = :id and version = :version and superseded_by is null""")
			.param("by", correction.id()).param("on", LocalDate.now(clock)).param("id", corrected.id())
			.param("version", corrected.version()).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("document " + corrected.id());
		}
		jdbc.sql("insert into document_link (document_id, target_id, relation) values (:id, :target, 'CORRECTS')")
			.param("id", correction.id()).param("target", corrected.id()).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "document", String.valueOf(corrected.id()), corrected.issuerUnitCode(),
				corrected, get(corrected.id())));
		events.publishEvent(AuditEvent.of(Action.CREATE, "document_link", correction.id() + "->" + corrected.id(),
				correction.issuerUnitCode(), null, Map.of("relation", "CORRECTS", "target", corrected.id())));
	}

	@Transactional
	Document update(long id, int version, DocumentForm form) {
		Document before = get(id);
		requireMayCorrect(before);
		Organisation issuer = validate(form);
		if (!before.received()) {
			// A received document's record is its recipient's: it says who issued it, not on whose behalf it was written.
			access.requireActFor(issuer, Permission.REGISTER_DOCUMENT, day(form.issuedOn(), form.issuedYear()), null, null);
		}
		LocalDate earliestDue = jdbc.sql("""
				select min(dl.due_date) from directive_deadline dl join directive d on d.id = dl.directive_id
				where d.document_id = :id""").param("id", id).query(LocalDate.class).optional().orElse(null);
		if (form.issuedOn() != null && earliestDue != null && earliestDue.isBefore(form.issuedOn())) {
			throw new DirectiveRuleException("directive.error.deadlineBeforeDocument", earliestDue, form.issuedOn());
		}
		int updated = jdbc.sql("""
				update document set kind = :kind, number = :number, issued_on = :issuedOn, issued_year = :year,
				       issuer_id = :issuer, signer = :signer, signing_form = :form, signer_title = :title, subject = :subject,
				       distribution = :distribution, search_key = :key, version = version + 1
				where id = :id and version = :version""")
			.params(columns(form)).param("id", id).param("version", version).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("document " + id);
		}
		jdbc.sql("delete from document_unit where document_id = :id").param("id", id).update();
		insertUnits(id, form.unitCodes());
		Document after = get(id);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "document", String.valueOf(id), issuer.unitCode(), before, after));
		return after;
	}

	@Transactional
	void link(long id, Document.Relation relation, long targetId) {
		Document document = get(id);
		access.requireActFor(organisations.require(document.issuerId()), Permission.REGISTER_DOCUMENT, day(document), null, null);
		if (relation == null || relation == Document.Relation.CORRECTS) {
			// A correction is registered as one (it supersedes what it corrects), never linked afterwards.
			throw new DirectiveRuleException("document.error.relation");
		}
		if (targetId == id || find(targetId).isEmpty() || !canRead(targetId)) {
			throw new DirectiveRuleException("document.error.linkTarget", String.valueOf(targetId));
		}
		jdbc.sql("insert into document_link (document_id, target_id, relation) values (:id, :target, :relation) on conflict do nothing")
			.param("id", id).param("target", targetId).param("relation", relation.name()).update();
		events.publishEvent(AuditEvent.of(Action.CREATE, "document_link", id + "->" + targetId, document.issuerUnitCode(),
				null, Map.of("relation", relation.name(), "target", targetId)));
	}

	private Organisation validate(DocumentForm form) {
		if (form.kind() == null) {
			throw new DirectiveRuleException("document.error.kind");
		}
		if (form.subject() == null || form.subject().isBlank()) {
			throw new DirectiveRuleException("document.error.subject");
		}
		int year = form.year();
		if (year < 1945 || year > 2100) {
			throw new DirectiveRuleException("document.error.date");
		}
		List<String> limits = new java.util.ArrayList<>();
		InputLimits.text("Trích yếu", form.subject(), InputLimits.TITLE, limits);
		InputLimits.text("Số văn bản", form.number(), 100, limits);
		InputLimits.text("Người ký", form.signer(), InputLimits.NAME, limits);
		InputLimits.text("Chức vụ người ký", form.signerTitle(), InputLimits.NAME, limits);
		InputLimits.text("Nơi nhận", form.distribution(), InputLimits.TEXT, limits);
		if (!limits.isEmpty()) {
			throw new DirectiveRuleException("common.error.input", String.join("; ", limits));
		}
		if (form.issuedOn() != null && form.issuedYear() != null && form.issuedYear() != form.issuedOn().getYear()) {
			throw new DirectiveRuleException("document.error.yearMismatch");
		}
		for (String code : unitCodes(form)) {
			if (!units.exists(code)) {
				throw new DirectiveRuleException("document.error.unit", code);
			}
		}
		return organisations.require(form.issuerId());
	}

	private Map<String, Object> columns(DocumentForm form) {
		String subject = SearchKey.clean(form.subject());
		String number = blankToNull(SearchKey.clean(form.number()));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("kind", form.kind().name());
		params.put("number", number);
		params.put("issuedOn", form.issuedOn());
		params.put("year", form.year());
		params.put("issuer", form.issuerId());
		params.put("signer", blankToNull(SearchKey.clean(form.signer())));
		params.put("form", form.signingForm() == null ? null : form.signingForm().name());
		params.put("title", blankToNull(SearchKey.clean(form.signerTitle())));
		params.put("subject", subject);
		params.put("distribution", blankToNull(form.distribution() == null ? null
				: java.text.Normalizer.normalize(form.distribution().strip(), java.text.Normalizer.Form.NFC)));
		params.put("key", SearchKey.of((number == null ? "" : number) + " " + subject));
		return params;
	}

	private void insertUnits(long id, List<String> unitCodes) {
		for (String code : unitCodes == null ? List.<String>of() : unitCodes.stream().distinct().toList()) {
			jdbc.sql("insert into document_unit (document_id, unit_code) values (:id, :code)").param("id", id)
				.param("code", code).update();
		}
	}

	private static List<String> unitCodes(DocumentForm form) {
		return form.unitCodes() == null ? List.of() : form.unitCodes();
	}

	Document get(long id) {
		return jdbc.sql(SELECT + " where doc.id = :id").param("id", id).query(DocumentRegister::map).optional()
			.orElseThrow(() -> new DocumentNotFoundException(id));
	}

	Optional<Document> find(long id) {
		return jdbc.sql(SELECT + " where doc.id = :id").param("id", id).query(DocumentRegister::map).optional();
	}

	/** The document when the current user may read it; 404 when missing, 403 when out of reach. */
	/** A document the user may read; one they may not is answered as if it did not exist (no id enumeration). */
	Document readable(long id) {
		Document document = get(id);
		if (!canRead(id)) {
			throw new DocumentNotFoundException(id);
		}
		return document;
	}

	boolean canRead(long id) {
		return search(null, null, 0, 1, id).totalElements() > 0;
	}

	record Page(List<Document> content, int page, int size, long totalElements) {

		public int totalPages() {
			return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
		}
	}

	Page search(String query, Document.Kind kind, int page, int size) {
		return search(query, kind, page, size, null);
	}

	private Page search(String query, Document.Kind kind, int page, int size, Long onlyId) {
		Reach reach = access.reach();
		Reach.Sql reachSql = reach.toSql();
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>(reachSql.params());
		if (!reach.everything()) {
			where.append(" and ").append(READABLE.formatted(reachSql.condition()));
			params.put("readableUnits", readableUnits(reach));
		}
		String key = SearchKey.of(query);
		if (!key.isEmpty()) {
			where.append(" and doc.search_key like :pattern");
			params.put("pattern", "%" + key.replace("%", "").replace("_", "") + "%");
		}
		if (kind != null) {
			where.append(" and doc.kind = :docKind");
			params.put("docKind", kind.name());
		}
		if (onlyId != null) {
			where.append(" and doc.id = :onlyId");
			params.put("onlyId", onlyId);
		}
		long total = jdbc.sql("select count(*) from document doc join organisation o on o.id = doc.issuer_id" + where)
			.params(params).query(Long.class).single();
		List<Document> content = jdbc.sql(SELECT + where
				+ " order by coalesce(doc.issued_on, make_date(doc.issued_year, 12, 31)) desc, doc.id desc limit :limit offset :offset")
			.params(params).param("limit", size).param("offset", (long) page * size)
			.query(DocumentRegister::map).list();
		return new Page(content, page, size, total);
	}

	/** Units (at any time) under the user's grants: read scope of documents regardless of criteria. */
	private List<String> readableUnits(Reach reach) {
		List<String> codes = reach.roots().stream()
			.flatMap(root -> jdbc.sql("""
					select distinct unit_code from units_v_line where path like :prefix""")
				.param("prefix", "%/" + root.unitCode().replace("_", "\\_") + "/%").query(String.class).list().stream())
			.distinct().toList();
		return codes.isEmpty() ? List.of("") : codes;
	}

	List<Document.Link> links(long id) {
		return jdbc.sql("""
				select l.relation, l.target_id, t.number, t.subject, false as incoming
				from document_link l join document t on t.id = l.target_id where l.document_id = :id
				union all
				select l.relation, l.document_id, s.number, s.subject, true
				from document_link l join document s on s.id = l.document_id where l.target_id = :id
				order by 5, 2""")
			.param("id", id)
			.query((rs, i) -> new Document.Link(Document.Relation.valueOf(rs.getString(1)), rs.getLong(2),
					rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.list();
	}

	private static Document map(ResultSet rs, int row) throws SQLException {
		String form = rs.getString("signing_form");
		String distribution = rs.getString("distribution");
		String unitList = rs.getString("units");
		return new Document(rs.getLong("id"), Document.Kind.valueOf(rs.getString("kind")), rs.getString("number"),
				rs.getObject("issued_on", LocalDate.class), rs.getInt("issued_year"), rs.getLong("issuer_id"),
				rs.getString("issuer_name"), rs.getString("issuer_unit"), rs.getString("signer"),
				form == null ? null : Document.SigningForm.valueOf(form), rs.getString("signer_title"),
				rs.getString("subject"),
				distribution == null ? List.of() : distribution.lines().map(String::strip).filter(s -> !s.isEmpty()).toList(),
				unitList == null ? List.of() : Arrays.asList(unitList.split(",")), rs.getInt("version"),
				Document.Origin.valueOf(rs.getString("origin")), (Long) rs.getObject("superseded_by"));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
