package vn.ntmtracker.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a generated PDF the way a ruler would: every glyph with its page, position in millimetres from the top-left
 * corner, font and size, and whether the font had a glyph for it. Layout tests assert on these numbers.
 */
final class PdfProbe {

	static final double MM_PER_POINT = 25.4 / 72;

	/** One line of text as PDFBox sees it, in mm: left, right, top of the tallest glyph, baseline. */
	record Line(int page, String text, double left, double right, double top, double baseline, String font, float size) {

		double centre() {
			return (left + right) / 2;
		}
	}

	/** A stretch of one line in one font. */
	record Run(int page, String text, String font) {
	}

	record Probe(int pages, List<Line> lines, List<Run> runs, List<String> missingGlyphs, String text) {

		boolean hasRun(String fragment, String fontPart) {
			return runs.stream().anyMatch(r -> r.text().contains(fragment) && r.font().toLowerCase(java.util.Locale.ROOT).contains(fontPart));
		}


		List<Line> page(int page) {
			return lines.stream().filter(l -> l.page() == page).toList();
		}

		Line find(String fragment) {
			return lines.stream().filter(l -> l.text().contains(fragment)).findFirst()
				.orElseThrow(() -> new AssertionError("no line with '" + fragment + "' in:\n" + text));
		}
	}

	private PdfProbe() {
	}

	static Probe read(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<Line> lines = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			List<Run> runs = new ArrayList<>();
			StringBuilder all = new StringBuilder();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				int current = page;
				PDFTextStripper stripper = new PDFTextStripper() {
					@Override
					protected void writeString(String text, List<TextPosition> positions) throws IOException {
						if (positions.isEmpty() || text.isBlank()) {
							return;
						}
						double left = Double.MAX_VALUE;
						double right = 0;
						double top = Double.MAX_VALUE;
						double baseline = 0;
						for (TextPosition p : positions) {
							left = Math.min(left, p.getXDirAdj());
							right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
							top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
							baseline = Math.max(baseline, p.getYDirAdj());
							PDFont font = p.getFont();
							for (int code : p.getCharacterCodes()) {
								if (font instanceof PDType0Font type0 && type0.codeToGID(code) == 0 && !p.getUnicode().isBlank()) {
									missing.add(p.getUnicode() + " (page " + current + ", " + font.getName() + ")");
								}
							}
						}
						StringBuilder run = new StringBuilder();
						String runFont = positions.get(0).getFont().getName();
						for (TextPosition p : positions) {
							if (!p.getFont().getName().equals(runFont)) {
								runs.add(new Run(current, run.toString(), runFont));
								run.setLength(0);
								runFont = p.getFont().getName();
							}
							run.append(p.getUnicode());
						}
						runs.add(new Run(current, run.toString(), runFont));
						TextPosition first = positions.get(0);
						lines.add(new Line(current, text, left * MM_PER_POINT, right * MM_PER_POINT, top * MM_PER_POINT,
								baseline * MM_PER_POINT, first.getFont().getName(), Math.round(first.getFontSize() * 2) / 2f));
					}
				};
				stripper.setSortByPosition(true);
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				stripper.getText(document);
			}
			lines.forEach(line -> all.append(line.text()).append('\n'));
			return new Probe(document.getNumberOfPages(), lines, runs, missing, all.toString());
		}
	}
}
