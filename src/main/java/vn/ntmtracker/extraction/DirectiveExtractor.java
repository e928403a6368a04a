package vn.ntmtracker.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DeadlineParser.Deadline;
import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.DocumentLayout.MarkerKind;
import vn.ntmtracker.extraction.ExtractionDraft.Directive;
import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.Span;

/**
 * Directives are the list items and paragraphs of a document's operative part (after "… yêu cầu:", under "Nhiệm vụ",
 * "Giải pháp", "Tổ chức thực hiện", "Kiến nghị"); background parts (results, shortcomings, causes, aims) hold none.
 * An item is one directive unless it carries several deadlines, in which case each task clause becomes its own. The
 * assignee is the lead body: "X chủ trì", "Giao X", an item label "X: …", the subject of the sentence, the body a
 * request is addressed to ("Đề nghị UBND huyện hỗ trợ …"), the section heading, then whoever the introduction
 * addresses ("… yêu cầu UBND huyện …"); cooperating bodies ("phối hợp") never. A heading wholly about funding
 * ("Kinh phí thực hiện") ends the operative part; execution formulas ("… chịu trách nhiệm thi hành Quyết định này")
 * are not directives.
 * Sub-items without their own deadline take the deadline of the introduction they belong to.
 */
final class DirectiveExtractor {

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern OPERATIVE = Pattern.compile("nhiệm vụ|giải pháp|tổ chức thực hiện|kiến nghị|đề xuất|phân công"
			+ "|nội dung thực hiện|các hoạt động|lộ trình thực hiện|ý kiến chỉ đạo|trách nhiệm thực hiện", F);

	private static final Pattern BACKGROUND = Pattern.compile("mục đích|quan điểm|mục tiêu|kết quả|tồn tại|hạn chế|nguyên nhân"
			+ "|đánh giá|tình hình|thực trạng|căn cứ|bối cảnh|khó khăn|đặc điểm", F);

	// A heading that is wholly about money ("IV. KINH PHÍ", "Kinh phí thực hiện", "Nguồn vốn", "Nguồn lực thực hiện",
	// "Dự kiến kinh phí và nguồn vốn"): the breakdown under it is funding, not orders, so it ends the operative part.
	// Anchored at both ends: "3.4 Huy động và lồng ghép các nguồn vốn xây dựng cơ sở hạ tầng" is a task heading.
	private static final Pattern FUNDING_HEADING = Pattern.compile("^(?:về\\s+)?(?:dự kiến\\s+)?(?:tổng\\s+)?"
			+ "(?:kinh phí|nguồn vốn|nguồn lực|nguồn kinh phí|vốn)"
			+ "(?:\\s*(?:,|và)\\s*(?:kinh phí|nguồn vốn|nguồn lực|nguồn kinh phí))?"
			+ "(?:\\s+(?:dự kiến|thực hiện|đầu tư|huy động))?"
			+ "(?:\\s+(?:kế hoạch|nghị quyết|chương trình|đề án)(?:\\s+này)?)?[.\\s]*$", F);

	private static final Pattern INTRO_TO_ORDERS = Pattern
		.compile("(?:yêu cầu|đề nghị|giao|chỉ đạo|như sau|cụ thể|sau|gồm|những việc sau|thực hiện)\\s*:$", F);

	private static final Pattern ADDRESSEE = Pattern.compile("(?:yêu cầu|đề nghị|giao)\\s+(?:cho\\s+)?", F);

	private static final Pattern CLOSING = Pattern.compile("^(?:Trên đây|Nơi nhận)", F);

	// Paragraphs or articles that open with a closing formula: "Các cấp, các ngành …", "Quyết định này có hiệu lực …",
	// "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …".
	private static final Pattern FORMULA = Pattern.compile("^(?:Các cấp, các ngành|(?:Thông báo|Nghị quyết|Kế hoạch|Quyết định|Chỉ thị) này"
			+ "|Trong quá trình (?:tổ chức\\s+)?(?:triển khai\\s+)?thực hiện(?:\\s+(?:kế hoạch|nghị quyết|thông báo))?(?:\\s+này)?"
			+ ",?\\s+(?:nếu|có)\\s)", F);

	// The closing formulas that assign nothing new: "… căn cứ (chức năng,) nhiệm vụ được giao (chủ động) tổ chức (triển
	// khai) thực hiện", ending the paragraph or followed only by "(trong quá trình thực hiện,) nếu có khó khăn,
	// vướng mắc …" ("…; hướng dẫn xã lập hồ sơ" after it is a task), and the execution clause of a decision, "…
	// chịu trách nhiệm thi hành Quyết định này". Run on lower case.
	private static final Pattern GENERIC_EXECUTION = Pattern.compile("căn cứ\\s+(?:vào\\s+)?(?:chức năng,?\\s+)?nhiệm vụ"
			+ "(?:,?\\s+quyền hạn)?(?:\\s+(?:được giao|được phân công|của (?:mình|đơn vị)))?[,\\s]+"
			+ "(?:chủ động\\s+|khẩn trương\\s+|nghiêm túc\\s+)?(?:tổ chức\\s+)?(?:triển khai\\s+)?thực hiện"
			+ "(?:\\s+(?:tốt|nghiêm túc|có hiệu quả))?"
			+ "(?:\\s+(?:thông báo|nghị quyết|kế hoạch|quyết định|chỉ thị) này|\\s+các nội dung (?:trên|nêu trên))?"
			+ "(?:[\\s./;]*$|\\s*[;.,]\\s*(?:trong quá trình[^;.]{0,30}?,?\\s*)?nếu (?:có\\s+)?(?:khó khăn|vướng mắc|phát sinh))"
			+ "|thi hành\\s+(?:thông báo|nghị quyết|kế hoạch|quyết định|chỉ thị) này");

	private static final Pattern GIAO = Pattern.compile("(?=g)(?<![\\p{L}])giao\\s+(?:trách nhiệm\\s+|nhiệm vụ\\s+)?(?:cho\\s+)?");

