package vn.ntmtracker.assessment;

import java.math.BigDecimal;

import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.Threshold;

/** Values that pass or fail an indicator whatever region, group or year applies. */
final class Values {

	private Values() {
	}

	static IndicatorValue clearly(Indicator indicator, boolean pass) {
		return switch (indicator.kind()) {
			case BOOLEAN -> new IndicatorValue.YesNo(pass);
			case PERCENT_AT_LEAST -> new IndicatorValue.Percent(pass ? BigDecimal.valueOf(100) : below(indicator));
			case PERCENT_AT_MOST -> new IndicatorValue.Percent(pass ? BigDecimal.ZERO : above(indicator));
			case AMOUNT_AT_LEAST, AREA_PER_PERSON_AT_LEAST ->
				new IndicatorValue.Amount(pass ? BigDecimal.valueOf(1_000_000) : BigDecimal.ZERO);
			case COUNT_MUST_BE_ZERO -> new IndicatorValue.Count(pass ? 0 : 3);
			case TEXT_EVIDENCE -> new IndicatorValue.Evidence("minh chứng", pass);
		};
	}

	/** Just under the lowest threshold of any key and year. */
	private static BigDecimal below(Indicator indicator) {
		BigDecimal lowest = indicator.thresholds().stream().map(Threshold::value).min(BigDecimal::compareTo)
			.orElseThrow();
		if (lowest.signum() == 0) {
			throw new IllegalStateException(indicator.code() + ": a percent ≥ 0 cannot fail");
		}
		return lowest.subtract(new BigDecimal("0.01"));
	}

	/** Just over the highest threshold of any key and year. */
	private static BigDecimal above(Indicator indicator) {
		BigDecimal highest = indicator.thresholds().stream().map(Threshold::value).max(BigDecimal::compareTo)
			.orElseThrow();
		return highest.add(new BigDecimal("0.01"));
	}
}
