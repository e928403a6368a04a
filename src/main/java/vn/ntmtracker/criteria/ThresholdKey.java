package vn.ntmtracker.criteria;

/** The key a unit's thresholds are looked up by: a region, a commune group, or neither (general thresholds only). */
public record ThresholdKey(Region region, CommuneGroup group) {

	public static final ThresholdKey GENERAL = new ThresholdKey(null, null);

	public static ThresholdKey of(Region region) {
		return new ThresholdKey(region, null);
	}

	public static ThresholdKey of(CommuneGroup group) {
		return new ThresholdKey(null, group);
	}

	@Override
	public String toString() {
		return region != null ? region.name() : group != null ? group.label() : "general";
	}
}
