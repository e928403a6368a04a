package vn.ntmtracker.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds deadlines in Vietnamese administrative prose. A date only counts as a deadline when the wording makes it one
 * ("trước ngày 25/3/2024", "trong tháng 5/2023", "đến hết năm 2024"); reference dates of other documents, meeting
 * dates, start dates ("từ đầu quý II") and reporting cut-offs ("số liệu tính đến 31/12") do not. Periods resolve to
 * their last day; a day without a year takes the document's year; a superseded deadline ("lùi thời hạn đến …") gives
 * way to the new one.
 */
final class DeadlineParser {

	/** {@code start}/{@code end} delimit {@code text} (the wording kept as deadline_text) in the searched string. */
	record Deadline(LocalDate date, String text, int start, int end) {
	}

	// Patterns are written in lower case and run on a lower-cased copy of the same length: case-insensitive Unicode
	// matching costs several times more and this parser runs on every clause.
	private static final int F = 0;

	private static final Pattern ATOM = Pattern.compile("(?=\\d|ngày\\s+\\d|tháng\\s+\\d|quý\\s|năm\\s+\\d|cuối\\s)(?:(?<fullv>ngày\\s+(?<fd>\\d{1,2})\\s+tháng\\s+(?<fm>\\d{1,2})\\s+năm\\s+(?<fy>\\d{4}))"
			+ "|(?<fulln>(?<![\\d/.])(?<nd>\\d{1,2})\\s*(?<sep>[/.-])\\s*(?<nm>\\d{1,2})\\s*\\k<sep>\\s*(?<ny>\\d{4})(?!\\d))"
			+ "|(?<half>6\\s+tháng\\s+(?<hpart>đầu|cuối)\\s+năm\\s+(?<hy>\\d{4}))"
			+ "|(?<month>(?<mend>cuối\\s+)?tháng\\s+(?<mm>\\d{1,2})\\s*(?:/|năm)\\s*(?<my>\\d{4}))"
			+ "|(?<quarter>(?<qend>cuối\\s+)?quý\\s+(?<q>iv|i{1,3}|[1-4])\\s*(?:/|năm)\\s*(?<qy>\\d{4}))"
			+ "|(?<year>(?<yend>cuối\\s+)?năm\\s+(?<yy>\\d{4})(?![\\d]|\\s*[-–]\\s*\\d))"
			+ "|(?<yearend>cuối\\s+năm(?!\\s+\\d))"
			+ "|(?<dm>(?<![\\d/.,])(?<dd>\\d{1,2})/(?<dmm>\\d{1,2})(?![/\\d]|[.,]\\d)))", F);

	private static final Pattern TRIGGER = Pattern.compile("(?<trig>trước|đến hết|đến|tới|hết|trong|vào|không quá|muộn nhất"
			+ "|chậm nhất(?:\\s+là|\\s+vào)?|xong|hoàn thành(?:\\s+vào)?|hạn(?:\\s+chót|\\s+cuối)?\\s*:?|thời hạn(?:\\s+hoàn thành)?\\s*:?)(?:\\s+ngày)?\\s*$",
			F);

	private static final Pattern YEAR_TRIGGER = Pattern
		.compile("(?<trig>trong|đến hết|hết|đến|trước|vào|chậm nhất|hoàn thành(?:\\s+trong|\\s+vào)?)\\s*$", F);

	private static final Pattern FOLLOWED_BY_COMPLETION = Pattern.compile("^\\s*(?:phải\\s+)?(?:hoàn thành|xong)", F);

	private static final Pattern START_NOT_END = Pattern.compile("(?:^|\\s)(?:từ|kể từ)\\s*(?:ngày\\s*)?(?:đầu\\s*|cuối\\s*)?$", F);

	private static final Pattern CUT_OFF = Pattern.compile("tính\\s+(?:đến|từ|tới)|số liệu|kỳ báo cáo|đến nay", F);

	// "cập nhật kết quả … đến hết tháng 6/2024": how far figures go, the reporting cut-off, not when to act.
	private static final Pattern UPDATED_TO = Pattern.compile("(?:cập nhật|lũy kế|luỹ kế|tổng hợp|thống kê)[^;.]{0,60}?(?:đến|tới)\\s*(?:hết\\s*)?(?:ngày\\s*)?$", F);

