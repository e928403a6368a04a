package vn.ntmtracker.assessment;

import org.springframework.security.access.AccessDeniedException;

/**
 * Sign-off of a round (QĐ 18/2022/QĐ-TTg, Điều 5–6: the commune's self-assessment is verified and appraised by the
 * level above): who may act at all is {@code security.Authorization}'s decision (the level above, a coordination
 * office for appraisal); this adds the four-eyes rule — whoever submitted a round does not verify, appraise or return
 * it — and says which rounds count as a unit's standing: the verified and the appraised ones.
 */
final class SignOffPolicy {

	private SignOffPolicy() {
	}

	static void requireOtherThanSubmitter(String submittedBy, String actor) {
		if (actor != null && actor.equals(submittedBy)) {
			throw new AccessDeniedException("Người nộp không tự thẩm tra, thẩm định hoặc trả lại kỳ đánh giá của mình");
		}
	}

	/** A signed-off round is the unit's standing; recognition needs an appraised one that reaches every criterion. */
	static boolean countsAsStanding(RoundStatus status) {
		return status.signedOff();
	}
}
