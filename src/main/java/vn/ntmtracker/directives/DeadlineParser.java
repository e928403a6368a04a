package vn.ntmtracker.directives;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.units.SearchKey;

/**
 * Reads a deadline as officials write it: "trước ngày 25/3/2024", "30/6/2024", "ngày 12 tháng 01 năm 2023",
 * "trong tháng 5/2023", "quý II/2023", "đến hết năm 2024", "hàng tuần", "hàng tháng", "hàng quý",
 * "thường xuyên". Matching ignores diacritics and case; the original wording is kept in the result.
 */
final class DeadlineParser {

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
	private static final Pattern WORDED_DATE = Pattern.compile("ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})");
	private static final Pattern MONTH = Pattern.compile("thang\\s+(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})");
	private static final Pattern QUARTER = Pattern.compile("quy\\s+(i{1,3}|iv|[1-4])\\s*(?:/|nam)\\s*(\\d{4})");
	private static final Pattern YEAR = Pattern.compile("nam\\s+(\\d{4})");

	private DeadlineParser() {
	}

	/** Empty wording means no deadline; wording that cannot be read gives empty. */
	static Optional<Deadline> parse(String wording) {
		String original = SearchKey.clean(wording);
		if (original == null || original.isEmpty()) {
			return Optional.of(Deadline.none());
		}
		String key = SearchKey.of(original);
		try {
			Matcher m = WORDED_DATE.matcher(key);
			if (m.find()) {
				return Optional.of(Deadline.on(date(m), original));
			}
			m = DAY_MONTH_YEAR.matcher(key);
			if (m.find()) {
				return Optional.of(Deadline.on(date(m), original));
			}
			m = MONTH.matcher(key);
			if (m.find()) {
				return Optional.of(Deadline.month(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), original));
			}
			m = QUARTER.matcher(key);
			if (m.find()) {
				return Optional.of(Deadline.quarter(Integer.parseInt(m.group(2)), quarter(m.group(1)), original));
			}
			if (key.contains("hang tuan")) {
				return Optional.of(Deadline.recurring(Deadline.Recurrence.WEEKLY, original));
			}
			if (key.contains("hang thang")) {
				return Optional.of(Deadline.recurring(Deadline.Recurrence.MONTHLY, original));
			}
			if (key.contains("hang quy")) {
				return Optional.of(Deadline.recurring(Deadline.Recurrence.QUARTERLY, original));
			}
			if (key.contains("thuong xuyen")) {
				return Optional.of(Deadline.recurring(Deadline.Recurrence.ONGOING, original));
			}
			m = YEAR.matcher(key);
			if (m.find()) {
				return Optional.of(Deadline.year(Integer.parseInt(m.group(1)), original));
			}
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static LocalDate date(Matcher m) {
		return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
	}

	private static int quarter(String text) {
		return switch (text) {
			case "i", "1" -> 1;
			case "ii", "2" -> 2;
			case "iii", "3" -> 3;
			default -> 4;
		};
	}
}
