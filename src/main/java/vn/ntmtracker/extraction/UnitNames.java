package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;

/**
 * Named administrative units ("xã Cẩm Quang", "thôn Trảy", "bản Hung Phong") and the communes a document is about:
 * those in its title, else the one it keeps naming.
 */
final class UnitNames {

	record Unit(String kind, String name, int start, int end) {

		String label() {
			return kind + " " + name;
		}

		boolean commune() {
			return kind.equals("xã") || kind.equals("phường") || kind.equals("thị trấn");
		}
	}

	private static final String PROPER = "(?:\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*)*|\\d{1,3}(?![\\d/]))";

	private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}])(?<kind>[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hôn|[Bb]ản|[Xx]óm|[Ấấ]p|[Kk]hu dân cư)"
			+ "\\s+(?<name>" + PROPER + ")");

	private static final Pattern COMMUNE_LIST = Pattern.compile("(?<![\\p{L}])các xã\\s*:?\\s+(?<list>" + PROPER
			+ "(?:\\s*,\\s*" + PROPER + ")*(?:\\s+và\\s+" + PROPER + ")?)");

	/** First letters of the unit words of NAMED. */
	private static final String UNIT_WORD_INITIALS = "XxPpTtBbẤấKk";

	private static final Pattern AFTER_NON_VILLAGE_WORD = Pattern.compile(".*(?:cơ|văn|phiên|kịch)\\s$");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Pattern VILLAGE_KIND = Pattern.compile("thôn|bản|xóm|ấp|khu dân cư");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+và\\s+");

	private UnitNames() {
	}

	static List<Unit> find(String text) {
		List<Unit> units = new ArrayList<>();
		// NAMED opens with a lookbehind, so the engine would try it everywhere; a match starts with a unit word.
		RegexScan named = new RegexScan(NAMED, text, (s, i) -> UNIT_WORD_INITIALS.indexOf(s.charAt(i)) >= 0);
		Matcher m = named.matcher();
		while (named.find()) {
			String kind = m.group("kind").toLowerCase();
			String name = m.group("name").strip();
			// "văn bản Hướng dẫn", "cơ bản Đạt": "bản" is a village only after a non-word or a preposition.
			if (kind.equals("bản") && m.start() > 0 && AFTER_NON_VILLAGE_WORD
				.matcher(text.substring(Math.max(0, m.start() - 4), m.start()))
				.matches()) {
				continue;
			}
			if (DIGITS.matcher(name).matches() && !VILLAGE_KIND.matcher(kind).matches()) {
				continue;
			}
			units.add(new Unit(kind, name, m.start(), m.end()));
		}
		RegexScan lists = new RegexScan(COMMUNE_LIST, text, (s, i) -> s.startsWith("các xã", i));
		Matcher list = lists.matcher();
		while (lists.find()) {
			for (String name : LIST_SEPARATOR.split(list.group("list"))) {
				if (!name.isBlank()) {
					units.add(new Unit("xã", name.strip(), list.start("list"), list.end("list")));
				}
			}
		}
		return units;
	}

	private static final Pattern OWN_COMMUNE = Pattern.compile("(?<![\\p{L}])(?<kind>xã|phường|thị trấn)\\s+(?<name>" + PROPER + ")$");

	static List<String> subjectUnits(String title, List<Block> blocks, int fromBlock, String issuer) {
		Set<String> inTitle = new LinkedHashSet<>();
		for (Unit u : find(title)) {
			if (u.commune()) {
				inTitle.add(u.label());
			}
		}
		if (!inTitle.isEmpty()) {
			return new ArrayList<>(inTitle);
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = fromBlock; i < blocks.size(); i++) {
			String t = blocks.get(i).text();
			if (blocks.get(i).distributionList()) {
				break;
			}
			for (Unit u : find(t)) {
				if (u.commune()) {
					counts.merge(u.label(), 1, Integer::sum);
				}
			}
		}
		List<String> named = counts.entrySet()
			.stream()
			.filter(e -> e.getValue() >= 2)
			.max(Map.Entry.comparingByValue())
			.map(e -> List.of(e.getKey()))
			.orElse(List.of());
		if (named.isEmpty() && issuer != null) {
			// A commune's own plan or report is about that commune even when it names itself only once.
			Matcher own = OWN_COMMUNE.matcher(issuer);
			if (own.find()) {
				return List.of(own.group("kind") + " " + own.group("name"));
			}
		}
		return named;
	}
}
