package vn.ntmtracker.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.ExtractionDraft.DocType;

/**
 * The administrative header of a document (Nghị định 30/2020/NĐ-CP layout): issuing organ lines, "Số: 06/TB-BCĐ",
 * "Cẩm Xuyên, ngày … tháng … năm 2024", the type word and the summary line (trích yếu). Copies exported to text
 * often lose parts of it, so the issuer falls back to the title ("KẾT LUẬN CỦA …"), the body ("UBND xã … xây dựng
 * Kế hoạch") and the signature ("TM. …").
 */
final class DocumentHeaderParser {

	/** {@code page}: no administrative header at all (no number, date line or type word): a web page, a report. */
	record Header(DocType type, String number, LocalDate date, int year, String place, String issuer, String title,
			int titleBlock, int bodyStartBlock, boolean page) {

		Header(DocType type, String number, LocalDate date, int year, String place, String issuer, String title,
				int titleBlock, int bodyStartBlock) {
			this(type, number, date, year, place, issuer, title, titleBlock, bodyStartBlock, false);
		}
	}

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final int HEADER_BLOCKS = 18;

	// "Số: 06/TB-BCĐ", "Số 06/TB-BCĐ"; not "Số hiệu: …" of a legal site's metadata.
	private static final Pattern NUMBER = Pattern.compile("^Số\\s*(?::\\s*|\\s+(?=\\d))(?<n>[^\\s,|]*)", F);

	// The date line stands at the start of a line, of a table cell, or after the number on the same line; "Sáng ngày
	// 12/3, Đoàn … làm việc" in a sentence is no date line.
	private static final Pattern DATE_LINE = Pattern.compile("(?:^|\\|\\s*|^Số\\s*:?\\s*\\S+\\s+)(?:(?<place>[\\p{L} .'-]{2,40}?)\\s*,\\s*)?ngày\\s*(?<d>\\d{1,2})?"
			+ "\\s*(?:tháng|/)\\s*(?<m>\\d{1,2})?\\s*(?:năm|/)\\s*(?<y>\\d{4})(?=\\s*[|.)]?\\s*(?:$|\\|))", F);

	private static final Pattern TYPE_WORD = Pattern.compile("^(THÔNG BÁO|KẾ HOẠCH|NGHỊ QUYẾT|BÁO CÁO|QUYẾT ĐỊNH|CÔNG VĂN|TỜ TRÌNH"
			+ "|CHƯƠNG TRÌNH|ĐỀ ÁN|KẾT LUẬN|HƯỚNG DẪN|BIÊN BẢN|CHỈ THỊ|GIẤY MỜI)(?![\\p{L}])");

	private static final Pattern TITLE_OWNER = Pattern.compile("(?:^|\\s)CỦA\\s+(?<owner>[\\p{Lu}\\s\\-–]+?)(?=\\s+(?:\\p{Ll}|$)|$)");

	private static final Pattern BODY_ISSUER = Pattern.compile("(?<verb>xây dựng|ban hành)\\s+(?:kế hoạch|nghị quyết|quyết định|"
			+ "báo cáo|chương trình|đề án)|(?:thống nhất\\s+)?kết luận(?:\\s+như sau)?\\s*:|(?<tb>\\S)\\s+thông báo(?:\\s+kết luận)?\\s", F);

	private static final Pattern SIGNATURE = Pattern.compile("^(?:T/M|TM\\.?|KT\\.?|T/L|TL\\.?|Q\\.)\\s*(?<who>[\\p{Lu}\\s]+?)\\s*$");

	private static final Pattern LEVEL_END = Pattern.compile("(?:xã|huyện|tỉnh|phường|thị trấn|thị xã|thành phố)$", F);