	// "X chủ trì cuộc họp" in a report is who chaired a meeting, not the lead of a task.
	private static final Pattern CHAIRED = Pattern.compile("^\\s*(?:các\\s+)?(?:cuộc họp|buổi họp|buổi làm việc|hội nghị|phiên họp|buổi|lễ|đoàn)");

	// Prose orders, run on lower case: "X yêu cầu / đề nghị / chỉ đạo / giao Y …".
	private static final Pattern ORDER_CUE = Pattern.compile("(?=[yđcgk])(?<![\\p{L}])(?:yêu cầu|đề nghị|chỉ đạo|giao(?:\\s+trách nhiệm|\\s+nhiệm vụ)?(?:\\s+cho)?|kiến nghị)(?![\\p{L}])");

	// The cue is a noun or part of a name here: "hồ sơ đề nghị …", "Ban Chỉ đạo", "văn bản chỉ đạo", "lãnh đạo, chỉ
	// đạo"; or it reports what was done: "đã chỉ đạo".
	private static final Pattern CUE_NOT_AN_ORDER = Pattern.compile("(?:ban|tổ|hồ sơ|tờ trình|văn bản|công văn|báo cáo|lãnh đạo,?|sự|vai trò|theo|đã|đang|được|từng|đã có|đã được"
			+ "|công tác|thông tin|ý kiến|nội dung)\\s*$");

	// Bylines and credits: "Nguồn bài viết: …", "Tin, ảnh: …".
	private static final Pattern CREDIT = Pattern.compile("^(?:Nguồn(?:\\s+(?:bài viết|tin))?|Tin(?:,\\s*ảnh)?|Ảnh|Tác giả)\\s*:", F);

	// "X có trách nhiệm …", "X chịu trách nhiệm …", "X trách nhiệm duy trì …".
	private static final Pattern DUTY = Pattern.compile("(?<![\\p{L}])(?:(?:có|chịu)\\s+)?trách nhiệm(?=\\s+\\p{L})(?!\\s+(?:về|của|trước))");

	// "X cần / phải …": the body right before is the one who must act.
	private static final Pattern MUST = Pattern.compile("(?<![\\p{L}])(?:cần phải|cần|phải)(?=\\s+\\p{L})");

	// Aims only, towards a standard: "các xã cần nỗ lực phấn đấu, quyết tâm để về đích …" is an exhortation, not a task.
	private static final Pattern AIM_ONLY = Pattern
		.compile("^\\s*(?:(?:tiếp tục|nỗ lực|phấn đấu|quyết tâm|cố gắng|hơn nữa|cao)[,\\s]*)+(?:để\\s+)?(?:sớm\\s+)?(?:về đích|đạt chuẩn|hoàn thành mục tiêu|được công nhận)");

	// A province-wide or district-wide count to reach ("phấn đấu có thêm 5 xã đạt chuẩn", "mục tiêu 100% số xã …") is
	// a target of the whole area, not a task with a lead.
	private static final Pattern COUNTED_AIM = Pattern.compile("^(?:(?:toàn|cả)\\s+(?:tỉnh|huyện|thành phố|thị xã|xã|nước)\\s*,?\\s*)?"
			+ "(?:phấn đấu|mục tiêu|chỉ tiêu)[^.;]{0,60}?(?:có\\s+)?(?:thêm\\s+)?(?:ít nhất\\s+|tối thiểu\\s+|trên\\s+)?\\d+(?:[.,]\\d+)?\\s*%?\\s*"
			+ "(?:số\\s+)?(?:xã|thôn|bản|huyện|đơn vị|khu dân cư)", F);

	// Paragraphs that cite the basis of a document: never orders.
	private static final Pattern BASIS = Pattern.compile("^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét\\s|Tiếp theo|Kính gửi)", F);

	// A sentence that carries on the order before it: "Đồng thời, …", "Hoàn thành, trình … trước ngày …".
	private static final Pattern CONTINUATION = Pattern.compile("^(?:Đồng thời|Hoàn thành|Thời gian hoàn thành|Thời hạn|Xong trước)", F);

	// "… các việc như: xã A …; xã B …": the items of an inline list, each with its own lead.
	private static final Pattern INLINE_LIST = Pattern.compile("(?:như sau|như|sau|cụ thể|gồm)\\s*:\\s*");

	private static final Pattern WITH_REGARD = Pattern.compile("^(?:đối với|riêng|về phía)\\s+", F);

	private static final Pattern LEAD = Pattern.compile("(?=c)(?<![\\p{L}])chủ trì");

	private static final Pattern DO_BY = Pattern.compile("(?=d)(?<![\\p{L}])do\\s+(?<who>[^;.:]{3,120}?)\\s+(?:phát động|chủ trì|thực hiện|tổ chức|triển khai)");

	private static final Pattern DIRECT = Pattern.compile("^(?:tiếp tục\\s+)?chỉ đạo\\s+", F);

	private static final Pattern ADVERBIAL = Pattern.compile("^(?:Căn cứ|Trên cơ sở|Theo|Để|Sau khi|Từ nay|Đồng thời)", F);

	private static final Pattern CRITERION_LABEL = Pattern.compile("^(?:Tiêu chí|TC)\\s*(?:số\\s*)?(?<n>\\d{1,2})\\b", F);

	private static final Pattern CRITERION_IN_TEXT = Pattern.compile("tiêu chí\\s+(?:số\\s+)?(?<n>\\d{1,2})(?![\\d/,.]\\d)");

	private static final Pattern TRAILING_INTRO = Pattern.compile("[,\\s]*(?:cụ thể(?:\\s+như sau)?|như sau|gồm)?\\s*:\\s*$", F);

