package vn.ntmtracker.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;

/**
 * Liberation Serif 2.1 (SIL OFL, {@code fonts/OFL-LiberationSerif.txt}): metric-compatible with Times New Roman, the font
 * NĐ 30/2020 prescribes, with every Vietnamese glyph (Debian's 1.x prints '#' for many of them). Read once, embedded
 * as subsets in each PDF.
 */
final class Fonts {

	static final String FAMILY = "Times New Roman";

	enum Face {
		REGULAR("LiberationSerif-Regular.ttf", 400, false),
		BOLD("LiberationSerif-Bold.ttf", 700, false),
		ITALIC("LiberationSerif-Italic.ttf", 400, true),
		BOLD_ITALIC("LiberationSerif-BoldItalic.ttf", 700, true);

		final String file;
		final int weight;
		final boolean italic;
		private volatile byte[] bytes;

		Face(String file, int weight, boolean italic) {
			this.file = file;
			this.weight = weight;
			this.italic = italic;
		}

		byte[] bytes() {
			byte[] loaded = bytes;
			if (loaded == null) {
				try (InputStream in = new ClassPathResource("fonts/" + file).getInputStream()) {
					loaded = in.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("font " + file + " missing from the classpath", ex);
				}
				bytes = loaded;
			}
			return loaded;
		}
	}

	private Fonts() {
	}
}
