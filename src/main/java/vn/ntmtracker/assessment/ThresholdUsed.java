package vn.ntmtracker.assessment;

import java.math.BigDecimal;

import vn.ntmtracker.criteria.CommuneGroup;
import vn.ntmtracker.criteria.Region;

/**
 * The threshold an indicator was judged against: its value, the key it came from (a region, a group, or neither for
 * the general value), its year, whether it is provisional, and whether no value existed for the round's year so that
 * the earliest year's value was used.
 */
public record ThresholdUsed(BigDecimal value, Region region, CommuneGroup group, Integer year, boolean provisional,
		boolean yearFallback) {

	/** Provisional, or the value of another year standing in for the round's year: the result is tạm tính. */
	public boolean uncertain() {
		return provisional || yearFallback;
	}
}
