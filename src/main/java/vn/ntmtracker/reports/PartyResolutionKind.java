package vn.ntmtracker.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.Evaluation;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.planning.Plan;
import vn.ntmtracker.planning.Plans;
import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The shell of a Party committee's resolution on the programme (seed 004's structure, HD 36-HD/VPTW layout): the
 * standing and target from the records, the rest — viewpoints, tasks and solutions, implementation — written in the
 * draft from the template's wording.
 */
@Component
class PartyResolutionKind implements ReportKind {

	private final Assessments assessments;
	private final Plans plans;
	private final Issuers issuers;
	private final Units units;
	private final AccessPolicy access;

	PartyResolutionKind(Assessments assessments, Plans plans, Issuers issuers, Units units, AccessPolicy access) {
		this.assessments = assessments;
		this.plans = plans;
		this.issuers = issuers;
		this.units = units;
		this.access = access;
	}

	@Override
	public String key() {
		return "party-resolution";
	}

	@Override
	public String label() {
		return "Nghị quyết của cấp ủy";
	}

	@Override
	public Document.Kind registerKind() {
		return Document.Kind.RESOLUTION;
	}

	@Override
	public Input input() {
		return Input.UNIT_PERIOD;
	}

	@Override
	public Catalogue catalogue() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("unit.name", "tên đơn vị, ví dụ 'xã Cẩm Lĩnh'");
		fields.put("unit.shortName", "tên riêng của đơn vị, ví dụ 'Cẩm Lĩnh'");
		fields.put("year", "năm của nghị quyết (năm của ngày cuối kỳ)");
		fields.put("standing.score", "số tiêu chí đạt ở kỳ đánh giá gần nhất, ví dụ 14/20");
		fields.put("standing.date", "ngày của kỳ đánh giá đó");
		fields.put("standing.setTitle", "tên bộ tiêu chí");
		fields.put("standing.unmetCount", "số tiêu chí chưa đạt");
		fields.put("target.tier", "mức đạt chuẩn của kế hoạch trong năm, ví dụ 'Xã nông thôn mới nâng cao'");
		fields.put("target.tierLower", "như target.tier, viết thường chữ đầu");
		fields.put("target.date", "ngày phải đạt của kế hoạch trong năm");
		Map<String, String> data = new LinkedHashMap<>();
		data.put("unmet", "danh sách tiêu chí chưa đạt");
		data.put("plans", "các kế hoạch của đơn vị trong năm");
		return new Catalogue(fields, data);
	}

	@Override
	public ReportModel build(Request request) {
		ProgressReportKind.Period period = ProgressReportKind.Period.of(request);
		Unit unit = ProgressReportKind.readableUnit(request, period.to(), units, access);
		String code = unit.code();
		int year = period.to().getYear();
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, List<Block>> data = new LinkedHashMap<>();
		values.put("unit.name", unit.displayName());
		values.put("unit.shortName", unit.name());
		values.put("year", Integer.toString(year));
		Optional<AssessmentRound> latest = assessments.rounds(code).stream().filter(r -> !r.asOf().isAfter(period.to())).findFirst();
		latest.ifPresent(round -> {
			Evaluation evaluation = assessments.evaluation(round);
			values.put("standing.score", evaluation.score());
			values.put("standing.date", VietnameseText.date(round.asOf()));
			values.put("standing.unmetCount", Integer.toString(evaluation.total() - evaluation.achieved()));
			values.put("standing.setTitle", assessments.view(round.id()).set().title());
			data.put("unmet", Blocks.items(evaluation.criteria().stream().filter(c -> !c.achieved())
				.map(c -> "Tiêu chí số " + c.number() + ": " + c.name() + ";").toList()));
		});
		List<Plan> yearPlans = plans.list(code).stream().filter(p -> !p.villagePlan() && p.targetDate().getYear() == year).toList();
		yearPlans.stream().findFirst().ifPresent(plan -> {
			String tier = plan.targetTier() == null ? "" : plan.targetTier().label();
			values.put("target.tier", tier);
			values.put("target.tierLower", tier.isEmpty() ? "" : tier.substring(0, 1).toLowerCase(VietnameseText.VIETNAMESE) + tier.substring(1));
			values.put("target.date", VietnameseText.date(plan.targetDate()));
		});
		data.put("plans", Blocks.items(yearPlans.stream().map(p -> p.title() + " (đạt trước ngày " + VietnameseText.date(p.targetDate()) + ");").toList()));
		Issuers.Issuer issuer = issuers.ofUnit(code, Organisation.Kind.PARTY_COMMITTEE, period.to());
		ReportModel.Defaults defaults = new ReportModel.Defaults(issuer.organisationId(), issuer.superiorBody(), issuer.issuingBody(),
				issuer.code(), issuer.place(), null, year, "T/M " + issuer.collective(), issuer.headTitle(), null, null, List.of(code), null, null,
				period.to());
		return new ReportModel(values, data, defaults);
	}
}
