package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.Target;

class TargetExtractorTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void theSubjectsOwnStandardIsTheTargetNotTheProgrammesName() {
		assertThat(extractor.extractText("""
				KẾ HOẠCH
				Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025
				Phấn đấu năm 2025 xã Tân Lập đạt chuẩn nông thôn mới nâng cao.
				""").target()).isEqualTo(new Target(Level.NTM_NANG_CAO, 2025));
		// A year before "xã" is no count of communes.
		assertThat(extractor.extractText("""
				KẾ HOẠCH
				Xây dựng nông thôn mới xã Sơn Kim
				Quyết tâm đến năm 2026 xã đạt chuẩn nông thôn mới kiểu mẫu.
				""").target()).isEqualTo(new Target(Level.NTM_KIEU_MAU, 2026));
	}

	@Test
	void countsOfUnitsAndTheNationalProgrammeAreNoTarget() {
		assertThat(extractor.extractText("""
				KẾ HOẠCH
				Thực hiện Chương trình MTQG về xây dựng nông thôn mới trên địa bàn huyện năm 2025
				Phấn đấu đến cuối năm 2025 có 100% các xã đạt chuẩn nông thôn mới; thêm 3 xã được công nhận đạt chuẩn nông thôn mới kiểu mẫu năm 2025.
				""").target()).isNull();
	}
}
