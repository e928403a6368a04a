package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.CriterionResult;
import vn.ntmtracker.assessment.Evaluation;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.directives.Bucket;
import vn.ntmtracker.directives.Directive;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.DocumentIntake.DirectiveLine;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.planning.FundingSource;
import vn.ntmtracker.planning.Funds;
import vn.ntmtracker.planning.Plan;
import vn.ntmtracker.planning.PlanTask;
import vn.ntmtracker.planning.Plans;
import vn.ntmtracker.reports.OfficialDocument.Align;
import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Row;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Báo cáo kết quả thực hiện for a unit and a period: the standing x/N at the latest assessment of the period with each
 * criterion and its change since the round before, the plans' progress, the funds mobilised by source, the directives
 * followed up by bucket and by body with the overdue ones named, and the requests the unit raised. Difficulties,
 * next tasks and proposals are written in the draft.
 */
@Component
class ProgressReportKind implements ReportKind {

	/** Bucket names as reports print them, whatever the reader's language. */
	static final Map<Bucket, String> BUCKETS = new EnumMap<>(Map.of(Bucket.COMPLETED_ON_TIME, "Hoàn thành đúng hạn",
			Bucket.COMPLETED_LATE, "Hoàn thành quá hạn", Bucket.IN_PROGRESS, "Đang thực hiện trong hạn", Bucket.NOT_DUE,
			"Chưa đến hạn", Bucket.OVERDUE, "Quá hạn"));

	private final Assessments assessments;
	private final Plans plans;
	private final Funds funds;
	private final DocumentIntake intake;
	private final Issuers issuers;
	private final Units units;
	private final AccessPolicy access;

	ProgressReportKind(Assessments assessments, Plans plans, Funds funds, DocumentIntake intake, Issuers issuers, Units units,
			AccessPolicy access) {
		this.assessments = assessments;
		this.plans = plans;
		this.funds = funds;
		this.intake = intake;
		this.issuers = issuers;
		this.units = units;
		this.access = access;
	}

	@Override
	public String key() {
		return "progress-report";
	}

	@Override
	public String label() {
		return "Báo cáo kết quả thực hiện";
	}

	@Override
	public Document.Kind registerKind() {
		return Document.Kind.REPORT;
	}

	@Override
	public Input input() {
		return Input.UNIT_PERIOD;
	}

