package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionPolicyTests {

	@Test
	void anOrdinaryCommuneUsesItsOwnRegion() {
		assertThat(RegionPolicy.effectiveKey(ThresholdKeying.REGION, UnitClassification.inRegion(Region.DBSH)))
			.isEqualTo(ThresholdKey.of(Region.DBSH));
	}

	@Test
	void anEspeciallyDisadvantagedCommuneInTheRedRiverDeltaUsesTheNorthernMountainThresholds() {
		UnitClassification dbkk = new UnitClassification(Region.DBSH, null, true, false);
		assertThat(RegionPolicy.effectiveKey(ThresholdKeying.REGION, dbkk)).isEqualTo(ThresholdKey.of(Region.TDMNPB));
	}

	@Test
	void aSafeZoneCommuneOfAPoorDistrictUsesTheNorthernMountainThresholds() {
		UnitClassification atk = new UnitClassification(Region.DBSCL, null, false, true);
		assertThat(RegionPolicy.effectiveRegion(atk)).isEqualTo(Region.TDMNPB);
	}

	@Test
	void the2026SetUsesTheCommuneGroupAndIgnoresTheRegionException() {
		UnitClassification unit = new UnitClassification(Region.DBSH, CommuneGroup.GROUP_2, true, false);
		assertThat(RegionPolicy.effectiveKey(TestSets.set("QD51-2025-XA-NTM"), unit))
			.isEqualTo(ThresholdKey.of(CommuneGroup.GROUP_2));
	}

	@Test
	void aSetWithoutKeyingUsesGeneralThresholds() {
		assertThat(RegionPolicy.effectiveKey(ThresholdKeying.NONE, new UnitClassification(null, null, false, false)))
			.isEqualTo(ThresholdKey.GENERAL);
	}

	@Test
	void refusesToGuessWhenTheUnitHasNoRegionOrGroup() {
		UnitClassification unknown = new UnitClassification(null, null, false, false);
		assertThatThrownBy(() -> RegionPolicy.effectiveKey(ThresholdKeying.REGION, unknown))
			.hasMessageContaining("chưa được ghi vùng");
		assertThatThrownBy(() -> RegionPolicy.effectiveKey(ThresholdKeying.COMMUNE_GROUP, unknown))
			.hasMessageContaining("has no group");
	}
}
