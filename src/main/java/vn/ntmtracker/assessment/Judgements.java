package vn.ntmtracker.assessment;

import java.util.List;

/** What assessors add to the computed result: overrides and "cơ bản đạt" flags, each with its mandatory reason. */
public record Judgements(List<StatusOverride> overrides, List<BasicallyAchieved> flags) {

	public static final Judgements NONE = new Judgements(List.of(), List.of());

	public Judgements {
		overrides = overrides == null ? List.of() : List.copyOf(overrides);
		flags = flags == null ? List.of() : List.copyOf(flags);
	}

	/** A person sets a criterion's status against what the values say; shown as an override. */
	public record StatusOverride(int criterion, CriterionStatus status, String reason) {
		public StatusOverride {
			if (status == null) {
				throw new IllegalArgumentException("an override of criterion " + criterion + " needs a status");
			}
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("an override of criterion " + criterion + " needs a reason");
			}
		}
	}

	/** "Cơ bản đạt (chưa bền vững)": đạt, but not yet sustainable (seed 000: "đạt còn non"). */
	public record BasicallyAchieved(int criterion, String reason) {
		public BasicallyAchieved {
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException(
						"the flag 'cơ bản đạt (chưa bền vững)' on criterion " + criterion + " needs a reason");
			}
		}
	}

	public static Judgements overriding(int criterion, CriterionStatus status, String reason) {
		return new Judgements(List.of(new StatusOverride(criterion, status, reason)), List.of());
	}

	public static Judgements flagging(int criterion, String reason) {
		return new Judgements(List.of(), List.of(new BasicallyAchieved(criterion, reason)));
	}
}