	@Override
	public Catalogue catalogue() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("unit.name", "tên đơn vị, ví dụ 'xã Cẩm Quang'");
		fields.put("unit.nameCap", "tên đơn vị viết hoa chữ đầu");
		fields.put("period.text", "kỳ báo cáo: 'năm 2024', '6 tháng đầu năm 2024' hoặc 'từ 01/3/2024 đến 30/9/2024'");
		fields.put("period.from", "ngày đầu kỳ");
		fields.put("period.to", "ngày cuối kỳ");
		fields.put("year", "năm của ngày cuối kỳ");
		fields.put("standing.score", "số tiêu chí đạt ở kỳ đánh giá gần nhất trong kỳ báo cáo, ví dụ 3/20");
		fields.put("standing.date", "ngày của kỳ đánh giá đó");
		fields.put("standing.setTitle", "tên bộ tiêu chí");
		fields.put("standing.change", "so với kỳ đánh giá trước: 'tăng 2 tiêu chí so với kỳ đánh giá ngày …'");
		fields.put("standing.unmet", "các tiêu chí chưa đạt, ví dụ '1, 2, 5'");
		fields.put("standing.risk", "cảnh báo nguy cơ thu hồi (trống khi không có)");
		fields.put("plan.count", "số kế hoạch trong kỳ");
		fields.put("plan.tasks", "số nhiệm vụ của các kế hoạch");
		fields.put("plan.done", "số nhiệm vụ đã hoàn thành");
		fields.put("plan.overdue", "số nhiệm vụ quá hạn tại ngày cuối kỳ");
		fields.put("funds.total", "tổng vốn huy động trong kỳ (đồng)");
		fields.put("directives.total", "số nhiệm vụ được giao theo dõi trong kỳ");
		fields.put("directives.done", "số nhiệm vụ đã hoàn thành");
		fields.put("directives.overdue", "số nhiệm vụ quá hạn tại ngày cuối kỳ");
		fields.put("requests.count", "số kiến nghị của đơn vị");
		Map<String, String> data = new LinkedHashMap<>();
		data.put("criteria", "bảng từng tiêu chí: kết quả kỳ trước, kỳ này, thay đổi");
		data.put("unmet", "danh sách tiêu chí chưa đạt");
		data.put("plan-tasks", "bảng nhiệm vụ của các kế hoạch với thời hạn và tiến độ");
		data.put("funds", "bảng vốn huy động theo nguồn, có dòng tổng");
		data.put("directive-buckets", "bảng số nhiệm vụ theo tình trạng");
		data.put("directives-by-body", "bảng số nhiệm vụ theo cơ quan chủ trì và tình trạng");
		data.put("overdue", "danh sách nhiệm vụ quá hạn");
		data.put("requests", "danh sách kiến nghị của đơn vị và tình trạng giải quyết");
		return new Catalogue(fields, data);
	}

	@Override
	public ReportModel build(Request request) {
		Period period = Period.of(request);
		Unit unit = readableUnit(request, period.to(), units, access);
		String code = unit.code();
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, List<Block>> data = new LinkedHashMap<>();
		values.put("unit.name", unit.displayName());
		values.put("unit.nameCap", VietnameseText.capitalise(unit.displayName()));
		values.put("period.text", period.text());
		values.put("period.from", VietnameseText.date(period.from()));
		values.put("period.to", VietnameseText.date(period.to()));
		values.put("year", Integer.toString(period.to().getYear()));
		standing(code, period, values, data);
		plans(code, period, values, data);
		funds(code, period, values, data);
		directives(code, period, values, data);
		Issuers.Issuer issuer = issuers.ofUnit(code, Organisation.Kind.PEOPLES_COMMITTEE, period.to());
		ReportModel.Defaults defaults = new ReportModel.Defaults(issuer.organisationId(), issuer.superiorBody(), issuer.issuingBody(),
				issuer.code(), issuer.place(), null, period.to().getYear(), null, null, null, null, List.of(code), null, null, period.to());
		return new ReportModel(values, data, defaults);
	}

	/** The unit a unit-and-period report is about: chosen, readable by the user (else "not found"), existing on the day. */
	static Unit readableUnit(Request request, LocalDate on, Units units, AccessPolicy access) {
		String code = request.unitCode();
		if (code == null || code.isBlank()) {
			throw new ReportException("Đơn vị (unit): cần chọn đơn vị");
		}
		if (!units.exists(code) || !access.canRead(code)) {
			throw new ReportNotFoundException("Không tìm thấy đơn vị " + code);
		}
		return units.find(code, on).orElseThrow(() -> new ReportException("Đơn vị (unit): " + code
				+ " không tồn tại vào ngày " + VietnameseText.date(on)));
	}

	/** The reporting period: both ends given, in order, at most five years. */
	record Period(LocalDate from, LocalDate to) {

		static Period of(Request request) {
			if (request.from() == null || request.to() == null) {
				throw new ReportException("Kỳ báo cáo (from, to): cần cả ngày đầu và ngày cuối");
			}
			if (request.to().isBefore(request.from())) {
				throw new ReportException("Kỳ báo cáo (to): ngày cuối " + VietnameseText.date(request.to()) + " trước ngày đầu "
						+ VietnameseText.date(request.from()));
			}
			if (request.from().plusYears(5).isBefore(request.to())) {
				throw new ReportException("Kỳ báo cáo (from, to): dài quá 5 năm");
			}
			return new Period(request.from(), request.to());
		}

		String text() {
			boolean yearStart = from.getDayOfMonth() == 1 && from.getMonthValue() == 1;
			if (yearStart && to.getMonthValue() == 12 && to.getDayOfMonth() == 31 && to.getYear() == from.getYear()) {
				return "năm " + from.getYear();
			}
			if (yearStart && to.getMonthValue() == 6 && to.getDayOfMonth() == 30 && to.getYear() == from.getYear()) {
				return "6 tháng đầu năm " + from.getYear();
			}
			return "từ ngày " + VietnameseText.date(from) + " đến ngày " + VietnameseText.date(to);
		}
	}

	private void standing(String code, Period period, Map<String, String> values, Map<String, List<Block>> data) {
		List<AssessmentRound> rounds = assessments.rounds(code).stream().filter(r -> !r.asOf().isAfter(period.to())).toList();
		if (rounds.isEmpty()) {
			return;
		}
		AssessmentRound current = rounds.get(0);
		Assessments.RoundView view = assessments.view(current.id());
		Optional<AssessmentRound> previous = view.previous().filter(p -> p.setCode().equals(current.setCode()))
			.or(() -> rounds.stream().skip(1).filter(r -> r.setCode().equals(current.setCode()) && r.asOf().isBefore(current.asOf())).findFirst());
		Optional<Evaluation> before = previous.map(assessments::evaluation);
		Evaluation now = view.evaluation();
		values.put("standing.score", now.score());
		values.put("standing.date", VietnameseText.date(current.asOf()));
		values.put("standing.setTitle", view.set().title());
		values.put("standing.unmet", String.join(", ", now.unmetCriteria().stream().map(String::valueOf).toList()));
		values.put("standing.change", previous.map(p -> change(now.achieved() - p.achieved(), p)).orElse(""));
		values.put("standing.risk", view.risk() != null && view.risk().atRisk() ? view.risk().describe() : "");
		data.put("criteria", criteria(view.set(), now, before));
		data.put("unmet", Blocks.items(now.criteria().stream().filter(c -> !c.achieved())
			.map(c -> "Tiêu chí số " + c.number() + ": " + c.name() + (c.incomplete() ? " (chưa đủ số liệu)" : "") + ";").toList()));
	}

	private static String change(int delta, AssessmentRound previous) {
		String since = " so với kỳ đánh giá ngày " + VietnameseText.date(previous.asOf()) + " (" + previous.score() + ")";
		if (delta == 0) {
			return "không thay đổi" + since;
		}
		return (delta > 0 ? "tăng " : "giảm ") + Math.abs(delta) + " tiêu chí" + since;
	}

	private static List<Block> criteria(CriteriaSetDefinition set, Evaluation now, Optional<Evaluation> before) {
		List<Row> rows = new ArrayList<>();
		Map<String, String> groupNames = new LinkedHashMap<>();
		set.groups().forEach(g -> groupNames.put(g.code(), g.name()));
		String group = null;
		for (Criterion criterion : set.criteria()) {
			if (criterion.group() != null && !criterion.group().equals(group) && groupNames.containsKey(criterion.group())) {
				group = criterion.group();
				rows.add(Row.group(groupNames.get(group)));
			}
			CriterionResult result = now.criteria().stream().filter(c -> c.number() == criterion.number()).findFirst().orElse(null);
			Optional<CriterionResult> earlier = before.flatMap(b -> b.criteria().stream().filter(c -> c.number() == criterion.number()).findFirst());
			String change = "";
			if (result != null && earlier.isPresent() && earlier.get().achieved() != result.achieved()) {
				change = result.achieved() ? "Tăng" : "Giảm";
			}
			rows.add(Row.of(Integer.toString(criterion.number()), criterion.name(), earlier.map(ProgressReportKind::label).orElse(""),
					result == null ? "" : label(result), change));
		}
		rows.add(Row.total("", "Số tiêu chí đạt", before.map(Evaluation::score).orElse(""), now.score(),
				before.map(b -> signed(now.achieved() - b.achieved())).orElse("")));
		return Blocks.table(List.of(Blocks.column("TT", 7, Align.CENTRE), Blocks.column("Tiêu chí", 45, Align.LEFT),
				Blocks.column("Kỳ trước", 17, Align.CENTRE), Blocks.column("Kỳ này", 17, Align.CENTRE),
				Blocks.column("Thay đổi", 14, Align.CENTRE)), rows);
	}

	private static String label(CriterionResult result) {
		String label = result.label();
		if (result.provisional()) {
			label += " (tạm tính)";
		}
		return label;
	}

	private static String signed(int delta) {
		return delta > 0 ? "+" + delta : Integer.toString(delta);
	}

	private void plans(String code, Period period, Map<String, String> values, Map<String, List<Block>> data) {
		List<Plan> inPeriod = plans.list(code).stream().filter(p -> !p.villagePlan()
				&& p.targetDate().getYear() >= period.from().getYear() && p.targetDate().getYear() <= period.to().getYear()).toList();
		List<Row> rows = new ArrayList<>();
		int tasks = 0;
		int done = 0;
		int overdue = 0;
		int n = 0;
		for (Plan plan : inPeriod) {
			Plans.PlanView view = plans.view(plan.id());
			rows.add(Row.group(plan.title()));
			for (PlanTask task : view.tasks()) {
				tasks++;
				done += task.done() ? 1 : 0;
				boolean late = task.overdue(period.to());
				overdue += late ? 1 : 0;
				rows.add(Row.of(Integer.toString(++n), task.description(), task.criterionNumber() == null ? "" : task.criterionNumber().toString(),
						task.deadline() == null ? (task.recurrence() == null ? "" : task.recurrence()) : VietnameseText.date(task.deadline()),
						task.percentDone() + "%", task.done() ? "Hoàn thành" : late ? "Quá hạn" : task.percentDone() > 0 ? "Đang thực hiện" : "Chưa thực hiện"));
			}
		}
		values.put("plan.count", inPeriod.isEmpty() ? "" : Integer.toString(inPeriod.size()));
		values.put("plan.tasks", Integer.toString(tasks));
		values.put("plan.done", Integer.toString(done));
		values.put("plan.overdue", Integer.toString(overdue));
		data.put("plan-tasks", Blocks.table(List.of(Blocks.column("TT", 6, Align.CENTRE), Blocks.column("Nhiệm vụ", 44, Align.LEFT),
				Blocks.column("Tiêu chí", 9, Align.CENTRE), Blocks.column("Thời hạn", 14, Align.CENTRE),
				Blocks.column("Tiến độ", 10, Align.CENTRE), Blocks.column("Tình trạng", 17, Align.CENTRE)), rows));
	}

	private void funds(String code, Period period, Map<String, String> values, Map<String, List<Block>> data) {
		Map<FundingSource, Long> bySource = new EnumMap<>(FundingSource.class);
		for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
			Funds.Summary summary = funds.summary(code, year);
			summary.bySource().forEach((source, amount) -> bySource.merge(source, amount, Long::sum));
		}
		long total = bySource.values().stream().mapToLong(Long::longValue).sum();
		values.put("funds.total", total == 0 ? "" : VietnameseText.money(total));
		List<Row> rows = new ArrayList<>();
		int n = 0;
		for (var entry : bySource.entrySet()) {
			rows.add(Row.of(Integer.toString(++n), entry.getKey().label(), VietnameseText.money(entry.getValue()),
					Blocks.percent(entry.getValue(), total)));
		}
		if (!rows.isEmpty()) {
			rows.add(Row.total("", "Tổng cộng", VietnameseText.money(total), "100"));
		}
		data.put("funds", Blocks.table(List.of(Blocks.column("TT", 8, Align.CENTRE), Blocks.column("Nguồn vốn", 44, Align.LEFT),
				Blocks.column("Số tiền (đồng)", 30, Align.RIGHT), Blocks.column("Tỷ lệ (%)", 18, Align.RIGHT)), rows));
	}

	private void directives(String code, Period period, Map<String, String> values, Map<String, List<Block>> data) {
		List<DirectiveLine> followed = intake.directivesFor(code, period.to()).stream()
			.filter(d -> d.completedOn() == null || !d.completedOn().isBefore(period.from())).toList();
		List<DirectiveLine> directives = followed.stream().filter(d -> d.kind() == Directive.Kind.DIRECTIVE || !code.equals(d.raisedByUnit())).toList();
		List<DirectiveLine> requests = followed.stream().filter(d -> d.kind() == Directive.Kind.REQUEST && code.equals(d.raisedByUnit())).toList();
		Map<Bucket, Long> counts = new EnumMap<>(Bucket.class);
		directives.forEach(d -> counts.merge(d.bucket(), 1L, Long::sum));
		values.put("directives.total", directives.isEmpty() ? "" : Integer.toString(directives.size()));
		values.put("directives.done", Long.toString(counts.getOrDefault(Bucket.COMPLETED_ON_TIME, 0L) + counts.getOrDefault(Bucket.COMPLETED_LATE, 0L)));
		values.put("directives.overdue", Long.toString(counts.getOrDefault(Bucket.OVERDUE, 0L)));
		values.put("requests.count", requests.isEmpty() ? "" : Integer.toString(requests.size()));
		List<Row> bucketRows = new ArrayList<>();
		for (Bucket bucket : List.of(Bucket.COMPLETED_ON_TIME, Bucket.COMPLETED_LATE, Bucket.IN_PROGRESS, Bucket.NOT_DUE, Bucket.OVERDUE)) {
			long count = counts.getOrDefault(bucket, 0L);
			bucketRows.add(Row.of(BUCKETS.get(bucket), Long.toString(count), Blocks.percent(count, directives.size())));
		}
		bucketRows.add(Row.total("Tổng số", Integer.toString(directives.size()), directives.isEmpty() ? "" : "100"));
		data.put("directive-buckets", directives.isEmpty() ? List.of() : Blocks.table(List.of(Blocks.column("Tình trạng", 50, Align.LEFT),
				Blocks.column("Số nhiệm vụ", 25, Align.CENTRE), Blocks.column("Tỷ lệ (%)", 25, Align.CENTRE)), bucketRows));
		Map<String, long[]> byBody = new LinkedHashMap<>();
		directives.stream().sorted(java.util.Comparator.comparing(DirectiveLine::leadName)).forEach(d -> {
			long[] row = byBody.computeIfAbsent(d.leadName(), k -> new long[5]);
			row[column(d.bucket())]++;
		});
		List<Row> bodyRows = new ArrayList<>();
		int n = 0;
		for (var entry : byBody.entrySet()) {
			long[] c = entry.getValue();
			bodyRows.add(Row.of(Integer.toString(++n), entry.getKey(), Long.toString(c[0] + c[1] + c[2] + c[3] + c[4]), Long.toString(c[0]),
					Long.toString(c[1]), Long.toString(c[2] + c[3]), Long.toString(c[4])));
		}
		data.put("directives-by-body", Blocks.table(List.of(Blocks.column("TT", 6, Align.CENTRE), Blocks.column("Cơ quan chủ trì", 34, Align.LEFT),
				Blocks.column("Tổng số", 10, Align.CENTRE), Blocks.column("Hoàn thành đúng hạn", 13, Align.CENTRE),
				Blocks.column("Hoàn thành quá hạn", 13, Align.CENTRE), Blocks.column("Đang thực hiện", 12, Align.CENTRE),
				Blocks.column("Quá hạn", 12, Align.CENTRE)), bodyRows));
		data.put("overdue", Blocks.items(directives.stream().filter(d -> d.bucket() == Bucket.OVERDUE)
			.map(d -> source(d) + sentence(d.text()) + " — " + d.leadName() + (d.due() == null ? "" : ", hạn " + VietnameseText.date(d.due())) + ";")
			.toList()));
		data.put("requests", Blocks.items(requests.stream().map(d -> sentence(d.requestText() == null ? d.text() : d.requestText())
				+ " " + source(d).strip() + ": giao " + d.leadName() + " giải quyết" + (d.deadlineWording() == null ? "" : " (" + d.deadlineWording() + ")")
				+ "; " + BUCKETS.get(d.bucket()).toLowerCase(VietnameseText.VIETNAMESE) + ";").toList()));
	}

	private static int column(Bucket bucket) {
		return switch (bucket) {
			case COMPLETED_ON_TIME -> 0;
			case COMPLETED_LATE -> 1;
			case IN_PROGRESS -> 2;
			case NOT_DUE -> 3;
			case OVERDUE -> 4;
		};
	}

	private static String source(DirectiveLine d) {
		return "(" + (d.documentNumber() == null ? "văn bản chưa số" : d.documentNumber()) + (d.ref() == null ? "" : ", mục " + d.ref()) + ") ";
	}

	private static String sentence(String text) {
		String stripped = text == null ? "" : text.strip();
		while (stripped.endsWith(".") || stripped.endsWith(";")) {
			stripped = stripped.substring(0, stripped.length() - 1);
		}
		return stripped;
	}
}
