package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.DocType;

/** Headers as real copies deliver them: behind site boilerplate, in table rows, broken over lines; and web pages. */
class HeaderGeneralisationTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void numberAndDateAreFoundBehindASitesMetadataBlock() {
		ExtractionDraft draft = extractor.extractText("""
				Tìm kiếm văn bản
				Số hiệu: 77/KH-UBND Loại văn bản: Kế hoạch
				Ngày ban hành: 05/04/2023 Người ký: Nguyễn Văn A
				Tình trạng: Còn hiệu lực
				ỦY BAN NHÂN DÂN
				HUYỆN KỲ ANH
				CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
				Số: 77/KH-UBND
				Kỳ Anh, ngày 05 tháng 4 năm 2023
				KẾ HOẠCH
				Xây dựng nông thôn mới năm 2023
				""");
		assertThat(draft.number()).isEqualTo("77/KH-UBND");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2023, 4, 5));
		assertThat(draft.issuer()).isEqualTo("Ủy ban nhân dân huyện Kỳ Anh");
	}

	@Test
	void organNameBrokenOverTableLinesIsJoinedAndTheMottoLeftOut() {
		ExtractionDraft draft = extractor.extractText("""
				ỦY BAN NHÂN DÂN
				TỈNH QUẢNG
				TRỊ
				-------
				|
				CỘNG
				HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
				|
				Số:
				112/2022/QĐ-UBND
				|
				Đông Hà, ngày
				14 tháng 6 năm 2022
				QUYẾT ĐỊNH
				Về việc ban hành quy chế xây dựng nông thôn mới
				""");
		assertThat(draft.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Quảng Trị");
		assertThat(draft.number()).isEqualTo("112/2022/QĐ-UBND");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2022, 6, 14));
		assertThat(draft.docType()).isEqualTo(DocType.QUYET_DINH);
	}

	@Test
	void bareOrganInATableRowTakesItsPlaceFromTheEnactingLine() {
		ExtractionDraft draft = extractor.extractText("""
				HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
				Số: 15/2023/NQ-HĐND | Vinh, ngày 07 tháng 12 năm 2023 |
				HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN
				KHÓA XVIII, KỲ HỌP THỨ 17
				Căn cứ Luật Tổ chức chính quyền địa phương;
				""");
		assertThat(draft.docType()).isEqualTo(DocType.NGHI_QUYET);
		assertThat(draft.issuer()).isEqualTo("Hội đồng nhân dân tỉnh Nghệ An");
	}

	@Test
	void aNewsPageHasItsPostedDateAndNoIssuer() {
		ExtractionDraft draft = extractor.extractText("""
				Chủ Nhật, 03/03/2024, 06:00
				Xã Yên Hòa về đích nông thôn mới
				Cập nhật: 28/02/2024 15:20
				Ngày 26/2, Ủy ban nhân dân huyện tổ chức lễ công bố xã Yên Hòa đạt chuẩn nông thôn mới.
				""");
		assertThat(draft.docType()).isEqualTo(DocType.OTHER);
		assertThat(draft.date()).isEqualTo(LocalDate.of(2024, 2, 28));
		assertThat(draft.issuer()).isNull();
		assertThat(draft.number()).isNull();
	}

	@Test
	void articleDateWithAWeekdayAndMonthFirstDashes() {
		assertThat(extractor.extractText("""
				Thứ Tư, 10-25-2023
				Huyện tổng kết xây dựng nông thôn mới
				Các xã đã hoàn thành kế hoạch năm.
				""").date()).isEqualTo(LocalDate.of(2023, 10, 25));
	}

	@Test
	void theDayOfAnEventInTheFirstSentenceIsNotTheArticlesDate() {
		assertThat(extractor.extractText("""
				Thẩm định xã Tân Lập
				Sáng ngày 12/3/2022, Đoàn thẩm định của tỉnh làm việc tại xã Tân Lập về xây dựng nông thôn mới.
				""").date()).isNull();
	}

	@Test
	void aPageThatIntroducesItselfAsAPlanIsAPlan() {
		assertThat(extractor.extractText("""
				Kế hoạch phát triển sản xuất năm 2024
				Ủy ban nhân dân xã Hòa Bình xây dựng kế hoạch phát triển sản xuất năm 2024 với các nội dung như sau:
				I. MỤC TIÊU
				""").docType()).isEqualTo(DocType.KE_HOACH);
		assertThat(extractor.extractText("""
				Tỉnh ban hành kế hoạch mới
				Ngày 20/9, Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển sản xuất, phấn đấu tăng thu nhập.
				""").docType()).isEqualTo(DocType.OTHER);
	}
}
