package vn.ntmtracker.planning;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ntmtracker.criteria.Tier;

/** JSON API of plans, tasks, progress, funds and the steering committee; the caller's jurisdiction applies. */
@RestController
@Tag(name = "Kế hoạch", description = "Plan frameworks, tasks with cost by funding source, progress, funds mobilised, steering committee")
class PlanApiController {

	private final Plans plans;
	private final Funds funds;
	private final Committee committee;

	private final Clock clock;

	PlanApiController(Plans plans, Funds funds, Committee committee, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.funds = funds;
		this.committee = committee;
	}

	record PlanSummary(long id, String unitCode, String title, Tier targetTier, String setCode, int setVersion,
			LocalDate targetDate, PlanStatus status, String approvedBody, LocalDate approvedOn, Long parentPlanId, int version) {

		static PlanSummary of(Plan p) {
			return new PlanSummary(p.id(), p.unitCode(), p.title(), p.targetTier(), p.setCode(), p.setVersion(), p.targetDate(),
					p.status(), p.approvedBody(), p.approvedOn(), p.parentPlanId(), p.version());
		}
	}

	record TaskView(long id, long planId, Integer criterionNumber, String indicatorCode, String description, TaskKind kind,
			SiteClearance siteClearance, BigDecimal volumeQuantity, String volumeUnit, LocalDate start, LocalDate deadline,
			String recurrence, String leadBody, String leadPerson, String cooperating, long totalCost,
			Map<FundingSource, Long> costs, TaskStatus status, int percentDone, boolean overdue, int version) {

		static TaskView of(PlanTask t, LocalDate today) {
			return new TaskView(t.id(), t.planId(), t.criterionNumber(), t.indicatorCode(), t.description(), t.kind(),
					t.siteClearance(), t.volumeQuantity(), t.volumeUnit(), t.start(), t.deadline(), t.recurrence(), t.leadBody(),
					t.leadPerson(), t.cooperating(), t.totalCost(), t.costs(), t.status(), t.percentDone(),
					t.overdue(today), t.version());
		}
	}

	record VillageRollup(PlanSummary plan, String unitName, List<TaskView> tasks, long cost) {
	}

	record Schedule(int remaining, int overdue, int endingAfterTarget, int withoutDeadline, LocalDate latestDeadline, boolean fits) {
	}

	record PlanDetail(PlanSummary plan, List<TaskView> tasks, List<VillageRollup> villagePlans,
			Map<FundingSource, Long> costBySource, long totalCost, Map<Integer, Long> costByCriterion,
			Long assessmentRoundId, List<PlanRollup.Gap> gaps, Schedule schedule, List<Plans.BaselineChange> changesSinceApproval) {
	}

	record NewPlanRequest(String title, String setCode, Integer setVersion, LocalDate targetDate, Long parentPlanId) {
	}

	record NewTaskRequest(Integer planVersion, Integer criterionNumber, String indicatorCode, String description,
			TaskKind kind, SiteClearance siteClearance, BigDecimal volumeQuantity, String volumeUnit, LocalDate start,
			LocalDate deadline, String recurrence, String leadBody, String leadPerson, String cooperating, Long totalCost,
			Map<FundingSource, Long> costs) {
	}

	record TaskCreated(TaskView task, List<String> warnings) {
	}

	record ProgressRequest(Integer version, Integer percentDone, LocalDate reportedOn, String note, String attachment) {
	}

	record ApproveRequest(Integer version, String body, LocalDate approvedOn) {
	}

	record FundsSummary(long total, Map<FundingSource, Long> bySource) {
	}

	record FundRequest(Integer year, FundingSource source, Long amount, Long taskId, Integer criterionNumber, String note) {
	}

	record CommitteeView(List<Committee.Member> members, List<Committee.WeeklyReport> weeklyReports) {
	}

	@GetMapping("/api/units/{code}/plans")
	@Operation(summary = "A unit's plans, latest target first")
	List<PlanSummary> list(@PathVariable String code) {
		return plans.list(code).stream().map(PlanSummary::of).toList();
	}

	@PostMapping("/api/units/{code}/plans")
	@Operation(summary = "Create a draft plan towards a criteria set (tier) by a target date; a village plan names its commune plan")
	ResponseEntity<PlanSummary> create(@PathVariable String code, @RequestBody NewPlanRequest request) {
		long id = plans.create(code, new Plans.NewPlan(request.title(), request.setCode(), request.setVersion(),
				request.targetDate(), request.parentPlanId()));
		return ResponseEntity.status(HttpStatus.CREATED).body(PlanSummary.of(plans.readablePlan(id)));
	}

