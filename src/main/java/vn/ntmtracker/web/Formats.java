package vn.ntmtracker.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Vietnamese formats for templates ({@code ${@fmt.date(d)}}): dates as 25/3/2024, money as
 * 1.250.000.000, decimals with a comma.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm");
	private static final ZoneId VIETNAM = vn.ntmtracker.TimeConfiguration.VIETNAM;

	/**
	 * A share as a whole percentage 0–100, for the width classes of app.css ({@code w-37}): the pages carry no
	 * inline style, so the Content Security Policy needs no 'unsafe-inline'.
	 */
	public int pct(Number value) {
		if (value == null) {
			return 0;
		}
		long rounded = Math.round(value.doubleValue());
		return (int) Math.max(0, Math.min(100, rounded));
	}

	public String date(LocalDate date) {
		return date == null ? "" : date.format(DATE);
	}

	public String dateTime(OffsetDateTime time) {
		return time == null ? "" : time.atZoneSameInstant(VIETNAM).format(DATE_TIME);
	}

	public String money(Number amount) {
		if (amount == null) {
			return "";
		}
		return decimalFormat("#,##0").format(amount);
	}

	public String decimal(BigDecimal value) {
		if (value == null) {
			return "";
		}
		return decimalFormat("#,##0.##").format(value);
	}

	/** "hiện nay" / "now" is left to the template; this gives "1/1/2020 – 30/6/2025". */
	public String period(LocalDate from, LocalDate to, String openEnd) {
		return date(from) + " – " + (to == null ? openEnd : date(to));
	}

	private static DecimalFormat decimalFormat(String pattern) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat(pattern, symbols);
	}
}
