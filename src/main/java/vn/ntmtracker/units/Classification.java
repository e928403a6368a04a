package vn.ntmtracker.units;

/** A unit's classification as of a date, as the criteria region policy needs it. */
public record Classification(Region region, Integer communeGroup, boolean especiallyDisadvantaged,
		boolean safeZonePoorDistrict) {

	public static final Classification NONE = new Classification(null, null, false, false);
}