	// "Đề án phát triển sản xuất đến năm 2025", "nhiệm vụ thực hiện đến năm 2020": the period of a programme named in
	// the text, not a deadline of the task.
	private static final Pattern PERIOD_OF = Pattern.compile("(?:đề án|kế hoạch|chương trình|quy hoạch|chiến lược|giai đoạn|định hướng|tầm nhìn"
			+ "|phương hướng|nhiệm vụ|nghị quyết)(?:(?!hoàn thành|xong)[^;:.]){0,80}?(?:đến|tới)\\s*$", F);

	// A year after "công nhận / đạt chuẩn / về đích" is the target of the programme, not the deadline of a task.
	private static final Pattern TARGET_CUE = Pattern.compile("công nhận|đạt chuẩn|về đích", F);

	private static final Pattern NOT_A_DATE_AFTER = Pattern
		.compile("^\\s*(?:tiêu chí|chỉ tiêu|thôn|bản|xã|hộ|điểm|%|người|km|m2|phòng|nhà|công trình|sản phẩm)", F);

	private static final Pattern SUPERSEDE = Pattern
		.compile("(?=[lgkđt])(?:lùi(?:\\s+thời)?(?:\\s+hạn)?|gia hạn|kéo dài(?:\\s+thời hạn)?|điều chỉnh(?:\\s+thời hạn)|thay vì|thay cho)", F);

	private static final Pattern RECURRING = Pattern.compile("(?:định kỳ\\s+)?(?:thứ\\s*\\d\\s+)?(?:hàng|hằng|mỗi)\\s+(?:tuần|tháng|quý|năm)"
			+ "(?:\\s*,\\s*(?:hàng\\s+|hằng\\s+)?(?:tuần|tháng|quý|năm))*"
			+ "|(?:theo\\s+)?từng\\s+(?:tuần|tháng|quý|năm)(?:\\s*,\\s*(?:tuần|tháng|quý|năm))*"
			// "định kỳ 6 tháng (một lần)", "định kỳ 03 tháng": the period is part of the wording; "định kỳ 6 tháng đầu
			// năm 2024" is a dated half-year instead, so the count is not taken before "đầu"/"cuối".
			+ "|định kỳ(?:\\s+hàng\\s+ngày"
			+ "|\\s+\\d{1,2}\\s+(?:tuần|tháng|năm)(?!\\s+(?:đầu|cuối))(?:\\s+(?:một|1)\\s+lần)?)?", F);

	private static final Pattern ROUTINE = Pattern.compile("(?<!chưa |không |thiếu )thường xuyên", F);

	private DeadlineParser() {
	}

	static List<Deadline> find(String original, int documentYear) {
		if (!mayHoldDate(original)) {
			return new ArrayList<>();
		}
		return findIn(original, TextNormalizer.lowerSameLength(original), documentYear);
	}

	/** {@code lower} is {@code original} lower-cased by {@link TextNormalizer#lowerSameLength}. */
	static List<Deadline> find(String original, String lower, int documentYear) {
		if (!mayHoldDate(original)) {
			return new ArrayList<>();
		}
		return findIn(original, lower, documentYear);
	}

