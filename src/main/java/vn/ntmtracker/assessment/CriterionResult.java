package vn.ntmtracker.assessment;

import java.util.List;

/**
 * One criterion's result. {@code computed} is what the values say; {@code status} is what counts, which differs only
 * when a person overrode it ({@code overridden}, with {@code overrideReason}). {@code incomplete} means a value was
 * missing, so "chưa đạt" may only mean "not yet entered". {@code basicallyAchieved} is the assessor's
 * "cơ bản đạt (chưa bền vững)" flag on a criterion that is đạt. {@code provisional} means the computed result rests
 * on a provisional threshold ("tạm tính"): a đạt that used one, or a chưa đạt whose every failure is against one, so
 * that the result could change once the official values are loaded.
 */
public record CriterionResult(int number, String name, boolean critical, CriterionStatus computed,
		CriterionStatus status, boolean incomplete, boolean overridden, String overrideReason,
		boolean basicallyAchieved, String basicallyAchievedReason, List<IndicatorResult> indicators,
		boolean provisional) {

	public CriterionResult(int number, String name, boolean critical, CriterionStatus computed,
			CriterionStatus status, boolean incomplete, boolean overridden, String overrideReason,
			boolean basicallyAchieved, String basicallyAchievedReason, List<IndicatorResult> indicators) {
		this(number, name, critical, computed, status, incomplete, overridden, overrideReason, basicallyAchieved,
				basicallyAchievedReason, indicators, false);
	}

	/** Each indicator followed by its parts ("17.1", "17.1b"): the rows a value is entered in. */
	public List<IndicatorResult> rows() {
		return indicators.stream().flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(i), i.parts().stream())).toList();
	}

	public boolean achieved() {
		return status == CriterionStatus.DAT;
	}

	/** "Đạt", "Cơ bản đạt (chưa bền vững)" or "Chưa đạt". */
	public String label() {
		if (status == CriterionStatus.DAT && basicallyAchieved) {
			return "Cơ bản đạt (chưa bền vững)";
		}
		return status.label();
	}
}
