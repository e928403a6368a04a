package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.InputLimits;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Units;

/**
 * Every change to directives, each one transaction: checks who may act, lets the aggregate apply its rules,
 * saves with the version the user saw, stores attachments and audits. The issuer side (extend, accept,
 * return) acts for the document's issuing organisation; the assignee side (progress, completion) for the
 * lead body, cooperating bodies also reporting progress.
 */
@Service
class DirectiveDesk {

	/** The audited state of a directive. */
	record Snapshot(String status, LocalDate completedOn, String evidence, LocalDate acceptedOn, String returnReason,
			String deadline, LocalDate due, int version) {

		static Snapshot of(Directive d) {
			Deadline current = d.currentDeadline();
			return new Snapshot(d.status().name(), d.completedOn(), d.evidence(), d.acceptedOn(), d.returnReason(),
					current.wording(), current.due(), d.version());
		}
	}

	private final DirectiveStore store;
	private final DocumentRegister documents;
	private final Organisations organisations;
	private final DirectiveAccess access;
	private final Attachments attachments;
	private final Units units;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	DirectiveDesk(DirectiveStore store, DocumentRegister documents, Organisations organisations, DirectiveAccess access,
			Attachments attachments, Units units, ApplicationEventPublisher events, java.time.Clock clock) {
		this.clock = clock;
		this.store = store;
		this.documents = documents;
		this.organisations = organisations;
		this.access = access;
		this.attachments = attachments;
		this.units = units;
		this.events = events;
	}

	@Transactional
	long create(long documentId, DirectiveForm form) {
		Document document = documents.get(documentId);
		LocalDate day = DocumentRegister.day(document);
		Organisation issuer = organisations.require(document.issuerId());
		requireAssigner(document, issuer, day);
		Organisation lead = organisations.require(form.leadId());
		List<Organisation> leads = new java.util.ArrayList<>();
		for (Long id : form.leadIds()) {
			leads.add(organisations.require(id));
		}
		Set<Long> cooperating = new LinkedHashSet<>();
		for (Long id : form.cooperatingIds() == null ? List.<Long>of() : form.cooperatingIds()) {
			cooperating.add(organisations.require(id).id());
		}
		Set<String> targets = new LinkedHashSet<>(form.unitCodes() == null ? List.of() : form.unitCodes());
		if (form.kind() == Directive.Kind.REQUEST && form.raisedByUnit() != null) {
			targets.add(form.raisedByUnit());
		}
		for (String code : targets) {
			if (!units.exists(code)) {
				throw new DirectiveRuleException("document.error.unit", code);
			}
		}
		limit(List.of(new Field("Nội dung nhiệm vụ", form.text(), InputLimits.TEXT),
				new Field("Nội dung kiến nghị", form.requestText(), InputLimits.TEXT), new Field("Người phụ trách", form.person(), InputLimits.NAME),
				new Field("Số thứ tự", form.ref(), 50), new Field("Thời hạn", form.deadline(), InputLimits.NAME)));
		requireAuthorityOver(document, issuer, form.kind() == Directive.Kind.REQUEST, lead, leads, cooperating, targets, day);
		Deadline deadline = Deadline.read(form.deadline(), document.issuedYear())
			.orElseThrow(() -> new DirectiveRuleException("directive.error.deadlineUnreadable", form.deadline()));
		LocalDate assignedOn = form.assignedOn() != null ? form.assignedOn() : document.issuedOn();
		if (assignedOn == null) {
			throw new DirectiveRuleException("directive.error.assignedOnRequired");
		}
		String criterion = blankToNull(form.criterionNumber());
		String setCode = criterion == null ? null : blankToNull(form.setCode());
		Directive directive = Directive.assign(documentId, form.kind() == null ? Directive.Kind.DIRECTIVE : form.kind(),
				new Directive.Wording(blankToNull(form.ref()), SearchKey.clean(form.text()),
						blankToNull(SearchKey.clean(form.requestText())), blankToNull(form.raisedByUnit()),
						blankToNull(SearchKey.clean(form.person()))),
				leads.stream().map(Organisation::id).toList(), cooperating, targets, setCode, criterion, assignedOn,
				document.issuedOn(), deadline, form.requiresEvidence());
		long id = store.insert(directive, access.username());
		Directive created = store.load(id);
		events.publishEvent(AuditEvent.of(Action.CREATE, "directive", String.valueOf(id), firstUnit(directive), null,
				Snapshot.of(created)));
		events.publishEvent(new DirectiveEvents.Assigned(id, created.kind(), created.wording().text(), created.leadId(),
				created.cooperatingIds(), created.currentDeadline().due(), access.username()));
		return id;
	}