	private static List<Deadline> findIn(String original, String text, int documentYear) {
		List<Deadline> found = new ArrayList<>();
		List<Integer> supersededBefore = new ArrayList<>();
		if (text.contains("lùi") || text.contains("hạn") || text.contains("kéo dài") || text.contains("thay ")) {
			Matcher sup = SUPERSEDE.matcher(text);
			while (sup.find()) {
				supersededBefore.add(sup.start());
			}
		}
		RegexScan atoms = new RegexScan(ATOM, text, DeadlineParser::mayStartAtom);
		Matcher m = atoms.matcher();
		while (atoms.find()) {
			LocalDate date = dateOf(m, documentYear);
			if (date == null) {
				continue;
			}
			int clauseStart = clauseStart(text, m.start());
			String before = text.substring(clauseStart, m.start());
			// START_NOT_END needs "từ"; CUT_OFF needs "tính", "số liệu", "kỳ báo cáo" or "đến nay".
			if (before.contains("từ") && START_NOT_END.matcher(before).find() || mayBeCutOff(before)
					&& CUT_OFF.matcher(before).find() || mayBeUpdate(before) && UPDATED_TO.matcher(before).find()) {
				continue;
			}
			boolean selfTriggering = m.group("yearend") != null || m.group("mend") != null || m.group("qend") != null
					|| m.group("yend") != null;
			boolean yearOnly = m.group("year") != null || m.group("yearend") != null;
			Matcher trigger = (yearOnly ? YEAR_TRIGGER : TRIGGER).matcher(before);
			int textStart;
			if (trigger.find()) {
				textStart = clauseStart + trigger.start("trig");
			}
			else if (selfTriggering || startsWith(FOLLOWED_BY_COMPLETION, text, m.end())) {
				textStart = m.start();
			}
			else {
				continue;
			}
			if (yearOnly && m.group("yend") == null && m.group("yearend") == null
					&& (text.startsWith("đến", textStart) || text.startsWith("tới", textStart))
					&& !text.startsWith("đến hết", textStart) && PERIOD_OF.matcher(text.substring(clauseStart, m.start())).find()) {
				continue;
			}
			if (yearOnly && m.group("yend") == null && m.group("yearend") == null) {
				String window = text.substring(Math.max(clauseStart, m.start() - 45), m.start());
				if (TARGET_CUE.matcher(window).find()) {
					continue;
				}
			}
			if (m.group("dm") != null && startsWith(NOT_A_DATE_AFTER, text, m.end())) {
				continue;
			}
			found.add(new Deadline(date, original.substring(textStart, m.end()), textStart, m.end()));
		}
		return dropSuperseded(text, found, supersededBefore);
	}

	/** Where ATOM's leading lookahead can hold: a digit or one of the words it names. */
	private static boolean mayStartAtom(String text, int i) {
		char c = text.charAt(i);
		return switch (c) {
			case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> true;
			case 'n' -> text.startsWith("ngày", i) || text.startsWith("năm", i);
			case 't' -> text.startsWith("tháng", i);
			case 'q' -> text.startsWith("quý", i);
			case 'c' -> text.startsWith("cuối", i);
			default -> false;
		};
	}

	/** Every RECURRING match opens with one of these words. */
	private static boolean mayStartRecurring(String text, int i) {
		return switch (text.charAt(i)) {
			case 'đ' -> text.startsWith("định kỳ", i);
			case 't' -> text.startsWith("thứ", i) || text.startsWith("theo", i) || text.startsWith("từng", i);
			case 'h' -> text.startsWith("hàng", i) || text.startsWith("hằng", i);
			case 'm' -> text.startsWith("mỗi", i);
			default -> false;
		};
	}

	private static boolean mayBeUpdate(String before) {
		return before.contains("cập nhật") || before.contains("kế") || before.contains("tổng hợp")
				|| before.contains("thống kê");
	}

	private static boolean mayBeCutOff(String before) {
		return before.contains("tính") || before.contains("số liệu") || before.contains("kỳ báo cáo")
				|| before.contains("đến nay");
	}

	/** Whether {@code pattern}, anchored with "^", matches the suffix from {@code from} (without copying it). */
	private static boolean startsWith(Pattern pattern, String text, int from) {
		return pattern.matcher(text).region(from, text.length()).find();
	}

