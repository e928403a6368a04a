package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.Target;

/** A target is the standard a subject still aims at; decided recognitions and area-wide aims are not one. */
class TargetGeneralisationTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	private Target target(String text) {
		return extractor.extractText(text).target();
	}

	@Test
	void aRecognitionAlreadyDecidedIsHistory() {
		assertThat(target("""
				UBND tỉnh đã có quyết định công nhận xã Phú Lộc đạt chuẩn nông thôn mới năm 2019.
				Xã Phú Lộc tổ chức lễ đón nhận vào tháng 3/2020.
				""")).isNull();
		assertThat(target("""
				Xã Phú Lộc đăng ký đạt chuẩn nông thôn mới năm 2019, hiện đạt 17/19 tiêu chí.
				""")).isEqualTo(new Target(Level.NTM, 2019));
	}

	@Test
	void anAreaWideAimIsNoUnitsTarget() {
		assertThat(target("""
				Kế hoạch năm 2023 của tỉnh: phấn đấu đến năm 2025 tỷ lệ xã đạt chuẩn nông thôn mới trên 80%.
				Toàn tỉnh phấn đấu đến năm 2025 cơ bản các xã trên địa bàn đạt chuẩn nông thôn mới.
				""")).isNull();
	}

	@Test
	void anOrganNameBrokenAfterItsFirstWordIsNotTakenForTheMotto() {
		assertThat(extractor.extractText("""
				HỘI
				ĐỒNG NHÂN DÂN
				HUYỆN VŨ QUANG
				-------
				CỘNG
				HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
				Số: 05/NQ-HĐND
				Vũ Quang, ngày 20 tháng 7 năm 2023
				NGHỊ QUYẾT
				Về xây dựng nông thôn mới
				""").issuer()).isEqualTo("Hội đồng nhân dân huyện Vũ Quang");
	}
}
