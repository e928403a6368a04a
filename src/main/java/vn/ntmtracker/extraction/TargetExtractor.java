package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.Target;

/**
 * The standard a document aims its subject at and the year ("xây dựng xã đạt chuẩn nông thôn mới nâng cao năm 2023",
 * "quyết tâm đến hết năm 2024 … đạt các tiêu chí Nông thôn mới nâng cao"). The title is read first; a year before the
 * document's own year is history ("đạt chuẩn từ năm 2015"), and village or district standards are not the commune's.
 */
final class TargetExtractor {

	// Patterns are lower case and run on a lower-cased sentence.
	private static final int F = 0;

	private static final Pattern LEVEL = Pattern.compile("(?=n)(?<![\\p{L}])(?:nông thôn mới|ntm)(?<tier>\\s+(?:nâng cao|kiểu mẫu))?(?![\\p{L}])", F);

	private static final Pattern CUE = Pattern.compile("(?:xã|đạt chuẩn|về đích|công nhận|xây dựng|đạt|phường)[^.;]{0,40}$", F);

	private static final Pattern OTHER_UNIT = Pattern.compile("(?:thôn|bản|khu dân cư|kdc|huyện|tỉnh|gia đình|vườn|cấp huyện)\\s+(?:đạt chuẩn\\s+)?$", F);

	private static final Pattern REPORTED = Pattern.compile("kết quả|tình hình", F);

	// "Ban Quản lý xây dựng nông thôn mới xã", "Chương trình xây dựng nông thôn mới": names, not aims.
	private static final Pattern ORGAN_OR_PROGRAMME = Pattern
		.compile("(?:ban|văn phòng|tổ|chương trình|điều phối|chuyên trách)\\s+(?:[\\p{L}&]+\\s+){0,4}$", F);

	// "Chương trình mục tiêu quốc gia (về) xây dựng nông thôn mới": the programme's name is longer than
	// ORGAN_OR_PROGRAMME's four words.
	private static final Pattern NATIONAL_PROGRAMME = Pattern
		.compile("(?:chương trình\\s+)?(?:mục tiêu quốc gia|mtqg)\\s+(?:về\\s+)?(?:xây dựng\\s+)?$", F);

	// "có thêm 12 xã đạt chuẩn", "100% các xã đạt chuẩn", "5 thôn được công nhận": a count of units is a province's or
	// district's total, not the standard of the document's subject. A year is no count ("đến năm 2025 xã đạt chuẩn").
	private static final Pattern COUNTED_UNITS = Pattern.compile("(?<![\\p{L}\\d/.,])(?:\\d{1,3}%?|các|những)\\s+(?:các\\s+)?"
			+ "(?:xã|phường|thị trấn|thôn|bản|huyện|đơn vị(?: cấp xã)?)\\s+(?:đã\\s+)?(?:được\\s+)?(?:đạt chuẩn|đạt|về đích|công nhận"
			+ "|được công nhận(?:\\s+đạt chuẩn)?)\\s+(?:xã\\s+)?$", F);

	// "Đây là các xã …" points back at the communes named before; any other "các xã" is an area's communes.
	// A recognition already decided ("vừa quyết định công nhận huyện … đạt chuẩn NTM năm 2017") is history; a whole
	// area's aim ("toàn tỉnh", "các xã trên địa bàn", "tỷ lệ xã") is no unit's target.
	private static final Pattern RECOGNISED = Pattern.compile("(?:vừa|đã)\\s+(?:được\\s+|có\\s+)?(?:quyết định\\s+)?công nhận|quyết định công nhận|công nhận các xã|xét,?\\s+công nhận các", F);

	private static final Pattern AREA_WIDE = Pattern.compile("toàn tỉnh|toàn huyện|toàn quốc|cả nước|cả tỉnh|(?<!là\\s)các xã|những xã|số xã|tỷ lệ xã|tỷ lệ số xã"
			+ "|\\d+\\s*/\\s*\\d+\\s+xã", F);

	private static final Pattern CRITERIA_OF = Pattern.compile("tiêu chí\\s+(?:xây dựng\\s+)?$", F);

