package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a user's open deadlines as iCalendar (RFC 5545): one all-day event per directive on the due day
 * in force. Text is escaped and lines folded at 75 octets as the RFC requires.
 */
final class ICalFeed {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private ICalFeed() {
	}

	static String render(List<DirectiveRow> rows, OffsetDateTime now) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//NTM Tracker//Nhiem vu//VI");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "X-WR-CALNAME:" + escape("Hạn nhiệm vụ NTM"));
		String stamp = now.withOffsetSameInstant(ZoneOffset.UTC).format(STAMP);
		for (DirectiveRow row : rows) {
			LocalDate due = row.due();
			line(out, "BEGIN:VEVENT");
			line(out, "UID:directive-" + row.id() + "@ntm-tracker");
			line(out, "DTSTAMP:" + stamp);
			line(out, "DTSTART;VALUE=DATE:" + due.format(DAY));
			line(out, "DTEND;VALUE=DATE:" + due.plusDays(1).format(DAY));
			line(out, "SUMMARY:" + escape((row.documentNumber() == null ? "" : row.documentNumber() + " ") + row.text()));
			line(out, "DESCRIPTION:" + escape("Chủ trì: " + row.leadName() + ". Thời hạn: " + row.deadlineWording()));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
	}

	/** Folds a content line into chunks of at most 75 octets of UTF-8, never splitting a character. */
	private static void line(StringBuilder out, String text) {
		int octets = 0;
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < text.length(); ) {
			int cp = text.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append(current).append("\r\n ");
				current.setLength(0);
				octets = 1;
			}
			current.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append(current).append("\r\n");
	}
}
