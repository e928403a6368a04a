package vn.ntmtracker.criteria;

/** The key a unit's thresholds are looked up by: a region, a commune group, or neither (general thresholds only). */
public record ThresholdKey(Region region, CommuneGroup group) {

	public static final ThresholdKey GENERAL = new ThresholdKey(null, null);

	/** One key per region and per group, shared: a key is asked for once per unit evaluated. */
	private static final ThresholdKey[] REGIONS = java.util.Arrays.stream(Region.values())
		.map(region -> new ThresholdKey(region, null)).toArray(ThresholdKey[]::new);

	private static final ThresholdKey[] GROUPS = java.util.Arrays.stream(CommuneGroup.values())
		.map(group -> new ThresholdKey(null, group)).toArray(ThresholdKey[]::new);

	public static ThresholdKey of(Region region) {
		return region == null ? new ThresholdKey(null, null) : REGIONS[region.ordinal()];
	}

	public static ThresholdKey of(CommuneGroup group) {
		return group == null ? new ThresholdKey(null, null) : GROUPS[group.ordinal()];
	}

	@Override
	public String toString() {
		return region != null ? region.name() : group != null ? group.label() : "general";
	}
}
