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

	private static final Pattern TOTAL = Pattern.compile("^(?:tổng|cộng|tổng cộng|tổng số|trong đó|tổng kinh phí|tổng nguồn)", F);

	private static final Pattern SOURCE_ROW = Pattern.compile("^(?<label>[^\\d:|]{1,60}?)\\s*(?:[:=|]|\\s+là)?\\s*(?<amount>\\d[\\d.,\\s]*\\s*"
			+ "(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|đ|vnđ|vnd)(?:[^\\p{L}].*)?)$", F);

	// Where the breakdown of a total starts: "trong đó(:)" or "(bao) gồm:" ("Tổng kinh phí dự kiến 23,6 tỷ đồng, gồm:
	// ngân sách Trung ương 15 tỷ đồng; …"). "gồm" needs its colon: "gồm các nguồn …" is not a breakdown yet.
	private static final Pattern SPLIT_AFTER = Pattern.compile("trong đó\\s*:?|(?<![\\p{L}])gồm\\s*:", F);

	private static final Pattern PART_SEPARATOR = Pattern.compile("\\s*;\\s*|,\\s+(?=\\D)");

	private static final Pattern TRAILING_STOPS = Pattern.compile("[;.]+$");

	private static final Pattern TRAILING_BAR_OR_COLON = Pattern.compile("[|:]+$");

	private static final Pattern TRAILING_LA = Pattern.compile("(?i)\\s+là$");

	private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

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
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			String t = b.text();
			if (b.distributionList()) {
				break;
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
		if (label.isEmpty() || TOTAL.matcher(label).find() || WHITESPACE_RUN.split(label).length > 10) {
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
