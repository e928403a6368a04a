package vn.ntmtracker.assessment;

import java.util.List;

/**
 * One indicator's result; {@code threshold} is null for kinds without a threshold, {@code value} null when missing.
 * {@code parts} are the results of the indicator's further conditions ("17.1b"); {@code status} already combines
 * them: the indicator is đạt only when its own value and every part are.
 */
public record IndicatorResult(String code, IndicatorStatus status, IndicatorValue value, ThresholdUsed threshold,
		List<IndicatorResult> parts) {

	public IndicatorResult {
		parts = parts == null ? List.of() : List.copyOf(parts);
	}

	public IndicatorResult(String code, IndicatorStatus status, IndicatorValue value, ThresholdUsed threshold) {
		this(code, status, value, threshold, List.of());
	}

	/** True when a threshold used (own or of a part) is provisional or stands in for another year. */
	public boolean provisional() {
		return (threshold != null && threshold.uncertain()) || parts.stream().anyMatch(IndicatorResult::provisional);
	}
}
