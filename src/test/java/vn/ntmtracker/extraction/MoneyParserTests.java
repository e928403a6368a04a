package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyParserTests {

	@Test
	void readsDotGroupedDong() {
		assertThat(MoneyParser.parse("Tổng nguồn vốn là: 31.003.700.000 đồng.")).contains(31_003_700_000L);
		assertThat(MoneyParser.parse("Dân góp: 13.055.000.000 đ;")).contains(13_055_000_000L);
	}

	@Test
	void convertsBillionsWithDecimalComma() {
		assertThat(MoneyParser.parse("ngân sách xã 1,25 tỷ")).contains(1_250_000_000L);
		assertThat(MoneyParser.parse("2.5 tỷ đồng")).contains(2_500_000_000L);
	}

	@Test
	void convertsMillions() {
		assertThat(MoneyParser.parse("vốn lồng ghép 850 triệu")).contains(850_000_000L);
		assertThat(MoneyParser.parse("nhân dân đóng góp 12.500 triệu đồng")).contains(12_500_000_000L);
	}

	@Test
	void addsCompoundAmounts() {
		assertThat(MoneyParser.parse("Ngân sách huyện: 1 tỷ 250 triệu đồng")).contains(1_250_000_000L);
	}

	@Test
	void ignoresNumbersThatAreNotMoney() {
		assertThat(MoneyParser.parse("đạt 96,5/100 điểm; 9/9 thôn")).isEmpty();
		assertThat(MoneyParser.parse("xây dựng 21 phòng học")).isEmpty();
	}
}
