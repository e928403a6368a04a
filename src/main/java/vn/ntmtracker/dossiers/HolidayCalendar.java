package vn.ntmtracker.dossiers;

import java.io.StringReader;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.ntmtracker.criteria.ValidationError;
import vn.ntmtracker.criteria.YamlNode;

/**
 * Vietnam's days off as data ({@code dossiers/holidays.yaml}): for each year the public holidays public servants take
 * (Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh and the days in lieu), and Saturdays worked in exchange. A deadline in
 * working days skips weekends and these days. For a year the file does not list, only the fixed solar holidays of the
 * Bộ luật Lao động 2019, Điều 112 (1/1, 30/4, 1/5, 2/9) are known and the result is marked estimated.
 */
final class HolidayCalendar {

	static final String FILE = "dossiers/holidays.yaml";

	record Holiday(LocalDate date, String name) {
	}

	private final Map<Integer, List<Holiday>> holidays;
	private final Set<LocalDate> days;
	private final Set<LocalDate> workingSaturdays;
	private final String source;

	private HolidayCalendar(Map<Integer, List<Holiday>> holidays, Set<LocalDate> workingSaturdays, String source) {
		this.holidays = holidays;
		this.workingSaturdays = workingSaturdays;
		this.source = source;
		this.days = new HashSet<>();
		holidays.values().forEach(list -> list.forEach(h -> days.add(h.date())));
	}

	static HolidayCalendar shipped() {
		return parse("holidays.yaml", ProcedureFiles.read(FILE));
	}

	/** The calendar, or a {@link ProcedureFileException} naming the file and key path of every problem. */
	static HolidayCalendar parse(String fileName, String yaml) {
		List<ValidationError> errors = new ArrayList<>();
		YamlNode root = YamlNode.root(new StringReader(Normalizer.normalize(yaml, Normalizer.Form.NFC)), errors);
		Map<Integer, List<Holiday>> byYear = new TreeMap<>();
		Set<LocalDate> saturdays = new HashSet<>();
		String source = null;
		if (root != null) {
			root.text("title", true);
			source = root.text("legalBasis", true);
			YamlNode provenance = root.child("provenance", true);
			if (provenance != null) {
				provenance.text("source", true);
				provenance.flag("verified");
				provenance.text("note", false);
				provenance.rejectUnknownKeys();
			}
			root.list("years", true, year -> {
				Integer number = year.integer("year", true);
				YamlNode yearProvenance = year.child("provenance", false);
				if (yearProvenance != null) {
					yearProvenance.text("source", true);
					yearProvenance.flag("verified");
					yearProvenance.text("note", false);
					yearProvenance.rejectUnknownKeys();
				}
				List<Holiday> list = year.list("holidays", true, day -> {
					LocalDate date = day.date("date", true);
					String name = day.text("name", true);
					if (date != null && number != null && date.getYear() != number) {
						day.errorAt("date", date + " is not in " + number);
					}
					return date == null ? null : new Holiday(date, name);
				});
				List<String> worked = year.texts("workingSaturdays");
				for (int i = 0; i < worked.size(); i++) {
					String text = worked.get(i);
					try {
						LocalDate saturday = LocalDate.parse(text);
						if (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
							year.errorAt("workingSaturdays[" + i + "]", text + " is not a Saturday");
						}
						saturdays.add(saturday);
					}
					catch (java.time.format.DateTimeParseException ex) {
						year.errorAt("workingSaturdays[" + i + "]", "expected a date (yyyy-mm-dd), got '" + text + "'");
					}
				}
				if (number != null) {
					if (byYear.putIfAbsent(number, list) != null) {
						year.errorAt("year", "duplicate year " + number);
					}
				}
				return number;
			});
			root.rejectUnknownKeys();
		}
		if (!errors.isEmpty()) {
			throw new ProcedureFileException(fileName, errors);
		}
		return new HolidayCalendar(byYear, saturdays, source);
	}

	/** Whether the file lists the days off of that year (otherwise dates are estimated from the fixed holidays only). */
	boolean knows(int year) {
		return holidays.containsKey(year);
	}

	boolean workingDay(LocalDate day) {
		if (workingSaturdays.contains(day)) {
			return true;
		}
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		if (knows(day.getYear())) {
			return !days.contains(day);
		}
		return !fixedHoliday(day);
	}

	/** The day on which {@code days} days counted from {@code start} end: working days or calendar days. */
	LocalDate plus(LocalDate start, int count, boolean workingDays) {
		if (!workingDays) {
			return start.plusDays(count);
		}
		LocalDate day = start;
		int left = count;
		while (left > 0) {
			day = day.plusDays(1);
			if (workingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/** Whether a deadline from {@code start} may have skipped days the file does not know (an estimate). */
	boolean estimated(LocalDate start, LocalDate end) {
		for (int year = start.getYear(); year <= end.getYear(); year++) {
			if (!knows(year)) {
				return true;
			}
		}
		return false;
	}

	List<Holiday> holidays(int year) {
		return Collections.unmodifiableList(holidays.getOrDefault(year, List.of()));
	}

	String source() {
		return source;
	}

	private static boolean fixedHoliday(LocalDate day) {
		int m = day.getMonthValue();
		int d = day.getDayOfMonth();
		return m == 1 && d == 1 || m == 4 && d == 30 || m == 5 && d == 1 || m == 9 && d == 2;
	}
}
