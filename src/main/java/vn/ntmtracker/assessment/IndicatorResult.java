package vn.ntmtracker.assessment;

/** One indicator's result; {@code threshold} is null for kinds without a threshold, {@code value} null when missing. */
public record IndicatorResult(String code, IndicatorStatus status, IndicatorValue value, ThresholdUsed threshold) {
}
