package vn.ntmtracker.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HouseholdRulesTests {

	static HouseholdYear year(PovertyStatus status, int members, int insured, Set<Deprivation> lacking) {
		return new HouseholdYear(2024, status, members, insured, null, null, lacking, null, null);
	}

	private static List<String> keys(List<Problem> problems) {
		return problems.stream().map(p -> p.field() + ":" + p.key()).toList();
	}

	@Test
	void insuredMembersCannotExceedMembers() {
		assertThat(keys(HouseholdRules.check(year(PovertyStatus.KHONG, 4, 5, Set.of()), null, 2027)))
			.containsExactly("insuredMembers:household.error.insuredAboveMembers");
		assertThat(HouseholdRules.check(year(PovertyStatus.KHONG, 4, 4, Set.of()), null, 2027)).isEmpty();
		assertThat(keys(HouseholdRules.check(year(PovertyStatus.KHONG, 0, 0, Set.of()), null, 2027)))
			.containsExactly("members:household.error.members");
	}

	@Test
	void aPoorHouseholdLacksThreeIndicatorsOrMoreAndANearPoorOneFewer() {
		Set<Deprivation> two = EnumSet.of(Deprivation.VIEC_LAM, Deprivation.NHA_TIEU);
		Set<Deprivation> three = EnumSet.of(Deprivation.VIEC_LAM, Deprivation.NHA_TIEU, Deprivation.NGUON_NUOC);
		assertThat(keys(HouseholdRules.check(year(PovertyStatus.NGHEO, 3, 3, two), null, 2027)))
			.containsExactly("deprivations:household.error.poorNeedsThree");
		assertThat(HouseholdRules.check(year(PovertyStatus.NGHEO, 3, 3, three), null, 2027)).isEmpty();
		assertThat(keys(HouseholdRules.check(year(PovertyStatus.CAN_NGHEO, 3, 3, three), null, 2027)))
			.containsExactly("deprivations:household.error.nearPoorBelowThree");
		// Without recorded deprivations the rule cannot be checked: income is not kept here.
		assertThat(HouseholdRules.check(year(PovertyStatus.NGHEO, 3, 3, Set.of()), null, 2027)).isEmpty();
	}

	@Test
	void onlyAPoorOrNearPoorHouseholdCanLeavePoverty() {
		HouseholdYear left = year(PovertyStatus.THOAT_NGHEO, 3, 3, Set.of());
		assertThat(keys(HouseholdRules.check(left, PovertyStatus.KHONG, 2027))).containsExactly("status:household.error.leftWithoutBeingPoor");
		assertThat(HouseholdRules.check(left, PovertyStatus.NGHEO, 2027)).isEmpty();
		assertThat(HouseholdRules.check(left, PovertyStatus.CAN_NGHEO, 2027)).isEmpty();
		assertThat(HouseholdRules.check(left, null, 2027)).as("the year before not recorded").isEmpty();
	}

	@Test
	void aReviewCannotBeForAYearAfterNextYear() {
		assertThat(keys(HouseholdRules.check(year(PovertyStatus.KHONG, 1, 1, Set.of()), null, 2023)))
			.containsExactly("year:household.error.year");
	}

	@Test
	void identityIsCleanedToNfcAndChecked() {
		List<Problem> problems = new ArrayList<>();
		String decomposed = Normalizer.normalize("Nguyễn  Văn An", Normalizer.Form.NFD);
		HouseholdIdentity clean = HouseholdRules.clean(new HouseholdIdentity("V", " T1-001 ", decomposed, "0012 0300 4567", "  "), problems);
		assertThat(problems).isEmpty();
		assertThat(clean.headName()).isEqualTo(Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFC));
		assertThat(clean.idNumber()).isEqualTo("001203004567");
		assertThat(clean.address()).isNull();
		HouseholdRules.clean(new HouseholdIdentity("V", "a b", "x".repeat(121), "12345", null), problems);
		assertThat(keys(problems)).containsExactly("code:household.error.code", "headName:register.error.tooLong",
				"idNumber:household.error.idNumber");
	}

	@Test
	void statusesAreReadAsPeopleWriteThem() {
		assertThat(PovertyStatus.parse("Hộ nghèo")).contains(PovertyStatus.NGHEO);
		assertThat(PovertyStatus.parse("CẬN NGHÈO")).contains(PovertyStatus.CAN_NGHEO);
		assertThat(PovertyStatus.parse("thoat ngheo")).contains(PovertyStatus.THOAT_NGHEO);
		assertThat(PovertyStatus.parse("Không")).contains(PovertyStatus.KHONG);
		assertThat(PovertyStatus.parse("giàu")).isEmpty();
		assertThat(Deprivation.parseNumbers("1, 4;12")).containsExactly(Deprivation.VIEC_LAM, Deprivation.BAO_HIEM_Y_TE,
				Deprivation.TIEP_CAN_THONG_TIN);
	}

	@Test
	void changesBetweenYearsAreNamedFromPovertysPointOfView() {
		assertThat(PovertyChange.between(PovertyStatus.NGHEO, PovertyStatus.THOAT_NGHEO)).contains(PovertyChange.LEFT_POVERTY);
		assertThat(PovertyChange.between(PovertyStatus.NGHEO, PovertyStatus.CAN_NGHEO)).contains(PovertyChange.LEFT_POVERTY);
		assertThat(PovertyChange.between(PovertyStatus.CAN_NGHEO, PovertyStatus.NGHEO)).contains(PovertyChange.FELL_INTO_POVERTY);
		assertThat(PovertyChange.between(PovertyStatus.THOAT_NGHEO, PovertyStatus.NGHEO)).contains(PovertyChange.FELL_INTO_POVERTY);
		assertThat(PovertyChange.between(null, PovertyStatus.NGHEO)).contains(PovertyChange.NEW_POOR);
		assertThat(PovertyChange.between(PovertyStatus.CAN_NGHEO, PovertyStatus.KHONG)).contains(PovertyChange.LEFT_NEAR_POVERTY);
		assertThat(PovertyChange.between(PovertyStatus.KHONG, PovertyStatus.CAN_NGHEO)).contains(PovertyChange.BECAME_NEAR_POOR);
		assertThat(PovertyChange.between(PovertyStatus.NGHEO, PovertyStatus.NGHEO)).isEmpty();
		assertThat(PovertyChange.between(PovertyStatus.NGHEO, null)).isEmpty();
	}
}
