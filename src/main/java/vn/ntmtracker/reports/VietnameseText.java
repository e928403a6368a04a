package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.Locale;

/** How official documents write dates, numbers and names (NĐ 30/2020/NĐ-CP, Phụ lục I). */
final class VietnameseText {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private VietnameseText() {
	}

	/**
	 * "Cẩm Xuyên, ngày 05 tháng 02 năm 2026": days 1–9 and months 1–2 take a leading zero. A document not yet signed
	 * leaves the day and month blank for the signer to write in: "Cẩm Xuyên, ngày      tháng      năm 2024".
	 */
	static String placeAndDate(String place, LocalDate date, int year) {
		String prefix = place == null || place.isBlank() ? "" : place.strip() + ", ";
		if (date == null) {
			return prefix + "ngày      tháng      năm " + year;
		}
		String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
		String month = date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
		return prefix + "ngày " + day + " tháng " + month + " năm " + date.getYear();
	}

	/** "25/3/2024", as dates are written in running text. */
	static String date(LocalDate date) {
		return date == null ? "" : date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
	}

	/** "31.003.700.000". */
	static String money(long amount) {
		String digits = Long.toString(Math.abs(amount));
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				out.append('.');
			}
			out.append(digits.charAt(i));
		}
		return (amount < 0 ? "-" : "") + out;
	}

	/** "1,25" for a decimal share. */
	static String decimal(double value, int places) {
		String text = String.format(Locale.ROOT, "%." + places + "f", value);
		if (places > 0) {
			text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
		}
		return text.replace('.', ',');
	}

	static String upper(String text) {
		return text == null ? "" : text.toUpperCase(VIETNAMESE);
	}

	/** "xã Cẩm Quang" → "Xã Cẩm Quang" at the start of a sentence. */
	static String capitalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return text.substring(0, 1).toUpperCase(VIETNAMESE) + text.substring(1);
	}

	/** A sequence number as printed: below 10 with a leading zero ("06"). */
	static String sequence(int number) {
		return number < 10 ? "0" + number : Integer.toString(number);
	}
}
