package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A directive (nhiệm vụ) or a request (kiến nghị) from a document, with its deadline history and the state
 * of its completion. State changes are methods that check their preconditions and return the event to
 * record; nothing is set from outside.
 */
public final class Directive {

	public enum Kind { DIRECTIVE, REQUEST }

	enum Status { OPEN, COMPLETED, ACCEPTED }

	enum EventKind { PROGRESS, EXTENDED, COMPLETED, ACCEPTED, RETURNED }

	/** What the directive says; descriptive, no rule depends on it. */
	record Wording(String ref, String text, String requestText, String raisedByUnit, String person) {
	}

	/** What happened, to be appended to the directive's history. */
	record Event(EventKind kind, LocalDate on, String note, Integer percent) {
	}

	private final Long id;
	private final long documentId;
	private final Kind kind;
	private final Wording wording;
	/** The lead bodies in the order the document names them: the first is the lead, others lead jointly with it. */
	private final List<Long> leadIds;
	private final Set<Long> cooperatingIds;
	private final Set<String> targetUnits;
	private final String setCode;
	private final String criterionNumber;
	private final LocalDate assignedOn;
	private final boolean evidenceRequired;
	private final List<DeadlineChange> deadlines;
	private final int version;
	private LocalDate firstProgressOn;
	private Status status;
	private LocalDate completedOn;
	private String evidence;
	private LocalDate acceptedOn;
	private String returnReason;

	Directive(Long id, long documentId, Kind kind, Wording wording, List<Long> leadIds, Set<Long> cooperatingIds, Set<String> targetUnits,
			String setCode, String criterionNumber, LocalDate assignedOn, boolean evidenceRequired,
			List<DeadlineChange> deadlines, int version, LocalDate firstProgressOn, Status status,
			LocalDate completedOn, String evidence, LocalDate acceptedOn, String returnReason) {
		this.id = id;
		this.documentId = documentId;
		this.kind = kind;
		this.wording = wording;
		this.leadIds = List.copyOf(leadIds);
		this.cooperatingIds = Set.copyOf(cooperatingIds);
		this.targetUnits = Set.copyOf(targetUnits);
		this.setCode = setCode;
		this.criterionNumber = criterionNumber;
		this.assignedOn = assignedOn;
		this.evidenceRequired = evidenceRequired;
		this.deadlines = new ArrayList<>(deadlines);
		this.version = version;
		this.firstProgressOn = firstProgressOn;
		this.status = status;
		this.completedOn = completedOn;
		this.evidence = evidence;
		this.acceptedOn = acceptedOn;
		this.returnReason = returnReason;
	}

	/**
	 * A new directive: it needs a lead body and a target unit, and its deadline may not fall before the day it
	 * was assigned nor before the document's date.
	 */
	static Directive assign(long documentId, Kind kind, Wording wording, long leadId, Set<Long> cooperatingIds, Set<String> targetUnits,
			String setCode, String criterionNumber, LocalDate assignedOn, LocalDate documentDate, Deadline deadline,
			boolean evidenceRequired) {
		return assign(documentId, kind, wording, List.of(leadId), cooperatingIds, targetUnits, setCode, criterionNumber,
				assignedOn, documentDate, deadline, evidenceRequired);
	}

	/**
	 * A new directive with one or more lead bodies (a joint lead: "Đảng ủy, UBND xã chủ trì"), each named once and none
	 * also cooperating.
	 */
	static Directive assign(long documentId, Kind kind, Wording wording, List<Long> leadIds, Set<Long> cooperatingIds,
			Set<String> targetUnits, String setCode, String criterionNumber, LocalDate assignedOn, LocalDate documentDate,
			Deadline deadline, boolean evidenceRequired) {
		if (leadIds.isEmpty()) {
			throw new DirectiveRuleException("organisation.error.missing");
		}
		if (new java.util.HashSet<>(leadIds).size() != leadIds.size()) {
			throw new DirectiveRuleException("directive.error.leadTwice");
		}
		if (wording.text() == null || wording.text().isBlank()) {
			throw new DirectiveRuleException("directive.error.noText");
		}
		if (kind == Kind.REQUEST && (wording.raisedByUnit() == null || wording.requestText() == null
				|| wording.requestText().isBlank())) {
			throw new DirectiveRuleException("directive.error.requestNeedsUnit");
		}
		if (targetUnits.isEmpty()) {
			throw new DirectiveRuleException("directive.error.noTarget");
		}
		if (leadIds.stream().anyMatch(cooperatingIds::contains)) {
			throw new DirectiveRuleException("directive.error.leadCooperates");
		}
		if ((setCode == null) != (criterionNumber == null)) {
			throw new DirectiveRuleException("directive.error.criterionNeedsSet");
		}
		if (documentDate != null && assignedOn.isBefore(documentDate)) {
			throw new DirectiveRuleException("directive.error.assignedBeforeDocument");
		}
		if (deadline.dated() && documentDate != null && deadline.due().isBefore(documentDate)) {
			throw new DirectiveRuleException("directive.error.deadlineBeforeDocument", deadline.due(), documentDate);
		}
		if (deadline.dated() && deadline.due().isBefore(assignedOn)) {
			throw new DirectiveRuleException("directive.error.deadlineBeforeAssigned", deadline.due(), assignedOn);
		}
		return new Directive(null, documentId, kind, wording, leadIds, cooperatingIds, targetUnits, setCode, criterionNumber,
				assignedOn, evidenceRequired, List.of(new DeadlineChange(deadline, assignedOn, null)), 0, null,
				Status.OPEN, null, null, null, null);
	}

