package vn.ntmtracker.reports;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NĐ 30/2020 checks every generated state document must pass, measured on the PDF: margins within the ranges of
 * Phụ lục I, the two-column header with the Quốc hiệu in bold capitals on the right and the number on the left, page
 * numbers in the top margin from page 2 only, no glyph missing.
 */
final class LayoutAssertions {

	/** The header's boundary between the left and right boxes, in mm from the left edge. */
	static final double HEADER_SPLIT_MM = PageLayout.LEFT_MM + (210 - PageLayout.LEFT_MM - PageLayout.RIGHT_MM) * PageLayout.HEADER_LEFT_PERCENT / 100.0;

	static final double PARTY_HEADER_SPLIT_MM = PageLayout.LEFT_MM + (210 - PageLayout.LEFT_MM - PageLayout.RIGHT_MM) * PageLayout.PARTY_HEADER_LEFT_PERCENT / 100.0;

	private LayoutAssertions() {
	}

	/** The measured margins, for the report: left, right, top (page 1 and following), bottom (smallest on full pages). */
	record Margins(double left, double right, double topFirst, double topNext, double bottomFullPages) {
	}

	static Margins assertStateLayout(PdfProbe.Probe probe, Pattern numberLine) throws IOException {
		assertThat(probe.missingGlyphs()).as("glyphs missing from the embedded fonts").isEmpty();
		assertThat(probe.text()).doesNotContain("#").doesNotContain("\uFFFD");
		List<PdfProbe.Line> body = bodyLines(probe);
		double left = body.stream().mapToDouble(PdfProbe.Line::left).min().orElseThrow();
		double right = 210 - body.stream().mapToDouble(PdfProbe.Line::right).max().orElseThrow();
		// Justified lines end on the 15 mm margin; glyph widths as PDFBox sums them may overshoot by a few µm.
		assertThat(left).as("left margin (mm)").isBetween(30.0 - 0.01, 35.0);
		assertThat(right).as("right margin (mm)").isBetween(15.0 - 0.01, 20.0);
		double topFirst = probe.page(1).stream().mapToDouble(PdfProbe.Line::top).min().orElseThrow();
		assertThat(topFirst).as("top margin of page 1 (mm)").isBetween(20.0, 25.0);
		double topNext = topFirst;
		double bottom = 297;
		for (int page = 2; page <= probe.pages(); page++) {
			int p = page;
			double top = body.stream().filter(l -> l.page() == p).mapToDouble(PdfProbe.Line::top).min().orElse(25);
			assertThat(top).as("top margin of page " + page + " (mm)").isBetween(20.0, 25.0);
			topNext = Math.min(topNext, top);
		}
		for (int page = 1; page <= probe.pages(); page++) {
			int p = page;
			double lowest = probe.page(p).stream().mapToDouble(PdfProbe.Line::baseline).max().orElse(0);
			assertThat(297 - lowest).as("bottom margin of page " + page + " (mm)").isGreaterThanOrEqualTo(20.0);
			if (page < probe.pages()) {
				bottom = Math.min(bottom, 297 - lowest);
			}
		}
		if (probe.pages() > 1) {
			// A full page ends where the next lines no longer fit: widow and orphan control may push two lines
			// (2 × 17.5 pt ≈ 12.5 mm) and a paragraph's spacing to the next page.
			assertThat(bottom).as("bottom margin of full pages (mm)").isLessThanOrEqualTo(25.0 + 12.5 + 2.2);
		}

		PdfProbe.Line motto = probe.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		assertThat(motto.page()).isEqualTo(1);
		assertThat(motto.font()).as("Quốc hiệu font").containsIgnoringCase("bold");
		assertThat(motto.left()).as("Quốc hiệu in the right box").isGreaterThan(HEADER_SPLIT_MM);
		PdfProbe.Line tagline = probe.find("Độc lập - Tự do - Hạnh phúc");
		assertThat(tagline.font()).containsIgnoringCase("bold");
		assertThat(Math.abs(tagline.centre() - motto.centre())).as("Tiêu ngữ centred under the Quốc hiệu").isLessThan(1.5);
		PdfProbe.Line number = probe.lines().stream().filter(l -> l.page() == 1 && l.text().startsWith("Số")).findFirst().orElseThrow();
		assertThat(number.text().strip()).matches(numberLine);
		assertThat(number.right()).as("number in the left box").isLessThan(HEADER_SPLIT_MM);
		assertThat(number.top()).as("number level with the header").isLessThan(motto.top() + 25);
		PdfProbe.Line date = probe.lines().stream().filter(l -> l.page() == 1 && l.text().contains("ngày") && l.text().contains("năm"))
			.findFirst().orElseThrow();
		assertThat(date.font()).as("place and date in italics").containsIgnoringCase("italic");
		assertThat(date.left()).isGreaterThan(HEADER_SPLIT_MM - 5);
		assertPageNumbers(probe);
		return new Margins(left, right, topFirst, topNext, bottom);
	}

	/** Nothing in the top margin of page 1; "n" centred in the top margin of page n ≥ 2. */
	static void assertPageNumbers(PdfProbe.Probe probe) {
		assertThat(probe.page(1).stream().filter(l -> l.top() < PageLayout.TOP_MM - 1)).as("page 1 has no page number").isEmpty();
		for (int page = 2; page <= probe.pages(); page++) {
			int p = page;
			List<PdfProbe.Line> inMargin = probe.page(p).stream().filter(l -> l.baseline() < PageLayout.TOP_MM).toList();
			assertThat(inMargin).as("page number of page " + page).hasSize(1);
			assertThat(inMargin.get(0).text().strip()).isEqualTo(Integer.toString(page));
			assertThat(inMargin.get(0).centre()).as("page number centred").isBetween(105.0, 120.0);
		}
	}

	/** The text of the pages without the page numbers in the top margin. */
	static List<PdfProbe.Line> bodyLines(PdfProbe.Probe probe) {
		return probe.lines().stream().filter(l -> l.baseline() >= PageLayout.TOP_MM).toList();
	}
}