	private static final Pattern ENDS_WITH_TIME = Pattern.compile(".*\\d:$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern ITEM_NUMBER_END = Pattern.compile("[\\s.:\\-–]+$");

	// An item that states money ("Tổng kinh phí dự phòng 150 triệu đồng, trong đó …") is funding, not an order.
	private static final Pattern MONEY_STATEMENT = Pattern
		.compile("^(?:tổng\\s+)?(?:kinh phí|nguồn vốn|vốn|nguồn lực|dự toán)(?:\\s+[\\p{L}]+){0,4}?\\s*:?\\s*(?:là\\s+|khoảng\\s+|dự kiến\\s+)?\\d", F);

	// "Bước 1. Đăng ký …": the steps of a procedure describe it; they assign nothing.
	private static final Pattern PROCEDURE_STEP = Pattern.compile("^(?:Bước|Giai đoạn)\\s+\\d{1,2}\\s*[.:)]", F);

	// An approving or enacting article ("Điều 1. Phê duyệt Đề án …", "Ban hành kèm theo Quyết định này …",
	// "Công nhận xã …") orders nothing; the assignments are in the later articles.
	private static final Pattern ENACTING = Pattern.compile("^(?:Phê duyệt|Ban hành|Công nhận|Thành lập|Kiện toàn|Bãi bỏ|Sửa đổi"
			+ "|Bổ sung|Thông qua|Điều chỉnh|Hủy bỏ|Huỷ bỏ)(?![\\p{L}])", F);

	// The start of an execution clause ("Các ông (bà): Chánh Văn phòng …", "Chánh Văn phòng UBND tỉnh, Thủ trưởng
	// các sở …"), which a copy may cut off before "… chịu trách nhiệm thi hành".
	private static final Pattern EXECUTION_START = Pattern.compile("^(?:Các\\s+)?(?:ông\\s*\\(\\s*bà\\s*\\)|Chánh Văn phòng)", F);

	private static final Pattern TRAILING_DOTS = Pattern.compile("(?:\\s*[./]+)+$");

	private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s;,]+$");

	private static final Pattern CRITERION_WORD = Pattern.compile("^tiêu chí\\s.*", F);

	private static final Pattern REQUEST_LABEL = Pattern.compile("^(?:đề nghị|kiến nghị)\\b.*", F);

	// "Đề nghị UBND huyện hỗ trợ …", "Kiến nghị với Sở … tổ chức …": the body after the verb is who is asked.
	private static final Pattern REQUEST_VERB = Pattern.compile("^(?:đề nghị|kiến nghị|đề xuất)\\s+(?:với\\s+)?", F);

	private static final Pattern REQUEST_SECTION = Pattern.compile("kiến nghị|đề xuất|đề nghị", F);