	private static boolean mayHoldDate(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isDigit(text.charAt(i))) {
				return true;
			}
		}
		return text.contains("uối năm");
	}

	private static List<Deadline> dropSuperseded(String text, List<Deadline> found, List<Integer> keywords) {
		if (keywords.isEmpty() || found.size() < 2) {
			return found;
		}
		List<Deadline> kept = new ArrayList<>();
		for (Deadline d : found) {
			boolean superseded = false;
			for (int k : keywords) {
				String keyword = text.substring(k, Math.min(text.length(), k + 8));
				boolean laterExists = found.stream().anyMatch(o -> o.start() > k);
				if (keyword.startsWith("thay")) {
					// "thay vì ngày 31/3": the date right after the keyword is the old one.
					superseded |= d.start() > k && d.start() - k < 25;
				}
				else {
					superseded |= d.end() <= k && laterExists;
				}
			}
			if (!superseded) {
				kept.add(d);
			}
		}
		return kept;
	}

	private static int clauseStart(String text, int from) {
		int limit = Math.max(0, from - 80);
		for (int i = from - 1; i >= limit; i--) {
			char c = text.charAt(i);
			if (c == ';' || c == '\n' || (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
				return i + 1;
			}
		}
		return limit;
	}

	/** The date one temporal expression stands for, whatever words surround it ("quý II/2023" → 2023-06-30). */
	static Optional<LocalDate> parseExpression(String expression, int documentYear) {
		return readExpression(expression, documentYear).map(Dated::date);
	}

	/** A date and the length of the period it ends: "quý II/2023" is the quarter ending 2023-06-30. */
	record Dated(LocalDate date, DeadlineWording.Kind kind) {
	}

	/** The first date one temporal expression stands for, with the kind of period its wording names. */
	static Optional<Dated> readExpression(String expression, int documentYear) {
		Matcher m = ATOM.matcher(TextNormalizer.lowerSameLength(expression));
		while (m.find()) {
			LocalDate date = dateOf(m, documentYear);
			if (date != null) {
				return Optional.of(new Dated(date, kindOf(m)));
			}
		}
		return Optional.empty();
	}

	private static DeadlineWording.Kind kindOf(Matcher m) {
		if (m.group("half") != null) {
			return DeadlineWording.Kind.HALF_YEAR;
		}
		if (m.group("month") != null) {
			return DeadlineWording.Kind.MONTH;
		}
		if (m.group("quarter") != null) {
			return DeadlineWording.Kind.QUARTER;
		}
		if (m.group("year") != null || m.group("yearend") != null) {
			return DeadlineWording.Kind.YEAR;
		}
		return DeadlineWording.Kind.DATE;
	}

	private static LocalDate dateOf(Matcher m, int documentYear) {
		try {
			if (m.group("fullv") != null) {
				return LocalDate.of(year(m.group("fy")), num(m.group("fm")), num(m.group("fd")));
			}
			if (m.group("fulln") != null) {
				return LocalDate.of(year(m.group("ny")), num(m.group("nm")), num(m.group("nd")));
			}
			if (m.group("half") != null) {
				int y = year(m.group("hy"));
				return m.group("hpart").equalsIgnoreCase("đầu") ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31);
			}
			if (m.group("month") != null) {
				return YearMonth.of(year(m.group("my")), num(m.group("mm"))).atEndOfMonth();
			}
			if (m.group("quarter") != null) {
				int q = quarter(m.group("q"));
				return YearMonth.of(year(m.group("qy")), q * 3).atEndOfMonth();
			}
			if (m.group("year") != null) {
				return LocalDate.of(year(m.group("yy")), 12, 31);
			}
			if (m.group("yearend") != null) {
				return documentYear > 0 ? LocalDate.of(documentYear, 12, 31) : null;
			}
			if (m.group("dm") != null) {
				return documentYear > 0 ? LocalDate.of(documentYear, num(m.group("dmm")), num(m.group("dd"))) : null;
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static int num(String s) {
		return Integer.parseInt(s.strip());
	}

	private static int year(String s) {
		int y = num(s);
		if (y < 1990 || y > 2100) {
			throw new NumberFormatException("implausible year " + y);
		}
		return y;
	}

	private static int quarter(String q) {
		return switch (q.toUpperCase()) {
			case "I", "1" -> 1;
			case "II", "2" -> 2;
			case "III", "3" -> 3;
			default -> 4;
		};
	}

	/**
	 * The wording of a recurring or standing obligation ("thứ 7 hàng tuần", "định kỳ hàng tháng", "thường xuyên"),
	 * which has no single deadline; periodic wording wins over "thường xuyên".
	 */
	static Optional<String> recurrence(String original) {
		return recurrence(original, TextNormalizer.lowerSameLength(original));
	}

	/** {@code lower} is {@code original} lower-cased by {@link TextNormalizer#lowerSameLength}. */
	static Optional<String> recurrence(String original, String lower) {
		String text = lower;
		if (!text.contains("hàng ") && !text.contains("hằng ") && !text.contains("mỗi ") && !text.contains("từng ")
				&& !text.contains("định kỳ") && !text.contains("thường xuyên")) {
			return Optional.empty();
		}
		RegexScan recurring = new RegexScan(RECURRING, text, DeadlineParser::mayStartRecurring);
		if (recurring.find()) {
			Matcher m = recurring.matcher();
			return Optional.of(original.substring(m.start(), m.end()).strip());
		}
		RegexScan routine = new RegexScan(ROUTINE, text, (s, i) -> s.startsWith("thường xuyên", i));
		if (routine.find()) {
			Matcher r = routine.matcher();
			return Optional.of(original.substring(r.start(), r.end()));
		}
		return Optional.empty();
	}
}
