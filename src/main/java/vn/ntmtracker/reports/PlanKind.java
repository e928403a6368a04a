package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.planning.FundingSource;
import vn.ntmtracker.planning.PlanRollup;
import vn.ntmtracker.planning.PlanTask;
import vn.ntmtracker.planning.Plans;
import vn.ntmtracker.planning.TaskKind;
import vn.ntmtracker.reports.OfficialDocument.Align;
import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Row;

/**
 * Kế hoạch from a plan framework: the target (tier, set, date) against the latest assessment, the tasks per criterion
 * with volume, time, lead and cost, the cost by funding source, the village plans that roll up, and who leads what.
 * Purpose, requirements and the organisation of implementation are written in the draft.
 */
@Component
class PlanKind implements ReportKind {

	private final Plans plans;
	private final Assessments assessments;
	private final Issuers issuers;

	PlanKind(Plans plans, Assessments assessments, Issuers issuers) {
		this.plans = plans;
		this.assessments = assessments;
		this.issuers = issuers;
	}

	@Override
	public String key() {
		return "plan";
	}

	@Override
	public String label() {
		return "Kế hoạch";
	}

	@Override
	public Document.Kind registerKind() {
		return Document.Kind.PLAN;
	}

	@Override
	public Input input() {
		return Input.PLAN;
	}

