package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value entered for one indicator, typed by what it measures; free text never goes into a number. Which variant an
 * indicator accepts depends on its value kind (see {@link EvaluationPlan}).
 */
public sealed interface IndicatorValue {

	/** Đạt / không đạt, for BOOLEAN indicators. */
	record YesNo(boolean yes) implements IndicatorValue {
	}

	/** A percentage 0–100, for PERCENT_AT_LEAST / PERCENT_AT_MOST indicators. */
	record Percent(BigDecimal value) implements IndicatorValue {
		public Percent {
			Objects.requireNonNull(value, "value");
		}
	}

	/** An amount in the indicator's unit (income in triệu đồng/người/năm, area in m²/người). */
	record Amount(BigDecimal value) implements IndicatorValue {
		public Amount {
			Objects.requireNonNull(value, "value");
		}
	}

	/** A count, for "Không" indicators (nhà tạm, dột nát) that must be zero. */
	record Count(long value) implements IndicatorValue {
	}

	/** The assessor's judgement on the evidence, for TEXT_EVIDENCE indicators; the evidence text is required. */
	record Evidence(String text, boolean achieved) implements IndicatorValue {
	}

	/** "Không áp dụng", allowed only where the set says "(nếu có)". */
	record NotApplicable() implements IndicatorValue {
	}

	NotApplicable NOT_APPLICABLE = new NotApplicable();

	static IndicatorValue yes() {
		return new YesNo(true);
	}

	static IndicatorValue no() {
		return new YesNo(false);
	}

	static IndicatorValue percent(String value) {
		return new Percent(new BigDecimal(value));
	}

	static IndicatorValue amount(String value) {
		return new Amount(new BigDecimal(value));
	}

	static IndicatorValue count(long value) {
		return new Count(value);
	}

	static IndicatorValue evidence(String text, boolean achieved) {
		return new Evidence(text, achieved);
	}

	/** How the value is described in an error message. */
	default String describe() {
		if (this instanceof YesNo v) {
			return v.yes() ? "đạt (yes)" : "không đạt (no)";
		}
		if (this instanceof Percent v) {
			return "a percentage " + v.value().toPlainString();
		}
		if (this instanceof Amount v) {
			return "an amount " + v.value().toPlainString();
		}
		if (this instanceof Count v) {
			return "a count " + v.value();
		}
		if (this instanceof Evidence) {
			return "text evidence";
		}
		return "không áp dụng";
	}
}
