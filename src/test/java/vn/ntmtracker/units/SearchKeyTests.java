package vn.ntmtracker.units;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeyTests {

	@Test
	void ignoresDiacriticsCaseAndSpacing() {
		assertThat(SearchKey.of("Cẩm  Quang")).isEqualTo("cam quang");
		assertThat(SearchKey.of("CAM QUANG")).isEqualTo("cam quang");
	}

	@Test
	void treatsNfcAndNfdAlike() {
		String nfd = Normalizer.normalize("Cẩm Lĩnh", Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo("Cẩm Lĩnh");
		assertThat(SearchKey.of(nfd)).isEqualTo(SearchKey.of("Cẩm Lĩnh")).isEqualTo("cam linh");
	}

	@Test
	void mapsDStrokeToD() {
		assertThat(SearchKey.of("Đồng Đăng")).isEqualTo("dong dang");
	}

	@Test
	void cleanStoresNfcAndCollapsesSpaces() {
		String cleaned = SearchKey.clean("  " + Normalizer.normalize("Hà  Tĩnh", Normalizer.Form.NFD) + " ");
		assertThat(cleaned).isEqualTo("Hà Tĩnh");
		assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
	}
}