	@Override
	public Catalogue catalogue() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("plan.title", "tên kế hoạch");
		fields.put("plan.targetDate", "ngày phải đạt, ví dụ 31/12/2023");
		fields.put("plan.targetYear", "năm phải đạt");
		fields.put("plan.tier", "mức đạt chuẩn hướng tới, ví dụ 'xã nông thôn mới nâng cao'");
		fields.put("plan.approved", "'được UBND xã phê duyệt ngày 10/2/2023' khi đã phê duyệt, không thì trống");
		fields.put("plan.taskCount", "số nhiệm vụ của xã");
		fields.put("plan.totalCost", "tổng kinh phí kể cả kế hoạch các thôn đã phê duyệt (đồng), ví dụ 10.670.000.000");
		fields.put("set.title", "tên bộ tiêu chí");
		fields.put("set.total", "số tiêu chí của bộ");
		fields.put("unit.name", "tên đơn vị, ví dụ 'xã Cẩm Lĩnh'");
		fields.put("unit.nameCap", "tên đơn vị viết hoa chữ đầu, ví dụ 'Xã Cẩm Lĩnh'");
		fields.put("standing.score", "số tiêu chí đạt ở kỳ đánh giá gần nhất, ví dụ 14/20");
		fields.put("standing.date", "ngày của kỳ đánh giá gần nhất");
		fields.put("standing.unmetCount", "số tiêu chí chưa đạt");
		Map<String, String> data = new LinkedHashMap<>();
		data.put("unmet", "danh sách tiêu chí chưa đạt ở kỳ đánh giá gần nhất");
		data.put("tasks", "bảng nhiệm vụ theo tiêu chí: nội dung, khối lượng, thời gian, chủ trì, phối hợp, kinh phí");
		data.put("costs", "bảng kinh phí theo nguồn vốn, có dòng tổng");
		data.put("villages", "kế hoạch các thôn đã được phê duyệt");
		data.put("recurring", "các việc thường xuyên (hằng tuần, hằng tháng…)");
		data.put("leads", "mỗi cơ quan chủ trì và các tiêu chí được giao");
		return new Catalogue(fields, data);
	}

	@Override
	public ReportModel build(Request request) {
		if (request.planId() == null) {
			throw new ReportException("Kế hoạch (plan): cần chọn kế hoạch");
		}
		Plans.PlanView view;
		try {
			view = plans.view(request.planId());
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			// A plan out of reach answers as a missing one (404), so that ids cannot be probed.
			throw new ReportNotFoundException("Không tìm thấy kế hoạch số " + request.planId());
		}
		var plan = view.plan();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("plan.title", plan.title());
		values.put("plan.targetDate", VietnameseText.date(plan.targetDate()));
		values.put("plan.targetYear", Integer.toString(plan.targetDate().getYear()));
		String tier = plan.targetTier() == null ? view.set().tier().label() : plan.targetTier().label();
		values.put("plan.tier", tier.substring(0, 1).toLowerCase(VietnameseText.VIETNAMESE) + tier.substring(1));
		values.put("plan.approved", plan.approvedOn() == null ? "" : "được " + (plan.approvedBody() == null ? "cấp có thẩm quyền" : plan.approvedBody())
				+ " phê duyệt ngày " + VietnameseText.date(plan.approvedOn()));
		values.put("plan.taskCount", Integer.toString(view.tasks().size()));
		values.put("plan.totalCost", VietnameseText.money(view.rollup().totalCost()));
		values.put("set.title", view.set().title());
		values.put("set.total", Integer.toString(view.set().criteriaCount()));
		values.put("unit.name", view.unit().displayName());
		values.put("unit.nameCap", VietnameseText.capitalise(view.unit().displayName()));
		Map<String, List<Block>> data = new LinkedHashMap<>();
		view.latestRound().ifPresentOrElse(round -> standing(round, view, values, data), () -> data.put("unmet", List.of()));
		data.put("tasks", tasks(view));
		data.put("costs", costs(view.rollup()));
		data.put("villages", villages(view.rollup()));
		data.put("recurring", Blocks.items(view.tasks().stream().filter(t -> t.kind() == TaskKind.RECURRING)
			.map(t -> t.description() + (t.recurrence() == null ? "" : " (" + t.recurrence() + ")") + (t.leadBody() == null ? "" : ": " + t.leadBody() + " chủ trì") + ".")
			.toList()));
		data.put("leads", leads(view.tasks()));
		LocalDate day = plan.approvedOn() != null ? plan.approvedOn() : plan.targetDate();
		Issuers.Issuer issuer = issuers.ofUnit(plan.unitCode(), Organisation.Kind.PEOPLES_COMMITTEE, day);
		ReportModel.Defaults defaults = new ReportModel.Defaults(issuer.organisationId(), issuer.superiorBody(), issuer.issuingBody(),
				issuer.code(), issuer.place(), null, day.getYear(), null, null, null, null, List.of(plan.unitCode()), null, null, day);
		return new ReportModel(values, data, defaults);
	}

	private void standing(AssessmentRound round, Plans.PlanView view, Map<String, String> values, Map<String, List<Block>> data) {
		values.put("standing.score", round.score());
		values.put("standing.date", VietnameseText.date(round.asOf()));
		var evaluation = assessments.evaluation(round);
		List<Integer> unmet = evaluation.unmetCriteria();
		values.put("standing.unmetCount", Integer.toString(unmet.size()));
		data.put("unmet", Blocks.items(unmet.stream().map(n -> "Tiêu chí số " + n + ": "
				+ view.set().criterion(n).map(c -> c.name()).orElse("") + ";").toList()));
	}

	private static List<Block> tasks(Plans.PlanView view) {
		List<Row> rows = new ArrayList<>();
		int n = 0;
		Map<Integer, List<PlanTask>> byCriterion = new TreeMap<>();
		for (PlanTask task : view.tasks()) {
			byCriterion.computeIfAbsent(task.criterionNumber() == null ? Integer.MAX_VALUE : task.criterionNumber(), k -> new ArrayList<>()).add(task);
		}
		for (var entry : byCriterion.entrySet()) {
			int number = entry.getKey();
			rows.add(Row.group(number == Integer.MAX_VALUE ? "Nhiệm vụ chung"
					: "Tiêu chí số " + number + ": " + view.set().criterion(number).map(c -> c.name()).orElse("")));
			for (PlanTask task : entry.getValue()) {
				n++;
				rows.add(Row.of(Integer.toString(n), task.description(), volume(task), time(task), nz(task.leadBody()), nz(task.cooperating()),
						task.totalCost() == 0 ? "" : Blocks.millions(task.totalCost())));
			}
		}
		if (!rows.isEmpty()) {
			rows.add(Row.total("", "Cộng các nhiệm vụ của " + view.unit().kind().label(), "", "", "", "", Blocks.millions(view.tasks().stream().mapToLong(PlanTask::totalCost).sum())));
		}
		return Blocks.table(List.of(Blocks.column("TT", 6, Align.CENTRE), Blocks.column("Nội dung công việc", 32, Align.LEFT),
				Blocks.column("Khối lượng", 11, Align.CENTRE), Blocks.column("Thời gian", 13, Align.CENTRE),
				Blocks.column("Chủ trì", 13, Align.LEFT), Blocks.column("Phối hợp", 14, Align.LEFT),
				Blocks.column("Kinh phí (triệu đồng)", 11, Align.RIGHT)), rows);
	}

	private static List<Block> costs(PlanRollup rollup) {
		List<Row> rows = new ArrayList<>();
		long total = rollup.sourcesTotal();
		int n = 0;
		for (FundingSource source : FundingSource.values()) {
			Long amount = rollup.costBySource().get(source);
			if (amount != null && amount > 0) {
				rows.add(Row.of(Integer.toString(++n), source.label(), VietnameseText.money(amount), Blocks.percent(amount, total)));
			}
		}
		if (!rows.isEmpty()) {
			rows.add(Row.total("", "Tổng cộng", VietnameseText.money(total), "100"));
		}
		return Blocks.table(List.of(Blocks.column("TT", 8, Align.CENTRE), Blocks.column("Nguồn vốn", 42, Align.LEFT),
				Blocks.column("Kinh phí (đồng)", 32, Align.RIGHT), Blocks.column("Tỷ lệ (%)", 18, Align.RIGHT)), rows);
	}

	private static List<Block> villages(PlanRollup rollup) {
		return Blocks.items(rollup.villages().stream().map(v -> v.unitName() + ": " + v.plan().title() + " (" + v.tasks().size()
				+ " nhiệm vụ, kinh phí " + VietnameseText.money(v.cost()) + " đồng" + (v.plan().approvedOn() == null ? ""
						: ", phê duyệt ngày " + VietnameseText.date(v.plan().approvedOn())) + ");").toList());
	}

	private static List<Block> leads(List<PlanTask> tasks) {
		Map<String, java.util.Set<String>> byLead = new LinkedHashMap<>();
		for (PlanTask task : tasks) {
			if (task.leadBody() != null && !task.leadBody().isBlank()) {
				byLead.computeIfAbsent(task.leadBody().strip(), k -> new java.util.TreeSet<>(java.util.Comparator.comparing(
						(String s) -> s.length()).thenComparing(s -> s)))
					.add(task.criterionNumber() == null ? "nhiệm vụ chung" : Integer.toString(task.criterionNumber()));
			}
		}
		List<String> items = new ArrayList<>();
		byLead.forEach((lead, criteria) -> items.add(lead + ": chủ trì thực hiện các nhiệm vụ của tiêu chí " + String.join(", ", criteria)
				+ "; báo cáo tiến độ định kỳ về Ban Chỉ đạo;"));
		return Blocks.items(items);
	}

	private static String volume(PlanTask task) {
		if (task.volumeQuantity() == null) {
			return "";
		}
		return VietnameseText.decimal(task.volumeQuantity().doubleValue(), 2) + (task.volumeUnit() == null ? "" : " " + task.volumeUnit());
	}

	private static String time(PlanTask task) {
		if (task.kind() == TaskKind.RECURRING) {
			return task.recurrence() == null ? "Thường xuyên" : task.recurrence();
		}
		if (task.deadline() == null) {
			return "";
		}
		return (task.start() == null ? "" : VietnameseText.date(task.start()) + " - ") + VietnameseText.date(task.deadline());
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}
}
