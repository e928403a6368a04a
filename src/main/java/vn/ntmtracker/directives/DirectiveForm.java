package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.List;

/**
 * A new directive or request as entered: the deadline is the original wording ("trước ngày 25/3/2024"),
 * read by {@link Deadline#read}; {@code assignedOn} defaults to the document's date.
 */
public record DirectiveForm(Directive.Kind kind, String ref, String text, String requestText, String raisedByUnit, Long leadId,
		List<Long> cooperatingIds, String person, List<String> unitCodes, String setCode, String criterionNumber,
		LocalDate assignedOn, String deadline, Boolean evidenceRequired) {

	boolean requiresEvidence() {
		return Boolean.TRUE.equals(evidenceRequired);
	}
}
