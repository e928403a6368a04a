package vn.ntmtracker.registers;

import java.util.Set;

/**
 * A household as reviewed for one year. {@code housingStandard} and {@code cleanWater} are null when not assessed;
 * {@code deprivations} (the indicators of basic social services it lacks) are optional.
 */
record HouseholdYear(int year, PovertyStatus status, int members, int insuredMembers, Boolean housingStandard,
		Boolean cleanWater, Set<Deprivation> deprivations, String cadre, String note) {

	HouseholdYear {
		deprivations = deprivations == null ? Set.of() : Set.copyOf(deprivations);
	}

	boolean poor() {
		return status == PovertyStatus.NGHEO;
	}
}
