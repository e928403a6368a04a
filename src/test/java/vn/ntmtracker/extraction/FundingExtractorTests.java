package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Funding;

class FundingExtractorTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void totalRowIsNotASource() {
		ExtractionDraft draft = extractor.extractText("""
				KẾ HOẠCH
				Xây dựng xã Tân Lập đạt chuẩn nông thôn mới năm 2024
				Tổng nguồn vốn huy động là: 3.000.000.000 đồng. Trong đó:
				+ Huyện 1.000.000.000 đồng;
				+ DN: 500.000.000 đồng;
				+ Dân góp: 1.500.000.000 đ.
				Tổng cộng: 3.000.000.000 đồng.
				""");
		assertThat(draft.funding()).containsExactly(new Funding("Huyện", 1_000_000_000L),
				new Funding("Doanh nghiệp", 500_000_000L), new Funding("Dân góp", 1_500_000_000L));
	}

	@Test
	void readsInlineBreakdownInTyAndTrieu() {
		ExtractionDraft draft = extractor.extractText("""
				KẾ HOẠCH
				Xây dựng xã Tân Lập đạt chuẩn nông thôn mới năm 2024
				Tổng kinh phí 3,35 tỷ đồng, trong đó: ngân sách tỉnh 1,25 tỷ; vốn lồng ghép 850 triệu; nhân dân đóng góp 1.250 triệu đồng.
				""");
		assertThat(draft.funding()).extracting(Funding::amountVnd)
			.containsExactly(1_250_000_000L, 850_000_000L, 1_250_000_000L);
	}

	@Test
	void aValueOfWorksIsNotFunding() {
		ExtractionDraft draft = extractor.extractText("""
				BÁO CÁO
				Kết quả xây dựng nông thôn mới xã Tân Lập
				- Chỉnh trang khu dân cư với tổng giá trị là 500 triệu đồng.
				""");
		assertThat(draft.funding()).isEmpty();
	}

	@Test
	void readsABreakdownAfterGom() {
		ExtractionDraft draft = extractor.extractText("""
				KẾ HOẠCH
				Xây dựng xã Tân Lập đạt chuẩn nông thôn mới năm 2024
				Dự kiến tổng nguồn vốn 5,5 tỷ đồng, bao gồm: vốn ngân sách huyện 2 tỷ đồng; vốn lồng ghép 3 tỷ đồng; doanh nghiệp tài trợ 500 triệu đồng.
				""");
		assertThat(draft.funding()).containsExactly(new Funding("Ngân sách huyện", 2_000_000_000L),
				new Funding("Vốn lồng ghép", 3_000_000_000L), new Funding("Doanh nghiệp tài trợ", 500_000_000L));
	}

	@Test
	void gomWithoutAmountsOrColonIsNoBreakdown() {
		ExtractionDraft draft = extractor.extractText("""
				KẾ HOẠCH
				Xây dựng xã Tân Lập đạt chuẩn nông thôn mới năm 2024
				Nguồn kinh phí gồm: ngân sách cấp trên và huy động xã hội hóa.
				Tổng kinh phí 3 tỷ đồng gồm các nguồn ngân sách và vốn huy động.
				""");
		assertThat(draft.funding()).isEmpty();
	}
}
