package vn.ntmtracker.units;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitKindTests {

	@Test
	void parsesEnumNamesAndVietnameseLabelsWithOrWithoutDiacritics() {
		assertThat(UnitKind.parse("XA")).contains(UnitKind.XA);
		assertThat(UnitKind.parse("xã")).contains(UnitKind.XA);
		assertThat(UnitKind.parse("Thị trấn")).contains(UnitKind.THI_TRAN);
		assertThat(UnitKind.parse("to dan pho")).contains(UnitKind.TO_DAN_PHO);
		assertThat(UnitKind.parse("làng")).isEmpty();
	}

	@Test
	void communeMayHangUnderDistrictOnlyUntilTheReform() {
		assertThat(UnitKind.XA.acceptsParentLevel(2, LocalDate.of(2025, 6, 30))).isTrue();
		assertThat(UnitKind.XA.acceptsParentLevel(2, LocalDate.of(2025, 7, 1))).isFalse();
		assertThat(UnitKind.XA.acceptsParentLevel(1, LocalDate.of(2025, 7, 1))).isTrue();
		assertThat(UnitKind.THON.acceptsParentLevel(3, LocalDate.of(2020, 1, 1))).isTrue();
		assertThat(UnitKind.THON.acceptsParentLevel(2, LocalDate.of(2020, 1, 1))).isFalse();
		assertThat(UnitKind.TINH.acceptsParentLevel(1, LocalDate.of(2020, 1, 1))).isFalse();
	}
}
