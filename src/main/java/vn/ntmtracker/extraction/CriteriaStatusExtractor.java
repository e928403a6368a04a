package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.DocumentLayout.MarkerKind;
import vn.ntmtracker.extraction.ExtractionDraft.CriteriaStatus;
import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.UnmetCriterion;

/**
 * A unit's stated criteria count ("Toàn xã đạt 16/19 tiêu chí", "mới có 3/20 tiêu chí đạt chuẩn") and the criteria
 * it has not met. Only "x/y tiêu chí" counts: scores ("96,5/100 điểm"), village counts ("9/9 thôn"), averages and
 * province- or district-wide totals are not a unit's status, and a target ("phấn đấu đạt 19/19") is not a status.
 */
final class CriteriaStatusExtractor {

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern FRACTION = Pattern
		.compile("(?<![\\d,.])(?<a>\\d{1,2})\\s*/\\s*(?<t>\\d{1,2})(?![\\d]|[,.]\\d)\\s+tiêu chí(?=(?<rest>.{0,40}))", F);

	private static final Pattern TARGET_WORDS = Pattern
		.compile("phấn đấu|phần đấu|phần đầu|mục tiêu|quyết tâm|dự kiến|(?<![\\p{L}])sẽ(?![\\p{L}])|đăng ký|chỉ tiêu (?:đạt|phấn)", F);

	private static final Pattern AGGREGATE = Pattern
		.compile("toàn tỉnh|toàn huyện|cả tỉnh|cả huyện|các xã|bình quân|trung bình|mỗi xã|/xã|tổng số xã|toàn quốc|cả nước", F);

	private static final Pattern UNMET_CUE = Pattern.compile("chưa đạt|không đạt|còn lại|chưa hoàn thành|bị giảm|giảm không đạt|chưa đạt chuẩn|thu hồi|thiếu tiêu chí");

	/** The phrases of UNMET_CUE, searched with {@link String#contains} (same answer as the regex, faster). */
	private static final List<String> UNMET_CUES = List.of(UNMET_CUE.pattern().split("\\|"));

	private static final Pattern NUMBERED = Pattern.compile("tiêu chí\\s*(?:số\\s*)?(?<n>\\d{1,2})(?![\\d/])\\s*(?:\\((?<p>[^)]{2,80})\\)"
			+ "|[:\\-–]\\s*(?<c>[^,;.()]+?)(?=\\s*(?:[,;.)]|\\s+và\\s+tiêu chí|$))"
			+ "|\\s+về\\s+(?<v>[^,;.()]+?)(?=\\s*(?:[,;.)]|\\s+và\\s+tiêu chí|$)))?");

	// "thiếu tiêu chí cơ sở hạ tầng thương mại nông thôn", "chưa hoàn thành cả 2 tiêu chí là trường học và …": the
	// names after the cue.
	private static final Pattern NAMES_AFTER = Pattern.compile("(?:chưa đạt|chưa hoàn thành|không đạt|còn thiếu|thiếu)\\s+(?:cả\\s+)?"
			+ "(?:\\d+\\s+|các\\s+)?tiêu chí\\s+(?:là\\s+|gồm\\s*:?\\s*)?(?<list>[^.;:()]{2,160})");

	// "Giao thông (TC 2)", "thu nhập (tiêu chí số 10)": the number a list gives in brackets after a name.
	private static final Pattern NUMBER_IN_BRACKETS = Pattern.compile("\\s*\\(\\s*(?:TC|tiêu chí)\\s*(?:số\\s*)?(?<n>\\d{1,2})\\s*\\)", F);

	private static final Pattern AND = Pattern.compile("\\s+và\\s+");

	private static final Pattern TRAILING_LIST_PUNCTUATION = Pattern.compile("[\\s.;,]+$");

	private static final Pattern NAME_LIST = Pattern.compile("(?:chưa đạt|không đạt|còn lại|chưa hoàn thành)[^:]{0,40}?(?:gồm|là|như|:)\\s*:?\\s*(?<list>[^.]+)");

	// "19/19 tiêu chí xã nông thôn mới" names its set; that beats the level the document as a whole is about.
	private static final Pattern NAMED_SET = Pattern
		.compile("^\\s*(?:của\\s+)?(?:bộ tiêu chí\\s+)?(?:xã\\s+)?(?:nông thôn mới|NTM)(?<tier>\\s+nâng cao|\\s+kiểu mẫu)?(?![\\p{L}])", F);