	private static final Pattern GOAL = Pattern.compile("quyết tâm|phấn đấu|phần đấu|mục tiêu|đến hết|đảm bảo|hoàn thành", F);

	private static final Pattern YEAR = Pattern.compile("(?<!tháng\\s\\d\\s)(?<!tháng\\s\\d\\d\\s)(?<!từ\\s)năm\\s+(?<y>\\d{4})(?!\\s*[-–]\\s*\\d)", F);

	private TargetExtractor() {
	}

	static Target find(String title, List<Block> blocks, int fromBlock, int documentYear) {
		List<String> texts = new ArrayList<>();
		texts.add(title);
		for (int i = fromBlock; i < blocks.size(); i++) {
			if (blocks.get(i).distributionList()) {
				break;
			}
			texts.add(blocks.get(i).text());
		}
		for (String text : texts) {
			// A sentence without "nông thôn mới" or "ntm" has no target; a text without them has no such sentence.
			if (!mentionsNtm(text)) {
				continue;
			}
			for (String sentence : Sentences.of(text)) {
				Target t = inSentence(sentence, documentYear);
				if (t != null) {
					return t;
				}
			}
		}
		return null;
	}

	private static Target inSentence(String original, int documentYear) {
		String sentence = TextNormalizer.lowerSameLength(original);
		if (!sentence.contains("nông thôn mới") && !sentence.contains("ntm")) {
			return null;
		}
		RegexScan levels = new RegexScan(LEVEL, sentence,
				(s, i) -> s.startsWith("nông thôn mới", i) || s.startsWith("ntm", i));
		Matcher level = levels.matcher();
		while (levels.find()) {
			String before = sentence.substring(0, level.start());
			String near = before.substring(Math.max(0, before.length() - 50));
			if (!endsWithCue(before) || OTHER_UNIT.matcher(before).find() || REPORTED.matcher(near).find()
					|| RECOGNISED.matcher(before).find() || AREA_WIDE.matcher(before).find()
					|| ORGAN_OR_PROGRAMME.matcher(before).find() || NATIONAL_PROGRAMME.matcher(near).find()
					|| COUNTED_UNITS.matcher(near).find()
					|| (before.contains("tiêu chí") && CRITERIA_OF.matcher(before).find()
							&& !GOAL.matcher(sentence).find())) {
				continue;
			}
			RegexScan years = new RegexScan(YEAR, sentence, (s, i) -> s.startsWith("năm", i));
			Matcher year = years.matcher();
			Integer best = null;
			int bestDistance = Integer.MAX_VALUE;
			while (years.find()) {
				int y = Integer.parseInt(year.group("y"));
				int distance = Math.abs(year.start() - level.start());
				if ((documentYear > 0 && y < documentYear) || distance > 160) {
					continue;
				}
				if (distance < bestDistance) {
					best = y;
					bestDistance = distance;
				}
			}
			if (best == null) {
				continue;
			}
			String tier = level.group("tier") == null ? "" : TextNormalizer.key(level.group("tier"));
			Level l = tier.contains("nâng cao") ? Level.NTM_NANG_CAO
					: tier.contains("kiểu mẫu") ? Level.NTM_KIEU_MAU : Level.NTM;
			return new Target(l, best);
		}
		return null;
	}

	/**
	 * {@code CUE.matcher(before).find()}, searching only the tail a match can lie in: a cue word (at most 9
	 * characters), at most 40 more, then the end or a final line break (at most 2 characters).
	 */
	private static boolean endsWithCue(String before) {
		return CUE.matcher(before).region(Math.max(0, before.length() - 60), before.length()).find();
	}

	private static boolean mentionsNtm(String text) {
		return TextNormalizer.containsLowerCased(text, "nông thôn mới") || TextNormalizer.containsLowerCased(text, "ntm");
	}

	/** The tier a document is about when it states no target: from its title, else plain NTM. */
	static Level levelOfTitle(String title) {
		String key = TextNormalizer.key(title);
		if (key.contains("nâng cao")) {
			return Level.NTM_NANG_CAO;
		}
		if (key.contains("kiểu mẫu")) {
			return Level.NTM_KIEU_MAU;
		}
		return Level.NTM;
	}
}