	Event reportProgress(LocalDate on, String note, Integer percent) {
		requireOpen();
		requireNotBeforeAssignment(on);
		if (note == null || note.isBlank()) {
			throw new DirectiveRuleException("directive.error.progressNote");
		}
		if (percent != null && (percent < 0 || percent > 100)) {
			throw new DirectiveRuleException("directive.error.percent");
		}
		if (firstProgressOn == null || on.isBefore(firstProgressOn)) {
			firstProgressOn = on;
		}
		return new Event(EventKind.PROGRESS, on, note.strip(), percent);
	}

	/**
	 * Extends the deadline from {@code grantedOn}: a reason is required, and the new deadline must be dated
	 * and later than the one it replaces. The old one stays in the history.
	 */
	Event extend(Deadline newDeadline, LocalDate grantedOn, String reason) {
		requireOpen();
		requireNotBeforeAssignment(grantedOn);
		if (reason == null || reason.isBlank()) {
			throw new DirectiveRuleException("directive.error.extensionReason");
		}
		if (!newDeadline.dated()) {
			throw new DirectiveRuleException("directive.error.extensionUndated");
		}
		Deadline current = currentDeadline();
		if (current.dated() && !newDeadline.due().isAfter(current.due())) {
			throw new DirectiveRuleException("directive.error.extensionNotLater", current.due());
		}
		if (grantedOn.isBefore(deadlines.get(deadlines.size() - 1).effectiveFrom())) {
			throw new DirectiveRuleException("directive.error.extensionBeforePrevious");
		}
		deadlines.add(new DeadlineChange(newDeadline, grantedOn, reason.strip()));
		return new Event(EventKind.EXTENDED, grantedOn, reason.strip() + " → " + newDeadline.wording(), null);
	}

	/** Completion needs evidence (a text or an attached file) where the directive requires it. */
	Event complete(LocalDate on, String evidenceText, boolean fileAttached) {
		requireOpen();
		requireNotBeforeAssignment(on);
		boolean hasText = evidenceText != null && !evidenceText.isBlank();
		if (evidenceRequired && !hasText && !fileAttached) {
			throw new DirectiveRuleException("directive.error.evidenceRequired");
		}
		status = Status.COMPLETED;
		completedOn = on;
		evidence = hasText ? evidenceText.strip() : null;
		returnReason = null;
		if (firstProgressOn == null) {
			firstProgressOn = on;
		}
		return new Event(EventKind.COMPLETED, on, evidence, 100);
	}

	/** The issuer accepts a reported completion. */
	Event accept(LocalDate on) {
		if (status != Status.COMPLETED) {
			throw new DirectiveRuleException("directive.error.notCompleted");
		}
		if (on.isBefore(completedOn)) {
			throw new DirectiveRuleException("directive.error.acceptBeforeCompletion");
		}
		status = Status.ACCEPTED;
		acceptedOn = on;
		return new Event(EventKind.ACCEPTED, on, null, null);
	}

	/** The issuer sends a reported completion back, with a reason; the work is open again. */
	Event returnForRework(LocalDate on, String reason) {
		if (status != Status.COMPLETED) {
			throw new DirectiveRuleException("directive.error.notCompleted");
		}
		if (reason == null || reason.isBlank()) {
			throw new DirectiveRuleException("directive.error.returnReason");
		}
		status = Status.OPEN;
		completedOn = null;
		evidence = null;
		returnReason = reason.strip();
		return new Event(EventKind.RETURNED, on, returnReason, null);
	}

	Bucket bucket(LocalDate asOf) {
		return BucketPolicy.bucket(facts(), asOf);
	}

	BucketPolicy.Facts facts() {
		return new BucketPolicy.Facts(deadlines, firstProgressOn, completedOn);
	}

	Deadline currentDeadline() {
		return deadlines.get(deadlines.size() - 1).deadline();
	}

	private void requireOpen() {
		if (status != Status.OPEN) {
			throw new DirectiveRuleException("directive.error.notOpen");
		}
	}

	private void requireNotBeforeAssignment(LocalDate on) {
		if (on.isBefore(assignedOn)) {
			throw new DirectiveRuleException("directive.error.beforeAssigned", assignedOn);
		}
	}

	Long id() { return id; }
	long documentId() { return documentId; }
	Kind kind() { return kind; }
	Wording wording() { return wording; }
	long leadId() { return leadIds.get(0); }
	List<Long> leadIds() { return leadIds; }
	Set<Long> cooperatingIds() { return cooperatingIds; }
	Set<String> targetUnits() { return targetUnits; }
	String setCode() { return setCode; }
	String criterionNumber() { return criterionNumber; }
	LocalDate assignedOn() { return assignedOn; }
	boolean evidenceRequired() { return evidenceRequired; }
	List<DeadlineChange> deadlines() { return List.copyOf(deadlines); }
	int version() { return version; }
	Status status() { return status; }
	LocalDate completedOn() { return completedOn; }
	String evidence() { return evidence; }
	LocalDate acceptedOn() { return acceptedOn; }
	String returnReason() { return returnReason; }
	LocalDate firstProgressOn() { return firstProgressOn; }
}
