package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.ExtractionDraft.Funding;

/**
 * Money by source, read from the breakdown that follows a total ("Tổng nguồn vốn … Trong đó: + Huyện 650.000.000
 * đồng; + Dân góp: 13.055.000.000 đ"), written as list items, inline after "trong đó" or "gồm:", or as table rows.
 * The total itself is not a source.
 */
final class FundingExtractor {

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final List<String> CONTEXT_WORDS = List.of("vốn", "kinh phí", "huy động", "nguồn lực", "ngân sách",
			"đóng góp");

	private static final Pattern ENDS_WITH_BREAKDOWN = Pattern.compile("(?:trong đó\\s*:?|(?<![\\p{L}])gồm\\s*:)\\s*$", F);

	private static final Pattern TOTAL = Pattern.compile("^(?:tổng|cộng(?!\\s+đồng)|tổng cộng|tổng số|trong đó|tổng kinh phí|tổng nguồn)", F);

	// Labels run long ("Vốn lồng ghép các chương trình mục tiêu quốc gia và các dự án khác trên địa bàn: …").
	private static final Pattern SOURCE_ROW = Pattern.compile("^(?<label>[^\\d:|]{1,160}?)\\s*(?:[:=|]|\\s+là)?\\s*(?<amount>\\d[\\d.,\\s]*\\s*"
			+ "(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|đ|vnđ|vnd)(?:[^\\p{L}].*)?)$", F);

	// Where the breakdown of a total starts: "trong đó(:)" or "(bao) gồm:" ("Tổng kinh phí dự kiến 23,6 tỷ đồng, gồm:
	// ngân sách Trung ương 15 tỷ đồng; …"). "gồm" needs its colon: "gồm các nguồn …" is not a breakdown yet.
	private static final Pattern SPLIT_AFTER = Pattern.compile("trong đó\\s*:?|(?<![\\p{L}])gồm\\s*:", F);

	private static final Pattern PART_SEPARATOR = Pattern.compile("\\s*;\\s*|,\\s+(?=\\D)");

	private static final Pattern TRAILING_STOPS = Pattern.compile("[;.]+$");

	private static final Pattern TRAILING_BAR_OR_COLON = Pattern.compile("[|:]+$");

	private static final Pattern TRAILING_LA = Pattern.compile("(?i)\\s+là$");

	private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

	// The unit a table states once for its figures: "(ĐVT: triệu đồng)", "Đơn vị tính: đồng", "(tỷ đồng)".
	private static final Pattern TABLE_UNIT = Pattern.compile("(?:ĐVT|đơn vị tính|đơn vị)\\s*:?\\s*(?<u1>tỷ|tỉ|triệu|tr\\.?|nghìn|ngàn)?\\s*(?:đồng|đ)(?![\\p{L}])"
			+ "|\\(\\s*(?<u2>tỷ|tỉ|triệu|tr\\.?|nghìn|ngàn)?\\s*(?:đồng|đ)\\s*\\)", F);

	// A table's total row ("| | Tổng cộng | 25.000 |") ends nothing; a community's row ("Cộng đồng …") is a source.
	private static final Pattern TOTAL_CELL = Pattern.compile("\\|\\s*(?:tổng|cộng(?!\\s+đồng))", F);

	private static final Pattern PLAIN_NUMBER = Pattern.compile("^\\d{1,3}(?:[.,]\\d{3})*(?:[.,]\\d+)?$|^\\d+(?:[.,]\\d+)?$");

	private static final Pattern ROW_INDEX = Pattern.compile("^(?:\\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]?$");

	private static final Pattern SOURCE_PREFIX = Pattern.compile("(?i)^(?:nguồn\\s+)?(?:vốn\\s+)?(?=ngân sách|NS)");

	private static final Pattern NSNN = Pattern.compile("(?<![\\p{L}])NSNN(?![\\p{L}])");

	private static final Pattern NS = Pattern.compile("(?<![\\p{L}])NS(?![\\p{L}])");

	private static final Pattern TW = Pattern.compile("(?<![\\p{L}])TW(?![\\p{L}])");

	private static final Pattern DN = Pattern.compile("(?<![\\p{L}])DN(?![\\p{L}])");

	private FundingExtractor() {
	}

