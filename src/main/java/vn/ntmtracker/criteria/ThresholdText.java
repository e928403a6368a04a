package vn.ntmtracker.criteria;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How thresholds read in Vietnamese: "70 %", "16,5 %", "39 triệu đồng/người/năm", "vùng TDMNPB", "nhóm 2", "chung",
 * dates as 28/7/2022; and the reverse for what a province types in a form or a sheet.
 */
public final class ThresholdText {

	private ThresholdText() {
	}

	/** "16,5": decimal comma, thousands with a dot. */
	public static String number(BigDecimal value) {
		if (value == null) {
			return "";
		}
		String plain = value.stripTrailingZeros().toPlainString();
		boolean negative = plain.startsWith("-");
		if (negative) {
			plain = plain.substring(1);
		}
		int dot = plain.indexOf('.');
		String whole = dot < 0 ? plain : plain.substring(0, dot);
		String fraction = dot < 0 ? "" : plain.substring(dot + 1);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				grouped.append('.');
			}
			grouped.append(whole.charAt(i));
		}
		return (negative ? "-" : "") + grouped + (fraction.isEmpty() ? "" : "," + fraction);
	}

	/** "70 %", "≤ 16,5 %" is not written here: the comparison belongs to the indicator's kind. */
	public static String value(Indicator indicator, BigDecimal value) {
		if (value == null) {
			return "";
		}
		if (indicator.kind() != null && indicator.kind().percent()) {
			return number(value) + " %";
		}
		return indicator.unit() == null ? number(value) : number(value) + " " + indicator.unit();
	}

	/** "vùng TDMNPB", "nhóm 2", "chung"; with ", năm 2024" when the value is for one year. */
	public static String key(Threshold threshold) {
		String key = threshold.region() != null ? "vùng " + threshold.region().abbreviation()
				: threshold.group() != null ? "nhóm " + threshold.group().number() : "chung";
		return threshold.year() == null ? key : key + ", năm " + threshold.year();
	}

	/** What the sheet and the form show in the "áp dụng cho" column: "Chung", "TDMNPB", "ĐBSH", "Nhóm 1". */
	public static String keyCell(Threshold threshold) {
		return threshold.region() != null ? threshold.region().abbreviation()
				: threshold.group() != null ? "Nhóm " + threshold.group().number() : GENERAL;
	}

	public static final String GENERAL = "Chung";

	/** 28/7/2022. */
	public static String date(LocalDate date) {
		return date == null ? "" : date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
	}

	/** "QĐ 1360/QĐ-UBND (28/7/2022), đã xác minh". */
	public static String source(Provenance provenance) {
		if (provenance == null) {
			return "";
		}
		return provenance.source() + (provenance.date() == null ? "" : " (" + date(provenance.date()) + ")")
				+ (provenance.verified() ? ", đã xác minh" : ", tạm tính");
	}

	/** Upper case without diacritics or spaces, đ as D: "vùng ĐBSH" → "VUNGDBSH". */
	static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return decomposed.replace('đ', 'd').replace('Đ', 'D').replaceAll("[\\s_.-]", "").toUpperCase(Locale.ROOT);
	}
}
