package vn.ntmtracker.assessment;

/** Why a round was made: the commune's own review, the year-end review, verification, appraisal. */
public enum RoundKind {

	SELF, YEAR_END, VERIFICATION, APPRAISAL;

	public String messageKey() {
		return "assessment.kind." + name();
	}
}
