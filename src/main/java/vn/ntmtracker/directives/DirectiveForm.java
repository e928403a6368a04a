package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A new directive or request as entered: the deadline is the original wording ("trước ngày 25/3/2024"),
 * read by {@link Deadline#read}; {@code assignedOn} defaults to the document's date. {@code coLeadIds} are the bodies
 * leading jointly with {@code leadId} ("Đảng ủy, UBND xã chủ trì"), in the order the document names them.
 */
public record DirectiveForm(Directive.Kind kind, String ref, String text, String requestText, String raisedByUnit, Long leadId,
		List<Long> cooperatingIds, String person, List<String> unitCodes, String setCode, String criterionNumber,
		LocalDate assignedOn, String deadline, Boolean evidenceRequired, List<Long> coLeadIds) {

	/** A directive with a single lead body. */
	public DirectiveForm(Directive.Kind kind, String ref, String text, String requestText, String raisedByUnit, Long leadId,
			List<Long> cooperatingIds, String person, List<String> unitCodes, String setCode, String criterionNumber,
			LocalDate assignedOn, String deadline, Boolean evidenceRequired) {
		this(kind, ref, text, requestText, raisedByUnit, leadId, cooperatingIds, person, unitCodes, setCode, criterionNumber,
				assignedOn, deadline, evidenceRequired, null);
	}

	boolean requiresEvidence() {
		return Boolean.TRUE.equals(evidenceRequired);
	}

	/** Every lead body, the lead first; a missing lead is left out (and refused by the register). */
	List<Long> leadIds() {
		List<Long> all = new ArrayList<>();
		if (leadId != null) {
			all.add(leadId);
		}
		if (coLeadIds != null) {
			coLeadIds.stream().filter(java.util.Objects::nonNull).forEach(all::add);
		}
		return all;
	}
}