	private static final Pattern SEMICOLON = Pattern.compile(";\\s*");

	// "xã Cẩm Phúc đạt 17 tiêu chí", "đã đạt đủ 19 tiêu chí", "hoàn thành cả 19 tiêu chí": a count in prose, of the
	// whole set when it says "đủ" or "cả".
	private static final Pattern PROSE_COUNT = Pattern.compile("(?<![\\p{L}])(?:đạt|hoàn thành)\\s+(?:được\\s+)?(?<all>đủ\\s+|cả\\s+)?"
			+ "(?<a>\\d{1,2})\\s+tiêu chí(?!\\s*/)(?=(?<rest>.{0,40}))", F);

	// "chưa hoàn thành cả 2 tiêu chí", "không đạt 3 tiêu chí": a count of what is missing.
	private static final Pattern NOT_YET = Pattern.compile("(?:chưa|không|còn)\\s+(?:đã\\s+)?$", F);

	private static final Pattern BACK_REFERENCE = Pattern.compile("(?:đây|đó)\\s+là\\s+(?:các|những|hai|ba|\\d+)\\s+xã", F);

	// The words between a named commune and its count: "xã A (huyện B) đã cơ bản đạt": at most a few.
	private static final Pattern NEAR_COUNT = Pattern.compile("^[^.;:]{0,60}$");

	// "xã Phú Mỹ đạt 16", "xã cẩm Hưng đạt 15" (a name that lost its capital in the copy): the commune of a count.
	private static final Pattern RIGHT_BEFORE_COUNT = Pattern.compile("(?<![\\p{L}])xã\\s+(?<name>\\p{L}+(?:\\s+\\p{L}+){0,3}?)"
			+ "\\s+(?:đã\\s+|cơ bản\\s+|đều\\s+)*(?:đạt|hoàn thành)\\s+(?:được\\s+)?(?:đủ\\s+|cả\\s+)?$", F);

	private static final Pattern UNMET_AFTER = Pattern.compile("^\\s*(?:chưa đạt|không đạt)", F);

	private static final Pattern CRITERION_PREFIX = Pattern.compile("^(?:tiêu chí\\s+)", F);

	private static final Pattern NAMES_BEFORE = Pattern.compile("tiêu chí\\s+(?<list>[^;:.()]{2,120}?)\\s+(?:chưa đạt|không đạt|bị giảm)");

	// The end of an introduction to the unmet criteria: "… phụ trách các tiêu chí chưa đạt, cụ thể:", "Các tiêu chí
	// còn chưa đạt chuẩn gồm:". Only when "chưa đạt" qualifies the criteria it introduces: "… các tiêu chí chưa đạt
	// chuẩn, các tiêu chí có khối lượng công việc còn lớn … Cụ thể:" introduces more than the unmet ones.
	private static final Pattern UNMET_INTRO = Pattern
		.compile("tiêu chí\\s+(?:còn\\s+)?(?:chưa đạt|không đạt|chưa hoàn thành)(?:\\s+chuẩn)?"
				+ "\\s*,?\\s*(?:cụ thể(?:\\s+như sau)?|như sau|gồm|sau đây)?\\s*:$");

	private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+và\\s+(?=\\p{Lu}|tiêu chí)");

	private CriteriaStatusExtractor() {
	}

	static List<CriteriaStatus> status(List<Block> blocks, int fromBlock, List<String> subjects, Level documentLevel) {
		return status(blocks, fromBlock, subjects, documentLevel, 0);
	}

