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

	record Header(DocType type, String number, LocalDate date, int year, String place, String issuer, String title,
			int titleBlock, int bodyStartBlock) {
	}

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final int HEADER_BLOCKS = 18;

	private static final Pattern NUMBER = Pattern.compile("^Số\\s*:?\\s*(?<n>[^\\s,]*)", F);

	private static final Pattern DATE_LINE = Pattern.compile("(?:^|\\s)(?:(?<place>[\\p{L} .'-]{2,40}?)\\s*,\\s*)?ngày\\s*(?<d>\\d{1,2})?"
			+ "\\s*(?:tháng|/)\\s*(?<m>\\d{1,2})?\\s*(?:năm|/)\\s*(?<y>\\d{4})", F);

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
		int limit = Math.min(blocks.size(), HEADER_BLOCKS);
		String number = null;
		LocalDate date = null;
		int year = 0;
		String place = null;
		int titleBlock = -1;
		int numberBlock = -1;
		int dateBlock = -1;
		for (int i = 0; i < limit; i++) {
			String line = blocks.get(i).marker().isEmpty() ? blocks.get(i).text()
					: blocks.get(i).marker() + " " + blocks.get(i).text();
			Matcher n = NUMBER.matcher(line);
			if (number == null && numberBlock < 0 && n.find() && titleBlock < 0) {
				numberBlock = i;
				String candidate = TRAILING_PUNCTUATION.matcher(n.group("n")).replaceAll("");
				number = NUMBER_WITH_CODE.matcher(candidate).matches() ? candidate : null;
			}
			Matcher d = DATE_LINE.matcher(line);
			if (dateBlock < 0 && titleBlock < 0 && d.find()) {
				dateBlock = i;
				year = Integer.parseInt(d.group("y"));
				place = d.group("place") == null ? null : LEADING_NUMBER.matcher(d.group("place")).replaceAll("").strip();
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
		int bodyStart = titleBlock < 0 ? Math.max(numberBlock, dateBlock) + 1 : titleBlock + 1;
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
		String issuer = headerOrganLine(blocks, Math.max(0, Math.min(limit, firstNonNegative(numberBlock, dateBlock,
				titleBlock))));
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
	private static String headerOrganLine(List<Block> blocks, int before) {
		String organ = null;
		String parent = null;
		for (int i = 0; i < before; i++) {
			String line = blocks.get(i).text();
			line = NATIONAL_MOTTO.matcher(line).replaceAll("").strip();
			if (line.length() < 4 || !DocumentLayout.isUpperCase(line) || NUMBER.matcher(line).find()) {
				continue;
			}
			if (organ != null && PLACE_LINE.matcher(line).matches()
					&& !PARENT_PLACE.matcher(organ).find()) {
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
		for (int i = from; i < Math.min(blocks.size(), from + 8); i++) {
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
