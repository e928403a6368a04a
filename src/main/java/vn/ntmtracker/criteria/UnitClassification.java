package vn.ntmtracker.criteria;

/**
 * What the region policy needs to know about a unit on the date of a round: its region (vùng), its commune group
 * (from 2026), and whether it is a xã đặc biệt khó khăn, or a xã an toàn khu of a poor district (or of a district that
 * left poverty in 2018–2020). Region or group may be null where the unit has none.
 */
public record UnitClassification(Region region, CommuneGroup communeGroup, boolean especiallyDisadvantaged,
		boolean safeZoneInPoorDistrict) {

	public static UnitClassification inRegion(Region region) {
		return new UnitClassification(region, null, false, false);
	}

	public static UnitClassification inGroup(CommuneGroup group) {
		return new UnitClassification(null, group, false, false);
	}
}
