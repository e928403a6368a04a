package vn.ntmtracker.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Paragraph;
import vn.ntmtracker.reports.OfficialDocument.ParagraphStyle;
import vn.ntmtracker.reports.OfficialDocument.Run;

/**
 * The markup of free-text sections and template texts, what a commune officer types without learning anything: one
 * paragraph per line, a line starting with "- " or "+ " is a list item (kept as written, as the seeds write them),
 * {@code **đậm**} and {@code *nghiêng*} inline. Placeholders are filled in each run after the markup is read, so a
 * value never turns into markup.
 */
final class RichText {

	private RichText() {
	}

	static List<Block> blocks(String text) {
		return blocks(text, UnaryOperator.identity());
	}

	static List<Block> blocks(String text, UnaryOperator<String> fill) {
		List<Block> blocks = new ArrayList<>();
		if (text == null) {
			return blocks;
		}
		for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			boolean item = line.startsWith("- ") || line.startsWith("+ ") || line.startsWith("• ");
			List<Run> runs = runs(line, fill);
			if (runs.stream().allMatch(run -> run.text().isBlank())) {
				continue;
			}
			blocks.add(new Paragraph(item ? ParagraphStyle.ITEM : ParagraphStyle.BODY, runs));
		}
		return blocks;
	}

	/** Splits a line into runs at {@code **} (bold) and single {@code *} (italic) markers. */
	static List<Run> runs(String line, UnaryOperator<String> fill) {
		List<Run> runs = new ArrayList<>();
		boolean bold = false;
		boolean italic = false;
		StringBuilder current = new StringBuilder();
		int i = 0;
		while (i < line.length()) {
			if (line.startsWith("**", i) && closes(line, i + 2, "**")) {
				flush(runs, current, bold, italic, fill);
				bold = !bold;
				i += 2;
			}
			else if (line.startsWith("**", i) && bold) {
				flush(runs, current, bold, italic, fill);
				bold = false;
				i += 2;
			}
			else if (line.charAt(i) == '*' && !line.startsWith("**", i) && (italic || closes(line, i + 1, "*"))) {
				flush(runs, current, bold, italic, fill);
				italic = !italic;
				i++;
			}
			else {
				current.append(line.charAt(i));
				i++;
			}
		}
		flush(runs, current, bold, italic, fill);
		return runs;
	}

	/** A marker opens only when the same marker closes it later on the line; a lone "*" stays a star. */
	private static boolean closes(String line, int from, String marker) {
		int at = line.indexOf(marker, from);
		if (marker.equals("*")) {
			while (at >= 0 && line.startsWith("**", at)) {
				at = line.indexOf('*', at + 2);
			}
		}
		return at > from;
	}

	private static void flush(List<Run> runs, StringBuilder current, boolean bold, boolean italic, UnaryOperator<String> fill) {
		if (current.length() > 0) {
			runs.add(new Run(fill.apply(current.toString()), bold, italic));
			current.setLength(0);
		}
	}
}