	private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)?");

	private static final Pattern CRITERION_PREFIX = Pattern.compile("^tiêu chí\\s+", F);

	private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)?$");

	private static final Pattern SPACE = Pattern.compile(" ");

	private static final Pattern ABBREVIATION_BEFORE_DOT = Pattern.compile(".*\\b(?:TP|TT|KT|TM|Q)$");

	private final List<Block> blocks;

	private final String text;

	private final int year;

	private final Level level;

	private DirectiveExtractor(List<Block> blocks, String text, int year, Level level) {
		this.blocks = blocks;
		this.text = text;
		this.year = year;
		this.level = level;
	}

	static List<Directive> extract(List<Block> blocks, int fromBlock, String text, int year, Level level) {
		DirectiveExtractor extractor = new DirectiveExtractor(blocks, text, year, level);
		List<Directive> found = extractor.run(fromBlock, false);
		if (found.isEmpty()) {
			// No recognisable operative part (a news report, a letter, a page): only what is worded as an order.
			found = extractor.prose(fromBlock);
		}
		return found;
	}

	private record Intro(MarkerKind kind, Deadline deadline) {
	}

	private List<Directive> run(int fromBlock, boolean everywhere) {
		List<Directive> out = new ArrayList<>();
		boolean operative = everywhere;
		boolean requests = false;
		String sectionAssignee = null;
		Integer sectionCriterion = null;
		String defaultAssignee = null;
		Intro intro = null;
		// Under a funding heading ("IV. KINH PHÍ", "3.5 Nguồn vốn thực hiện") nothing is operative, not even after "gồm:";
		// the next heading of the same rank ends the funding section and restores what it interrupted.
		Block fundingHeading = null;
		boolean resumeOperative = false;
		boolean resumeRequests = false;
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			String t = b.text();
			if (t.isEmpty()) {
				continue;
			}
			if (b.distributionList()) {
				break;
			}
			if (CLOSING.matcher(t).find()) {
				operative = everywhere;
				intro = null;
				continue;
			}
			if (b.heading()) {
				String heading = TRAILING_INTRO.matcher(t).replaceAll("");
				if (fundingHeading != null && sameRank(fundingHeading, b)) {
					fundingHeading = null;
					operative = resumeOperative;
					requests = resumeRequests;
				}
				if (fundingHeading == null && isFundingHeading(heading)) {
					fundingHeading = b;
					resumeOperative = operative;
					resumeRequests = requests;
					operative = everywhere;
					requests = false;
					sectionAssignee = null;
					sectionCriterion = null;
					intro = null;
					defaultAssignee = null;
					continue;
				}
				boolean op = OPERATIVE.matcher(heading).find();
				boolean bg = BACKGROUND.matcher(heading).find();
				if (op || bg) {
					operative = everywhere || op;
					requests = op && REQUEST_SECTION.matcher(heading).find();
					sectionAssignee = null;
					sectionCriterion = criterionOfLabel(heading);
				}
				else if (BodyNames.startsWithBody(heading)) {
					sectionAssignee = BodyNames.canonical(heading);
					sectionCriterion = null;
				}
				else {
					Integer c = criterionOfLabel(heading);
					if (c != null) {
						sectionCriterion = c;
					}
				}
				intro = null;
				defaultAssignee = null;
				continue;
			}
			if (intro != null && (intro.kind() == b.kind() || b.kind() == MarkerKind.NONE)) {
				intro = null;
			}
			if (t.endsWith(":") && !ENDS_WITH_TIME.matcher(t).matches()) {
				if (fundingHeading == null && INTRO_TO_ORDERS.matcher(t.substring(Math.max(0, t.length() - 40))).find()) {
					operative = true;
				}
				Matcher a = ADDRESSEE.matcher(t);
				while (a.find()) {
					String who = BodyNames.takeBody(t.substring(a.end()));
					if (who != null) {
						defaultAssignee = BodyNames.canonical(who);
					}
				}
				if (!operative) {
					continue;
				}
				List<Deadline> deadlines = DeadlineParser.find(b.body(), year);
				if (!deadlines.isEmpty() && !BASIS.matcher(t).find()) {
					out.addAll(item(b, sectionAssignee, sectionCriterion, defaultAssignee, null, everywhere, requests));
				}
				intro = new Intro(b.kind(), deadlines.isEmpty() ? null : deadlines.get(0));
				continue;
			}
			if (!operative || isFormula(b) || notAnOrder(b) || b.kind() == MarkerKind.NONE && BASIS.matcher(t).find()) {
				continue;
			}
			out.addAll(item(b, sectionAssignee, sectionCriterion, defaultAssignee,
					intro == null ? null : intro.deadline(), everywhere, requests));
		}
		return out;
	}

	/** One order found in prose: where its text runs in the normalised text, its lead, and its wording start. */
	private record ProseOrder(int start, int end, String assignee) {
	}

	/**
	 * Orders in a text without an operative part: list items only when they are unmistakable (a deadline, "Giao X",
	 * "X chủ trì"), paragraphs only in the sentences worded as orders ("X yêu cầu Y …", "Y có trách nhiệm …", "Y cần
	 * …", "Hàng tuần, Y báo cáo …"). Results, aims and reported actions ("đã chỉ đạo") are left out.
	 */
	private List<Directive> prose(int fromBlock) {
		List<Directive> out = new ArrayList<>();
		for (int i = fromBlock; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			String t = b.text();
			if (b.distributionList() || b.pageEnd() || CLOSING.matcher(t).find()) {
				break;
			}
			if (b.heading() || t.length() < 12 || BASIS.matcher(t).find() || isFormula(b) || notAnOrder(b)) {
				continue;
			}
			if (b.kind() != MarkerKind.NONE) {
				out.addAll(item(b, null, null, null, null, true, false));
				continue;
			}
			for (ProseOrder order : ordersIn(b)) {
				out.addAll(proseDirectives(b, order));
			}
		}
		return out;
	}

	/** The sentences of a paragraph that give orders, each run on through the sentences that carry it on. */
	private List<ProseOrder> ordersIn(Block b) {
		String body = b.body();
		List<int[]> sentences = sentenceRanges(body);
		List<ProseOrder> orders = new ArrayList<>();
		ProseOrder open = null;
		for (int[] range : sentences) {
			String sentence = body.substring(range[0], range[1]);
			if (open != null && CONTINUATION.matcher(sentence.strip()).find()) {
				open = new ProseOrder(open.start(), range[1], open.assignee());
				orders.set(orders.size() - 1, open);
				continue;
			}
			open = null;
			for (int[] clause : clauseRanges(body, range)) {
				ProseOrder order = order(body, clause[0], clause[1]);
				if (order != null) {
					orders.add(order);
					open = order;
					break;
				}
			}
		}
		return orders;
	}

	/** The order in [from, to) of the body, or null when the sentence gives none. */
	private ProseOrder order(String body, int from, int to) {
		String sentence = body.substring(from, to);
		String lower = TextNormalizer.lowerSameLength(sentence);
		String stripped = sentence.strip();
		if (COUNTED_AIM.matcher(stripped).find()) {
			return null;
		}
		String lead = leadBody(sentence, lower);
		if (lead != null) {
			return new ProseOrder(from, to, lead);
		}
		Matcher cue = ORDER_CUE.matcher(lower);
		while (cue.find()) {
			String before = lower.substring(Math.max(0, cue.start() - 14), cue.start());
			if (CUE_NOT_AN_ORDER.matcher(before).find()) {
				continue;
			}
			String after = sentence.substring(cue.end()).strip();
			if ((after.startsWith(",") || after.startsWith(":")) && lower.startsWith("yêu cầu", cue.start())) {
				// "UBND tỉnh yêu cầu, việc tổ chức công bố … đảm bảo …": an order that names no body.
				return new ProseOrder(from, to, null);
			}
			String who = BodyNames.takeBody(after);
			if (who != null) {
				return new ProseOrder(from, to, who);
			}
		}
		Matcher duty = DUTY.matcher(lower);
		if (lower.contains("trách nhiệm") && duty.find()) {
			String who = bodyEndingAt(sentence, duty.start());
			if (who == null) {
				// "UBND huyện A, thị xã B và các xã được công nhận lần này có trách nhiệm …": all from the last comma
				// that opens a body.
				who = lastBodyBefore(sentence, duty.start());
			}
			if (who != null) {
				return new ProseOrder(from + sentence.indexOf(who), to, who);
			}
		}
		Matcher must = MUST.matcher(lower);
		while ((lower.contains("cần") || lower.contains("phải")) && must.find()) {
			if (AIM_ONLY.matcher(lower).region(must.end(), lower.length()).lookingAt()) {
				continue;
			}
			String who = bodyEndingAt(sentence, must.start());
			if (who != null) {
				return new ProseOrder(from + sentence.indexOf(who), to, who);
			}
		}
		// "Thứ 5 hàng tuần các xã cập nhật báo cáo …": a recurring duty opened by its period.
		java.util.Optional<String> recurring = DeadlineParser.recurrence(sentence, lower);
		if (recurring.isPresent() && stripped.startsWith(recurring.get())) {
			String rest = stripped.substring(recurring.get().length()).replaceFirst("^[,\\s]+", "");
			String who = BodyNames.takeBody(rest);
			if (who != null && !who.equals(rest.strip())) {
				return new ProseOrder(from, to, who);
			}
		}
		return null;
	}

	/**
	 * The body named right before position {@code end} of a sentence, starting at the sentence's start or after one
	 * of its commas, the leftmost such start whose body runs exactly to {@code end}: "Về …, các sở, ngành, địa
	 * phương | phải …" gives "các sở, ngành, địa phương".
	 */
	private static String bodyEndingAt(String sentence, int end) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int k = sentence.indexOf(", "); k >= 0 && k < end; k = sentence.indexOf(", ", k + 1)) {
			starts.add(k + 2);
		}
		for (int start : starts) {
			String candidate = sentence.substring(start, end).strip();
			String stripped = WITH_REGARD.matcher(candidate).replaceFirst("");
			if (stripped.isEmpty() || stripped.length() > 180) {
				continue;
			}
			String who = BodyNames.takeBody(stripped + " phải");
			if (who != null && who.equals(TRAILING_SEPARATORS.matcher(stripped).replaceAll(""))) {
				return who;
			}
		}
		return null;
	}

	/** The text from the sentence start or its last comma that opens a body, up to {@code end}; null if none. */
	private static String lastBodyBefore(String sentence, int end) {
		int start = end;
		while (start > 0) {
			int comma = sentence.lastIndexOf(", ", start - 1);
			int from = comma < 0 ? 0 : comma + 2;
			String candidate = TRAILING_SEPARATORS.matcher(sentence.substring(from, end).strip()).replaceAll("");
			if (!candidate.isEmpty() && candidate.length() <= 180 && BodyNames.startsWithBody(candidate)) {
				return candidate;
			}
			if (comma < 0) {
				break;
			}
			start = comma;
		}
		return null;
	}

	/** Directives of one prose order: one, or one per item of an inline list ("… như: xã A …; xã B …"). */
	private List<Directive> proseDirectives(Block b, ProseOrder order) {
		String body = b.body();
		String sentence = body.substring(order.start(), order.end());
		Matcher list = INLINE_LIST.matcher(sentence);
		List<int[]> pieces = new ArrayList<>();
		List<String> leads = new ArrayList<>();
		if (list.find() && sentence.indexOf(';', list.end()) > 0) {
			int from = list.end();
			while (from < sentence.length()) {
				int semi = sentence.indexOf(';', from);
				int to = semi < 0 ? sentence.length() : semi;
				String item = sentence.substring(from, to);
				String who = BodyNames.takeBody(WITH_REGARD.matcher(item.strip()).replaceFirst(""));
				pieces.add(new int[] { order.start() + from, order.start() + to });
				leads.add(who != null ? who : order.assignee());
				from = to + 1;
			}
		}
		else {
			pieces.add(new int[] { order.start(), order.end() });
			leads.add(order.assignee());
		}
		List<Directive> out = new ArrayList<>();
		for (int k = 0; k < pieces.size(); k++) {
			String raw = body.substring(pieces.get(k)[0], pieces.get(k)[1]);
			String cleaned = clean(raw);
			if (cleaned.length() < 3) {
				continue;
			}
			String lowerRaw = TextNormalizer.lowerSameLength(raw);
			List<Deadline> deadlines = DeadlineParser.find(raw, lowerRaw, year);
			LocalDate deadline = deadlines.isEmpty() ? null : deadlines.get(0).date();
			String deadlineText = deadlines.isEmpty() ? DeadlineParser.recurrence(raw, lowerRaw).orElse(null)
					: deadlines.get(0).text();
			int lead = raw.indexOf(cleaned.charAt(0));
			int spanStart = b.bodyStart() + pieces.get(k)[0] + Math.max(0, lead);
			int spanEnd = Math.min(text.length(), spanStart + rawLengthOf(raw.substring(Math.max(0, lead)), cleaned));
			out.add(new Directive(cleaned, BodyNames.canonical(leads.get(k)), deadline, deadlineText,
					criterionInText(raw, lowerRaw), new Span(spanStart, spanEnd), null, null, BodyNames.cooperating(raw),
					null));
		}
		return out;
	}

	/** Sentence ranges of a paragraph: cut after '.', '!' or '?' followed by a space and a capital letter. */
	private static List<int[]> sentenceRanges(String body) {
		List<int[]> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < body.length() - 2; i++) {
			char c = body.charAt(i);
			if ((c == '.' || c == '!' || c == '?') && body.charAt(i + 1) == ' '
					&& Character.isUpperCase(body.charAt(i + 2))
					&& !ABBREVIATION_BEFORE_DOT.matcher(body.substring(Math.max(0, i - 3), i)).matches()) {
				out.add(new int[] { start, i + 1 });
				start = i + 2;
			}
		}
		if (start < body.length()) {
			out.add(new int[] { start, body.length() });
		}
		return out;
	}

	/** The sentence itself, then its clauses after "; " (a clause may open a recurring duty of its own). */
	private static List<int[]> clauseRanges(String body, int[] sentence) {
		List<int[]> out = new ArrayList<>();
		out.add(sentence);
		int from = sentence[0];
		for (int k = body.indexOf("; ", from); k >= 0 && k < sentence[1]; k = body.indexOf("; ", k + 1)) {
			out.add(new int[] { k + 2, sentence[1] });
		}
		return out;
	}

	/**
	 * Whether two headings are of the same rank: the same kind of marker and, for numbers, as many levels ("3.5" and
	 * "3.6", not "3.5" and "3.5.1"; "IV." and "V.", not "IV." and "1.").
	 */
	private static boolean sameRank(Block a, Block b) {
		return a.kind() == b.kind() && numberLevels(a.marker()) == numberLevels(b.marker());
	}

	/** How many numbers a marker holds: "3.5" → 2, "4." → 1, "IV." → 0. */
	private static int numberLevels(String marker) {
		int levels = 0;
		for (int i = 0; i < marker.length(); i++) {
			if (Character.isDigit(marker.charAt(i)) && (i == 0 || !Character.isDigit(marker.charAt(i - 1)))) {
				levels++;
			}
		}
		return levels;
	}

	/** Whether a heading is wholly a funding heading ({@link #FUNDING_HEADING}); short headings only. */
	private static boolean isFundingHeading(String heading) {
		if (heading.length() > 80) {
			return false;
		}
		String key = TextNormalizer.key(heading);
		return (key.contains("kinh phí") || key.contains("vốn") || key.contains("nguồn lực"))
				&& FUNDING_HEADING.matcher(key).matches();
	}

	/**
	 * A formula that orders nothing: "Quyết định này có hiệu lực …" or "Các cấp, các ngành …" opening a paragraph or
	 * an article, or, without a deadline, a generic execution clause ({@link #GENERIC_EXECUTION}).
	 */
	private boolean isFormula(Block b) {
		String t = b.text();
		if ((b.kind() == MarkerKind.NONE || b.kind() == MarkerKind.ARTICLE) && FORMULA.matcher(t).find()) {
			return true;
		}
		// A GENERIC_EXECUTION match opens with "căn cứ" (and holds "nhiệm vụ") or with "thi hành".
		boolean mayMatch = TextNormalizer.containsLowerCased(t, "căn cứ")
				&& TextNormalizer.containsLowerCased(t, "nhiệm vụ") || TextNormalizer.containsLowerCased(t, "thi hành");
		if (!mayMatch) {
			return false;
		}
		RegexScan execution = new RegexScan(GENERIC_EXECUTION, TextNormalizer.lowerSameLength(t),
				(s, i) -> s.startsWith("căn cứ", i) || s.startsWith("thi hành", i));
		return execution.find() && DeadlineParser.find(t, year).isEmpty();
	}

	/** Items that look like orders but state money, a procedure's step, an enacting article or an execution clause. */
	private static boolean notAnOrder(Block b) {
		String t = b.text();
		if (MONEY_STATEMENT.matcher(t).find() || PROCEDURE_STEP.matcher(t).find() || CREDIT.matcher(t).find()
				|| COUNTED_AIM.matcher(t).find()) {
			return true;
		}
		return b.kind() == MarkerKind.ARTICLE && (ENACTING.matcher(t).find() || EXECUTION_START.matcher(t).find());
	}

	private record Label(String assignee, Integer criterion, int contentStart) {
	}

	private List<Directive> item(Block b, String sectionAssignee, Integer sectionCriterion, String defaultAssignee,
			Deadline inherited, boolean onlyClearOrders, boolean inRequestSection) {
		String body = b.body();
		Label label = label(body);
		String request = request(body, inRequestSection);
		// Without a "…:" label, a request is the whole item ("Đề nghị UBND huyện hỗ trợ kinh phí …").
		boolean wholeRequest = request == null && (inRequestSection || REQUEST_LABEL.matcher(body).lookingAt());
		int contentStart = label.contentStart();
		String content = body.substring(contentStart);
		int base = b.bodyStart() + contentStart;
		List<Directive> out = new ArrayList<>();
		// Lower-cased once; a piece's lower case is the same range of it.
		String lowerContent = TextNormalizer.lowerSameLength(content);
		List<Deadline> all = DeadlineParser.find(content, lowerContent, year);
		for (int[] piece : pieces(content, all)) {
			String raw = content.substring(piece[0], piece[1]);
			String lowerRaw = lowerContent.substring(piece[0], piece[1]);
			String cleaned = clean(raw);
			if (cleaned.length() < 3) {
				continue;
			}
			int lead = raw.indexOf(cleaned.substring(0, Math.min(cleaned.length(), 1)));
			int spanStart = base + piece[0] + Math.max(0, lead);
			int spanEnd = spanStart + Math.max(0, rawLengthOf(raw.substring(Math.max(0, lead)), cleaned));
			List<Deadline> own = within(all, piece[0], piece[1]);
			LocalDate deadline = null;
			String deadlineText = null;
			if (!own.isEmpty()) {
				deadline = own.get(0).date();
				deadlineText = own.get(0).text();
			}
			else if (inherited != null) {
				deadline = inherited.date();
				deadlineText = inherited.text();
			}
			else {
				deadlineText = DeadlineParser.recurrence(raw, lowerRaw).orElse(null);
			}
			String explicitLead = leadBody(raw, lowerRaw);
			if (onlyClearOrders && own.isEmpty() && explicitLead == null) {
				continue;
			}
			String assignee = assignee(raw, explicitLead, label.assignee(), sectionAssignee, defaultAssignee);
			Integer criterion = label.criterion() != null ? label.criterion()
					: sectionCriterion != null ? sectionCriterion : criterionInText(raw, lowerRaw);
			out.add(new Directive(cleaned, BodyNames.canonical(assignee), deadline, deadlineText, criterion,
					new Span(spanStart, Math.min(text.length(), spanEnd)),
					request != null && cleaned.startsWith(request) ? request : wholeRequest ? cleaned : null, null,
					BodyNames.cooperating(raw), itemNumber(b)));
		}
		return out;
	}

	/**
	 * The document's own numbering of an item as written ("1.4", "(6)", "a)", "Điều 2"); null for bullets and
	 * paragraphs.
	 */
	static String itemNumber(Block b) {
		if (b.kind() == MarkerKind.NONE || b.kind() == MarkerKind.DASH || b.kind() == MarkerKind.PLUS) {
			return null;
		}
		String marker = ITEM_NUMBER_END.matcher(b.marker()).replaceAll("");
		return marker.isEmpty() ? null : marker;
	}

	/**
	 * The request an item answers: its "Đề nghị …" / "Kiến nghị …" label before the colon, or under a requests
	 * heading ("Về các kiến nghị, đề xuất của xã") the label whatever its wording; null for a plain directive and for
	 * a request without a label (the caller then takes the whole text).
	 */
	private static String request(String body, boolean inRequestSection) {
		int colon = body.indexOf(':');
		boolean labelled = REQUEST_LABEL.matcher(body).lookingAt();
		if (!labelled && !inRequestSection || colon <= 0 || colon > 300) {
			return null;
		}
		return clean(body.substring(0, colon));
	}

	/** How many characters of {@code raw} the cleaned text covers (whitespace collapsed by cleaning). */
	private static int rawLengthOf(String raw, String cleaned) {
		int r = 0;
		int c = 0;
		while (r < raw.length() && c < cleaned.length()) {
			char rc = raw.charAt(r);
			char cc = cleaned.charAt(c);
			if (rc == cc) {
				r++;
				c++;
			}
			else if (Character.isWhitespace(rc)) {
				r++;
			}
			else {
				c++;
			}
		}
		return r;
	}

	/** The deadlines lying inside [from, to). */
	private static List<Deadline> within(List<Deadline> deadlines, int from, int to) {
		List<Deadline> inside = new ArrayList<>();
		for (Deadline d : deadlines) {
			if (d.start() >= from && d.end() <= to) {
				inside.add(d);
			}
		}
		return inside;
	}

	/**
	 * The first present of: the explicit lead, the label's body, the sentence subject, the section's body, the body
	 * directed to, the introduction's addressee. The subject and the directed body are only worked out when needed.
	 */
	private static String assignee(String raw, String explicitLead, String labelAssignee, String sectionAssignee,
			String defaultAssignee) {
		if (present(explicitLead)) {
			return explicitLead;
		}
		if (present(labelAssignee)) {
			return labelAssignee;
		}
		String asked = askedOfSubject(raw);
		if (present(asked)) {
			return asked;
		}
		String subject = subject(raw);
		if (present(subject)) {
			return subject;
		}
		String addressee = addressee(raw);
		if (present(addressee)) {
			return addressee;
		}
		if (present(sectionAssignee)) {
			return sectionAssignee;
		}
		String directed = directed(raw);
		if (present(directed)) {
			return directed;
		}
		return present(defaultAssignee) ? defaultAssignee : null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	static String clean(String raw) {
		String s = TextNormalizer.collapse(raw);
		// Only the end can hold ", cụ thể:" or "./."; trimming a short tail keeps this linear.
		int cut = Math.max(0, s.length() - 48);
		String tail = s.substring(cut);
		// Each pattern needs a character the tail may lack: ':', '.' or '/', a separator or line end at the very end.
		if (tail.indexOf(':') >= 0) {
			tail = TRAILING_INTRO.matcher(tail).replaceAll("");
		}
		if (tail.indexOf('.') >= 0 || tail.indexOf('/') >= 0) {
			tail = TRAILING_DOTS.matcher(tail).replaceAll("");
		}
		if (mayEndWithSeparator(tail)) {
			tail = TRAILING_SEPARATORS.matcher(tail).replaceAll("");
		}
		return cut == 0 ? tail.strip() : (s.substring(0, cut) + tail).strip();
	}

	/**
	 * Whether TRAILING_SEPARATORS ({@code [\s;,]+$}) can match: the last character is whitespace, ';' or ',', or a
	 * line terminator (before which {@code $} also matches).
	 */
	private static boolean mayEndWithSeparator(String s) {
		if (s.isEmpty()) {
			return false;
		}
		char last = s.charAt(s.length() - 1);
		return Character.isWhitespace(last) || last == ';' || last == ',' || last == '\u0085';
	}

	private Label label(String body) {
		int colon = body.indexOf(':');
		if (colon <= 0 || colon > 220 || colon + 1 >= body.strip().length()) {
			return new Label(null, null, 0);
		}
		String label = SPACES.matcher(body.substring(0, colon)).replaceAll(" ").strip();
		if (label.contains(";") || !DeadlineParser.find(label, year).isEmpty()) {
			return new Label(null, null, 0);
		}
		int contentStart = colon + 1;
		while (contentStart < body.length() && body.charAt(contentStart) == ' ') {
			contentStart++;
		}
		Integer criterion = criterionOfLabel(label);
		if (criterion != null || CriterionNames.isCriterionName(label) || CRITERION_WORD.matcher(label).matches()) {
			return new Label(null, criterion, contentStart);
		}
		// "X phối hợp với các Phòng: A, B …" lists the cooperating kinds; its colon opens no label.
		if (BodyNames.startsWithBody(label) && !REQUEST_LABEL.matcher(label).matches()
				&& !TextNormalizer.containsLowerCased(label, "phối hợp")) {
			return new Label(PARENTHETICAL.matcher(label).replaceAll("").strip(), null, contentStart);
		}
		return new Label(null, null, 0);
	}

	private Integer criterionOfLabel(String label) {
		Matcher m = CRITERION_LABEL.matcher(label.strip());
		if (m.find()) {
			return Integer.valueOf(m.group("n"));
		}
		String name = TRAILING_PARENTHETICAL.matcher(CRITERION_PREFIX.matcher(label.strip()).replaceAll("")).replaceAll("");
		if (CriterionNames.isCriterionName(name)) {
			return CriterionNames.numberOf(name, level, year).orElse(null);
		}
		return null;
	}

	private Integer criterionInText(String raw, String lowerRaw) {
		Set<Integer> numbers = new LinkedHashSet<>();
		Matcher m = CRITERION_IN_TEXT.matcher(lowerRaw);
		while (m.find()) {
			numbers.add(Integer.valueOf(m.group("n")));
		}
		if (numbers.isEmpty() && TextNormalizer.mayContainLowerCased(raw, "tiêu chí")
				&& raw.toLowerCase().contains("tiêu chí")) {
			String folded = " " + TextNormalizer.fold(raw) + " ";
			int at = folded.indexOf(" tieu chi ");
			while (at >= 0) {
				String after = folded.substring(at + " tieu chi ".length());
				String[] words = SPACE.split(after.strip());
				// Longest name first: "tiêu chí môi trường và an toàn thực phẩm" before "tiêu chí môi trường".
				for (int n = Math.min(8, words.length); n >= 1; n--) {
					String candidate = String.join(" ", java.util.Arrays.copyOf(words, n));
					if (CriterionNames.isCriterionName(candidate)) {
						CriterionNames.numberOf(candidate, level, year).ifPresent(numbers::add);
						break;
					}
				}
				at = folded.indexOf(" tieu chi ", at + 1);
			}
		}
		return numbers.size() == 1 ? numbers.iterator().next() : null;
	}

	/** {@code lower} is {@code raw} lower-cased ({@link TextNormalizer#lowerSameLength}). */
	private static String leadBody(String raw, String lower) {
		// LEAD, GIAO and DO_BY start with a lookahead, so the regex engine would try them at every position; a
		// match needs "chủ trì", "giao" or "do" respectively.
		boolean hasGiao = lower.contains("giao");
		boolean hasLead = lower.contains("chủ trì");
		Matcher lead = LEAD.matcher(lower);
		while (hasLead && lead.find()) {
			if (CHAIRED.matcher(lower).region(lead.end(), lower.length()).lookingAt()) {
				continue;
			}
			String before = raw.substring(0, lead.start());
			int cut = -1;
			if (hasGiao) {
				Matcher g = GIAO.matcher(lower).region(0, lead.start());
				while (g.find()) {
					cut = Math.max(cut, g.end());
				}
			}
			for (String boundary : new String[] { ";", ". ", ":" }) {
				int k = before.lastIndexOf(boundary);
				if (k >= 0) {
					cut = Math.max(cut, k + boundary.length());
				}
			}
			String candidate = before.substring(Math.max(0, cut)).strip();
			if (!candidate.isEmpty() && candidate.length() <= 140 && BodyNames.startsWithBody(candidate)) {
				return candidate;
			}
		}
		Matcher giao = GIAO.matcher(lower);
		while (hasGiao && giao.find()) {
			String who = BodyNames.takeBody(raw.substring(giao.end()));
			if (who != null) {
				return who;
			}
		}
		boolean hasDo = lower.contains("do");
		Matcher by = DO_BY.matcher(lower);
		while (hasDo && by.find()) {
			String who = raw.substring(by.start("who"), by.end("who")).strip();
			if (BodyNames.startsWithBody(who)) {
				return who;
			}
		}
		return null;
	}

	private static String subject(String raw) {
		String s = raw.strip();
		String who = BodyNames.takeBody(s);
		if (who != null || !ADVERBIAL.matcher(s).find()) {
			return who;
		}
		int sentenceEnd = s.indexOf(". ");
		int limit = Math.min(sentenceEnd < 0 ? s.length() : sentenceEnd, 220);
		int comma = s.indexOf(", ");
		while (comma >= 0 && comma < limit) {
			who = BodyNames.takeBody(s.substring(comma + 2));
			if (who != null) {
				return who;
			}
			comma = s.indexOf(", ", comma + 2);
		}
		return null;
	}

	private static final Pattern SUBJECT_ASKS = Pattern.compile("\\s+(?:yêu cầu|đề nghị)\\s+(?:với\\s+)?", F);

	/**
	 * "Bộ … đề nghị UBND các tỉnh báo cáo …": when the subject asks, the body asked is the one to act; the subject
	 * is the requester.
	 */
	private static String askedOfSubject(String raw) {
		String s = raw.strip();
		String subject = BodyNames.takeBody(s);
		if (subject == null) {
			return null;
		}
		Matcher m = SUBJECT_ASKS.matcher(s).region(Math.min(s.length(), subject.length()), s.length());
		return m.lookingAt() ? BodyNames.takeBody(s.substring(m.end())) : null;
	}

	/** The body a request is addressed to: "Đề nghị UBND huyện hỗ trợ …" → "UBND huyện"; null if none is named. */
	private static String addressee(String raw) {
		String s = raw.strip();
		Matcher m = REQUEST_VERB.matcher(s);
		return m.lookingAt() ? BodyNames.takeBody(s.substring(m.end())) : null;
	}

	private static String directed(String raw) {
		Matcher m = DIRECT.matcher(raw.strip());
		return m.find() ? BodyNames.takeBody(raw.strip().substring(m.end())) : null;
	}

	/**
	 * The text ranges of the directives in one item: the whole item, or, when it names several deadlines, each task
	 * clause ("…; Upper-case start" or a new sentence), with clauses holding two deadlines cut after the first.
	 */
	private List<int[]> pieces(String content, List<Deadline> deadlines) {
		Set<LocalDate> dates = new LinkedHashSet<>();
		deadlines.forEach(d -> dates.add(d.date()));
		List<int[]> whole = new ArrayList<>();
		whole.add(new int[] { 0, content.length() });
		if (dates.size() < 2) {
			return whole;
		}
		List<int[]> clauses = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < content.length() - 2; i++) {
			char c = content.charAt(i);
			if ((c == ';' || c == '.') && content.charAt(i + 1) == ' ' && Character.isUpperCase(firstLetter(content, i + 1))
					&& !ABBREVIATION_BEFORE_DOT.matcher(content.substring(Math.max(0, i - 3), i)).matches()) {
				clauses.add(new int[] { start, i + 1 });
				start = i + 2;
			}
		}
		clauses.add(new int[] { start, content.length() });
		List<int[]> pieces = new ArrayList<>();
		for (int[] clause : clauses) {
			List<Deadline> inside = new ArrayList<>();
			for (Deadline d : deadlines) {
				if (d.start() >= clause[0] && d.end() <= clause[1]) {
					inside.add(d);
				}
			}
			int from = clause[0];
			for (int k = 0; k < inside.size() - 1; k++) {
				if (inside.get(k).date().equals(inside.get(k + 1).date())) {
					continue;
				}
				int comma = content.indexOf(", ", inside.get(k).end());
				if (comma < 0 || comma >= inside.get(k + 1).start()) {
					continue;
				}
				pieces.add(new int[] { from, comma + 1 });
				from = comma + 2;
			}
			pieces.add(new int[] { from, clause[1] });
		}
		return pieces;
	}

	private static char firstLetter(String s, int from) {
		for (int i = from; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isLetter(c)) {
				return c;
			}
			if (c != ' ' && c != '“' && c != '"') {
				return c;
			}
		}
		return ' ';
	}
}
