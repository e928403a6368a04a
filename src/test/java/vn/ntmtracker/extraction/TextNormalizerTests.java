package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

	@Test
	void movesOldToneMarksToTheNewPlace() {
		assertThat(TextNormalizer.normalize("hoà thuỷ Hoá khoẻ Uỷ ban").strip()).isEqualTo("hòa thủy Hóa khỏe Ủy ban");
	}

	@Test
	void leavesClosedSyllablesAndQuAlone() {
		assertThat(TextNormalizer.normalize("hoàn thành quý khoảng").strip()).isEqualTo("hoàn thành quý khoảng");
	}

	@Test
	void composesDecomposedText() {
		String nfd = Normalizer.normalize("Thủy lợi và phòng, chống thiên tai", Normalizer.Form.NFD);
		assertThat(TextNormalizer.normalize(nfd).strip()).isEqualTo("Thủy lợi và phòng, chống thiên tai");
	}

	@Test
	void collapsesSpacesInsideDocumentNumbers() {
		assertThat(TextNormalizer.normalize("Số: 01 -KH/BCĐ").strip()).isEqualTo("Số: 01-KH/BCĐ");
		assertThat(TextNormalizer.normalize("Số: 07 / KH - UBND").strip()).isEqualTo("Số: 07/KH-UBND");
	}

	@Test
	void keepsHyphenatedNamesAndHeadingsApart() {
		assertThat(TextNormalizer.normalize("Phòng Kinh tế - Hạ tầng").strip()).isEqualTo("Phòng Kinh tế - Hạ tầng");
		assertThat(TextNormalizer.normalize("2- Một số nhiệm vụ").strip()).isEqualTo("2- Một số nhiệm vụ");
		assertThat(TextNormalizer.normalize("giai đoạn 2021 - 2025").strip()).isEqualTo("giai đoạn 2021 - 2025");
	}

	@Test
	void stripsMarkdownEmphasis() {
		assertThat(TextNormalizer.normalize("- *Phòng Kinh tế HT*: hoàn thành **trước ngày 15/7/2024**.").strip())
			.isEqualTo("- Phòng Kinh tế HT: hoàn thành trước ngày 15/7/2024.");
		assertThat(TextNormalizer.normalize("## **III. TỔ CHỨC THỰC HIỆN**").strip()).isEqualTo("III. TỔ CHỨC THỰC HIỆN");
	}
}
