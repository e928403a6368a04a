package vn.ntmtracker.assessment;

/**
 * Sign-off of an assessment round: the commune enters and submits; the level above verifies (thẩm tra) and
 * then appraises (thẩm định), or returns it with a reason the submitter sees. A verified or appraised round is
 * locked; changes go into a new round opened from it.
 */
public enum RoundStatus {

	DRAFT("Đang nhập"), SUBMITTED("Đã nộp, chờ thẩm tra"), RETURNED("Bị trả lại"), VERIFIED("Đã thẩm tra"), APPRAISED("Đã thẩm định"),
	CANCELLED("Đã hủy");

	private final String label;

	RoundStatus(String label) {
		this.label = label;
	}

	/** The Vietnamese name, for messages built outside a page (pages use {@link #messageKey()}). */
	public String label() {
		return label;
	}

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

	/** Only a round nobody has signed off can be cancelled; it stays, marked, for the history. */
	RoundStatus cancel() {
		return require(editable(), "hủy", CANCELLED);
	}

	private RoundStatus require(boolean allowed, String action, RoundStatus next) {
		if (!allowed) {
			throw new AssessmentException("Không thể " + action + " một kỳ đánh giá đang ở trạng thái \"" + label + "\"");
		}
		return next;
	}
}