	@GetMapping("/api/plans/{id}")
	@Operation(summary = "A plan with its tasks, approved village plans rolled up, cost by source and criterion, gaps and schedule")
	PlanDetail plan(@PathVariable long id) {
		Plans.PlanView view = plans.view(id);
		PlanRollup rollup = view.rollup();
		Map<Integer, Long> byCriterion = new LinkedHashMap<>();
		rollup.criteria().stream().filter(c -> c.number() != null).forEach(c -> byCriterion.put(c.number(), c.cost()));
		PlanRollup.Schedule s = rollup.schedule();
		return new PlanDetail(PlanSummary.of(view.plan()), view.tasks().stream().map(t -> TaskView.of(t, LocalDate.now(clock))).toList(),
				rollup.villages().stream().map(v -> new VillageRollup(PlanSummary.of(v.plan()), v.unitName(),
						v.tasks().stream().map(t -> TaskView.of(t, LocalDate.now(clock))).toList(), v.cost())).toList(),
				rollup.costBySource(), rollup.totalCost(), byCriterion, view.latestRound().map(r -> r.id()).orElse(null),
				rollup.gaps().orElse(null), new Schedule(s.remaining(), s.overdue(), s.late().size(), s.withoutDeadline(),
						s.latestDeadline(), s.fits()), view.changes());
	}

	@PostMapping("/api/plans/{id}/tasks")
	@Operation(summary = "Add a task; all or nothing (422 with every problem); a deadline after the target date is saved with a warning; 409 on a stale planVersion")
	ResponseEntity<TaskCreated> addTask(@PathVariable long id, @RequestBody NewTaskRequest r) {
		Plans.TaskSaved saved = plans.addTask(id, new TaskDraft(r.criterionNumber(), r.indicatorCode(), r.description(), r.kind(),
				r.siteClearance(), r.volumeQuantity(), r.volumeUnit(), r.start(), r.deadline(), r.recurrence(), r.leadBody(),
				r.leadPerson(), r.cooperating(), r.totalCost(), r.costs()), r.planVersion());
		return ResponseEntity.status(HttpStatus.CREATED).body(new TaskCreated(TaskView.of(saved.task(), LocalDate.now(clock)), saved.warnings()));
	}

	@PostMapping("/api/tasks/{id}/progress")
	@Operation(summary = "Report progress (percent done 0–100, note, attachment name); 409 when the task changed since it was read")
	TaskView progress(@PathVariable long id, @RequestBody ProgressRequest r) {
		if (r.version() == null || r.percentDone() == null) {
			throw new PlanException("version và percentDone là bắt buộc");
		}
		return TaskView.of(plans.reportProgress(id, new Plans.ProgressInput(r.percentDone(), r.reportedOn(), r.note(), r.attachment()),
				r.version()), LocalDate.now(clock));
	}

	@PostMapping("/api/plans/{id}/approve")
	@Operation(summary = "Approve (freezes a baseline): a village plan by the commune, a commune plan by the commune; 403 for any other body")
	PlanSummary approve(@PathVariable long id, @RequestBody ApproveRequest r) {
		if (r.version() == null) {
			throw new PlanException("version là bắt buộc");
		}
		return PlanSummary.of(plans.approve(id, r.body(), r.approvedOn(), r.version()));
	}

	@GetMapping("/api/units/{code}/funds/summary")
	@Operation(summary = "Funds mobilised in a year: total and by source, in đồng")
	FundsSummary fundsSummary(@PathVariable String code, @RequestParam int year) {
		Funds.Summary summary = funds.summary(code, year);
		return new FundsSummary(summary.total(), summary.bySource());
	}

	@PostMapping("/api/units/{code}/funds")
	@Operation(summary = "Record funds mobilised (unit, year, source, amount in đồng, optionally for a task or criterion)")
	ResponseEntity<FundsSummary> addFunds(@PathVariable String code, @RequestBody FundRequest r) {
		funds.record(code, new Funds.FundInput(r.year(), r.source(), r.amount(), r.taskId(), r.criterionNumber(), r.note()));
		Funds.Summary summary = funds.summary(code, r.year());
		return ResponseEntity.status(HttpStatus.CREATED).body(new FundsSummary(summary.total(), summary.bySource()));
	}

	@GetMapping("/api/units/{code}/committee")
	@Operation(summary = "Steering committee: members with the criteria and villages they answer for, weekly reports newest first")
	CommitteeView committee(@PathVariable String code) {
		return new CommitteeView(committee.members(code), committee.reports(code));
	}

	@ExceptionHandler(PlanException.class)
	ResponseEntity<Map<String, Object>> refused(PlanException ex) {
		return ResponseEntity.unprocessableContent().body(Map.of("status", 422, "error", "Unprocessable Content",
				"message", ex.getMessage(), "problems", ex.problems()));
	}
}
