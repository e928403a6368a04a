package vn.ntmtracker.web.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.units.SearchKey;

/**
 * Which organisation a body named in a document is, among the organisations of the document's subject unit, the units
 * above it and the units under it, as they stood on the document's date — never a body of another province, whose
 * organisations are not even candidates. A generic name resolves by level ("UBND huyện" is the People's Committee of
 * the subject commune's district that day; "UBND xã" the commune's own), a named place ("Đảng ủy xã Cẩm Quang") to that
 * unit's bodies, a bare place ("phối hợp xã", "địa phương") to its People's Committee. When two bodies fit equally, or
 * none does, nothing is guessed: the resolution says so and names the candidates, for the reviewer to choose.
 */
final class BodyResolver {

	/** A unit in the document's neighbourhood: its code, name and level (1 province … 4 village). */
	record Place(String code, String name, int level) {

		String key() {
			return SearchKey.of(name);
		}
	}

	enum Outcome {
		/** One body fits. */
		RESOLVED,
		/** Several bodies fit equally; the candidates are named. */
		AMBIGUOUS,
		/** No body of the neighbourhood fits. */
		NOT_FOUND,
		/** A collective wording ("các phòng, ngành liên quan") that names no body. */
		VAGUE
	}

	/** What a name resolved to; {@code organisation} only when {@link Outcome#RESOLVED}. */
	record Resolution(String named, Outcome outcome, Organisation organisation, List<Organisation> candidates) {

		boolean resolved() {
			return outcome == Outcome.RESOLVED;
		}

		Long organisationId() {
			return organisation == null ? null : organisation.id();
		}

		static Resolution of(String named, Outcome outcome, Organisation organisation, List<Organisation> candidates) {
			return new Resolution(named, outcome, organisation, List.copyOf(candidates));
		}
	}

	/** Spelt-out forms of the abbreviations documents use for bodies and programmes. */
	private static final String[][] ABBREVIATIONS = {
			{ "ubnd", "uy ban nhan dan" }, { "hdnd", "hoi dong nhan dan" }, { "mttq", "mat tran to quoc" },
			{ "ubmttq", "uy ban mat tran to quoc" }, { "bcd", "ban chi dao" }, { "btv", "ban thuong vu" },
			{ "bch", "ban chap hanh" }, { "ntm", "nong thon moi" }, { "mtqg", "muc tieu quoc gia" },
			{ "ktht", "kinh te ha tang" }, { "kinh te ht", "kinh te ha tang" }, { "tckh", "tai chinh ke hoach" },
			{ "tai chinh kh", "tai chinh ke hoach" }, { "nnptnt", "nong nghiep va phat trien nong thon" },
			{ "nn va ptnt", "nong nghiep va phat trien nong thon" }, { "nn ptnt", "nong nghiep va phat trien nong thon" },
			{ "tnmt", "tai nguyen va moi truong" }, { "tai nguyen mt", "tai nguyen va moi truong" },
			{ "vhtt", "van hoa thong tin" }, { "gddt", "giao duc va dao tao" }, { "ldtbxh", "lao dong thuong binh va xa hoi" },
			{ "ttyt", "trung tam y te" }, { "qlda", "quan ly du an" }, { "lhpn", "lien hiep phu nu" }, { "ccb", "cuu chien binh" },
			{ "hu", "huyen uy" }, { "cap uy", "dang uy" }, { "chinh quyen", "uy ban nhan dan" } };

	/** Words of a name that say nothing about which body it is. */
	private static final Set<String> STOP = Set.of("va", "cac", "cua", "trong", "tren", "tai", "viet", "nam", "cap", "xay",
			"dung", "thuc", "hien", "chuong", "trinh");

	/**
	 * The level words and the level they name. "xã hội" (social) is not a commune, "nông thôn" not a village, "quản lý"
	 * not an urban district (quận is left out).
	 */
	private static final Pattern LEVEL = Pattern.compile(
			"\\b(tinh uy|tinh doan|tinh|huyen uy|huyen doan|huyen|thi xa|thanh pho|thi tran|phuong|xa(?! hoi)|(?<!nong )thon|xom)\\b");

