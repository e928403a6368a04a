package vn.ntmtracker.criteria;

import java.util.List;

/**
 * An indicator (chỉ tiêu) such as "17.4". {@code notApplicableAllowed} is the set's "(nếu có)".
 * {@code unit} is required for amounts and areas ("triệu đồng/người/năm", "m²/người").
 */
public record Indicator(String code, String name, ValueKind kind, String unit, boolean notApplicableAllowed,
		String sector, Provenance provenance, List<Threshold> thresholds) {

	public Indicator {
		thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
	}
}
