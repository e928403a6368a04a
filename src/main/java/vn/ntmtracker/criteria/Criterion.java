package vn.ntmtracker.criteria;

import java.util.List;

/**
 * A criterion (tiêu chí). Its number only means something within its set: Y tế is 15 in QĐ 318 Phụ lục I and 14 in
 * Phụ lục II. {@code criticalReason} cites the revocation rule that makes it critical (QĐ 18/2022/QĐ-TTg); like
 * {@code provenance} it is for administrators, while {@code name} and {@code description} are what officers read.
 */
public record Criterion(int number, String name, String group, boolean criticalForRevocation, String criticalReason,
		Provenance provenance, List<Indicator> indicators, String description) {

	public Criterion {
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}

	public Criterion(int number, String name, String group, boolean criticalForRevocation, String criticalReason,
			Provenance provenance, List<Indicator> indicators) {
		this(number, name, group, criticalForRevocation, criticalReason, provenance, indicators, null);
	}

	public Criterion withIndicators(List<Indicator> newIndicators) {
		return new Criterion(number, name, group, criticalForRevocation, criticalReason, provenance, newIndicators,
				description);
	}

	/** "Tiêu chí số 14 (Y tế)". */
	public String label() {
		return "Tiêu chí số " + number + " (" + name + ")";
	}
}