	/** Words of collective wordings ("các phòng, ngành liên quan", "các đoàn thể chính trị - xã hội"). */
	private static final Set<String> COLLECTIVE = Set.of("cac", "nhung", "phong", "ban", "nganh", "co", "quan", "don", "vi",
			"doan", "the", "to", "chuc", "chuyen", "mon", "cap", "chi", "bo", "thon", "xa", "huyen", "tinh", "lien", "chinh",
			"tri", "hoi", "va", "duoc", "giao", "tren", "dia", "trong", "he", "thong");

	/** "Các phòng Tài chính - Kế hoạch, Tài nguyên và Môi trường, Kinh tế - Hạ tầng": one body per listed name. */
	private static final Pattern LISTED = Pattern.compile("^[Cc]ác (phòng|ban|hội|sở) (.+)$");

	private final List<Place> places;
	private final Map<String, Place> byCode;
	private final String subjectCode;
	private final List<Organisation> organisations;

	/**
	 * @param places the subject unit, the units above it and the units under it on the document's date
	 * @param subjectCode the unit the document is about (the commune of a conclusion notice)
	 * @param organisations the organisations attached to those units — the only candidates
	 */
	BodyResolver(List<Place> places, String subjectCode, List<Organisation> organisations) {
		this.places = List.copyOf(places);
		this.byCode = new java.util.HashMap<>();
		places.forEach(p -> byCode.put(p.code(), p));
		this.subjectCode = subjectCode;
		this.organisations = organisations.stream().filter(o -> byCode.containsKey(o.unitCode())).toList();
	}

	List<Organisation> candidates() {
		return organisations;
	}

	/**
	 * Resolves each body of a list as the document names it, in order. A bare level after a body ("Ban Chỉ đạo …
	 * huyện, xã") is the same kind of body at that level; "các phòng A, B và C" is three bodies.
	 */
	List<Resolution> resolveAll(List<String> names) {
		List<String> expanded = new ArrayList<>();
		for (String name : names) {
			Matcher listed = name == null ? null : LISTED.matcher(name.strip());
			if (listed != null && listed.matches() && !SearchKey.of(listed.group(2)).matches(".*\\blien quan\\b.*")) {
				String head = Character.toUpperCase(listed.group(1).charAt(0)) + listed.group(1).substring(1);
				// Commas only: "Tài nguyên và Môi trường" is one name.
				for (String part : listed.group(2).split("[,;]")) {
					if (!part.isBlank()) {
						expanded.add(head + " " + part.strip());
					}
				}
			}
			else {
				expanded.add(name);
			}
		}
		List<Resolution> resolved = new ArrayList<>();
		String previousCore = null;
		for (String name : expanded) {
			Parsed parsed = parse(name);
			if (parsed.core().isEmpty() && parsed.place() == null && parsed.level() > 0 && previousCore != null) {
				// "Ban Chỉ đạo … huyện, xã": the second is the commune's Ban Chỉ đạo.
				parsed = new Parsed(name, previousCore, parsed.level(), null, false, parsed.vague());
			}
			resolved.add(resolve(parsed));
			if (!parsed.core().isEmpty()) {
				previousCore = parsed.core();
			}
		}
		return resolved;
	}

	Resolution resolve(String name) {
		return resolve(parse(name));
	}

	/** A name taken apart: the words that say which body ({@code core}), the level or place it names, if any. */
	private record Parsed(String named, String core, int level, Place place, boolean local, boolean vague) {
	}

