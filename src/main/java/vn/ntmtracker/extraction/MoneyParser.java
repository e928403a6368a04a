package vn.ntmtracker.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money as Vietnamese documents write them, converted to đồng: "31.003.700.000 đồng", "13.055.000.000 đ",
 * "1,25 tỷ", "850 triệu", "12.500 triệu đồng", "1 tỷ 250 triệu". Dots or commas in groups of three are thousands
 * separators; otherwise a comma (or a lone dot) is the decimal mark.
 */
final class MoneyParser {

	record Amount(long dong, int start, int end) {
	}

	private static final String NUMBER = "\\d{1,3}(?:[.,]\\d{3})+(?![\\d])|\\d+(?:[.,]\\d+)?";

	private static final String UNIT = "tỷ|tỉ|triệu|tr(?=\\.?\\s*đ)|nghìn|ngàn|đồng|đ|vnđ|vnd";

	private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.,])(?<n1>" + NUMBER + ")\\s*(?<u1>" + UNIT + ")(?![\\p{L}])"
			+ "(?:\\s*(?<n2>\\d{1,3}(?:[.,]\\d{3})*)\\s*(?<u2>triệu|nghìn|ngàn)(?![\\p{L}]))?"
			+ "(?:\\s*(?:đồng|đ|vnđ|vnd)(?![\\p{L}]))?");

	private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");

	private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(?:,\\d{3})+");

	private MoneyParser() {
	}

	static List<Amount> findAll(String text) {
		List<Amount> amounts = new ArrayList<>();
		// Units are matched in lower case on a copy of the same length ("VNĐ", "Tỷ").
		Matcher m = AMOUNT.matcher(TextNormalizer.lowerSameLength(text));
		while (m.find()) {
			BigDecimal value = number(m.group("n1")).multiply(multiplier(m.group("u1")));
			if (m.group("n2") != null) {
				value = value.add(number(m.group("n2")).multiply(multiplier(m.group("u2"))));
			}
			amounts.add(new Amount(value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(), m.start(), m.end()));
		}
		return amounts;
	}

	/** The first amount in the text, in đồng. */
	static Optional<Long> parse(String text) {
		List<Amount> all = findAll(text);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).dong());
	}

	static BigDecimal number(String raw) {
		String s = raw.strip();
		if (DOT_GROUPS.matcher(s).matches()) {
			return new BigDecimal(s.replace(".", ""));
		}
		if (COMMA_GROUPS.matcher(s).matches()) {
			// "1,250 tỷ" is rare and "1,25 tỷ" common; groups of exactly three digits are read as thousands.
			return new BigDecimal(s.replace(",", ""));
		}
		return new BigDecimal(s.replace(',', '.'));
	}

	private static BigDecimal multiplier(String unit) {
		return switch (unit.toLowerCase()) {
			case "tỷ", "tỉ" -> BigDecimal.valueOf(1_000_000_000L);
			case "triệu", "tr" -> BigDecimal.valueOf(1_000_000L);
			case "nghìn", "ngàn" -> BigDecimal.valueOf(1_000L);
			default -> BigDecimal.ONE;
		};
	}
}
