package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Funding;

/** Breakdowns past the budget lines (integrated funds, credit, enterprises, people's contributions) and tables. */
class FundingTablesTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void everySourceOfALongBreakdownIsRead() {
		ExtractionDraft draft = extractor.extractText("""
				KẾ HOẠCH
				Xây dựng xã Hòa Bình đạt chuẩn nông thôn mới năm 2023
				IV. NGUỒN VỐN
				Tổng nguồn vốn thực hiện: 25.500 triệu đồng, trong đó:
				- Ngân sách Trung ương: 10.000 triệu đồng;
				- Ngân sách tỉnh: 5.000 triệu đồng;
				- Ngân sách huyện: 3.000 triệu đồng;
				- Vốn lồng ghép các chương trình mục tiêu quốc gia và các dự án khác trên địa bàn: 2.500 triệu đồng;
				- Vốn tín dụng: 2.000 triệu đồng;
				- Vốn doanh nghiệp, hợp tác xã: 1.500 triệu đồng;
				- Nhân dân đóng góp (tiền mặt, ngày công, hiến đất): 1.500 triệu đồng.
				""");
		assertThat(draft.funding()).extracting(Funding::amountVnd)
			.containsExactly(10_000_000_000L, 5_000_000_000L, 3_000_000_000L, 2_500_000_000L, 2_000_000_000L,
					1_500_000_000L, 1_500_000_000L);
		assertThat(draft.funding().get(6).source()).startsWith("Nhân dân đóng góp");
	}

	@Test
	void aTableOfSourcesTakesItsUnitFromTheHeading() {
		ExtractionDraft draft = extractor.extractText("""
				KẾ HOẠCH
				Xây dựng xã Hòa Bình đạt chuẩn nông thôn mới năm 2023
				IV. KINH PHÍ THỰC HIỆN
				Nhu cầu vốn thực hiện (ĐVT: triệu đồng)
				| TT | Nguồn vốn | Kinh phí |
				| 1 | Ngân sách Trung ương | 15.000 |
				| 2 | Vốn lồng ghép | 4.000 |
				| 3 | Vốn tín dụng | 3.000 |
				| 4 | Doanh nghiệp, HTX | 1.000 |
				| 5 | Cộng đồng dân cư đóng góp | 2.000 |
				| | Tổng cộng | 25.000 |
				""");
		assertThat(draft.funding()).containsExactly(new Funding("Ngân sách Trung ương", 15_000_000_000L),
				new Funding("Vốn lồng ghép", 4_000_000_000L), new Funding("Vốn tín dụng", 3_000_000_000L),
				new Funding("Doanh nghiệp, HTX", 1_000_000_000L),
				new Funding("Cộng đồng dân cư đóng góp", 2_000_000_000L));
	}

	@Test
	void aTableOfWorksIsNotFunding() {
		ExtractionDraft draft = extractor.extractText("""
				BÁO CÁO
				Kết quả xây dựng nông thôn mới xã Hòa Bình năm 2023
				I. KẾT QUẢ
				Kết quả thực hiện (ĐVT: km)
				| TT | Công trình | Khối lượng |
				| 1 | Đường trục xã | 3.500 |
				| 2 | Đường thôn | 12.000 |
				""");
		assertThat(draft.funding()).isEmpty();
	}
}
