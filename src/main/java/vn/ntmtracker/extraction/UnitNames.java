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

	/**
	 * A named unit; {@code group} is the start of the mention it belongs to, shared by the units named together ("xã
	 * Cẩm Thanh và Cẩm Hà", "các xã: A, B, C").
	 */
	record Unit(String kind, String name, int start, int end, int group) {

		Unit(String kind, String name, int start, int end) {
			this(kind, name, start, end, start);
		}

		String label() {
			return kind + " " + name;
		}

		boolean commune() {
			return kind.equals("xã") || kind.equals("phường") || kind.equals("thị trấn");
		}
	}

	private static final String PROPER = "(?:\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*)*|\\d{1,3}(?![\\d/]))";

	// "thị xã Điện Bàn" is a district-level town, not a commune.
	private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}])(?<![Tt]hị\\s)(?<kind>[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hôn|[Bb]ản|[Xx]óm|[Ấấ]p|[Kk]hu dân cư)"
			+ "\\s+(?<name>" + PROPER + ")");

	// Where a list of communes opens: "các xã: A, B", "các xã A (Huyện), B", "4 xã (A, B)", "10 xã đăng ký … là A, B
	// và C", "5 xã được công nhận lần này, gồm A, B của huyện X; C".
	// Examples ("đạt nhiều tiêu chí như các xã: …") are not what a text is about.
	private static final Pattern COMMUNE_LIST = Pattern.compile("(?<![\\p{L}])(?<!như\\s)(?:[Cc]ác|[Nn]hững|\\d{1,3})\\s+xã"
			+ "(?:\\s*\\(|[^.:;]{0,160}?\\s(?:là|gồm)\\s*:?\\s*|\\s*:\\s*|\\s+(?=\\p{Lu}))");

	private static final Pattern LIST_NAME = Pattern.compile("(?:xã\\s+)?(?<name>\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*)*)(?![\\p{L}\\d])");

	// What may follow a listed name before the next one: "(Kim Thành)", "của huyện Núi Thành", ", huyện Thanh Bình".
	private static final Pattern LIST_QUALIFIER = Pattern.compile("\\s*\\([^)]{0,60}\\)|\\s+(?:của|thuộc|ở)\\s+(?:huyện|thị xã|thành phố|tỉnh|quận)\\s+\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*)*");

	private static final Pattern LIST_DISTRICT = Pattern.compile("(?:huyện|thị xã|thành phố|tỉnh|quận|TP\\.?)\\s+\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*)*");

	private static final Pattern LIST_SEPARATOR_AT = Pattern.compile("\\s*[,;]\\s*|\\s+và\\s+");

	// "xã Cẩm Thanh và Cẩm Hà", "xã A, B và C": more communes named with one "xã".
	private static final Pattern MORE_NAMES = Pattern.compile("(?:\\s*,\\s*|\\s+và\\s+)(?:xã\\s+)?(?<name>\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)*)(?![\\p{L}\\d])");

	/** First letters of the unit words of NAMED. */
	private static final String UNIT_WORD_INITIALS = "XxPpTtBbẤấKk";

	private static final Pattern AFTER_NON_VILLAGE_WORD = Pattern.compile(".*(?:cơ|văn|phiên|kịch)\\s$");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Pattern VILLAGE_KIND = Pattern.compile("thôn|bản|xóm|ấp|khu dân cư");


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
			if (kind.equals("xã") && m.end() < text.length()) {
				int end = m.end();
				Matcher more = MORE_NAMES.matcher(text);
				while (end < text.length() && more.region(end, text.length()).lookingAt()) {
					units.add(new Unit("xã", more.group("name"), more.start("name"), more.end("name"), m.start()));
					end = more.end();
				}
			}
		}
		if (text.contains("xã")) {
			units.addAll(lists(text));
		}
		return units;
	}

	/** The communes of every list in the text ({@link #COMMUNE_LIST}), districts and brackets left out. */
	static List<Unit> lists(String text) {
		List<Unit> units = new ArrayList<>();
		Matcher opener = COMMUNE_LIST.matcher(text);
		int from = 0;
		while (from < text.length() && opener.find(from)) {
			int pos = opener.end();
			int group = opener.start();
			Matcher name = LIST_NAME.matcher(text);
			Matcher qualifier = LIST_QUALIFIER.matcher(text);
			Matcher district = LIST_DISTRICT.matcher(text);
			Matcher separator = LIST_SEPARATOR_AT.matcher(text);
			while (pos < text.length()) {
				if (district.region(pos, text.length()).lookingAt()) {
					pos = district.end();
				}
				else if (name.region(pos, text.length()).lookingAt()) {
					units.add(new Unit("xã", name.group("name"), name.start("name"), name.end("name"), group));
					pos = name.end();
				}
				else {
					break;
				}
				while (pos < text.length() && qualifier.region(pos, text.length()).lookingAt()) {
					pos = qualifier.end();
				}
				if (pos < text.length() && separator.region(pos, text.length()).lookingAt()) {
					pos = separator.end();
				}
				else {
					break;
				}
			}
			from = Math.max(opener.end(), pos);
		}
		return units;
	}

	private static final Pattern OWN_COMMUNE = Pattern.compile("(?<![\\p{L}])(?<kind>xã|phường|thị trấn)\\s+(?<name>" + PROPER + ")$");

	static List<String> subjectUnits(String title, List<Block> blocks, int fromBlock, String issuer) {
		return subjectUnits(title, blocks, fromBlock, issuer, false);
	}

	/**
	 * The communes a document is about: those its title names; on a web page, those of the first paragraph that
	 * lists communes; else the one it keeps naming; on a web page, the only one it names; else the issuer's own.
	 */
	static List<String> subjectUnits(String title, List<Block> blocks, int fromBlock, String issuer, boolean page) {
		Set<String> inTitle = new LinkedHashSet<>();
		for (Unit u : find(title)) {
			if (u.commune()) {
				inTitle.add(u.label());
			}
		}
		if (!inTitle.isEmpty()) {
			return new ArrayList<>(inTitle);
		}
		if (page) {
			for (int i = fromBlock; i < blocks.size() && !blocks.get(i).pageEnd(); i++) {
				String t = blocks.get(i).text();
				if (t.contains("xã") && !lists(t).isEmpty()) {
					Set<String> listed = new LinkedHashSet<>();
					for (Unit u : find(t)) {
						if (u.commune()) {
							listed.add(u.label());
						}
					}
					return new ArrayList<>(listed);
				}
			}
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = fromBlock; i < blocks.size(); i++) {
			String t = blocks.get(i).text();
			if (blocks.get(i).distributionList() || page && blocks.get(i).pageEnd()) {
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
		if (named.isEmpty() && page && counts.size() == 1) {
			return List.of(counts.keySet().iterator().next());
		}
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
