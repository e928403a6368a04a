package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.ValueKind;

/**
 * Turns what a person typed (form, API, spreadsheet cell) into typed indicator values. Free text never becomes
 * a number: "85,5" and "85.5" are 85.5 percent, "đạt"/"có"/"x" is yes, "KAD" or "không áp dụng" is not
 * applicable where the set allows it; anything else is an error naming the indicator.
 */
public final class ValueInput {

	/** One typed entry: the raw text and, for evidence-judged indicators, the evidence note. */
	public record Raw(String text, String evidence) {
	}

	private ValueInput() {
	}

	public static Map<String, IndicatorValue> parse(CriteriaSetDefinition set, Map<String, Raw> input) {
		Map<String, IndicatorValue> values = new LinkedHashMap<>();
		List<InvalidValuesException.Problem> problems = new ArrayList<>();
		for (var entry : input.entrySet()) {
			Indicator indicator = set.indicator(entry.getKey()).orElse(null);
			if (indicator == null) {
				problems.add(new InvalidValuesException.Problem(entry.getKey(), "Bộ tiêu chí " + set.code() + " không có chỉ tiêu " + entry.getKey()));
				continue;
			}
			String text = entry.getValue().text() == null ? "" : Normalizer.normalize(entry.getValue().text(), Normalizer.Form.NFC).trim();
			if (text.isEmpty()) {
				continue;
			}
			try {
				values.put(indicator.code(), parse(indicator, text, entry.getValue().evidence()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidValuesException.Problem(indicator.code(), ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValuesException(problems);
		}
		return values;
	}

	/** A dot followed by groups of exactly three digits: thousands separators ("1.250.000,5"). */
	private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	/**
	 * A spreadsheet's number cell, stored as a plain decimal with a dot ("85.5", "1.25E-2"): read as that number for
	 * numeric indicators (no thousands-separator guessing, which is for typed text); for yes/no and evidence
	 * indicators read as typed ("1" is đạt).
	 */
	static IndicatorValue parseStoredNumber(Indicator indicator, String stored) {
		ValueKind kind = indicator.kind();
		if (kind == ValueKind.BOOLEAN || kind == ValueKind.TEXT_EVIDENCE) {
			return parse(indicator, stored.replace('.', ','), null);
		}
		BigDecimal number;
		try {
			number = new BigDecimal(stored.strip());
		}
		catch (NumberFormatException ex) {
			// not a stored number after all: read as typed text
			return parse(indicator, stored.replace('.', ','), null);
		}
		return checked(indicator, kind, number, stored.replace('.', ','));
	}

	static IndicatorValue parse(Indicator indicator, String text, String evidence) {
		char first = text.isEmpty() ? ' ' : text.charAt(0);
		boolean numeric = (first >= '0' && first <= '9') || first == '-';
		ValueKind kind = indicator.kind();
		if (numeric && kind != ValueKind.BOOLEAN && kind != ValueKind.TEXT_EVIDENCE) {
			return number(indicator, kind, text);
		}
		String key = searchKey(text);
		if (key.equals("kad") || key.equals("khong ap dung") || key.equals("n/a")) {
			if (!indicator.notApplicableAllowed()) {
				throw new IllegalArgumentException("Chỉ tiêu " + indicator.code() + " không được ghi \"không áp dụng\" (bộ tiêu chí không ghi \"nếu có\")");
			}
			return IndicatorValue.NOT_APPLICABLE;
		}
		return switch (kind) {
			case BOOLEAN -> new IndicatorValue.YesNo(yesNo(indicator, key, text));
			case TEXT_EVIDENCE -> {
				boolean achieved = yesNo(indicator, key, text);
				String note = evidence == null ? "" : evidence.trim();
				yield new IndicatorValue.Evidence(note.isEmpty() ? text : note, achieved);
			}
			default -> number(indicator, kind, text);
		};
	}

	/** Keys of the words typed most ("Đạt", "Không đạt", "x", "KAD"): a workbook repeats a few words thousands of times. */
	private static final java.util.concurrent.ConcurrentHashMap<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int MAX_KEYS = 256;

	private static String searchKey(String text) {
		String key = KEYS.get(text);
		if (key == null) {
			key = vn.ntmtracker.units.SearchKey.of(text);
			if (text.length() <= 20 && KEYS.size() < MAX_KEYS) {
				KEYS.put(text, key);
			}
		}
		return key;
	}

	/** The value of a numeric indicator, each cell parsed once. */
	private static IndicatorValue number(Indicator indicator, ValueKind kind, String text) {
		String digits = kind == ValueKind.PERCENT_AT_LEAST || kind == ValueKind.PERCENT_AT_MOST ? text.replace("%", "").trim() : text;
		return checked(indicator, kind, number(indicator, digits), text);
	}

	/** A number for a numeric indicator, checked against the kind's range; {@code text} is what the error quotes. */
	private static IndicatorValue checked(Indicator indicator, ValueKind kind, BigDecimal number, String text) {
		return switch (kind) {
			case BOOLEAN, TEXT_EVIDENCE -> throw new IllegalStateException(kind + " is not numeric");
			case COUNT_MUST_BE_ZERO -> {
				if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
					throw new IllegalArgumentException("Chỉ tiêu " + indicator.code() + " cần một số đếm nguyên không âm, không phải \"" + text + "\"");
				}
				yield new IndicatorValue.Count(number.longValueExact());
			}
			case PERCENT_AT_LEAST, PERCENT_AT_MOST -> {
				if (number.signum() < 0 || number.compareTo(HUNDRED) > 0) {
					throw new IllegalArgumentException("Chỉ tiêu " + indicator.code() + " là tỷ lệ phần trăm: phải từ 0 đến 100, không phải " + text);
				}
				yield new IndicatorValue.Percent(number);
			}
			case AMOUNT_AT_LEAST, AREA_PER_PERSON_AT_LEAST -> {
				if (number.signum() < 0) {
					throw new IllegalArgumentException("Chỉ tiêu " + indicator.code() + " không nhận số âm: " + text);
				}
				yield new IndicatorValue.Amount(number);
			}
		};
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static boolean yesNo(Indicator indicator, String key, String text) {
		return switch (key) {
			case "dat", "co", "x", "yes", "true", "1" -> true;
			case "khong dat", "chua dat", "khong", "no", "false", "0" -> false;
			default -> throw new IllegalArgumentException("Chỉ tiêu " + indicator.code() + " cần \"Đạt\" hoặc \"Không đạt\", không phải \"" + text + "\"");
		};
	}

	/** Vietnamese decimals use a comma; a dot followed by exactly three digits is a thousands separator. */
	private static BigDecimal number(Indicator indicator, String text) {
		String cleaned = text.replace(" ", "");
		if (cleaned.indexOf('.') > 0 && THOUSANDS.matcher(cleaned).matches()) {
			cleaned = cleaned.replace(".", "");
		}
		cleaned = cleaned.replace(',', '.');
		try {
			return new BigDecimal(cleaned);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Chỉ tiêu " + indicator.code() + " cần một số, không phải \"" + text + "\"");
		}
	}

	/** How a stored value is shown back in a form field. */
	public static String format(IndicatorValue value) {
		if (value == null) {
			return "";
		}
		if (value instanceof IndicatorValue.YesNo yesNo) {
			return yesNo.yes() ? "Đạt" : "Không đạt";
		}
		if (value instanceof IndicatorValue.Evidence evidence) {
			return evidence.achieved() ? "Đạt" : "Không đạt";
		}
		if (value instanceof IndicatorValue.Percent percent) {
			return percent.value().stripTrailingZeros().toPlainString().replace('.', ',');
		}
		if (value instanceof IndicatorValue.Amount amount) {
			return amount.value().stripTrailingZeros().toPlainString().replace('.', ',');
		}
		if (value instanceof IndicatorValue.Count count) {
			return Long.toString(count.value());
		}
		return "KAD";
	}
}
