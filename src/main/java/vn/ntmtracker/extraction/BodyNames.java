package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the bodies that receive tasks (departments, committees, mass organisations, named officials) and writes
 * their names one way: abbreviations expanded ("UBND" → "Ủy ban nhân dân"), department names in their official form
 * ("Phòng Kinh tế HT" → "Phòng Kinh tế - Hạ tầng"), the usual capitalisation of organ names.
 */
final class BodyNames {

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String[] BODY_STARTS = { "phòng", "sở", "bộ", "ban", "ủy ban", "ubnd", "ub", "ubmttq", "mttq",
			"mặt trận", "hội", "huyện đoàn", "tỉnh đoàn", "đoàn", "văn phòng", "vp", "trung tâm", "đảng ủy", "cấp ủy",
			"chi bộ", "chi ủy", "công an", "quân sự", "ban chỉ huy", "trường", "trạm", "điện lực", "đồng chí",
			"thành viên", "cán bộ", "công chức", "tổ công tác", "tổ", "hợp tác xã", "htx", "thôn", "bản", "xóm", "ấp",
			"ubkt", "bch", "btv", "bcđ", "bcd", "bql", "hđnd", "hội đồng", "chủ tịch", "phó chủ tịch", "bí thư",
			"trưởng", "giám đốc", "thường trực", "huyện ủy", "tỉnh ủy", "đảng bộ", "xã", "phường", "thị trấn", "đài",
			// A person's title before the institution: "Hiệu trưởng Trường Tiểu học …", "Chỉ huy trưởng Ban Chỉ huy …".
			"hiệu trưởng", "phó hiệu trưởng", "phó giám đốc", "phó trưởng", "chánh văn phòng", "chỉ huy trưởng",
			"thủ trưởng",
			"kho bạc", "chi cục", "cục", "bảo hiểm xã hội", "ngân hàng", "nhà trường", "lãnh đạo", "chính quyền",
			"các phòng", "các ban", "các sở", "các đơn vị", "các cơ quan", "các xã", "các thôn", "các chi bộ",
			"các tổ chức", "các đoàn thể", "các ngành", "các cấp", "các đồng chí", "các thành viên", "các hội",
			"các trường", "các tổ", "các bản", "các địa phương", "địa phương", "cơ quan chuyên môn", "riêng thôn" };

	private static final Pattern NOT_A_BODY = Pattern.compile("^(?:ban hành|hội nghị|hội thảo|hội viên|đoàn kết|đoàn viên"
			+ "|trường hợp|xã hội|tổ chức|cấp ủy đảng, chính quyền cần|bản sắc|bản đồ|đài truyền hình|thôn xóm,|các cấp, các ngành theo"
			+ "|bộ mặt|bộ tiêu chí|bộ máy|bộ phận|bộ hồ sơ|bộ chỉ số|bộ đội)", F);

