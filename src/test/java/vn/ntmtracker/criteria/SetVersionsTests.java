package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SetVersionsTests {

	private static SetVersions.Entry v(int version, SetStatus status, String from, String to, Integer... corrects) {
		return new SetVersions.Entry(version, status, LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
				List.of(corrects));
	}

	private static final List<SetVersions.Entry> AMENDED = List.of(
			v(1, SetStatus.PUBLISHED, "2022-03-08", "2026-02-14"),
			v(2, SetStatus.PUBLISHED, "2024-03-01", "2026-02-14"),
			v(3, SetStatus.DRAFT, "2025-01-01", null));

	@Test
	void anAmendmentTakesOverFromItsOwnStartAndTheEarlierVersionKeepsItsPast() {
		assertThat(SetVersions.versionOn(AMENDED, LocalDate.of(2023, 6, 30))).contains(1);
		assertThat(SetVersions.versionOn(AMENDED, LocalDate.of(2024, 2, 29))).contains(1);
		assertThat(SetVersions.versionOn(AMENDED, LocalDate.of(2024, 3, 1))).contains(2);
		assertThat(SetVersions.versionOn(AMENDED, LocalDate.of(2025, 6, 30))).as("a draft never applies").contains(2);
		assertThat(SetVersions.versionOn(AMENDED, LocalDate.of(2026, 2, 15))).isEmpty();
		assertThat(SetVersions.versionOn(AMENDED, LocalDate.of(2021, 12, 31))).isEmpty();
		assertThat(SetVersions.effectiveValidTo(AMENDED, 1)).contains(LocalDate.of(2024, 2, 29));
		assertThat(SetVersions.effectiveValidTo(AMENDED, 2)).contains(LocalDate.of(2026, 2, 14));
	}

	@Test
	void aCorrectedVersionAppliesOnNoDate() {
		List<SetVersions.Entry> corrected = List.of(v(1, SetStatus.PUBLISHED, "2016-10-17", null),
				v(2, SetStatus.PUBLISHED, "2016-12-01", null, 1));
		assertThat(SetVersions.versionOn(corrected, LocalDate.of(2016, 11, 15))).isEmpty();
		assertThat(SetVersions.versionOn(corrected, LocalDate.of(2016, 12, 1))).contains(2);
		assertThat(SetVersions.everApplies(corrected, 1)).isFalse();
		assertThat(SetVersions.everApplies(corrected, 2)).isTrue();
	}

	@Test
	void aRetiredVersionStillAppliesInsideItsValidity() {
		List<SetVersions.Entry> district = List.of(v(1, SetStatus.RETIRED, "2022-03-08", "2025-06-30"),
				v(2, SetStatus.RETIRED, "2024-03-01", "2025-06-30"));
		assertThat(SetVersions.versionOn(district, LocalDate.of(2024, 6, 30))).contains(2);
		assertThat(SetVersions.versionOn(district, LocalDate.of(2025, 7, 1))).isEmpty();
	}
}
