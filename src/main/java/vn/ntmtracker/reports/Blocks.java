package vn.ntmtracker.reports;

import java.util.ArrayList;
import java.util.List;

import vn.ntmtracker.reports.OfficialDocument.Align;
import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Column;
import vn.ntmtracker.reports.OfficialDocument.Paragraph;
import vn.ntmtracker.reports.OfficialDocument.Row;
import vn.ntmtracker.reports.OfficialDocument.Table;

/** Small builders for the data sections kinds produce. */
final class Blocks {

	private Blocks() {
	}

	static Column column(String header, int width, Align align) {
		return new Column(header, width, align);
	}

	/** A table, or nothing when there are no rows (so that {@code when:} can leave its section out). */
	static List<Block> table(List<Column> columns, List<Row> rows) {
		return rows.isEmpty() ? List.of() : List.of(new Table(columns, rows));
	}

	static List<Block> items(List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		lines.forEach(line -> blocks.add(Paragraph.item(line.startsWith("- ") || line.startsWith("+ ") ? line : "- " + line)));
		return blocks;
	}

	static String percent(long part, long whole) {
		return whole == 0 ? "" : VietnameseText.decimal(100.0 * part / whole, 1);
	}

	/** Millions of đồng for cost columns ("4.200"), as plan tables write them. */
	static String millions(long dong) {
		return VietnameseText.money(Math.round(dong / 1_000_000.0));
	}
}