	private Parsed parse(String name) {
		String key = " " + spelt(SearchKey.of(name)) + " ";
		boolean vague = key.matches(" (cac|nhung) .*") && (key.contains(" lien quan ")
				|| Arrays.stream(key.strip().split(" ")).allMatch(COLLECTIVE::contains));
		key = key.replaceAll("^ (thuong truc|cac dong chi trong|cac dong chi|dong chi|lanh dao) ", " ");
		boolean local = key.matches(".*\\b(dia phuong|co so)\\b.*");
		key = key.replaceAll("\\b(dia phuong|co so)\\b", " ");
		// A named place: the longest place name the text holds, preferring one written after its level word.
		Place named = null;
		for (Place place : places.stream().sorted(Comparator.comparingInt((Place p) -> -p.key().length())).toList()) {
			if (!place.key().isEmpty() && key.contains(" " + place.key() + " ")) {
				named = place;
				break;
			}
		}
		int level = 0;
		Matcher levels = LEVEL.matcher(key);
		while (levels.find()) {
			level = Math.max(level, levelOf(levels.group(1)));
			if (levels.group(1).endsWith(" uy")) {
				break;
			}
		}
		String core = key;
		for (Place place : places) {
			if (!place.key().isEmpty()) {
				core = core.replace(" " + place.key() + " ", " ");
			}
		}
		core = LEVEL.matcher(core).replaceAll(m -> m.group(1).endsWith(" uy") ? "uy" : m.group(1).endsWith(" doan") ? "doan" : " ");
		return new Parsed(name, words(core), level, named, local, vague);
	}

	private static int levelOf(String word) {
		return switch (word) {
			case "tinh", "tinh uy", "tinh doan" -> 1;
			case "huyen", "huyen uy", "huyen doan", "thi xa", "thanh pho", "quan" -> 2;
			case "xa", "phuong", "thi tran" -> 3;
			default -> 4;
		};
	}

	private Resolution resolve(Parsed parsed) {
		String named = parsed.named();
		if (named == null || named.isBlank()) {
			return Resolution.of(named, Outcome.NOT_FOUND, null, List.of());
		}
		if (parsed.vague() && parsed.place() == null) {
			return Resolution.of(named, Outcome.VAGUE, null, List.of());
		}
		Place subject = byCode.get(subjectCode);
		// Where the body sits: a named place; else the subject unit's ancestor (or itself) of the level named.
		Place target = parsed.place();
		boolean strict = target == null && parsed.level() > 0;
		if (target == null && parsed.level() > 0 && subject != null) {
			target = lineOfSubject().stream().filter(p -> p.level() == parsed.level()).findFirst().orElse(null);
			if (target == null) {
				return Resolution.of(named, Outcome.NOT_FOUND, null, List.of());
			}
		}
		if (target == null && parsed.local()) {
			target = subject;
			strict = true;
		}
		Set<String> core = set(parsed.core());
		if (core.isEmpty()) {
			// Only a place ("xã Bản Bo", "phối hợp xã", "địa phương"): the unit's People's Committee.
			if (target == null) {
				return Resolution.of(named, Outcome.NOT_FOUND, null, List.of());
			}
			Place unit = target;
			List<Organisation> committees = organisations.stream()
				.filter(o -> o.unitCode().equals(unit.code()) && o.kind() == Organisation.Kind.PEOPLES_COMMITTEE).toList();
			return decide(named, committees.stream().map(o -> new Scored(o, 1.0, 0)).toList());
		}
		Organisation.Kind kind = kindOf(parsed.core());
		List<Scored> scored = new ArrayList<>();
		for (Organisation organisation : organisations) {
			if (kind != null && organisation.kind() != kind && organisation.kind() != Organisation.Kind.OTHER) {
				continue;
			}
			Set<String> own = set(words(orgCore(organisation)));
			if (own.isEmpty()) {
				continue;
			}
			long shared = core.stream().filter(own::contains).count();
			double coverage = (double) shared / core.size();
			double dice = 2.0 * shared / (core.size() + own.size());
			if (coverage >= 0.75 && dice >= 0.5) {
				scored.add(new Scored(organisation, dice, distance(organisation.unitCode())));
			}
		}
		if (target != null) {
			String code = target.code();
			List<Scored> there = scored.stream().filter(s -> s.organisation().unitCode().equals(code)).toList();
			// A generic name ("UBND xã Cẩm Quang") never falls back to another unit's body of that kind.
			if (!there.isEmpty() || strict || kind != null) {
				return decide(named, there);
			}
			// A named place may be where a body works rather than where it sits ("Tổ công tác … tại xã Cẩm Quang").
		}
		return decide(named, scored);
	}