	private static final String[] STOPS = { "tiếp tục", "tập trung", "tổ chức", "chỉ đạo", "xây dựng", "thực hiện",
			"triển khai", "ban hành", "rà soát", "chịu trách nhiệm", "có trách nhiệm", "phối hợp", "khẩn trương",
			"chủ động", "tuyên truyền", "vận động", "hướng dẫn", "hỗ trợ", "phải", "cần", "thường xuyên", "theo",
			"đẩy mạnh", "tăng cường", "kiểm tra", "đôn đốc", "tham mưu", "quan tâm", "nghiên cứu", "lập",
			"hoàn thành", "phát động", "cùng", "với", "chủ trì", "nắm", "sớm", "kịp thời", "khảo sát", "đề xuất",
			"xem xét", "bố trí", "huy động", "thành lập", "giúp", "duy trì", "tích cực", "định kỳ", "báo cáo", "được",
			"là", "đã", "sẽ", "đang", "viết", "gửi", "nộp", "trình", "ưu tiên", "thẩm định", "đánh giá", "giám sát",
			"củng cố", "nâng cao", "làm", "xử lý", "ra quân", "mở", "tiến hành", "quản lý", "đảm bảo", "bảo đảm",
			"cụ thể", "để", "nhằm", "căn cứ", "vào", "đến", "khi", "nếu", "về", "tại", "bám sát", "giải quyết",
			"cập nhật", "phụ trách", "chỉnh trang", "điều hành", "phân công", "lãnh đạo", "công bố", "cắm mốc",
			"đầu tư", "thu gom", "phân loại", "soát xét", "khâu nối", "lấy ý kiến", "tháo gỡ", "phê duyệt",
			"thông báo", "kết luận", "yêu cầu", "đề nghị", "thống nhất", "chuẩn bị", "hoàn thiện", "nâng cấp",
			"sửa chữa", "tu sửa", "lắp đặt", "trong", "hàng tuần", "hàng tháng", "mỗi", "và nhân dân", "cho",
			"khắc phục", "phấn đấu", "quyết liệt", "tạo", "trình", "phát huy", "vận hành", "bổ sung", "tiến tới", "rút kinh nghiệm",
			// Reporting verbs never belong to a body's name: "Chủ tịch UBND tỉnh nhấn mạnh, các đơn vị cần …".
			"nhấn mạnh", "cho biết", "khẳng định", "lưu ý", "chỉ rõ", "phát biểu", "ghi nhận", "biểu dương" };

	/** BODY_STARTS by their first character. */
	private static final Map<Character, List<String>> BODY_STARTS_BY_FIRST_CHAR = new java.util.HashMap<>();

	/** Stop phrases by their first word, so a scan looks up one word instead of trying every phrase. */
	private static final Map<String, List<String>> STOPS_BY_WORD = new java.util.HashMap<>();

	private static final Set<String> COMPOUND_BEFORE_TRINH = Set.of("chương", "quy", "lộ", "công", "tờ", "tiến");

	private static final Pattern ASSIGNED_SO_FAR = Pattern.compile("được(?: phân công)?(?: phụ trách)?\\s*$");

	// "Các thành viên được phân công", "Các đồng chí có tên (tại Điều 1)" with no role after it point back at people
	// named elsewhere; they name no body. "… được phân công phụ trách các thôn" names a role and stays a body.
	private static final Pattern BACK_REFERENCE = Pattern
		.compile("^(?:các\\s+)?(?:thành viên|đồng chí|cá nhân|cán bộ|công chức)\\s+(?:được phân công|nêu trên|có tên)$");

	// A unit named by its kind and a proper name, followed by a lower-case word: "xã Cẩm Minh quan tâm …".
	private static final Pattern NAMED_UNIT = Pattern.compile("(?:[Xx]ã|[Tt]hôn|[Bb]ản|[Xx]óm|[Ấấ]p|[Pp]hường|[Tt]hị trấn)"
			+ "(?:\\s+(?:\\p{Lu}\\p{Ll}*|\\d{1,3}))+(?=\\s+\\p{Ll})");

	private static final Pattern LEADING_SPACE_JUNK = Pattern.compile("^[,;:.\\-–\\s]+|[,;:.\\-–\\s]+$");

	private static final Pattern DOUBLED_FIRST_WORD = Pattern.compile("^(\\p{L}+) \\1(?![\\p{L}])");

