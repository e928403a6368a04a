package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What to list: free text (diacritics ignored), a unit subtree, an organisation (lead or cooperating), only the
 * user's organisations, a criterion number, a document, a bucket, deadlines in a month; as of a day.
 */
record DirectiveFilter(String query, String unitCode, Long organisationId, boolean mine, String criterionNumber,
		Long documentId, Bucket bucket, YearMonth dueIn, LocalDate asOf) {

	static DirectiveFilter asOf(LocalDate asOf) {
		return new DirectiveFilter(null, null, null, false, null, null, null, null, asOf);
	}

	DirectiveFilter forUnit(String code) {
		return new DirectiveFilter(query, code, organisationId, mine, criterionNumber, documentId, bucket, dueIn, asOf);
	}

	DirectiveFilter forDocument(long id) {
		return new DirectiveFilter(query, unitCode, organisationId, mine, criterionNumber, id, bucket, dueIn, asOf);
	}
}