	/**
	 * An issuer assigns work within its own subtree (as it stood on the document's day) or to the units the document
	 * names; a request (kiến nghị) may also go up, to a body of a unit above the issuer. Checked before anything is
	 * written, so that a refused assignment never appears in anyone's work list.
	 */
	private void requireAuthorityOver(Document document, Organisation issuer, boolean request, Organisation lead,
			List<Organisation> leads, Set<Long> cooperating, Set<String> targets, LocalDate day) {
		Set<String> addressed = new java.util.HashSet<>(document.unitCodes());
		List<String> issuerLine = units.lineOn(issuer.unitCode(), day);
		java.util.Map<Long, Organisation> bodies = new java.util.LinkedHashMap<>();
		leads.forEach(body -> bodies.put(body.id(), body));
		cooperating.forEach(id -> bodies.put(id, organisations.require(id)));
		for (Organisation body : bodies.values()) {
			boolean upward = request && leads.stream().anyMatch(l -> l.id() == body.id()) && issuerLine.contains(body.unitCode());
			if (!upward && !reaches(issuer.unitCode(), body.unitCode(), addressed, day)) {
				throw new DirectiveRuleException("directive.error.assignOutside", body.name(), issuer.name());
			}
		}
		for (String target : targets) {
			if (!reaches(issuer.unitCode(), target, addressed, day)) {
				throw new DirectiveRuleException("directive.error.targetOutside", target, issuer.name());
			}
		}
	}

	/**
	 * Who may put a document's directives on record: the issuer's side; for a document its recipient registered
	 * (văn bản đến, the issuer keeps no record here), a receiving body's side too — what the document assigns is still
	 * checked against the issuer's authority by {@link #requireAuthorityOver}.
	 */
	private void requireAssigner(Document document, Organisation issuer, LocalDate day) {
		if (document.received() && !access.mayActFor(issuer, Permission.ASSIGN_DIRECTIVE, day, null, null)) {
			for (Document.Receipt receipt : documents.receipts(document.id())) {
				if (access.mayActFor(organisations.require(receipt.organisationId()), Permission.RECEIVE_DOCUMENT,
						receipt.receivedOn(), null, null)) {
					return;
				}
			}
		}
		access.requireActFor(issuer, Permission.ASSIGN_DIRECTIVE, day, null, null);
	}

	private boolean reaches(String issuerUnit, String unit, Set<String> addressed, LocalDate day) {
		List<String> line = units.lineOn(unit, day);
		return line.contains(issuerUnit) || line.stream().anyMatch(addressed::contains);
	}

	@Transactional
	void reportProgress(long id, Integer version, LocalDate on, String note, Integer percent, Attachments.Upload file) {
		Directive directive = store.load(id);
		requireAssignee(directive, true, on);
		limit(List.of(new Field("Ghi chú tiến độ", note, InputLimits.TEXT)));
		when("Ngày báo cáo", on);
		requireVersion(directive, version);
		Attachments.checkAll(List.of(file == null ? new Attachments.Upload(null, null) : file));
		Snapshot before = Snapshot.of(directive);
		save(directive, directive.reportProgress(on, note, percent), before, file);
	}

	@Transactional
	void extend(long id, Integer version, String newDeadline, LocalDate grantedOn, String reason) {
		Directive directive = store.load(id);
		requireIssuer(directive, grantedOn);
		limit(List.of(new Field("Thời hạn mới", newDeadline, InputLimits.NAME), new Field("Lý do gia hạn", reason, InputLimits.TEXT)));
		when("Ngày gia hạn", grantedOn);
		requireVersion(directive, version);
		Deadline deadline = Deadline.read(newDeadline, grantedOn == null ? directive.assignedOn().getYear() : grantedOn.getYear())
			.orElseThrow(() -> new DirectiveRuleException("directive.error.deadlineUnreadable", newDeadline));
		Snapshot before = Snapshot.of(directive);
		save(directive, directive.extend(deadline, grantedOn, reason), before, null);
		events.publishEvent(new DirectiveEvents.ExtensionGranted(id, directive.wording().text(), directive.leadId(),
				directive.cooperatingIds(), deadline.due(), deadline.wording(), access.username()));
	}

	@Transactional
	void complete(long id, Integer version, LocalDate on, String evidence, Attachments.Upload file) {
		Directive directive = store.load(id);
		requireAssignee(directive, false, on);
		limit(List.of(new Field("Minh chứng hoàn thành", evidence, InputLimits.TEXT)));
		when("Ngày hoàn thành", on);
		requireVersion(directive, version);
		boolean fileAttached = file != null && file.present();
		if (fileAttached) {
			AttachmentPolicy.check(file.fileName(), file.content());
		}
		Snapshot before = Snapshot.of(directive);
		save(directive, directive.complete(on, evidence, fileAttached), before, file);
		if (directive.kind() == Directive.Kind.REQUEST && directive.wording().raisedByUnit() != null) {
			events.publishEvent(new DirectiveEvents.RequestAnswered(id, directive.wording().requestText() == null
					? directive.wording().text() : directive.wording().requestText(), directive.wording().raisedByUnit(),
					directive.leadId(), access.username()));
		}
	}