	private static final Pattern PARENT_PLACE = Pattern.compile("(?<![\\p{L}])(?<level>XÃ|HUYỆN|TỈNH|PHƯỜNG|THỊ XÃ|THÀNH PHỐ)\\s+(?<name>[\\p{Lu}\\s]+)$");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.;,]+$");

	private static final Pattern NUMBER_WITH_CODE = Pattern.compile("\\d+.*[A-ZĐ].*");

	private static final Pattern LEADING_NUMBER = Pattern.compile("^(?:Số\\s*:?\\s*\\S+\\s+)");

	private static final Pattern NOT_TITLE = Pattern
		.compile("(?s)^(?:Căn cứ|Ngày \\d|Sau khi|Để |Kính gửi|Thực hiện .*;$|Thực hiện .{250,}).*");

	private static final Pattern ENDS_LIKE_SENTENCE = Pattern.compile("(?s).*[.;:]$");

	private static final Pattern NATIONAL_MOTTO = Pattern.compile("(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN).*$");

	/** The words of the national motto, which a table or a PDF may break over several lines. */
	private static final java.util.Set<String> MOTTO_WORDS = java.util.Set.of("CỘNG", "HÒA", "HOÀ", "XÃ", "HỘI", "CHỦ",
			"NGHĨA", "VIỆT", "NAM", "ĐẢNG", "SẢN");

	// Where an organ name starts in an upper-case header line; anything else continues the line above ("TỈNH BÌNH" /
	// "PHƯỚC", "HỘI" / "ĐỒNG NHÂN DÂN").
	private static final Pattern ORGAN_WORD = Pattern.compile("^(?:ỦY BAN|UỶ BAN|UBND|UB |HỘI|HĐND|SỞ|BỘ|BAN|BCĐ|BQL|ĐẢNG"
			+ "|HUYỆN ỦY|HUYỆN UỶ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|THỊ ỦY|THỊ UỶ|PHÒNG|VĂN PHÒNG|CHI BỘ|MẶT TRẬN|MTTQ"
			+ "|ĐOÀN|TRUNG TÂM|CHÍNH PHỦ|THỦ TƯỚNG|TỔ |CÔNG AN|CỤC|CHI CỤC|TRƯỜNG|THƯỜNG TRỰC)(?![\\p{L}])");

	private static final Pattern DASH_RUN = Pattern.compile("[-_=]{3,}");

	// "Thứ Hai, 15/06/2020", "THỨ 3, Ngày 16/07/2024": a weekday in front of a date.
	private static final Pattern WEEKDAY = Pattern.compile("(?:^|\\s)(?:thứ\\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)\\s*[,-]?\\s*(?:ngày\\s*)?$", F);

	private static final Pattern POSTED = Pattern.compile("(?:ngày đăng|đăng ngày|ngày xuất bản|cập nhật|ngày cập nhật)\\s*:?\\s*$", F);

	// A calendar date written with '/', '.' or '-' (day first, or month first when the day would be over 12).
	private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d/.-])(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<y>(?:19|20)\\d{2})(?![\\d/.-])");

	private static final Pattern CLOCK = Pattern.compile("\\d{1,2}:\\d{2}");

	// "Ủy ban nhân dân xã Cát Vân xây dựng kế hoạch … với các nội dung sau:": a page that introduces itself as a plan.
	private static final Pattern SELF_INTRODUCTION = Pattern.compile("(?:xây dựng|ban hành)\\s+(?<kind>kế hoạch|nghị quyết|báo cáo|quyết định)"
			+ "(?![\\p{L}])[^.:]{0,240}?(?:với|gồm)\\s+(?:các|những)\\s+nội dung", F);

	private static final Pattern PLACE_LINE = Pattern.compile("^(?:XÃ|HUYỆN|TỈNH|PHƯỜNG|THỊ TRẤN|THỊ XÃ|THÀNH PHỐ|QUẬN)\\s.*");

	private static final Pattern WORD_BEFORE_ORGAN = Pattern
		.compile("^(?:\\p{L}+\\s+)?(?=Ban |Ủy ban|UBND|Đảng ủy|Thường trực|Hội đồng)");

	private static final Pattern REPEATED_BAN = Pattern.compile("^(?:Ban\\s+)+(?=Ban )");

	private static final Map<String, DocType> TYPES = new HashMap<>();

	static {
		TYPES.put("KẾ HOẠCH", DocType.KE_HOACH);
		TYPES.put("NGHỊ QUYẾT", DocType.NGHI_QUYET);
		TYPES.put("BÁO CÁO", DocType.BAO_CAO);
		TYPES.put("QUYẾT ĐỊNH", DocType.QUYET_DINH);
	}

	private DocumentHeaderParser() {
	}

	static Header parse(List<Block> blocks) {
		int start = headerStart(blocks);
		int limit = Math.min(blocks.size(), start + HEADER_BLOCKS);
		String number = null;
		LocalDate date = null;
		int year = 0;
		String place = null;
		int titleBlock = -1;
		int numberBlock = -1;
		int dateBlock = -1;
		for (int i = start; i < limit; i++) {
			String line = line(blocks.get(i));
			// A table cell or a PDF line may stop right after "Số:" or "…, ngày": the rest is on the next line.
			if (i + 1 < blocks.size() && (line.endsWith("Số:") || line.endsWith("ngày") || line.endsWith("Số"))) {
				line = line + " " + line(blocks.get(i + 1));
			}
			Matcher n = NUMBER.matcher(line);
			if (number == null && numberBlock < 0 && titleBlock < 0 && n.find()) {
				numberBlock = i;
				String candidate = TRAILING_PUNCTUATION.matcher(n.group("n")).replaceAll("");
				number = NUMBER_WITH_CODE.matcher(candidate).matches() ? candidate : null;
			}
			Matcher d = DATE_LINE.matcher(line);
			if (dateBlock < 0 && titleBlock < 0 && d.find()) {
				dateBlock = i;
				year = Integer.parseInt(d.group("y"));
				place = d.group("place") == null ? null
						: LEADING_NUMBER.matcher(cell(d.group("place"))).replaceAll("").strip();
				if (d.group("d") != null && d.group("m") != null) {
					try {
						date = LocalDate.of(year, Integer.parseInt(d.group("m")), Integer.parseInt(d.group("d")));
					}
					catch (DateTimeException ex) {
						date = null;
					}
				}
			}
			if (titleBlock < 0 && TYPE_WORD.matcher(line).find()) {
				titleBlock = i;
			}
		}
		StringBuilder title = new StringBuilder();
		int bodyStart = titleBlock < 0 ? Math.max(start, Math.max(numberBlock, dateBlock) + 1) : titleBlock + 1;
		if (titleBlock < 0 && numberBlock < 0 && dateBlock < 0) {
			bodyStart = 0;
		}
		if (titleBlock >= 0) {
			title.append(blocks.get(titleBlock).text());
			for (int i = titleBlock + 1; i < Math.min(blocks.size(), titleBlock + 4); i++) {
				String t = blocks.get(i).text();
				if (t.length() > 420 || NOT_TITLE.matcher(t).matches()
						|| !blocks.get(i).marker().isEmpty() || ENDS_LIKE_SENTENCE.matcher(t).matches()) {
					break;
				}
				title.append(' ').append(t);
				bodyStart = i + 1;
			}
		}
		String titleText = title.toString().strip();
		DocType type = typeOf(titleText, number);
		if (type == DocType.OTHER && titleBlock < 0 && number == null) {
			type = selfIntroduced(blocks);
		}
		int organsBefore = Math.max(start, Math.min(limit, firstNonNegative(numberBlock, dateBlock, titleBlock)));
		String issuer = headerOrganLine(blocks, start, organsBefore);
		boolean news = titleBlock < 0 && numberBlock < 0 && dateBlock < 0;
		if (news && type == DocType.OTHER) {
			Header reproduced = reproduced(blocks);
			if (reproduced != null) {
				return reproduced;
			}
			// A web page without an administrative header reports on documents; it issues nothing. Its headline
			// stands for a title.
			return new Header(type, null, dateline(blocks), 0, null, null, headline(blocks), -1, 0, true);
		}
		if (issuer != null && !hasLevel(issuer)) {
			String fuller = fullerOrganName(blocks, issuer, bodyStart, place);
			issuer = fuller != null ? fuller : issuer;
		}
		if (issuer == null) {
			issuer = titleOwner(titleText, blocks, place);
		}
		if (issuer == null) {
			issuer = bodyIssuer(blocks, bodyStart, place);
		}
		if (issuer == null) {
			issuer = signature(blocks, place);
		}
		return new Header(type, number, date, year, place, issuer, titleText, titleBlock, Math.max(0, bodyStart));
	}

	/** The first line of a page that reads like a headline: letters, not too long, not a date or a menu. */
	private static String headline(List<Block> blocks) {
		for (int i = 0; i < Math.min(blocks.size(), 6); i++) {
			String t = blocks.get(i).text();
			int letters = 0;
			for (int k = 0; k < t.length(); k++) {
				letters += Character.isLetter(t.charAt(k)) ? 1 : 0;
			}
			if (letters >= 20 && t.length() <= 250) {
				return t;
			}
		}
		return "";
	}

	/** A block as its line reads: list marker and body (the layout splits "15/2023/QĐ-UBND" after "15"). */
	private static String line(Block b) {
		if (b.marker().isEmpty()) {
			return b.text();
		}
		boolean gap = b.bodyStart() - b.start() > b.marker().length();
		return b.marker() + (gap ? " " : "") + b.text();
	}

	/** The text of a table cell: a line "A | B |" read as its last non-empty cell before the bar. */
	private static String cell(String s) {
		int bar = s.lastIndexOf('|');
		return bar < 0 ? s : s.substring(bar + 1);
	}

	/**
	 * Where the administrative header begins: a few lines above the national motto when a site's boilerplate (search
	 * box, metadata, a data set's column names) comes first; else the first line.
	 */
	private static int headerStart(List<Block> blocks) {
		int limit = Math.min(blocks.size(), 80);
		for (int i = 0; i < limit; i++) {
			String t = blocks.get(i).text();
			if (t.startsWith("CỘNG") || t.contains("| CỘNG") || t.startsWith("ĐẢNG CỘNG SẢN")) {
				return i < HEADER_BLOCKS ? 0 : Math.max(0, i - 4);
			}
		}
		return 0;
	}

	// "Công văn số 5468/BNN-VPĐP ngày 3/7/2017 của Bộ … gửi UBND các tỉnh … Nội dung như sau:": a portal page that
	// reproduces a document names it in its first sentence and then gives its text.
	private static final Pattern REPRODUCED = Pattern.compile("^(?:Công văn|Văn bản|Thông báo|Chỉ thị|Hướng dẫn)\\s+số\\s+(?<n>\\d+[^\\s,]*)"
			+ "\\s+ngày\\s+(?<d>\\d{1,2})[/.-](?<m>\\d{1,2})[/.-](?<y>\\d{4})\\s+của\\s+(?<who>[^,;.]{3,120}?)\\s+(?:gửi|về)\\s"
			+ "[^\\n]{0,400}?(?:nội dung|toàn văn)[^.:]{0,30}(?:như sau|dưới đây|sau)\\s*:", F);

	private static Header reproduced(List<Block> blocks) {
		for (int i = 0; i < Math.min(blocks.size(), 4); i++) {
			Matcher m = REPRODUCED.matcher(blocks.get(i).text());
			if (m.find()) {
				LocalDate date;
				try {
					date = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
							Integer.parseInt(m.group("d")));
				}
				catch (DateTimeException ex) {
					date = null;
				}
				String number = TRAILING_PUNCTUATION.matcher(m.group("n")).replaceAll("");
				return new Header(DocType.OTHER, NUMBER_WITH_CODE.matcher(number).matches() ? number : null, date,
						Integer.parseInt(m.group("y")), null, BodyNames.canonical(m.group("who").strip()), "", -1,
						i + 1, true);
			}
		}
		return null;
	}

	/** The kind a page without a header gives itself: "… xây dựng kế hoạch … với các nội dung sau:". */
	private static DocType selfIntroduced(List<Block> blocks) {
		for (int i = 0; i < Math.min(blocks.size(), 12); i++) {
			String t = blocks.get(i).text();
			if (!TextNormalizer.containsLowerCased(t, "nội dung")) {
				continue;
			}
			Matcher m = SELF_INTRODUCTION.matcher(t);
			if (m.find()) {
				return TYPES.getOrDefault(m.group("kind").toUpperCase(java.util.Locale.ROOT), DocType.OTHER);
			}
		}
		return DocType.OTHER;
	}

	private record Dateline(LocalDate date, int rank) {
	}

	/**
	 * The date of a web page's article: a posting date ("Ngày đăng: 08/07/2024") before a date with a clock time
	 * ("07:10, 20/10/2021", "15/06/2020 19:41:17") before a date with a weekday in front ("Thứ Hai, 15/06/2020")
	 * before a line that is only a date or ends in one in brackets. The day of an event told in a sentence is not the
	 * article's date.
	 */
	static LocalDate dateline(List<Block> blocks) {
		Dateline best = null;
		for (int i = 0; i < Math.min(blocks.size(), 12); i++) {
			String t = line(blocks.get(i));
			if (t.length() > 200 || !hasDigitRun(t)) {
				continue;
			}
			Matcher m = NUMERIC_DATE.matcher(t);
			while (m.find()) {
				LocalDate date = numericDate(m);
				if (date == null) {
					continue;
				}
				String before = t.substring(0, m.start());
				String after = t.substring(m.end());
				int rank;
				if (POSTED.matcher(before).find()) {
					rank = 4;
				}
				else if (CLOCK.matcher(after).lookingAt() || after.matches("^\\s*[,|-]?\\s*\\d{1,2}:\\d{2}.*")
						|| before.matches(".*\\d{1,2}:\\d{2}(?::\\d{2})?\\s*,?\\s*$")) {
					rank = 3;
				}
				else if (WEEKDAY.matcher(before).find()) {
					rank = 2;
				}
				else if (before.isBlank() && after.matches("^[\\s)|.;-]*$")
						|| before.endsWith("(") && after.startsWith(")")) {
					rank = 1;
				}
				else {
					continue;
				}
				if (best == null || rank > best.rank()) {
					best = new Dateline(date, rank);
				}
			}
		}
		return best == null ? null : best.date();
	}

	private static boolean hasDigitRun(String t) {
		for (int i = 0; i + 3 < t.length(); i++) {
			if (Character.isDigit(t.charAt(i)) && Character.isDigit(t.charAt(i + 1)) && Character.isDigit(t.charAt(i + 2))
					&& Character.isDigit(t.charAt(i + 3))) {
				return true;
			}
		}
		return false;
	}

	/** Day first; month first only when the first number cannot be a month's day order ("10-25-2023"). */
	static LocalDate numericDate(Matcher m) {
		int a = Integer.parseInt(m.group("a"));
		int b = Integer.parseInt(m.group("b"));
		int y = Integer.parseInt(m.group("y"));
		int day = a;
		int month = b;
		if (b > 12 && a <= 12) {
			day = b;
			month = a;
		}
		try {
			return LocalDate.of(y, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean hasLevel(String name) {
		String key = TextNormalizer.key(name);
		return LEVEL_END.matcher(key).find() || key.matches(".*(?:xã|huyện|tỉnh|phường|thị trấn|thị xã|thành phố|quận)\\s+\\p{L}.*")
				|| key.startsWith("bộ ") || key.startsWith("chính phủ") || key.startsWith("thủ tướng");
	}

	/**
	 * The organ with its place when the header line names it bare ("ỦY BAN NHÂN DÂN" in a table cell): the enacting
	 * line under the title ("HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN"), else the body's own words ("UBND tỉnh ban hành Kế
	 * hoạch …") with the place of the date line.
	 */
	private static String fullerOrganName(List<Block> blocks, String organ, int from, String place) {
		for (int i = from; i < Math.min(blocks.size(), from + 4); i++) {
			String t = blocks.get(i).text();
			if (DocumentLayout.isUpperCase(t) && t.length() < 120) {
				String name = BodyNames.fromUpperCase(t);
				if (name != null && name.startsWith(organ) && name.length() > organ.length()) {
					return name;
				}
			}
		}
		// The legal bases ("Căn cứ …") may fill a dozen lines before the body names its author.
		String body = bodyIssuer(blocks, from, place, 16);
		return body != null && body.startsWith(organ) ? body : null;
	}

	private static int firstNonNegative(int... values) {
		int min = Integer.MAX_VALUE;
		for (int v : values) {
			if (v >= 0) {
				min = Math.min(min, v);
			}
		}
		return min == Integer.MAX_VALUE ? 0 : min;
	}

	static DocType typeOf(String title, String number) {
		Matcher m = TYPE_WORD.matcher(title);
		if (m.find()) {
			String word = m.group(1);
			if (word.equals("THÔNG BÁO") || word.equals("KẾT LUẬN")) {
				return TextNormalizer.key(title).contains("kết luận") ? DocType.THONG_BAO_KET_LUAN : DocType.OTHER;
			}
			return TYPES.getOrDefault(word, DocType.OTHER);
		}
		if (number != null) {
			String code = number.toUpperCase();
			if (code.matches(".*[/-]KH(?:[/-].*|$)")) {
				return DocType.KE_HOACH;
			}
			if (code.matches(".*[/-]NQ(?:[/-].*|$)")) {
				return DocType.NGHI_QUYET;
			}
			if (code.matches(".*[/-]BC(?:[/-].*|$)")) {
				return DocType.BAO_CAO;
			}
			if (code.matches(".*[/-]QĐ(?:[/-].*|$)")) {
				return DocType.QUYET_DINH;
			}
			if (code.matches(".*[/-]TB(?:[/-].*|$)") && TextNormalizer.key(title).contains("kết luận")) {
				return DocType.THONG_BAO_KET_LUAN;
			}
		}
		return DocType.OTHER;
	}

	/** The lowest issuing-organ line above "Số:", the date line or the title, qualified by its parent's place. */
	private static String headerOrganLine(List<Block> blocks, int from, int before) {
		String organ = null;
		String parent = null;
		for (int i = from; i < before; i++) {
			String line = organCell(line(blocks.get(i)));
			if (line == null) {
				continue;
			}
			boolean organWord = ORGAN_WORD.matcher(line).find();
			if (line.length() < 4 && !organWord && organ == null) {
				continue;
			}
			if (organ != null && !organWord && !hasPlace(organ) && PLACE_LINE.matcher(line).matches()) {
				organ = organ + " " + line;
				continue;
			}
			if (organ != null && !organWord && !PLACE_LINE.matcher(line).matches()) {
				// The rest of an organ name broken over lines ("TỈNH BÌNH" / "PHƯỚC").
				organ = organ + " " + line;
				continue;
			}
			parent = organ;
			organ = line;
		}
		if (organ == null) {
			return null;
		}
		String name = BodyNames.fromUpperCase(organ);
		if (!LEVEL_END.matcher(TextNormalizer.key(organ)).find() && !hasPlace(organ) && parent != null) {
			Matcher p = PARENT_PLACE.matcher(parent);
			if (p.find()) {
				String qualifier = BodyNames.fromUpperCase(p.group("level") + " " + p.group("name"));
				name = name + " " + Character.toLowerCase(qualifier.charAt(0)) + qualifier.substring(1);
			}
		}
		return name;
	}

	/**
	 * The upper-case organ text of a header line, or null: table cells split on '|', the national motto and rules of
	 * dashes taken out, lines that are only pieces of the motto dropped.
	 */
	private static String organCell(String raw) {
		String found = null;
		for (String cell : raw.split("\\|")) {
			String c = DASH_RUN.matcher(NATIONAL_MOTTO.matcher(cell).replaceAll("")).replaceAll("").strip();
			if (c.isEmpty() || !DocumentLayout.isUpperCase(c) && !shortUpperCase(c)
					|| NUMBER.matcher(c).find() || mottoFragment(c)) {
				continue;
			}
			found = c;
		}
		return found;
	}

	/** A word of at most three letters in capitals ("HỘI", "TRỊ"): a piece of an organ name broken over lines. */
	private static boolean shortUpperCase(String c) {
		return c.length() <= 3 && Character.isLetter(c.charAt(0)) && c.equals(c.toUpperCase(java.util.Locale.ROOT));
	}

	private static boolean mottoFragment(String upper) {
		boolean own = false;
		for (String word : upper.split("\\s+")) {
			if (!MOTTO_WORDS.contains(word)) {
				return false;
			}
			// "XÃ", "HỘI" alone may begin an organ's name ("HỘI" / "ĐỒNG NHÂN DÂN").
			own |= !word.equals("XÃ") && !word.equals("HỘI");
		}
		return own;
	}

	private static boolean hasPlace(String upper) {
		return PARENT_PLACE.matcher(upper).find();
	}

	private static String titleOwner(String title, List<Block> blocks, String place) {
		Matcher m = TITLE_OWNER.matcher(title);
		if (!m.find()) {
			return null;
		}
		String owner = m.group("owner").strip();
		if (owner.length() < 4) {
			return null;
		}
		String name = BodyNames.fromUpperCase(owner);
		// The body usually repeats the owner with its level ("Thường trực Ban Chỉ đạo huyện"); prefer that fuller form.
		Pattern inBody = Pattern.compile(Pattern.quote(name) + "\\s+(xã|huyện|tỉnh)(?![\\p{L}])", F);
		if (!LEVEL_END.matcher(TextNormalizer.key(name)).find()) {
			for (Block b : blocks) {
				Matcher f = inBody.matcher(b.text());
				if (f.find()) {
					name = name + " " + f.group(1).toLowerCase();
					break;
				}
			}
		}
		return withPlace(name, place);
	}

	private static String withPlace(String name, String place) {
		if (name != null && place != null && !place.isBlank() && LEVEL_END.matcher(TextNormalizer.key(name)).find()) {
			return name + " " + place;
		}
		return name;
	}

	private static String bodyIssuer(List<Block> blocks, int from, String place) {
		return bodyIssuer(blocks, from, place, 8);
	}

	private static String bodyIssuer(List<Block> blocks, int from, String place, int within) {
		for (int i = from; i < Math.min(blocks.size(), from + within); i++) {
			String text = blocks.get(i).text();
			Matcher m = BODY_ISSUER.matcher(text);
			while (m.find()) {
				String before = text.substring(0, m.start());
				int cut = Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf(", ")),
						Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')));
				String candidate = before.substring(cut < 0 ? 0 : cut + 1).strip();
				candidate = WORD_BEFORE_ORGAN.matcher(candidate).replaceAll("");
				candidate = REPEATED_BAN.matcher(candidate).replaceAll("");
				if (BodyNames.startsWithBody(candidate) && candidate.length() <= 120) {
					return withPlace(BodyNames.canonical(candidate), place);
				}
			}
		}
		return null;
	}

	private static String signature(List<Block> blocks, String place) {
		for (int i = blocks.size() - 1; i >= Math.max(0, blocks.size() - 12); i--) {
			Matcher m = SIGNATURE.matcher(blocks.get(i).text());
			if (m.find()) {
				return withPlace(BodyNames.fromUpperCase(m.group("who")), place);
			}
		}
		return null;
	}
}