	static List<CriteriaStatus> status(List<Block> blocks, int fromBlock, List<String> subjects, Level documentLevel,
			int year) {
		Map<String, CriteriaStatus> found = new LinkedHashMap<>();
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			if (b.distributionList()) {
				break;
			}
			if (b.heading()) {
				continue;
			}
			if (TextNormalizer.mayContainLowerCased(b.text(), "tiêu chí") && b.text().contains(" xã ")) {
				for (String sentence : Sentences.of(b.text())) {
					for (String clause : SEMICOLON.split(sentence)) {
						if (clause.contains("tiêu chí")) {
							proseCounts(sentence.contains(clause) ? sentence.substring(0, sentence.indexOf(clause)) + clause
									: clause, year, documentLevel, subjects, found);
						}
					}
				}
			}
			// Only clauses with a '/' and "tiêu chí" are read: a block without them has none.
			if (b.text().indexOf('/') < 0 || !TextNormalizer.mayContainLowerCased(b.text(), "tiêu chí")) {
				continue;
			}
			// Clause by clause: "đạt 16/19 tiêu chí; phấn đấu đạt 19/19" states a status and a target.
			for (String sentence : clauses(b.text())) {
				if (sentence.indexOf('/') < 0 || !sentence.toLowerCase().contains("tiêu chí")
						|| TARGET_WORDS.matcher(sentence).find()) {
					continue;
				}
				Matcher m = FRACTION.matcher(sentence);
				while (m.find()) {
					int a = Integer.parseInt(m.group("a"));
					int t = Integer.parseInt(m.group("t"));
					if (t < 5 || t > 30 || a > t) {
						continue;
					}
					String before = sentence.substring(0, m.start());
					if (AGGREGATE.matcher(before).find()) {
						continue;
					}
					if (UNMET_AFTER.matcher(m.group("rest")).find()) {
						a = t - a;
					}
					List<UnitNames.Unit> group = lastGroup(before);
					UnitNames.Unit unit = group.isEmpty() ? null : group.get(group.size() - 1);
					String label;
					Level level;
					String key = TextNormalizer.key(sentence);
					if (group.size() > 1 && unit.commune()) {
						// "2 xã Cẩm Thanh và Cẩm Hà … đạt 19/19 tiêu chí": each commune named together.
						Level shared = levelOf(m.group("rest"), key, documentLevel);
						for (UnitNames.Unit u : group) {
							found.putIfAbsent(u.label() + "|" + shared, new CriteriaStatus(u.label(), a, t, shared));
						}
						continue;
					}
					if (unit != null && !unit.commune()) {
						label = unit.label();
						level = unit.kind().equals("khu dân cư") || key.contains("kiểu mẫu") ? Level.KDC_NTM_KIEU_MAU
								: Level.THON_NTM;
					}
					else {
						if (unit != null) {
							label = unit.label();
						}
						else if (subjects.size() == 1) {
							label = subjects.get(0);
						}
						else {
							continue;
						}
						level = levelOf(m.group("rest"), key, documentLevel);
					}
					found.putIfAbsent(label + "|" + level, new CriteriaStatus(label, a, t, level));
				}
			}
		}
		return new ArrayList<>(found.values());
	}

	/** The level a count is of: the set it names right after it, else the tier its sentence names, else the document's. */
	private static Level levelOf(String rest, String sentenceKey, Level documentLevel) {
		Matcher set = NAMED_SET.matcher(rest);
		if (set.find()) {
			String tier = set.group("tier") == null ? "" : TextNormalizer.key(set.group("tier"));
			return tier.contains("nâng cao") ? Level.NTM_NANG_CAO
					: tier.contains("kiểu mẫu") ? Level.NTM_KIEU_MAU : Level.NTM;
		}
		return sentenceKey.contains("nâng cao") ? Level.NTM_NANG_CAO
				: sentenceKey.contains("kiểu mẫu") ? Level.NTM_KIEU_MAU : documentLevel;
	}

	/**
	 * Counts in prose, of a commune named right before ("Trong đó xã A đạt 17 tiêu chí, xã B đạt 15 tiêu chí"): out
	 * of the national set's 19 criteria (10 from 2026, QĐ 51/2025/QĐ-TTg). A count with no commune of its own is
	 * not read: it may be any area's.
	 */
	private static void proseCounts(String sentence, int year, Level documentLevel, List<String> subjects,
			Map<String, CriteriaStatus> found) {
		Matcher m = PROSE_COUNT.matcher(sentence);
		while (m.find()) {
			int a = Integer.parseInt(m.group("a"));
			int total = year > 2025 ? 10 : 19;
			if (a > total || a < 1) {
				continue;
			}
			String before = sentence.substring(0, m.start());
			// A target word counts only in the clause of the count: "đã đăng ký về đích …, hiện đã đạt đủ 19 tiêu chí".
			String local = before.substring(before.lastIndexOf(", ") + 1);
			if (TARGET_WORDS.matcher(local).find() || NOT_YET.matcher(before).find()) {
				continue;
			}
			Level level = levelOf(m.group("rest"), TextNormalizer.key(sentence), documentLevel);
			if (BACK_REFERENCE.matcher(before).find() && subjects.size() > 1) {
				// "Đây là các xã đã đăng ký …, hiện đã đạt đủ 19 tiêu chí": the communes just named.
				for (String subject : subjects) {
					found.putIfAbsent(subject + "|" + level, new CriteriaStatus(subject, a, total, level));
				}
				continue;
			}
			if (AGGREGATE.matcher(before).find()) {
				continue;
			}
			String label = null;
			// The commune right before its count, whatever the case of its name ("xã cẩm Hưng đạt 15 tiêu chí").
			Matcher right = RIGHT_BEFORE_COUNT.matcher(sentence.substring(0, m.start("a")));
			if (right.find() && hasUpperCase(right.group("name"))) {
				label = "xã " + titleCase(right.group("name"));
			}
			else {
				List<UnitNames.Unit> group = lastGroup(before);
				if (group.size() == 1 && group.get(0).commune()
						&& NEAR_COUNT.matcher(before.substring(group.get(0).end())).matches()) {
					label = group.get(0).label();
				}
			}
			if (label == null) {
				continue;
			}
			found.putIfAbsent(label + "|" + level, new CriteriaStatus(label, a, total, level));
		}
	}

	private static boolean hasUpperCase(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isUpperCase(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static String titleCase(String words) {
		StringBuilder out = new StringBuilder();
		for (String w : words.split("\\s+")) {
			out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
		}
		return out.toString();
	}

	private static List<String> clauses(String text) {
		List<String> out = new ArrayList<>();
		for (String sentence : Sentences.of(text)) {
			if (sentence.indexOf('/') < 0) {
				continue;
			}
			for (String clause : SEMICOLON.split(sentence)) {
				if (!clause.isBlank()) {
					out.add(clause);
				}
			}
		}
		return out;
	}

	/** The units of the last mention before a count: one, or several named together ("xã A và B"). */
	private static List<UnitNames.Unit> lastGroup(String before) {
		List<UnitNames.Unit> units = UnitNames.find(before);
		if (units.isEmpty()) {
			return List.of();
		}
		int group = units.get(units.size() - 1).group();
		List<UnitNames.Unit> out = new ArrayList<>();
		for (UnitNames.Unit u : units) {
			if (u.group() == group) {
				out.add(u);
			}
		}
		return out;
	}

	/** {@code UNMET_CUE.matcher(lower).find()}: the pattern is a plain alternation of these phrases. */
	private static boolean hasUnmetCue(String lower) {
		for (String cue : UNMET_CUES) {
			if (lower.contains(cue)) {
				return true;
			}
		}
		return false;
	}

	static List<UnmetCriterion> unmet(List<Block> blocks, int fromBlock, Level level, int year) {
		Map<String, UnmetCriterion> found = new LinkedHashMap<>();
		// The marker kind of an introduction "… phụ trách các tiêu chí chưa đạt, cụ thể:" whose items are read.
		MarkerKind unmetIntro = null;
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			if (b.distributionList()) {
				break;
			}
			if (unmetIntro != null && (b.heading() || b.kind() == unmetIntro || b.kind() == MarkerKind.NONE)) {
				unmetIntro = null;
			}
			if (unmetIntro != null) {
				itemUnder(b.text(), level, year, found);
			}
			// Only sentences naming "tiêu chí" are read; a block without it has none.
			if (!TextNormalizer.containsLowerCased(b.text(), "tiêu chí")) {
				continue;
			}
			if (!b.heading() && isUnmetIntro(b.text())) {
				unmetIntro = b.kind();
			}
			for (String sentence : Sentences.of(b.text())) {
				String lower = TextNormalizer.lowerSameLength(sentence);
				if (!lower.contains("tiêu chí") || !hasUnmetCue(lower)) {
					continue;
				}
				inSentence(sentence, lower, level, year, found);
			}
		}
		return new ArrayList<>(found.values());
	}

	/** A criterion found at {@code at} in a sentence, filed under {@code key} ("#17", or "name:y te" without number). */
	private record Found(int at, String key, UnmetCriterion criterion) {
	}

	private static void inSentence(String sentence, String lower, Level level, int year,
			Map<String, UnmetCriterion> found) {
		List<Found> here = new ArrayList<>();
		List<int[]> numberedRanges = new ArrayList<>();
		Matcher m = NUMBERED.matcher(lower);
		while (m.find()) {
			int n = Integer.parseInt(m.group("n"));
			String group = m.group("p") != null ? "p" : m.group("c") != null ? "c" : m.group("v") != null ? "v" : null;
			String name = group == null ? null : capitalised(sentence.substring(m.start(group), m.end(group)).strip());
			here.add(new Found(m.start(), "#" + n, new UnmetCriterion(n, name)));
			numberedRanges.add(new int[] { m.start(), m.end() });
		}
		boolean numbered = !numberedRanges.isEmpty();
		List<int[]> lists = new ArrayList<>();
		Matcher list = NAME_LIST.matcher(lower);
		if (list.find()) {
			lists.add(new int[] { list.start("list"), list.end("list") });
		}
		if (!numbered) {
			Matcher before = NAMES_BEFORE.matcher(lower);
			while (before.find()) {
				lists.add(new int[] { before.start("list"), before.end("list") });
			}
			Matcher after = NAMES_AFTER.matcher(lower);
			while (after.find()) {
				lists.add(new int[] { after.start("list"), after.end("list") });
			}
		}
		for (int[] range : lists) {
			// The list's elements, split on NAME_SEPARATOR, with their offsets in the sentence.
			Matcher sep = NAME_SEPARATOR.matcher(sentence).region(range[0], range[1]);
			int from = range[0];
			boolean afterSemicolon = false;
			while (from < range[1]) {
				boolean more = sep.find();
				int to = more ? sep.start() : range[1];
				String name = CRITERION_PREFIX.matcher(sentence.substring(from, to)).replaceAll("").strip();
				Integer given = null;
				Matcher bracket = NUMBER_IN_BRACKETS.matcher(name);
				if (bracket.find()) {
					given = Integer.valueOf(bracket.group("n"));
					name = (name.substring(0, bracket.start()) + name.substring(bracket.end())).strip();
				}
				if (!name.isEmpty() && joinsNames(name)) {
					// "trường học và cơ sở hạ tầng thương mại nông thôn": two names joined by "và".
					addJoinedNames(name, from, level, year, found, here);
				}
				else if (given != null && !name.isEmpty() && CriterionNames.isCriterionName(name)) {
					here.add(new Found(from, "#" + given, new UnmetCriterion(given, capitalised(name))));
				}
				else if (!name.isEmpty() && !overlaps(numberedRanges, from, to)) {
					// Beside criteria given by number, a plain name in the same list is one too ("…, tiêu chí số 17
					// (Môi trường), Y tế và An ninh trật tự"), unless a ';' has opened a new clause; in a list of
					// names only, a name must be a known one.
					boolean criterion = CriterionNames.isCriterionName(name)
							|| numbered && !afterSemicolon && looksLikeName(name);
					if (criterion && !isKnown(name, found, here)) {
						Integer n = CriterionNames.numberOf(name, level, year).orElse(null);
						here.add(new Found(from, n == null ? "name:" + TextNormalizer.fold(name) : "#" + n,
								new UnmetCriterion(n, capitalised(name))));
					}
					else if (!criterion && numbered) {
						// The enumeration has ended ("…, Y tế; phấn đấu hoàn thành …"): what follows is no name.
						break;
					}
				}
				afterSemicolon = more && sentence.substring(sep.start(), sep.end()).indexOf(';') >= 0;
				from = more ? sep.end() : range[1];
			}
		}
		here.sort(java.util.Comparator.comparingInt(Found::at));
		for (Found f : here) {
			found.putIfAbsent(f.key(), f.criterion());
		}
	}

	/** Whether "A và B" joins two criteria ("trường học và cơ sở hạ tầng …"), not one name with "và" in it. */
	private static boolean joinsNames(String name) {
		if (!AND.matcher(name).find()) {
			return false;
		}
		for (String part : AND.split(name)) {
			if (!CriterionNames.isCriterionName(part.strip())) {
				return false;
			}
		}
		return true;
	}

	private static void addJoinedNames(String joined, int at, Level level, int year, Map<String, UnmetCriterion> found,
			List<Found> here) {
		for (String part : AND.split(joined)) {
			String name = part.strip();
			if (!CriterionNames.isCriterionName(name) || isKnown(name, found, here)) {
				continue;
			}
			Integer n = CriterionNames.numberOf(name, level, year).orElse(null);
			here.add(new Found(at, n == null ? "name:" + TextNormalizer.fold(name) : "#" + n,
					new UnmetCriterion(n, capitalised(name))));
		}
	}

	/** A criterion's name as the sets write it: first letter capital ("trường học" in a sentence → "Trường học"). */
	private static String capitalised(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static boolean overlaps(List<int[]> ranges, int from, int to) {
		for (int[] r : ranges) {
			if (r[0] < to && from < r[1]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A criterion's name as a list writes it: capitalised, at most five words, no figures or brackets, not a body
	 * ("UBND xã chỉ đạo khắc phục" after the list is a new clause).
	 */
	private static boolean looksLikeName(String name) {
		if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || name.split(" ").length > 5
				|| BodyNames.startsWithBody(name)) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isDigit(c) || c == '(' || c == ')' || c == ':' || c == '%') {
				return false;
			}
		}
		return true;
	}

	private static boolean isKnown(String name, Map<String, UnmetCriterion> found, List<Found> here) {
		String folded = TextNormalizer.fold(name);
		for (UnmetCriterion u : found.values()) {
			if (u.name() != null && TextNormalizer.fold(u.name()).equals(folded)) {
				return true;
			}
		}
		for (Found f : here) {
			if (f.criterion().name() != null && TextNormalizer.fold(f.criterion().name()).equals(folded)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the block introduces a list of the unmet criteria ({@link #UNMET_INTRO}). */
	private static boolean isUnmetIntro(String text) {
		if (!text.endsWith(":")) {
			return false;
		}
		String tail = TextNormalizer.lowerSameLength(text.substring(Math.max(0, text.length() - 80)));
		return UNMET_INTRO.matcher(tail).find();
	}

	/**
	 * An item under an introduction of the unmet criteria: the criteria it names by number ("chủ trì thực hiện tiêu
	 * chí số 17 (Môi trường)") or as its label ("- Y tế: …") are unmet.
	 */
	private static void itemUnder(String text, Level level, int year, Map<String, UnmetCriterion> found) {
		if (TextNormalizer.containsLowerCased(text, "tiêu chí")) {
			String lower = TextNormalizer.lowerSameLength(text);
			Matcher m = NUMBERED.matcher(lower);
			boolean numbered = false;
			while (m.find()) {
				numbered = true;
				int n = Integer.parseInt(m.group("n"));
				String group = m.group("p") != null ? "p" : m.group("c") != null ? "c" : null;
				String name = group == null ? null : text.substring(m.start(group), m.end(group)).strip();
				found.putIfAbsent("#" + n, new UnmetCriterion(n, name));
			}
			if (numbered) {
				return;
			}
		}
		int colon = text.indexOf(':');
		// "- Y tế: …" names the criterion as its label; "- Giao thông (TC 2);" is the name alone.
		String label = colon > 0 && colon <= 80 ? text.substring(0, colon) : text.length() <= 80 ? text : null;
		if (label != null) {
			String name = CRITERION_PREFIX.matcher(label).replaceAll("").strip();
			name = TRAILING_LIST_PUNCTUATION.matcher(name).replaceAll("");
			Integer given = null;
			Matcher bracket = NUMBER_IN_BRACKETS.matcher(name);
			if (bracket.find()) {
				given = Integer.valueOf(bracket.group("n"));
				name = (name.substring(0, bracket.start()) + name.substring(bracket.end())).strip();
			}
			if (CriterionNames.isCriterionName(name) && !isKnown(name, found, List.of())) {
				Integer n = given != null ? given : CriterionNames.numberOf(name, level, year).orElse(null);
				found.putIfAbsent(n == null ? "name:" + TextNormalizer.fold(name) : "#" + n,
						new UnmetCriterion(n, capitalised(name)));
			}
		}
	}
}
