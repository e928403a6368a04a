package vn.ntmtracker.extraction;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.ntmtracker.extraction.ExtractionDraft.Level;

/**
 * Criterion names of the national xã sets, to give a criterion named without its number a number only when that is
 * unambiguous. The same number means different things in different sets (Y tế is 15 in the NTM sets and 14 in the
 * nâng cao set), so a name resolves only if every set that fits the document agrees.
 */
final class CriterionNames {

	/** A name in the forms it is compared in: folded, and folded without "và". */
	private record Name(String folded, String bare) {

		static Name of(String name) {
			String folded = normalise(name);
			return new Name(folded, folded.replace(" va ", " "));
		}
	}

	private record CriteriaSet(Level level, int fromYear, int toYear, List<String> names, List<Name> folded) {

		CriteriaSet(Level level, int fromYear, int toYear, List<String> names) {
			this(level, fromYear, toYear, names, names.stream().map(Name::of).toList());
		}
	}

	private static final java.util.regex.Pattern KTNT = java.util.regex.Pattern.compile("\\bktnt\\b");

	// QĐ 1980/QĐ-TTg (2016–2020), QĐ 318/QĐ-TTg Phụ lục I (NTM 2021–2025) and Phụ lục II (nâng cao 2021–2025).
	private static final List<CriteriaSet> SETS = List.of(
			new CriteriaSet(Level.NTM, 2016, 2021, List.of("Quy hoạch", "Giao thông", "Thủy lợi", "Điện", "Trường học",
					"Cơ sở vật chất văn hóa", "Cơ sở hạ tầng thương mại nông thôn", "Thông tin và Truyền thông",
					"Nhà ở dân cư", "Thu nhập", "Hộ nghèo", "Lao động có việc làm", "Tổ chức sản xuất",
					"Giáo dục và Đào tạo", "Y tế", "Văn hóa", "Môi trường và an toàn thực phẩm",
					"Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh")),
			new CriteriaSet(Level.NTM, 2021, 2025, List.of("Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai",
					"Điện", "Trường học", "Cơ sở vật chất văn hóa", "Cơ sở hạ tầng thương mại nông thôn",
					"Thông tin và Truyền thông", "Nhà ở dân cư", "Thu nhập", "Nghèo đa chiều", "Lao động",
					"Tổ chức sản xuất và phát triển kinh tế nông thôn", "Giáo dục và Đào tạo", "Y tế", "Văn hóa",
					"Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật",
					"Quốc phòng và An ninh")),
			new CriteriaSet(Level.NTM_NANG_CAO, 2021, 2025, List.of("Quy hoạch", "Giao thông",
					"Thủy lợi và phòng, chống thiên tai", "Điện", "Giáo dục", "Văn hóa",
					"Cơ sở hạ tầng thương mại nông thôn", "Thông tin và truyền thông", "Nhà ở dân cư", "Thu nhập",
					"Nghèo đa chiều", "Lao động", "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Y tế",
					"Hành chính công", "Tiếp cận pháp luật", "Môi trường", "Chất lượng môi trường sống",
					"Quốc phòng và An ninh")));

	/** First words of the official names (folded forms, "và" dropped). */
	private static final Set<String> FIRST_WORDS = new HashSet<>();

	static {
		for (CriteriaSet set : SETS) {
			for (Name official : set.folded()) {
				FIRST_WORDS.add(firstWord(official.bare()));
			}
		}
	}

	private CriterionNames() {
	}

	/**
	 * The number of the criterion called {@code name} in the sets that fit the document (its level and year; all
	 * sets when unknown), if they agree. Sets after 2025 (QĐ 51/2025) are not loaded, so later documents never resolve.
	 */
	static Optional<Integer> numberOf(String name, Level level, int year) {
		Name wanted = Name.of(name);
		if (wanted.folded().isEmpty() || !mayMatchSomeName(wanted)) {
			return Optional.empty();
		}
		if (year > 2025) {
			return Optional.empty();
		}
		Set<Integer> numbers = new HashSet<>();
		boolean anySet = false;
		for (CriteriaSet set : SETS) {
			if (!fits(set, level, year)) {
				continue;
			}
			anySet = true;
			Integer found = null;
			for (int i = 0; i < set.names().size(); i++) {
				if (matches(wanted, set.folded().get(i))) {
					found = i + 1;
					break;
				}
			}
			if (found == null) {
				continue;
			}
			numbers.add(found);
		}
		return anySet && numbers.size() == 1 ? Optional.of(numbers.iterator().next()) : Optional.empty();
	}

	/** Whether {@code name} is the name of some criterion in any known set. */
	static boolean isCriterionName(String name) {
		Name wanted = Name.of(name);
		if (wanted.folded().isEmpty() || !mayMatchSomeName(wanted)) {
			return false;
		}
		for (CriteriaSet set : SETS) {
			for (Name official : set.folded()) {
				if (matches(wanted, official)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether {@code written} may match some official name: every way of matching (equal forms, or one a
	 * word-prefix of the other) keeps the first word, so a first word no official name has rules it out.
	 */
	private static boolean mayMatchSomeName(Name written) {
		return FIRST_WORDS.contains(firstWord(written.bare()));
	}

	private static String firstWord(String folded) {
		int space = folded.indexOf(' ');
		return space < 0 ? folded : folded.substring(0, space);
	}

	private static boolean fits(CriteriaSet set, Level level, int year) {
		boolean levelFits = level == null || level == set.level()
				|| (level != Level.NTM && level != Level.NTM_NANG_CAO && set.level() == Level.NTM_NANG_CAO);
		boolean yearFits = year <= 0 || (year >= set.fromYear() && year <= set.toYear());
		return levelFits && yearFits;
	}

	// A written name matches a set name when it is the name, or its leading words ("Tổ chức sản xuất và phát triển
	// KTNT" for criterion 13, "Môi trường" for "Môi trường và an toàn thực phẩm") with "và" optional.
	private static boolean matches(Name written, Name official) {
		if (written.folded().equals(official.folded()) || written.bare().equals(official.bare())) {
			return true;
		}
		String w = written.bare();
		String o = official.bare();
		return w.indexOf(' ') > 0 && (o.startsWith(w) && o.length() > w.length() && o.charAt(w.length()) == ' '
				|| w.startsWith(o) && w.length() > o.length() && w.charAt(o.length()) == ' ') && !o.equals("van hoa");
	}

	private static String normalise(String name) {
		String folded = TextNormalizer.fold(name == null ? "" : name);
		// KTNT needs the letters "ktnt".
		return folded.contains("ktnt") ? KTNT.matcher(folded).replaceAll("kinh te nong thon") : folded;
	}
}
