package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.DocType;

class DocumentHeaderParserTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void readsNumberDateAndOrganFromAFullHeader() {
		ExtractionDraft draft = extractor.extractText("""
				UBND TỈNH HÀ TĨNH
				BAN CHỈ ĐẠO CÁC CTMTQG
				CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
				Số: 01 -KH/BCĐ
				Hà Tĩnh, ngày 12 tháng 01 năm 2026
				KẾ HOẠCH
				Xây dựng nông thôn mới năm 2026
				""");
		assertThat(draft.number()).isEqualTo("01-KH/BCĐ");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2026, 1, 12));
		assertThat(draft.issuer()).isEqualTo("Ban Chỉ đạo các CTMTQG tỉnh Hà Tĩnh");
		assertThat(draft.docType()).isEqualTo(DocType.KE_HOACH);
	}

	@Test
	void blankDayLeavesTheDateEmpty() {
		ExtractionDraft draft = extractor.extractText("""
				Cẩm Thạch, ngày   tháng   năm 2022
				KẾ HOẠCH
				Xây dựng nông thôn mới năm 2022 xã Cẩm Thạch
				""");
		assertThat(draft.date()).isNull();
	}

	@Test
	void conclusionNoticeTakesItsIssuerFromTheTitle() {
		ExtractionDraft draft = extractor.extractText("""
				THÔNG BÁO
				KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY về xây dựng nông thôn mới nâng cao xã Bản Bo
				""");
		assertThat(draft.docType()).isEqualTo(DocType.THONG_BAO_KET_LUAN);
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Huyện ủy");
		assertThat(draft.subjectUnits()).containsExactly("xã Bản Bo");
	}

	@Test
	void typeFollowsTheNumberWhenTheTitleWordIsMissing() {
		assertThat(DocumentHeaderParser.typeOf("", "12/NQ-ĐU")).isEqualTo(DocType.NGHI_QUYET);
		assertThat(DocumentHeaderParser.typeOf("", "5/BC-UBND")).isEqualTo(DocType.BAO_CAO);
		assertThat(DocumentHeaderParser.typeOf("THÔNG BÁO Lịch tiếp công dân", null)).isEqualTo(DocType.OTHER);
	}
}
