package vn.ntmtracker.assessment;

/**
 * Sign-off of an assessment round: the commune enters and submits; the level above verifies (thẩm tra) and
 * then appraises (thẩm định), or returns it with a reason the submitter sees. A verified or appraised round is
 * locked; changes go into a new round opened from it.
 */
public enum RoundStatus {

	DRAFT, SUBMITTED, RETURNED, VERIFIED, APPRAISED;

	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	public boolean signedOff() {
		return this == VERIFIED || this == APPRAISED;
	}

	public String messageKey() {
		return "assessment.status." + name();
	}

	RoundStatus submit() {
		return require(editable(), "nộp", SUBMITTED);
	}

	RoundStatus verify() {
		return require(this == SUBMITTED, "thẩm tra", VERIFIED);
	}

	RoundStatus appraise() {
		return require(this == VERIFIED, "thẩm định", APPRAISED);
	}

	RoundStatus returnToSubmitter() {
		return require(this == SUBMITTED || this == VERIFIED, "trả lại", RETURNED);
	}

	private RoundStatus require(boolean allowed, String action, RoundStatus next) {
		if (!allowed) {
			throw new AssessmentException("Không thể " + action + " một kỳ đánh giá đang ở trạng thái " + name());
		}
		return next;
	}
}
