package vn.ntmtracker.criteria;

import java.math.BigDecimal;

/**
 * One threshold value: general (no region, no group), or for one region or one commune group; for one year
 * (income rises every year, criteria-facts §3) or for every year when {@code year} is null.
 */
public record Threshold(Region region, CommuneGroup group, Integer year, BigDecimal value, Provenance provenance) {

	public static Threshold general(BigDecimal value, Provenance provenance) {
		return new Threshold(null, null, null, value, provenance);
	}

	public boolean generalValue() {
		return region == null && group == null;
	}

	/** "TN, 2020", "nhóm 2", "chung". */
	public String keyLabel() {
		String key = region != null ? region.name() : group != null ? "group " + group.number() : "general";
		return year == null ? key : key + ", " + year;
	}
}
