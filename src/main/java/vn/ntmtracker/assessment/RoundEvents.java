package vn.ntmtracker.assessment;

import java.time.LocalDate;

/**
 * What happens to a round, published after the change and its audit in the same transaction, for the modules that
 * follow rounds (notifications, dossiers, reports).
 */
public final class RoundEvents {

	private RoundEvents() {
	}

	/** Sent to the level above for verification. */
	public record RoundSubmitted(long roundId, String unitCode, String setCode, LocalDate asOf, String by) {
	}

	/** Verified (thẩm tra) or appraised (thẩm định): the round now counts as the unit's standing. */
	public record RoundSignedOff(long roundId, String unitCode, String setCode, LocalDate asOf, RoundStatus status,
			int achieved, int total, String by) {
	}

	/** Returned to the unit with a reason to act on. */
	public record RoundReturned(long roundId, String unitCode, String setCode, LocalDate asOf, String reason, String submittedBy,
			String by) {
	}

	/** A draft cancelled (kept, never deleted). */
	public record RoundCancelled(long roundId, String unitCode, String reason, String by) {
	}
}
