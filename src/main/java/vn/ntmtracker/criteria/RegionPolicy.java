package vn.ntmtracker.criteria;

/**
 * Which thresholds apply to a unit.
 * <ul>
 * <li>Sets keyed by region (QĐ 1980/QĐ-TTg 2016–2020, QĐ 318/QĐ-TTg 2021–2025): the unit's region, except that
 * xã đặc biệt khó khăn and xã an toàn khu of a poor district (or of a district that left poverty in 2018–2020) use the
 * thresholds of Trung du và miền núi phía Bắc, whatever their region (QĐ 318/QĐ-TTg, Điều 1; criteria-facts §2).</li>
 * <li>Sets keyed by commune group (QĐ 51/2025/QĐ-TTg, 2026–2030): the unit's group 1–3; the ĐBKK/ATK exception does
 * not carry over, group 3 already covers khu vực II/III communes of the ethnic-minority and mountain area (§9.3).</li>
 * <li>Other sets: general thresholds only.</li>
 * </ul>
 */
public final class RegionPolicy {

	private RegionPolicy() {
	}

	public static ThresholdKey effectiveKey(ThresholdKeying keying, UnitClassification unit) {
		return switch (keying) {
			case REGION -> ThresholdKey.of(effectiveRegion(unit));
			case COMMUNE_GROUP -> {
				if (unit.communeGroup() == null) {
					throw new IllegalArgumentException(
							"the set is keyed by commune group (QĐ 51/2025/QĐ-TTg) but the unit has no group");
				}
				yield ThresholdKey.of(unit.communeGroup());
			}
			case NONE -> ThresholdKey.GENERAL;
		};
	}

	public static ThresholdKey effectiveKey(CriteriaSetDefinition set, UnitClassification unit) {
		return effectiveKey(set.thresholdKeying(), unit);
	}

	/** The region whose thresholds a unit uses under QĐ 318/QĐ-TTg Điều 1. */
	public static Region effectiveRegion(UnitClassification unit) {
		if (unit.especiallyDisadvantaged() || unit.safeZoneInPoorDistrict()) {
			return Region.TDMNPB;
		}
		if (unit.region() == null) {
			throw new IllegalArgumentException("Bộ tiêu chí đặt ngưỡng theo vùng (QĐ 318/QĐ-TTg) nhưng đơn vị chưa được ghi vùng");
		}
		return unit.region();
	}
}
