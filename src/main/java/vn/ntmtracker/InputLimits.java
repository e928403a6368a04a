package vn.ntmtracker;

import java.time.LocalDate;
import java.util.List;

/**
 * The bounds every module applies to what people type (ASVS V5.1.3): text lengths, money and dates. A limit broken
 * is named with the field, so that the page or the API can say exactly what to shorten; nothing is cut silently.
 */
public final class InputLimits {

	/** A name, code, person or body. */
	public static final int NAME = 200;
	/** A title, subject or short description. */
	public static final int TITLE = 1000;
	/** A note, evidence, reason, task description, directive text. */
	public static final int TEXT = 4000;
	/** Amounts are whole đồng from 0 to 10^15 (a million billion): sums of thousands of them cannot overflow. */
	public static final long MAX_MONEY = 1_000_000_000_000_000L;
	/** The earliest and latest dates the programme's records can carry. */
	public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private InputLimits() {
	}

	/** Adds "‹field› dài tối đa N ký tự (đang có M)" to problems when the text is longer than max. */
	public static void text(String field, String value, int max, List<String> problems) {
		if (value != null && value.length() > max) {
			problems.add(field + " dài tối đa " + group(max) + " ký tự (đang có " + group(value.length()) + ")");
		}
	}

	/** The message for an over-long text, or null. */
	public static String text(String field, String value, int max) {
		return value != null && value.length() > max
				? field + " dài tối đa " + group(max) + " ký tự (đang có " + group(value.length()) + ")" : null;
	}

	/** Adds a problem when the amount is negative or above {@link #MAX_MONEY}. */
	public static void money(String field, Long amount, List<String> problems) {
		if (amount == null) {
			return;
		}
		if (amount < 0) {
			problems.add(field + " không được âm");
		}
		else if (amount > MAX_MONEY) {
			problems.add(field + " vượt giới hạn " + group(MAX_MONEY) + " đồng");
		}
	}

	/** Adds a problem when the date lies outside 1990–2100. */
	public static void date(String field, LocalDate date, List<String> problems) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			problems.add(field + " phải trong khoảng 1990–2100 (đang là " + date.getDayOfMonth() + "/" + date.getMonthValue() + "/"
					+ date.getYear() + ")");
		}
	}

	/** Adds a problem when a date of something that happened lies after today. */
	public static void notFuture(String field, LocalDate date, LocalDate today, List<String> problems) {
		if (date != null && date.isAfter(today)) {
			problems.add(field + " chưa đến (" + date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear()
					+ "): chỉ ghi việc đã làm");
		}
	}

	private static String group(long number) {
		return String.format(java.util.Locale.ROOT, "%,d", number).replace(',', '.');
	}
}