	private record Scored(Organisation organisation, double score, int distance) {
	}

	/** The best fit when it is alone at the top (by score, then nearness to the subject unit); else the candidates. */
	private static Resolution decide(String named, List<Scored> scored) {
		if (scored.isEmpty()) {
			return Resolution.of(named, Outcome.NOT_FOUND, null, List.of());
		}
		List<Scored> ranked = scored.stream()
			.sorted(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::distance)).toList();
		Scored best = ranked.get(0);
		List<Scored> tied = ranked.stream()
			.filter(s -> Math.abs(s.score() - best.score()) < 1e-9 && s.distance() == best.distance()).toList();
		if (tied.size() == 1) {
			return Resolution.of(named, Outcome.RESOLVED, best.organisation(), List.of());
		}
		return Resolution.of(named, Outcome.AMBIGUOUS, null, tied.stream().map(Scored::organisation).toList());
	}

	/** How far a unit is from the subject unit: 0 itself, then its ancestors upward, then the units under it. */
	private int distance(String unitCode) {
		List<Place> line = lineOfSubject();
		for (int i = 0; i < line.size(); i++) {
			if (line.get(i).code().equals(unitCode)) {
				return i;
			}
		}
		return 10 + Optional.ofNullable(byCode.get(unitCode)).map(Place::level).orElse(9);
	}

	/** The subject unit then its ancestors upward (places are given from the province down). */
	private List<Place> lineOfSubject() {
		Place subject = byCode.get(subjectCode);
		if (subject == null) {
			return List.of();
		}
		List<Place> line = new ArrayList<>(places.stream().filter(p -> p.level() < subject.level()).toList());
		line.sort(Comparator.comparingInt((Place p) -> -p.level()));
		line.add(0, subject);
		return line;
	}

	private String orgCore(Organisation organisation) {
		String key = " " + spelt(SearchKey.of(organisation.name())) + " ";
		key = key.replaceAll("\\(.*?\\)", " ");
		for (Place place : places) {
			if (!place.key().isEmpty()) {
				key = key.replace(" " + place.key() + " ", " ");
			}
		}
		return LEVEL.matcher(key).replaceAll(m -> m.group(1).endsWith(" uy") ? "uy" : m.group(1).endsWith(" doan") ? "doan" : " ");
	}

	/** The kind a generic name says, for the kinds every level has; null when the name says none of them. */
	static Organisation.Kind kindOf(String core) {
		String key = " " + core + " ";
		if (key.contains(" uy ban nhan dan ")) {
			return Organisation.Kind.PEOPLES_COMMITTEE;
		}
		if (key.contains(" mat tran to quoc ")) {
			return Organisation.Kind.FATHERLAND_FRONT;
		}
		if (key.contains(" ban chi dao ")) {
			return Organisation.Kind.STEERING_COMMITTEE;
		}
		if (key.contains(" dang uy ") || key.matches(".* ban thuong vu uy .*") || key.equals(" uy ")) {
			return Organisation.Kind.PARTY_COMMITTEE;
		}
		return null;
	}

	private static String spelt(String key) {
		String spelt = " " + key.replaceAll("[^a-z0-9]+", " ") + " ";
		for (String[] abbreviation : ABBREVIATIONS) {
			spelt = spelt.replace(" " + abbreviation[0] + " ", " " + abbreviation[1] + " ");
		}
		return spelt.replaceAll("\\s+", " ").strip();
	}

	private static String words(String text) {
		return Arrays.stream(text.split("[^a-z0-9]+")).filter(w -> !w.isEmpty() && !STOP.contains(w))
			.reduce((a, b) -> a + " " + b).orElse("");
	}

	private static Set<String> set(String words) {
		Set<String> set = new LinkedHashSet<>(Arrays.asList(words.split(" ")));
		set.remove("");
		return new HashSet<>(set);
	}
}