	@Transactional
	void accept(long id, Integer version, LocalDate on) {
		Directive directive = store.load(id);
		requireIssuer(directive, on);
		when("Ngày nghiệm thu", on);
		requireVersion(directive, version);
		Snapshot before = Snapshot.of(directive);
		save(directive, directive.accept(on), before, null);
	}

	@Transactional
	void returnForRework(long id, Integer version, LocalDate on, String reason) {
		Directive directive = store.load(id);
		requireIssuer(directive, on);
		limit(List.of(new Field("Lý do trả lại", reason, InputLimits.TEXT)));
		when("Ngày trả lại", on);
		requireVersion(directive, version);
		Snapshot before = Snapshot.of(directive);
		save(directive, directive.returnForRework(on, reason), before, null);
	}

	boolean mayReport(Directive directive, LocalDate today) {
		return mayActAsAssignee(directive, true, today);
	}

	boolean mayComplete(Directive directive, LocalDate today) {
		return mayActAsAssignee(directive, false, today);
	}

	boolean mayDecide(Directive directive, LocalDate today) {
		Organisation issuer = organisations.require(documents.get(directive.documentId()).issuerId());
		return access.mayActFor(issuer, Permission.ASSIGN_DIRECTIVE, today, null, null);
	}

	/** Checked after the permission, so that an outsider learns nothing from a version mismatch. */
	private static void requireVersion(Directive directive, Integer version) {
		if (version != null && version != directive.version()) {
			throw new OptimisticLockingFailureException("directive " + directive.id() + " is at version " + directive.version());
		}
	}

	private void save(Directive directive, Directive.Event event, Snapshot before, Attachments.Upload file) {
		String user = access.username();
		long eventId = store.save(directive, event, user);
		if (file != null && file.present()) {
			attachments.storeForEvent(eventId, file, user, firstUnit(directive));
		}
		events.publishEvent(AuditEvent.of(Action.UPDATE, "directive", String.valueOf(directive.id()), firstUnit(directive),
				before, Snapshot.of(store.load(directive.id()))));
	}

	private boolean mayActAsAssignee(Directive directive, boolean cooperatingToo, LocalDate on) {
		LocalDate day = on == null ? directive.assignedOn() : on;
		for (long lead : directive.leadIds()) {
			if (access.mayActFor(organisations.require(lead), Permission.ACT_FOR_ORGANISATION, day, directive.setCode(),
					directive.criterionNumber())) {
				return true;
			}
		}
		return cooperatingToo && directive.cooperatingIds().stream().anyMatch(org -> access.mayActFor(
				organisations.require(org), Permission.ACT_FOR_ORGANISATION, day, directive.setCode(), directive.criterionNumber()));
	}

	private void requireAssignee(Directive directive, boolean cooperatingToo, LocalDate on) {
		if (!mayActAsAssignee(directive, cooperatingToo, on)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Chỉ cơ quan chủ trì" + (cooperatingToo ? " hoặc phối hợp" : "") + " được cập nhật nhiệm vụ này");
		}
	}

	private void requireIssuer(Directive directive, LocalDate on) {
		access.requireActFor(organisations.require(documents.get(directive.documentId()).issuerId()),
				Permission.ASSIGN_DIRECTIVE, on == null ? directive.assignedOn() : on, null, null);
	}

	private record Field(String label, String value, int max) {
	}

	/** Every over-long field named at once; nothing is written. */
	private static void limit(List<Field> fields) {
		List<String> problems = new java.util.ArrayList<>();
		fields.forEach(f -> InputLimits.text(f.label(), f.value(), f.max(), problems));
		if (!problems.isEmpty()) {
			throw new DirectiveRuleException("common.error.input", String.join("; ", problems));
		}
	}

	/** The day of an act that has happened: not before 1990 and not after today. */
	private void when(String label, LocalDate day) {
		List<String> problems = new java.util.ArrayList<>();
		InputLimits.date(label, day, problems);
		InputLimits.notFuture(label, day, LocalDate.now(clock), problems);
		if (!problems.isEmpty()) {
			throw new DirectiveRuleException("common.error.input", String.join("; ", problems));
		}
	}

	private static String firstUnit(Directive directive) {
		return directive.targetUnits().stream().sorted().findFirst().orElse(null);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
