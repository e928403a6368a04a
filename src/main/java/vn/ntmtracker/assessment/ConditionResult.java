package vn.ntmtracker.assessment;

/** A non-indicator condition of the set (kiểu mẫu), met when a yes was entered for it. */
public record ConditionResult(String code, String text, IndicatorStatus status) {
}
