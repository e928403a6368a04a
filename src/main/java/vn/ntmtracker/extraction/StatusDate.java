package vn.ntmtracker.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;

/**
 * The date a document's stated standing refers to when its header gives none: the day of the working session or
 * review told in its opening ("Thực hiện chương trình công tác tháng 3 năm 2023, ngày 10 tháng 3 năm 2023, Ban Thường
 * vụ Huyện ủy làm việc với …"), in words or in figures. The date of another document cited there ("Quyết định số 12
 * ngày 5/3/2023 của …") is not it.
 */
final class StatusDate {

	private static final Pattern DAY = Pattern.compile("(?<![\\p{L}\\d])ngày\\s+(?<d>\\d{1,2})(?:\\s+tháng\\s+|\\s*[/.-]\\s*)(?<m>\\d{1,2})"
			+ "(?:\\s+năm\\s+|\\s*[/.-]\\s*)(?<y>\\d{4})(?!\\d)(?=(?<after>.{0,12}))", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	// "số 381-TB/HU ngày 7/4/2023", "Kế hoạch số 12/KH-UBND, ngày …": a reference to another document.
	private static final Pattern CITED = Pattern.compile("(?:số\\s*:?\\s*\\S+|/\\S+)\\s*,?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private StatusDate() {
	}

	static LocalDate inOpening(List<Block> blocks, int from) {
		for (int i = from; i < Math.min(blocks.size(), from + 3); i++) {
			String t = blocks.get(i).text();
			if (!t.contains("ngày")) {
				continue;
			}
			Matcher m = DAY.matcher(t);
			while (m.find()) {
				String before = t.substring(Math.max(0, m.start() - 40), m.start());
				if (CITED.matcher(before).find() || m.group("after").strip().startsWith("của")) {
					continue;
				}
				try {
					return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
							Integer.parseInt(m.group("d")));
				}
				catch (DateTimeException ex) {
					continue;
				}
			}
		}
		return null;
	}
}
