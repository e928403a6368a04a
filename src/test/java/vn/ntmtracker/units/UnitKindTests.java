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

	@Test
	void theKindIsNotRepeatedBeforeANameThatAlreadyStartsWithIt() {
		assertThat(UnitKind.THON.withName("Thôn 6")).isEqualTo("Thôn 6");
		assertThat(UnitKind.THON.withName("THÔN 6")).isEqualTo("THÔN 6");
		assertThat(UnitKind.THON.withName("Thon 6")).as("without diacritics too").isEqualTo("Thon 6");
		assertThat(UnitKind.TO_DAN_PHO.withName("Tổ dân phố 3")).isEqualTo("Tổ dân phố 3");
		assertThat(UnitKind.PHUONG.withName("Phường 1")).isEqualTo("Phường 1");
		assertThat(UnitKind.THON.withName("Quang Trung")).isEqualTo("thôn Quang Trung");
		assertThat(UnitKind.XA.withName("Cẩm Quang")).isEqualTo("xã Cẩm Quang");
		assertThat(UnitKind.XA.withName("Xuân Lộc")).as("a name merely beginning with the same letters").isEqualTo("xã Xuân Lộc");
		assertThat(UnitKind.THON.withName("Thôngsơn")).isEqualTo("thôn Thôngsơn");
		Unit village = new Unit("X-T6", "Thôn 6", UnitKind.THON, "X", "Cẩm Lĩnh", LocalDate.of(2000, 1, 1), null, "/42/X/X-T6/", false);
		assertThat(village.displayName()).isEqualTo("Thôn 6");
		assertThat(new UnitHistory.UnitRef("X-T6", "Thôn 6", UnitKind.THON).displayName()).isEqualTo("Thôn 6");
	}
}
