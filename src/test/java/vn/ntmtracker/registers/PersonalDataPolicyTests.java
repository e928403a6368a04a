package vn.ntmtracker.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.registers.PersonalDataPolicy.Access;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;

/** Names only for the commune and village roles of the unit; every other reader sees counts (Nghị định 13/2023/NĐ-CP). */
class PersonalDataPolicyTests {

	static final List<String> VILLAGE_1 = List.of("42", "X", "X-T1");
	static final List<String> VILLAGE_2 = List.of("42", "X", "X-T2");
	static final List<String> COMMUNE = List.of("42", "X");
	static final List<String> VILLAGE_BEFORE_2025 = List.of("42", "HUYEN", "X", "X-T1");

	static CurrentUser user(Role role, String unit) {
		return new CurrentUser(1, "u", "U", null, true, false, List.of(new Grant(role, unit, Set.of())), 0);
	}

	@Test
	void aVillageBoardSeesNamesInItsVillageOnly() {
		CurrentUser board = user(Role.VILLAGE_BOARD, "X-T1");
		assertThat(PersonalDataPolicy.decide(board, VILLAGE_1, true)).isEqualTo(Access.NAMES);
		assertThat(PersonalDataPolicy.decide(board, VILLAGE_2, true)).isEqualTo(Access.COUNTS);
		assertThat(PersonalDataPolicy.decide(board, COMMUNE, false)).isEqualTo(Access.COUNTS);
	}

	@Test
	void aCommuneOfficerSeesNamesInTheCommuneAndItsVillages() {
		CurrentUser officer = user(Role.COMMUNE_OFFICER, "X");
		assertThat(PersonalDataPolicy.decide(officer, COMMUNE, false)).isEqualTo(Access.NAMES);
		assertThat(PersonalDataPolicy.decide(officer, VILLAGE_2, true)).isEqualTo(Access.NAMES);
		assertThat(PersonalDataPolicy.decide(officer, VILLAGE_BEFORE_2025, true)).isEqualTo(Access.NAMES);
		assertThat(PersonalDataPolicy.decide(user(Role.COMMUNE_OFFICER, "Y"), VILLAGE_1, true)).isEqualTo(Access.COUNTS);
	}

	@Test
	void provinceDistrictSectorLeaderAndAdministratorSeeCountsOnly() {
		assertThat(PersonalDataPolicy.decide(user(Role.COORDINATION, "42"), VILLAGE_1, true)).isEqualTo(Access.COUNTS);
		assertThat(PersonalDataPolicy.decide(user(Role.COORDINATION, "HUYEN"), VILLAGE_BEFORE_2025, true)).isEqualTo(Access.COUNTS);
		assertThat(PersonalDataPolicy.decide(user(Role.SECTOR, "X"), COMMUNE, false)).isEqualTo(Access.COUNTS);
		assertThat(PersonalDataPolicy.decide(user(Role.LEADER, "42"), COMMUNE, false)).isEqualTo(Access.COUNTS);
		assertThat(PersonalDataPolicy.decide(user(Role.ADMIN, null), VILLAGE_1, true)).isEqualTo(Access.COUNTS);
		// A commune officer role granted on a district is not a role of the commune.
		assertThat(PersonalDataPolicy.decide(user(Role.COMMUNE_OFFICER, "HUYEN"), VILLAGE_BEFORE_2025, true)).isEqualTo(Access.COUNTS);
	}

	@Test
	void listsShowInitialsAndTheLastDigitsOnly() {
		assertThat(PersonalDataPolicy.maskName("Nguyễn Văn An")).isEqualTo("N. V. A.");
		assertThat(PersonalDataPolicy.maskName(" ")).isNull();
		assertThat(PersonalDataPolicy.maskIdNumber("001203004567")).isEqualTo("•••••••••567");
	}
}
