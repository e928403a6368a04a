package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.List;

/**
 * A directive as lists, views and the API show it, with its bucket as of the day asked for and the deadline
 * in force on that day ({@code deadlineWording}, {@code due}); {@code extended} when that is not the original.
 */
record DirectiveRow(long id, long documentId, String documentNumber, String issuerName, Directive.Kind kind, String ref,
		String text, String requestText, String raisedByUnit, long leadId, List<Long> leadIds, String leadName, List<String> leadNames, String cooperating,
		String person, List<String> unitCodes, String setCode, String criterionNumber, LocalDate assignedOn,
		Deadline.Kind deadlineKind, String deadlineWording, LocalDate due, boolean extended, Directive.Status status,
		LocalDate completedOn, LocalDate acceptedOn, String returnReason, Bucket bucket, int version) {

	/** One lead body of a directive, as summaries by assignee count it. */
	record Lead(long id, String name) {
	}

	/** Each lead body with its name, in the document's order ({@code leadName} joins the names with "; "). */
	List<Lead> leads() {
		List<Lead> leads = new java.util.ArrayList<>();
		for (int i = 0; i < leadIds.size(); i++) {
			leads.add(new Lead(leadIds.get(i), i < leadNames.size() ? leadNames.get(i) : String.valueOf(leadIds.get(i))));
		}
		return leads;
	}

	public boolean jointLead() {
		return leadIds.size() > 1;
	}

	public String criterion() {
		return criterionNumber == null ? null : setCode + ":" + criterionNumber;
	}

	/** Days until the deadline in force (negative when late); null without a dated deadline. */
	public Long daysLeft(LocalDate asOf) {
		return due == null ? null : java.time.temporal.ChronoUnit.DAYS.between(asOf, due);
	}

	public boolean open() {
		return status == Directive.Status.OPEN;
	}
}
