package vn.ntmtracker.criteria;

import java.util.List;

/**
 * A criterion (tiêu chí). Its number only means something within its set: Y tế is 15 in QĐ 318 Phụ lục I and 14 in
 * Phụ lục II. {@code criticalReason} cites the revocation rule that makes it critical (QĐ 18/2022/QĐ-TTg).
 */
public record Criterion(int number, String name, String group, boolean criticalForRevocation, String criticalReason,
		Provenance provenance, List<Indicator> indicators) {

	public Criterion {
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}

	/** "Tiêu chí số 14 (Y tế)". */
	public String label() {
		return "Tiêu chí số " + number + " (" + name + ")";
	}
}