	static List<Funding> extract(List<Block> blocks, int fromBlock) {
		List<Funding> out = new ArrayList<>();
		boolean inBreakdown = false;
		// Đồng per figure of a table whose unit is stated once; 0 when no money table is open.
		long tableUnit = 0;
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			String t = b.text();
			if (b.distributionList()) {
				break;
			}
			if (t.indexOf('|') >= 0 && tableUnit > 0) {
				Funding row = tableRow(t, tableUnit);
				if (row != null) {
					out.add(row);
					continue;
				}
				if (hasDigit(t) && !TOTAL_CELL.matcher(t).find()) {
					continue;
				}
			}
			if (tableUnit > 0 && t.indexOf('|') < 0) {
				tableUnit = 0;
			}
			if (!inBreakdown && !hasDigit(t) && !mayContainBreakdownCue(t) && t.indexOf('(') < 0 && t.indexOf(':') < 0) {
				continue;
			}
			long unit = tableUnit(t);
			if (unit > 0 && mentionsMoneySource(t)) {
				tableUnit = unit;
				inBreakdown = false;
				continue;
			}
			if (!inBreakdown && !hasDigit(t) && !mayContainBreakdownCue(t)) {
				continue;
			}
			if (inBreakdown) {
				Funding row = row(t);
				if (row != null) {
					out.add(row);
					continue;
				}
				if (TOTAL.matcher(t).find() && !MoneyParser.findAll(t).isEmpty()) {
					continue;
				}
				inBreakdown = false;
			}
			boolean context = mentionsMoneySource(t);
			if (!context || MoneyParser.findAll(t).isEmpty() && !ENDS_WITH_BREAKDOWN.matcher(t).find()) {
				if (t.contains("|") && context) {
					inBreakdown = true;
				}
				continue;
			}
			Matcher after = SPLIT_AFTER.matcher(t);
			if (after.find()) {
				String rest = t.substring(after.end()).strip();
				if (rest.isEmpty()) {
					inBreakdown = true;
					continue;
				}
				for (String part : PART_SEPARATOR.split(rest)) {
					Funding row = row(part);
					if (row != null) {
						out.add(row);
					}
				}
				inBreakdown = true;
			}
			else if (t.contains("|")) {
				inBreakdown = true;
			}
		}
		return out;
	}

	/** The multiplier a table's unit note gives ("ĐVT: triệu đồng" → 1 000 000), 0 when the text states none. */
	private static long tableUnit(String t) {
		if (!t.contains("đ") && !t.contains("Đ")) {
			return 0;
		}
		Matcher m = TABLE_UNIT.matcher(t);
		if (!m.find()) {
			return 0;
		}
		String u = m.group("u1") != null ? m.group("u1") : m.group("u2");
		if (u == null) {
			return 1;
		}
		return switch (u.toLowerCase().replace(".", "")) {
			case "tỷ", "tỉ" -> 1_000_000_000L;
			case "triệu", "tr" -> 1_000_000L;
			default -> 1_000L;
		};
	}

	/**
	 * A row of a money table: "| 2 | Vốn lồng ghép | 4.000 |" → the first cell with words (an index cell skipped) and
	 * the first figure after it, in the table's unit. Totals are not a source.
	 */
	private static Funding tableRow(String t, long unit) {
		String label = null;
		for (String raw : t.split("\\|")) {
			String cell = raw.strip();
			if (cell.isEmpty() || label == null && ROW_INDEX.matcher(cell).matches()) {
				continue;
			}
			if (label == null) {
				if (!Character.isLetter(cell.charAt(0)) || TOTAL.matcher(cell).find()) {
					return null;
				}
				label = cell;
				continue;
			}
			if (PLAIN_NUMBER.matcher(cell).matches()) {
				java.math.BigDecimal value = MoneyParser.number(cell).multiply(java.math.BigDecimal.valueOf(unit));
				return new Funding(sourceName(label), value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
			}
			List<MoneyParser.Amount> amounts = MoneyParser.findAll(cell);
			if (!amounts.isEmpty()) {
				return new Funding(sourceName(label), amounts.get(0).dong());
			}
		}
		return null;
	}

	/** Whether the text may hold "trong đó" or "gồm:", which can open a breakdown written on the following lines. */
	private static boolean mayContainBreakdownCue(String t) {
		return TextNormalizer.mayContainLowerCased(t, "trong đó") && t.toLowerCase().contains("trong đó")
				|| t.indexOf(':') >= 0 && TextNormalizer.mayContainLowerCased(t, "gồm");
	}

	private static boolean mentionsMoneySource(String text) {
		String lower = TextNormalizer.lowerSameLength(text);
		for (String word : CONTEXT_WORDS) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasDigit(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isDigit(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static Funding row(String text) {
		String t = TRAILING_STOPS.matcher(text.strip()).replaceAll("").strip();
		Matcher m = SOURCE_ROW.matcher(t);
		if (!m.find()) {
			return null;
		}
		String label = TRAILING_BAR_OR_COLON.matcher(m.group("label")).replaceAll("");
		label = TRAILING_LA.matcher(label).replaceAll("").strip();
		if (label.isEmpty() || TOTAL.matcher(label).find() || WHITESPACE_RUN.split(label).length > 24) {
			return null;
		}
		List<MoneyParser.Amount> amounts = MoneyParser.findAll(m.group("amount"));
		if (amounts.isEmpty()) {
			return null;
		}
		return new Funding(sourceName(label), amounts.get(0).dong());
	}

	static String sourceName(String label) {
		String s = SOURCE_PREFIX.matcher(label).replaceAll("");
		s = NSNN.matcher(s).replaceAll("Ngân sách nhà nước");
		s = NS.matcher(s).replaceAll("Ngân sách");
		s = TW.matcher(s).replaceAll("Trung ương");
		s = DN.matcher(s).replaceAll("Doanh nghiệp");
		s = WHITESPACE_RUN.matcher(s).replaceAll(" ").strip();
		return s.isEmpty() ? label : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