	private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)?");

	private static final Pattern LEADING_PHONG = Pattern.compile("^\\s*phòng(?= \\p{Lu})");

	private static final Pattern SPACE_RUNS = Pattern.compile("\\s+");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:–-]+$");

	private static final Pattern TRAILING_VA = Pattern.compile("\\s+và$");

	private static final Pattern PLACE_WORD = Pattern.compile("xã|huyện|tỉnh|phường|thị trấn|thành phố|thị xã|quận|thôn|bản");

	private static final Pattern HAS_VOWEL = Pattern.compile(".*[aeiouy].*");

	private static final Pattern SPACE_COMMA = Pattern.compile("\\s+,");

	private static final Map<Pattern, String> ABBREVIATION_PATTERNS = new LinkedHashMap<>();

	private static final Map<String, String> CANONICAL_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

	private static final Map<Pattern, String> DEPARTMENTS = new LinkedHashMap<>();

	private static final Map<Pattern, String> CASING = new LinkedHashMap<>();

	static {
		ABBREVIATIONS.put("UB MTTQ", "Ủy ban Mặt trận Tổ quốc");
		ABBREVIATIONS.put("UBMTTQ", "Ủy ban Mặt trận Tổ quốc");
		ABBREVIATIONS.put("UBND", "Ủy ban nhân dân");
		ABBREVIATIONS.put("HĐND", "Hội đồng nhân dân");
		ABBREVIATIONS.put("MTTQ", "Mặt trận Tổ quốc");
		ABBREVIATIONS.put("BCĐ", "Ban Chỉ đạo");
		ABBREVIATIONS.put("BCD", "Ban Chỉ đạo");
		ABBREVIATIONS.put("BQL", "Ban Quản lý");
		ABBREVIATIONS.put("BTV", "Ban Thường vụ");
		ABBREVIATIONS.put("BCH", "Ban Chấp hành");
		ABBREVIATIONS.put("UBKT", "Ủy ban Kiểm tra");
		ABBREVIATIONS.put("HTX", "Hợp tác xã");

		department("kinh tế\\s*(?:-|–|và)?\\s*(?:hạ tầng|HT)|KT\\s*-?\\s*HT", "Kinh tế - Hạ tầng");
		department("tài chính\\s*(?:-|–|và)?\\s*(?:kế hoạch|KH)|TC\\s*-?\\s*KH", "Tài chính - Kế hoạch");
		department("tài nguyên\\s*(?:-|–|và|&)?\\s*(?:môi trường|MT)|TN\\s*(?:&|và|-)?\\s*MT", "Tài nguyên và Môi trường");
		department("nông nghiệp\\s*(?:và|&|-)\\s*(?:phát triển nông thôn|PTNT)|NN\\s*(?:&|và|-)\\s*PTNT",
				"Nông nghiệp và Phát triển nông thôn");
		department("nông nghiệp\\s*(?:và|&|-)\\s*môi trường|NN\\s*(?:&|và|-)\\s*MT", "Nông nghiệp và Môi trường");
		department("văn hóa\\s*(?:-|–|và)\\s*thông tin|VH\\s*-\\s*TT", "Văn hóa - Thông tin");
		department("giáo dục\\s*(?:và|&|-)\\s*đào tạo|GD\\s*(?:&|-)?\\s*ĐT", "Giáo dục và Đào tạo");
		department("lao động\\s*(?:-|–)?\\s*thương binh\\s*(?:và|&)\\s*xã hội|LĐ\\s*-?\\s*TB\\s*(?:&|và)\\s*XH",
				"Lao động - Thương binh và Xã hội");
		department("nội vụ", "Nội vụ");
		department("tư pháp", "Tư pháp");

		casing("ủy ban nhân dân", "Ủy ban nhân dân");
		casing("hội đồng nhân dân", "Hội đồng nhân dân");
		casing("ủy ban mặt trận tổ quốc", "Ủy ban Mặt trận Tổ quốc");
		casing("mặt trận tổ quốc", "Mặt trận Tổ quốc");
		casing("ủy ban kiểm tra", "Ủy ban Kiểm tra");
		casing("ban chỉ đạo", "Ban Chỉ đạo");
		casing("ban quản lý", "Ban Quản lý");
		casing("ban thường vụ", "Ban Thường vụ");
		casing("ban chấp hành", "Ban Chấp hành");
		casing("ban phát triển thôn", "Ban Phát triển thôn");
		casing("huyện ủy", "Huyện ủy");
		casing("tỉnh ủy", "Tỉnh ủy");
		casing("đảng ủy", "Đảng ủy");
		casing("đảng bộ", "Đảng bộ");
		casing("huyện đoàn", "Huyện đoàn");
		casing("tỉnh đoàn", "Tỉnh đoàn");
		casing("hội nông dân", "Hội Nông dân");
		casing("hội liên hiệp phụ nữ", "Hội Liên hiệp Phụ nữ");
		casing("hội cựu chiến binh", "Hội Cựu chiến binh");
		casing("đoàn thanh niên", "Đoàn Thanh niên");
		casing("văn phòng điều phối", "Văn phòng Điều phối");
		casing("trung tâm y tế", "Trung tâm Y tế");
		casing("điện lực", "Điện lực");
		casing("công an", "Công an");

		ABBREVIATIONS.forEach((abbreviation, expansion) -> ABBREVIATION_PATTERNS
			.put(Pattern.compile("(?<![\\p{L}])" + Pattern.quote(abbreviation) + "(?![\\p{L}])"), expansion));
		for (String start : BODY_STARTS) {
			BODY_STARTS_BY_FIRST_CHAR.computeIfAbsent(start.charAt(0), k -> new ArrayList<>()).add(start);
		}
		for (String stop : STOPS) {
			STOPS_BY_WORD.computeIfAbsent(stop.split(" ")[0], k -> new ArrayList<>()).add(stop);
		}
	}

	private static void department(String regex, String canonical) {
		DEPARTMENTS.put(Pattern.compile("(?<![\\p{L}])(?:" + regex + ")(?![\\p{L}])", F), canonical);
	}

	private static void casing(String phrase, String canonical) {
		CASING.put(Pattern.compile("(?<![\\p{L}])" + Pattern.quote(phrase) + "(?![\\p{L}])", F), canonical);
	}

	private BodyNames() {
	}

	static boolean startsWithBody(String text) {
		String s = TextNormalizer.key(text.length() > 80 ? text.substring(0, 80) : text);
		// Both tests are pure; the cheap one (a body word at the start) goes first.
		return startsWithBodyWord(s) && !NOT_A_BODY.matcher(s).find();
	}

	/** Whether the key starts with one of BODY_STARTS as a whole word. */
	private static boolean startsWithBodyWord(String s) {
		if (s.isEmpty()) {
			return false;
		}
		List<String> starts = BODY_STARTS_BY_FIRST_CHAR.get(s.charAt(0));
		if (starts == null) {
			return false;
		}
		for (String start : starts) {
			if (s.startsWith(start) && (s.length() == start.length() || !Character.isLetter(s.charAt(start.length())))) {
				return true;
			}
		}
		return false;
	}

	/** The body named at the very start of {@code text}, cut before the verb that follows it; null if none. */
	static String takeBody(String text) {
		String s = text.strip();
		if (s.regionMatches(true, 0, "Riêng ", 0, 6)) {
			s = s.substring(6);
		}
		if (!startsWithBody(s)) {
			return null;
		}
		// "xã Cẩm Thạch nhà ở cho hộ nghèo …": a named unit ends with its proper name.
		Matcher unit = NAMED_UNIT.matcher(s);
		if (unit.lookingAt() && unit.end() < s.length()) {
			return unit.group().strip();
		}
		int end = bodyEnd(s);
		String body = TRAILING_PUNCTUATION.matcher(s.substring(0, end)).replaceAll("");
		body = TRAILING_VA.matcher(body).replaceAll("");
		if (body.length() < 2 || body.length() > 260 || BACK_REFERENCE.matcher(TextNormalizer.key(body)).matches()) {
			return null;
		}
		return body;
	}

	private static int bodyEnd(String s) {
		String lower = TextNormalizer.lowerSameLength(s);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '(' || c == ':' || (c == '.' && (i + 1 == s.length() || s.charAt(i + 1) == ' '))) {
				return i;
			}
			if (i == 0 || !Character.isLetter(c) || Character.isLetterOrDigit(s.charAt(i - 1))) {
				continue;
			}
			int wordEnd = i;
			while (wordEnd < lower.length() && Character.isLetter(lower.charAt(wordEnd))) {
				wordEnd++;
			}
			List<String> candidates = STOPS_BY_WORD.get(lower.substring(i, wordEnd));
			// A capitalised word inside a name is part of it: "Sở Kế hoạch và Đầu tư", not the verb "đầu tư".
			if (candidates == null || joinedByDash(s, i) || Character.isUpperCase(c) && previousWord(lower, i).equals("và")) {
				continue;
			}
			String previous = previousWord(lower, i);
			String tail = lower.substring(Math.max(0, i - 40), i);
			if ((previous.equals("chí") || previous.equals("viên") || previous.equals("bộ"))
					&& lower.startsWith("được phân công", i)) {
				continue;
			}
			if ((lower.startsWith("phân công", i) || lower.startsWith("phụ trách", i) || lower.startsWith("chỉ đạo", i))
					&& ASSIGNED_SO_FAR.matcher(tail).find()) {
				continue;
			}
			for (String stop : candidates) {
				if (lower.startsWith(stop, i) && (i + stop.length() == lower.length()
						|| !Character.isLetter(lower.charAt(i + stop.length())))) {
					if (allowedInName(stop, previous, lower, i + stop.length())) {
						break;
					}
					return i;
				}
			}
		}
		return s.length();
	}

	/**
	 * Whether the word at {@code i} is a capitalised part joined by a dash to the name before it: "Công chức Địa chính
	 * - Xây dựng", "Văn phòng - Thống kê". Such a part belongs to the title even when it reads like a verb.
	 */
	private static boolean joinedByDash(String s, int i) {
		if (!Character.isUpperCase(s.charAt(i))) {
			return false;
		}
		int k = i - 1;
		while (k >= 0 && s.charAt(k) == ' ') {
			k--;
		}
		return k > 0 && (s.charAt(k) == '-' || s.charAt(k) == '–') && s.charAt(k - 1) == ' ';
	}

	private static boolean allowedInName(String stop, String previous, String lower, int after) {
		return switch (stop) {
			case "trình" -> COMPOUND_BEFORE_TRINH.contains(previous);
			case "tạo" -> previous.equals("đào");
			case "làm" -> previous.equals("việc");
			case "lập" -> previous.equals("độc");
			case "chỉ đạo" -> previous.equals("ban") || previous.equals("tổ");
			case "xây dựng", "thực hiện" -> previous.equals("đạo") || previous.equals("bcđ") || previous.equals("bcd")
					|| previous.equals("án") || previous.equals("lý") || previous.equals("bql");
			case "quản lý" -> previous.equals("ban");
			case "tổ chức" -> previous.equals("các");
			case "trong" -> lower.startsWith(" hệ thống", after) || lower.startsWith(" tổ", after)
					|| lower.startsWith(" ban", after);
			default -> false;
		};
	}

	private static String previousWord(String lower, int i) {
		int end = i - 1;
		while (end >= 0 && !Character.isLetterOrDigit(lower.charAt(end))) {
			end--;
		}
		int start = end;
		while (start >= 0 && Character.isLetterOrDigit(lower.charAt(start))) {
			start--;
		}
		return end < 0 ? "" : lower.substring(start + 1, end + 1);
	}

	// Words that name no organ of their own in a list: "các sở, ngành, địa phương" is one group.
	private static final Pattern GENERIC_PART = Pattern.compile("^(?:địa phương|các cấp|các ngành|ngành|cấp|đơn vị)(?![\\p{L}])");

	private static final Pattern JOINT_SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+và\\s+");

	// The level (and place) a joint lead shares: "Đảng ủy, UBND xã Cẩm Quang" → "xã Cẩm Quang".
	private static final Pattern LEVEL_SUFFIX = Pattern.compile("(?<![\\p{L}])(?:xã|huyện|tỉnh|phường|thị trấn|thị xã|thành phố|thôn|bản)"
			+ "(?:\\s+\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*)*)?$");

	private static final Pattern HAS_LEVEL = Pattern.compile("(?<![\\p{L}])(?:xã|huyện|tỉnh|phường|thị trấn|thị xã|thành phố|thôn|bản|sở|bộ|trung ương)(?![\\p{L}])", F);

	// Organs that exist at each level and so take the level of the lead named with them.
	private static final Pattern LEVELLED_ORGAN = Pattern.compile("^(?:Đảng ủy|Ủy ban nhân dân|Hội đồng nhân dân|Ủy ban Mặt trận Tổ quốc|Mặt trận Tổ quốc"
			+ "|Ban Chỉ đạo|Ban Quản lý|Hội Nông dân|Hội Liên hiệp Phụ nữ|Hội Cựu chiến binh|Đoàn Thanh niên|Công an"
			+ "|Ban Thường vụ|Thường trực|Cấp ủy|Chính quyền)$");

	/**
	 * Each lead body of a joint lead, as the draft's list of assignees: "Đảng ủy, Ủy ban nhân dân xã Cẩm Quang" →
	 * "Đảng ủy xã Cẩm Quang", "Ủy ban nhân dân xã Cẩm Quang". A list is cut only where a part names an organ of its
	 * own ("Ủy ban nhân dân các huyện A, B và C" stays one), and a level organ takes the level named after the last.
	 */
	static List<String> leads(String assignee) {
		if (assignee == null || assignee.isBlank()) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		Matcher sep = JOINT_SEPARATOR.matcher(assignee);
		int start = 0;
		StringBuilder current = new StringBuilder();
		while (sep.find()) {
			String next = assignee.substring(sep.end());
			String piece = assignee.substring(start, sep.start());
			current.append(piece);
			if (startsWithBody(next) && !GENERIC_PART.matcher(TextNormalizer.key(next)).find()
					&& !GENERIC_PART.matcher(TextNormalizer.key(current.toString())).find()) {
				parts.add(current.toString().strip());
				current.setLength(0);
			}
			else {
				current.append(assignee, sep.start(), sep.end());
			}
			start = sep.end();
		}
		current.append(assignee.substring(start));
		parts.add(current.toString().strip());
		if (parts.size() == 1) {
			String name = canonical(assignee);
			return name == null ? List.of() : List.of(name);
		}
		Matcher level = LEVEL_SUFFIX.matcher(parts.get(parts.size() - 1));
		String suffix = level.find() ? level.group() : null;
		List<String> out = new ArrayList<>();
		for (String part : parts) {
			String name = canonical(part);
			if (name == null) {
				continue;
			}
			if (suffix != null && !HAS_LEVEL.matcher(name).find() && LEVELLED_ORGAN.matcher(name).matches()) {
				name = name + " " + suffix;
			}
			out.add(name);
		}
		return List.copyOf(out);
	}

	/**
	 * The cooperating bodies of an item: "phối hợp với Phòng Tài chính - Kế hoạch, Điện lực huyện rà soát …" → each
	 * body; "phối hợp với các Sở: Kế hoạch và Đầu tư, Tài chính, UBND các huyện" → "Sở Kế hoạch và Đầu tư", "Sở Tài
	 * chính", "Ủy ban nhân dân các huyện". Empty when the item names none.
	 */
	static List<String> cooperating(String text) {
		List<String> out = new ArrayList<>();
		if (!TextNormalizer.containsLowerCased(text, "phối hợp")) {
			return out;
		}
		Matcher m = COOPERATE.matcher(text);
		while (m.find()) {
			String rest = text.substring(m.end());
			Matcher kinds = KIND_LIST.matcher(rest);
			String prefix = null;
			if (kinds.lookingAt()) {
				prefix = kinds.group("kind");
				rest = rest.substring(kinds.end());
			}
			else if (!startsWithBody(rest)) {
				continue;
			}
			String phrase = TRAILING_PUNCTUATION.matcher(rest.substring(0, bodyEnd(rest)).strip()).replaceAll("");
			List<String> names = new ArrayList<>();
			if (prefix != null) {
				// "các Sở: Kế hoạch và Đầu tư, Tài chính, UBND các huyện, thành phố": names take the kind until a
				// part names an organ of its own, whose list then goes on.
				StringBuilder organ = null;
				for (String part : LIST_COMMA.split(phrase)) {
					String p = part.strip();
					if (p.length() < 2) {
						continue;
					}
					if (organ != null) {
						organ.append(", ").append(p);
					}
					else if (startsWithBody(p)) {
						organ = new StringBuilder(p);
					}
					else {
						names.addAll(leads(prefix + " " + p));
					}
				}
				if (organ != null) {
					names.addAll(leads(organ.toString()));
				}
			}
			else if (!phrase.isEmpty()) {
				names.addAll(leads(phrase));
			}
			for (String name : names) {
				if (name == null) {
					continue;
				}
				// "Hội Nông dân huyện cân đối vốn": a list of bodies ends after the level word, before the verb.
				Matcher cut = LEVEL_THEN_VERB.matcher(name);
				String body = cut.lookingAt() ? cut.group(1) : name;
				if (!out.contains(body)) {
					out.add(body);
				}
			}
		}
		return out;
	}

	private static final Pattern LEVEL_THEN_VERB = Pattern.compile("^(.*?(?<![\\p{L}])(?:xã|huyện|tỉnh|thôn|bản)(?:\\s+\\p{Lu}[\\p{L}]*)*)\\s+\\p{Ll}.*$");

	private static final Pattern LIST_COMMA = Pattern.compile("\\s*[,;]\\s*");

	private static final Pattern COOPERATE = Pattern.compile("(?<![\\p{L}])phối hợp\\s+(?:chặt chẽ\\s+)?(?:với\\s+|cùng\\s+)?", F);

	// "các Sở: A, B", "các phòng: A, B": a kind of body given once for the names after it.
	private static final Pattern KIND_LIST = Pattern.compile("(?:các\\s+)?(?<kind>Sở|Phòng|Ban|Hội|Bộ|Trung tâm)\\s*:\\s*", F);

	/** One spelling per body, so that the same department reads the same in every document. */
	static String canonical(String name) {
		if (name == null) {
			return null;
		}
		if (CANONICAL_CACHE.size() > 10_000) {
			CANONICAL_CACHE.clear();
		}
		return CANONICAL_CACHE.computeIfAbsent(name, BodyNames::spell).transform(s -> s.isEmpty() ? null : s);
	}

	private static String spell(String name) {
		String s = PARENTHETICAL.matcher(name).replaceAll(" ");
		for (Map.Entry<Pattern, String> e : ABBREVIATION_PATTERNS.entrySet()) {
			s = e.getKey().matcher(s).replaceAll(Matcher.quoteReplacement(e.getValue()));
		}
		for (Map.Entry<Pattern, String> e : DEPARTMENTS.entrySet()) {
			s = e.getKey().matcher(s).replaceAll(Matcher.quoteReplacement(e.getValue()));
		}
		for (Map.Entry<Pattern, String> e : CASING.entrySet()) {
			s = e.getKey().matcher(s).replaceAll(Matcher.quoteReplacement(e.getValue()));
		}
		s = LEADING_PHONG.matcher(s).replaceAll("Phòng");
		s = SPACE_COMMA.matcher(SPACE_RUNS.matcher(s.replace(';', ',')).replaceAll(" ")).replaceAll(",").strip();
		s = LEADING_SPACE_JUNK.matcher(s).replaceAll("");
		s = DOUBLED_FIRST_WORD.matcher(s).replaceAll("$1");
		if (s.isEmpty()) {
			return "";
		}
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	/** An upper-case heading line in ordinary capitalisation: organ words as usual, place names title-cased. */
	static String fromUpperCase(String upper) {
		StringBuilder out = new StringBuilder();
		boolean placeName = false;
		for (String word : SPACE_RUNS.split(upper.strip())) {
			String lower = word.toLowerCase(Locale.ROOT);
			boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
					&& !hasVowel(lower);
			String w;
			if (acronym) {
				w = word;
			}
			else if (placeName) {
				w = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
			}
			else {
				w = lower;
			}
			if (PLACE_WORD.matcher(lower).matches()) {
				placeName = true;
			}
			out.append(out.isEmpty() ? "" : " ").append(w);
		}
		return canonical(out.toString());
	}

	private static boolean hasVowel(String lower) {
		String folded = TextNormalizer.fold(lower);
		return HAS_VOWEL.matcher(folded).matches();
	}
}
