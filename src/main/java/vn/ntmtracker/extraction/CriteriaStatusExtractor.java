package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;
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

	private static final Pattern UNMET_CUE = Pattern.compile("chưa đạt|không đạt|còn lại|chưa hoàn thành|bị giảm|giảm không đạt|chưa đạt chuẩn|thu hồi");

	/** The phrases of UNMET_CUE, searched with {@link String#contains} (same answer as the regex, faster). */
	private static final List<String> UNMET_CUES = List.of(UNMET_CUE.pattern().split("\\|"));

	private static final Pattern NUMBERED = Pattern.compile("tiêu chí\\s*(?:số\\s*)?(?<n>\\d{1,2})(?![\\d/])\\s*(?:\\((?<p>[^)]{2,80})\\)"
			+ "|[:\\-–]\\s*(?<c>[^,;.()]+?)(?=\\s*(?:[,;.)]|\\s+và\\s+tiêu chí|$)))?");

	private static final Pattern NAME_LIST = Pattern.compile("(?:chưa đạt|không đạt|còn lại|chưa hoàn thành)[^:]{0,40}?(?:gồm|là|như|:)\\s*:?\\s*(?<list>[^.]+)");

	// "19/19 tiêu chí xã nông thôn mới" names its set; that beats the level the document as a whole is about.
	private static final Pattern NAMED_SET = Pattern
		.compile("^\\s*(?:của\\s+)?(?:bộ tiêu chí\\s+)?(?:xã\\s+)?(?:nông thôn mới|NTM)(?<tier>\\s+nâng cao|\\s+kiểu mẫu)?(?![\\p{L}])", F);

	private static final Pattern SEMICOLON = Pattern.compile(";\\s*");

	private static final Pattern UNMET_AFTER = Pattern.compile("^\\s*(?:chưa đạt|không đạt)", F);

	private static final Pattern CRITERION_PREFIX = Pattern.compile("^(?:tiêu chí\\s+)", F);

	private static final Pattern NAMES_BEFORE = Pattern.compile("tiêu chí\\s+(?<list>[^;:.()]{2,120}?)\\s+(?:chưa đạt|không đạt|bị giảm)");

	private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+và\\s+(?=\\p{Lu}|tiêu chí)");

	private CriteriaStatusExtractor() {
	}

	static List<CriteriaStatus> status(List<Block> blocks, int fromBlock, List<String> subjects, Level documentLevel) {
		Map<String, CriteriaStatus> found = new LinkedHashMap<>();
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			if (b.distributionList()) {
				break;
			}
			if (b.heading()) {
				continue;
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
					UnitNames.Unit unit = lastUnit(before);
					String label;
					Level level;
					String key = TextNormalizer.key(sentence);
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
						Matcher set = NAMED_SET.matcher(m.group("rest"));
						if (set.find()) {
							String tier = set.group("tier") == null ? "" : TextNormalizer.key(set.group("tier"));
							level = tier.contains("nâng cao") ? Level.NTM_NANG_CAO
									: tier.contains("kiểu mẫu") ? Level.NTM_KIEU_MAU : Level.NTM;
						}
						else {
							level = key.contains("nâng cao") ? Level.NTM_NANG_CAO
									: key.contains("kiểu mẫu") ? Level.NTM_KIEU_MAU : documentLevel;
						}
					}
					found.putIfAbsent(label + "|" + level, new CriteriaStatus(label, a, t, level));
				}
			}
		}
		return new ArrayList<>(found.values());
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

	private static UnitNames.Unit lastUnit(String before) {
		List<UnitNames.Unit> units = UnitNames.find(before);
		return units.isEmpty() ? null : units.get(units.size() - 1);
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
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			if (b.distributionList()) {
				break;
			}
			// Only sentences naming "tiêu chí" are read; a block without it has none.
			if (!TextNormalizer.containsLowerCased(b.text(), "tiêu chí")) {
				continue;
			}
			for (String sentence : Sentences.of(b.text())) {
				String lower = TextNormalizer.lowerSameLength(sentence);
				if (!lower.contains("tiêu chí") || !hasUnmetCue(lower)) {
					continue;
				}
				boolean numbered = false;
				Matcher m = NUMBERED.matcher(lower);
				while (m.find()) {
					numbered = true;
					int n = Integer.parseInt(m.group("n"));
					String group = m.group("p") != null ? "p" : m.group("c") != null ? "c" : null;
					String name = group == null ? null : sentence.substring(m.start(group), m.end(group)).strip();
					found.putIfAbsent("#" + n, new UnmetCriterion(n, name));
				}
				if (numbered) {
					continue;
				}
				List<String> lists = new ArrayList<>();
				Matcher list = NAME_LIST.matcher(lower);
				if (list.find()) {
					lists.add(sentence.substring(list.start("list"), list.end("list")));
				}
				Matcher before = NAMES_BEFORE.matcher(lower);
				while (before.find()) {
					lists.add(sentence.substring(before.start("list"), before.end("list")));
				}
				for (String names : lists) {
					for (String part : NAME_SEPARATOR.split(names)) {
						String name = CRITERION_PREFIX.matcher(part).replaceAll("").strip();
						boolean known = found.values()
							.stream()
							.anyMatch(u -> u.name() != null && TextNormalizer.fold(u.name()).equals(TextNormalizer.fold(name)));
						if (CriterionNames.isCriterionName(name) && !known) {
							Integer n = CriterionNames.numberOf(name, level, year).orElse(null);
							found.putIfAbsent(n == null ? "name:" + TextNormalizer.fold(name) : "#" + n,
									new UnmetCriterion(n, name));
						}
					}
				}
			}
		}
		return new ArrayList<>(found.values());
	}
}
