package vn.ntmtracker.planning;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.InputLimits;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Plans and their tasks: creating, adding tasks (all or nothing, with warnings), progress, approval by the
 * body that has the right, and the roll-up of approved village plans into the commune plan.
 */
@Service
public class Plans {

	private final JdbcClient jdbc;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final Assessments assessments;
	private final vn.ntmtracker.assessment.ApplicableSets applicableSets;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;
	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	Plans(JdbcClient jdbc, CriteriaCatalog catalog, Units units, Assessments assessments,
			vn.ntmtracker.assessment.ApplicableSets applicableSets, AccessPolicy access, Authorization authorization,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.units = units;
		this.assessments = assessments;
		this.applicableSets = applicableSets;
		this.access = access;
		this.authorization = authorization;
		this.events = events;
	}

	record NewPlan(String title, String setCode, Integer setVersion, LocalDate targetDate, Long parentPlanId) {
	}

	record ProgressInput(int percentDone, LocalDate reportedOn, String note, String attachment) {
	}

	record Progress(long id, LocalDate reportedOn, int percentDone, String note, String attachment, String reportedBy) {
	}

	record TaskSaved(PlanTask task, List<String> warnings) {
	}

	/** A task whose deadline or cost differs from the last approved baseline, or that is new since. */
	record BaselineChange(long taskId, String description, String what) {
	}

	/** Everything the plan page, the export and the API need. */
	public record PlanView(Plan plan, Unit unit, CriteriaSetDefinition set, List<PlanTask> tasks, PlanRollup rollup,
			Optional<AssessmentRound> latestRound, List<BaselineChange> changes, boolean canWrite, boolean canApprove,
			String approverBody, Map<Long, List<Progress>> progress) {
	}

	// ---- reading ----------------------------------------------------------------------------------------------

	public List<Plan> list(String unitCode) {
		access.requireRead(unitCode);
		return jdbc.sql("select * from plan where unit_code = :unit order by target_date desc, id desc")
			.param("unit", unitCode).query(Plans::mapPlan).list();
	}

	Plan plan(long id) {
		return jdbc.sql("select * from plan where id = :id").param("id", id).query(Plans::mapPlan).optional()
			.orElseThrow(() -> new PlanNotFoundException("kế hoạch", id));
	}

	/** A plan the user may read; one outside their reach is answered as if it did not exist. */
	public Plan readablePlan(long id) {
		Plan plan = plan(id);
		if (!access.canRead(plan.unitCode())) {
			throw new PlanNotFoundException("kế hoạch", id);
		}
		return plan;
	}

	List<PlanTask> tasks(long planId) {
		return tasksOf(List.of(planId)).getOrDefault(planId, List.of());
	}

	/** The tasks of several plans (a commune plan's villages) in two statements, by plan. */
	Map<Long, List<PlanTask>> tasksOf(java.util.Collection<Long> planIds) {
		Map<Long, List<PlanTask>> byPlan = new LinkedHashMap<>();
		if (!planIds.isEmpty()) {
			load("t.plan_id = any(:key)", planIds.toArray(Long[]::new))
				.forEach(task -> byPlan.computeIfAbsent(task.planId(), k -> new ArrayList<>()).add(task));
		}
		return byPlan;
	}

	/** One task with its costs (two statements; not its plan's other tasks). */
	PlanTask task(long id) {
		return load("t.id = :key", id).stream().findFirst().orElseThrow(() -> new PlanNotFoundException("nhiệm vụ", id));
	}

	/** Tasks matching a condition on {@code plan_task t} with the parameter {@code :key}, with their costs, in plan order. */
	private List<PlanTask> load(String condition, Object key) {
		Map<Long, Map<FundingSource, Long>> costs = new LinkedHashMap<>();
		jdbc.sql("select c.task_id, c.source, c.amount from plan_task_cost c join plan_task t on t.id = c.task_id where " + condition)
			.param("key", key).query(rs -> {
				costs.computeIfAbsent(rs.getLong("task_id"), k -> new EnumMap<>(FundingSource.class))
					.put(FundingSource.valueOf(rs.getString("source")), rs.getLong("amount"));
			});
		return jdbc.sql("select t.* from plan_task t where " + condition + " order by t.criterion_number nulls last, t.deadline nulls last, t.id")
			.param("key", key).query((rs, row) -> mapTask(rs, costs.getOrDefault(rs.getLong("id"), Map.of()))).list();
	}

	Map<Long, List<Progress>> progress(long planId) {
		Map<Long, List<Progress>> byTask = new LinkedHashMap<>();
		jdbc.sql("""
				select p.* from plan_task_progress p join plan_task t on t.id = p.task_id
				where t.plan_id = :plan order by p.reported_on desc, p.id desc""").param("plan", planId).query(rs -> {
			byTask.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new Progress(rs.getLong("id"),
					rs.getObject("reported_on", LocalDate.class), rs.getInt("percent_done"), rs.getString("note"),
					rs.getString("attachment"), rs.getString("reported_by")));
		});
		return byTask;
	}

	public PlanView view(long id) {
		Plan plan = readablePlan(id);
		Unit unit = units.get(plan.unitCode(), plan.targetDate());
		CriteriaSetDefinition set = catalog.definition(plan.setCode(), plan.setVersion());
		List<PlanTask> tasks = tasks(id);
		List<Plan> villagePlans = jdbc.sql("select * from plan where parent_plan_id = :id order by unit_code, id")
			.param("id", id).query(Plans::mapPlan).list();
		Map<Long, List<PlanTask>> villageTasks = tasksOf(villagePlans.stream().map(Plan::id).toList());
		List<PlanRollup.VillagePlan> villages = villagePlans.stream()
			.map(v -> new PlanRollup.VillagePlan(v, units.get(v.unitCode(), v.targetDate()).name(), villageTasks.getOrDefault(v.id(), List.of())))
			.toList();
		Optional<AssessmentRound> latest = latestRound(plan);
		Optional<List<Integer>> unmet = latest.map(r -> assessments.evaluation(r).unmetCriteria());
		Map<Integer, String> names = set.criteria().stream().collect(Collectors.toMap(Criterion::number, Criterion::name));
		PlanRollup rollup = PlanRollup.of(plan, tasks, villages, names, unmet, LocalDate.now(clock));
		return new PlanView(plan, unit, set, tasks, rollup, latest, changes(plan, tasks), authorization.may(Permission.EDIT_PLAN, Target.unit(plan.unitCode(), plan.targetDate())),
				canApprove(plan, LocalDate.now(clock)),
				approverBody(plan), progress(id));
	}

	/** The unit's latest assessment round on the plan's set: criterion numbers mean something only within a set. */
	private Optional<AssessmentRound> latestRound(Plan plan) {
		return assessments.rounds(plan.unitCode()).stream().filter(r -> r.setCode().equals(plan.setCode())).findFirst();
	}

	/** An open task within the user's jurisdiction, for "my tasks". */
	public record OpenTask(long taskId, long planId, String planTitle, String unitCode, Integer criterionNumber, String description,
			LocalDate deadline, String recurrence, int percentDone, boolean overdue) {
	}

	/** A plan task that works on a criterion, for "which task covers this unmet criterion". */
	public record TaskRef(long taskId, long planId, String description, LocalDate deadline, int percentDone) {
	}

	/** The open tasks of the unit's own plans by the criterion they work on (tasks without a criterion left out). */
	public Map<Integer, List<TaskRef>> openTasksByCriterion(String unitCode) {
		access.requireRead(unitCode);
		Map<Integer, List<TaskRef>> tasks = new java.util.TreeMap<>();
		jdbc.sql("""
				select t.id, t.plan_id, t.criterion_number, t.description, t.deadline, t.percent_done
				from plan_task t join plan p on p.id = t.plan_id
				where p.unit_code = :unit and t.status <> 'DONE' and t.criterion_number is not null
				order by t.deadline nulls last, t.id""")
			.param("unit", unitCode)
			.query(rs -> {
				tasks.computeIfAbsent(rs.getInt("criterion_number"), n -> new ArrayList<>()).add(new TaskRef(rs.getLong("id"),
						rs.getLong("plan_id"), rs.getString("description"), rs.getObject("deadline", LocalDate.class), rs.getInt("percent_done")));
			});
		return tasks;
	}

	/**
	 * How many units of the tier's level under the root have a plan aiming at the tier by the end of {@code year}: the
	 * target the leader's "reached this year" is set against.
	 */
	public long targets(String rootCode, String tier, int year) {
		access.requireRead(rootCode);
		List<String> line = units.lineOn(rootCode, LocalDate.of(year, 12, 31));
		if (line.isEmpty()) {
			return 0;
		}
		String prefix = "/" + String.join("/", line) + "/";
		return jdbc.sql("""
				select count(distinct p.unit_code) from plan p join units_v_line u on u.unit_code = p.unit_code
				where p.target_tier = :tier and p.target_date between make_date(:year, 1, 1) and make_date(:year, 12, 31)
				  and u.path ~>=~ :prefix and u.path ~<~ :prefixEnd
				  and u.valid_from <= p.target_date and coalesce(u.valid_to, 'infinity'::date) >= p.target_date""")
			.param("tier", tier).param("year", year).param("prefix", prefix).param("prefixEnd", prefix + Character.MAX_VALUE)
			.query(Long.class).single();
	}

	/** Open tasks of every plan the user may write for, overdue first, then by deadline. */
	public List<OpenTask> openTasks(LocalDate today) {
		vn.ntmtracker.units.UnitScope scope = access.writeScope();
		if (!scope.unrestricted() && scope.rootCodes().isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select t.id, t.plan_id, p.title, p.unit_code, t.criterion_number, t.description, t.deadline, t.recurrence,
				       t.percent_done
				from plan_task t join plan p on p.id = t.plan_id
				where t.status <> 'DONE' and (:all or exists (
				      select 1 from units_v_line l join units_v_line root on l.path like root.path || '%'
				      where l.unit_code = p.unit_code and root.unit_code = any(:roots)
				        and l.valid_from <= :today and coalesce(l.valid_to, 'infinity'::date) >= :today
				        and root.valid_from <= :today and coalesce(root.valid_to, 'infinity'::date) >= :today))
				order by case when t.deadline < :today then 0 else 1 end, t.deadline nulls last, t.id
				limit 300""")
			.param("all", scope.unrestricted()).param("roots", scope.rootCodes().toArray(String[]::new)).param("today", today)
			.query((rs, row) -> {
				LocalDate deadline = rs.getObject("deadline", LocalDate.class);
				return new OpenTask(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("title"), rs.getString("unit_code"),
						(Integer) rs.getObject("criterion_number"), rs.getString("description"), deadline, rs.getString("recurrence"),
						rs.getInt("percent_done"), deadline != null && deadline.isBefore(today));
			})
			.list();
	}

	// ---- writing ----------------------------------------------------------------------------------------------

	@Transactional
	public long create(String unitCode, NewPlan request) {
		authorization.require(Permission.EDIT_PLAN,
				Target.unit(unitCode, request.targetDate() == null ? LocalDate.now(clock) : request.targetDate()));
		List<String> problems = new ArrayList<>();
		String title = TaskDraft.clean(request.title());
		if (title == null) {
			problems.add("Cần tên kế hoạch");
		}
		InputLimits.text("Tên kế hoạch", title, InputLimits.TITLE, problems);
		InputLimits.date("Ngày mục tiêu", request.targetDate(), problems);
		if (request.targetDate() == null) {
			problems.add("Cần ngày mục tiêu (ví dụ 31/12/2023)");
		}
		if (request.setCode() == null || request.setCode().isBlank()) {
			problems.add("Cần chọn bộ tiêu chí mục tiêu");
		}
		if (!problems.isEmpty()) {
			throw new PlanException(problems);
		}
		CriteriaSetDefinition set = request.setVersion() != null ? catalog.definition(request.setCode(), request.setVersion())
				: catalog.versionOn(request.setCode(), request.targetDate()).or(() -> catalog.current(request.setCode()))
					.orElseThrow(() -> new PlanException("Không có bộ tiêu chí " + request.setCode() + " đang áp dụng"));
		if (set.status() == SetStatus.DRAFT) {
			throw new PlanException("Bộ tiêu chí " + set.code() + " còn là bản nháp");
		}
		Unit unit = units.get(unitCode, request.targetDate());
		if (set.tier().unitLevel() != unit.level()) {
			throw new PlanException("Mục tiêu " + set.tier().label() + " không áp dụng cho " + unit.displayName());
		}
		// Another province's set, or one no longer in force by the target date, is refused with its validity.
		applicableSets.refusal(set, unit, request.targetDate()).ifPresent(reason -> {
			throw new PlanException(reason);
		});
		if (request.parentPlanId() != null) {
			Plan parent = plan(request.parentPlanId());
			if (!parent.unitCode().equals(unit.parentCode())) {
				throw new PlanException("Kế hoạch của " + unit.displayName() + " chỉ tổng hợp vào kế hoạch của " + unit.parentName());
			}
		}
		long id = jdbc.sql("""
				insert into plan (unit_code, title, target_tier, set_code, set_version, target_date, status, parent_plan_id, created_by)
				values (:unit, :title, :tier, :set, :version, :target, 'DRAFT', :parent, :user) returning id""")
			.param("unit", unitCode).param("title", title).param("tier", set.tier().name()).param("set", set.code())
			.param("version", set.version()).param("target", request.targetDate()).param("parent", request.parentPlanId())
			.param("user", access.currentUsername()).query(Long.class).single();
		events.publishEvent(AuditEvent.of(Action.CREATE, "plan", Long.toString(id), unitCode, null,
				Map.of("title", title, "target", set.code() + " v" + set.version() + " " + request.targetDate())));
		return id;
	}

	/** Adds a task, all or nothing; the plan's version must be the one read (null: no check, e.g. demo data). */
	@Transactional
	public TaskSaved addTask(long planId, TaskDraft draft, Integer expectedPlanVersion) {
		Plan plan = plan(planId);
		authorization.require(Permission.EDIT_PLAN, taskTarget(plan, draft.criterionNumber()));
		CriteriaSetDefinition set = catalog.definition(plan.setCode(), plan.setVersion());
		Set<Integer> criteria = set.criteria().stream().map(Criterion::number).collect(Collectors.toSet());
		Set<String> indicators = set.allIndicators().stream().map(i -> i.code())
			.collect(Collectors.toSet());
		List<String> warnings = TaskRules.check(draft, plan, criteria, indicators);
		touchPlan(plan, expectedPlanVersion == null ? plan.version() : expectedPlanVersion);
		long id = jdbc.sql("""
				insert into plan_task (plan_id, criterion_number, indicator_code, description, kind, site_clearance,
				    volume_quantity, volume_unit, start_date, deadline, recurrence, lead_body, lead_person, cooperating,
				    stated_total, created_by)
				values (:plan, :criterion, :indicator, :description, :kind, :clearance, :quantity, :unit, :start, :deadline,
				    :recurrence, :leadBody, :leadPerson, :cooperating, :total, :user) returning id""")
			.param("plan", planId).param("criterion", draft.criterionNumber()).param("indicator", draft.indicatorCode())
			.param("description", draft.description()).param("kind", draft.kind().name())
			.param("clearance", draft.kind() == TaskKind.WORKS
					? (draft.siteClearance() == null ? SiteClearance.NOT_STARTED : draft.siteClearance()).name() : null)
			.param("quantity", draft.volumeQuantity()).param("unit", draft.volumeUnit()).param("start", draft.start())
			.param("deadline", draft.deadline()).param("recurrence", draft.recurrence()).param("leadBody", draft.leadBody())
			.param("leadPerson", draft.leadPerson()).param("cooperating", draft.cooperating())
			.param("total", draft.statedTotal()).param("user", access.currentUsername()).query(Long.class).single();
		if (!draft.costs().isEmpty()) {
			// every funding source in one statement
			jdbc.sql("""
					insert into plan_task_cost (task_id, source, amount)
					select :task, source, amount from unnest(cast(:sources as text[]), cast(:amounts as bigint[])) as c(source, amount)""")
				.param("task", id).param("sources", draft.costs().keySet().stream().map(Enum::name).toArray(String[]::new))
				.param("amounts", draft.costs().values().toArray(Long[]::new)).update();
		}
		PlanTask task = task(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("description", task.description());
		after.put("criterion", task.criterionNumber());
		after.put("deadline", String.valueOf(task.deadline()));
		after.put("cost", task.totalCost());
		after.put("costs", task.costs());
		events.publishEvent(AuditEvent.of(Action.CREATE, "plan_task", Long.toString(id), plan.unitCode(), null, after));
		return new TaskSaved(task, warnings);
	}

	@Transactional
	public PlanTask reportProgress(long taskId, ProgressInput input, int expectedVersion) {
		PlanTask task = task(taskId);
		Plan plan = plan(task.planId());
		LocalDate on = input.reportedOn() == null ? LocalDate.now(clock) : input.reportedOn();
		authorization.require(Permission.REPORT_TASK_PROGRESS, Target.criteria(plan.unitCode(), on, plan.setCode(),
				task.criterionNumber() == null ? List.of() : List.of(task.criterionNumber())));
		TaskRules.checkPercent(input.percentDone());
		List<String> problems = new ArrayList<>();
		InputLimits.text("Ghi chú tiến độ", input.note(), InputLimits.TEXT, problems);
		InputLimits.text("Tệp kèm theo", input.attachment(), InputLimits.NAME, problems);
		InputLimits.date("Ngày báo cáo", on, problems);
		InputLimits.notFuture("Ngày báo cáo", on, LocalDate.now(clock), problems);
		if (!problems.isEmpty()) {
			throw new PlanException(problems);
		}
		TaskStatus status = TaskStatus.of(input.percentDone());
		int updated = jdbc.sql("""
				update plan_task set percent_done = :percent, status = :status, version = version + 1, updated_by = :user,
				    updated_at = now() where id = :id and version = :expected""")
			.param("percent", input.percentDone()).param("status", status.name()).param("user", access.currentUsername())
			.param("id", taskId).param("expected", expectedVersion).update();
		if (updated == 0) {
			throw new StalePlanException("Nhiệm vụ", taskId);
		}
		jdbc.sql("""
				insert into plan_task_progress (task_id, reported_on, percent_done, note, attachment, reported_by)
				values (:task, :on, :percent, :note, :attachment, :user)""")
			.param("task", taskId).param("on", on).param("percent", input.percentDone())
			.param("note", TaskDraft.clean(input.note())).param("attachment", TaskDraft.clean(input.attachment()))
			.param("user", access.currentUsername()).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "plan_task", Long.toString(taskId), plan.unitCode(),
				Map.of("percentDone", task.percentDone(), "status", task.status().name()),
				Map.of("percentDone", input.percentDone(), "status", status.name())));
		return task(taskId);
	}

	/**
	 * Approval by the body named: a village plan by the commune (UBND xã, seed 002) — a user who may write for
	 * the commune, never the village board alone; a commune plan by whoever may write for the commune.
	 */
	@Transactional
	public Plan approve(long planId, String body, LocalDate on, int expectedVersion) {
		Plan plan = plan(planId);
		LocalDate approvedOn = on == null ? LocalDate.now(clock) : on;
		requireApprover(plan, approvedOn);
		PlanStatus next = plan.status().approve();
		String approvedBody = TaskDraft.clean(body) == null ? approverBody(plan) : TaskDraft.clean(body);
		int updated = jdbc.sql("""
				update plan set status = :status, approved_body = :body, approved_by = :user, approved_on = :on,
				    version = version + 1, updated_by = :user, updated_at = now() where id = :id and version = :expected""")
			.param("status", next.name()).param("body", approvedBody).param("user", access.currentUsername())
			.param("on", approvedOn).param("id", planId).param("expected", expectedVersion).update();
		if (updated == 0) {
			throw new StalePlanException("Kế hoạch", planId);
		}
		jdbc.sql("""
				insert into plan_baseline (plan_id, approved_body, approved_by, approved_on, snapshot)
				values (:plan, :body, :user, :on, cast(:snapshot as jsonb))""")
			.param("plan", planId).param("body", approvedBody).param("user", access.currentUsername()).param("on", approvedOn)
			.param("snapshot", json.writeValueAsString(snapshot(tasks(planId)))).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "plan", Long.toString(planId), plan.unitCode(),
				Map.of("status", plan.status().name()), Map.of("status", next.name(), "approvedBody", approvedBody)));
		return plan(planId);
	}

	/** The commune approves its plan and its villages' plans (seed 002: "UBND xã phê duyệt khung kế hoạch của thôn"). */
	boolean canApprove(Plan plan, LocalDate on) {
		return authorization.may(Permission.APPROVE_PLAN, Target.unit(approverUnit(plan), on));
	}

	/** Task writes touch the task's criterion (none: the whole plan) as the unit stood on the plan's target date. */
	private Target taskTarget(Plan plan, Integer criterion) {
		return Target.criteria(plan.unitCode(), plan.targetDate(), plan.setCode(), criterion == null ? List.of() : List.of(criterion));
	}

	private void requireApprover(Plan plan, LocalDate on) {
		if (!canApprove(plan, on)) {
			throw new AccessDeniedException("Kế hoạch của " + units.get(plan.unitCode(), plan.targetDate()).displayName()
					+ " do " + approverBody(plan) + " phê duyệt; tài khoản của bạn không có quyền này");
		}
	}

	private String approverUnit(Plan plan) {
		Unit unit = units.get(plan.unitCode(), plan.targetDate());
		return unit.level() == 4 && unit.parentCode() != null ? unit.parentCode() : unit.code();
	}

	String approverBody(Plan plan) {
		return "UBND " + units.get(approverUnit(plan), plan.targetDate()).displayName();
	}

	/** A change to an approved plan makes it revised; the plan's version guards against lost writes. */
	private void touchPlan(Plan plan, int expectedVersion) {
		int updated = jdbc.sql("""
				update plan set status = :status, version = version + 1, updated_by = :user, updated_at = now()
				where id = :id and version = :expected""")
			.param("status", plan.status().edit().name()).param("user", access.currentUsername()).param("id", plan.id())
			.param("expected", expectedVersion).update();
		if (updated == 0) {
			throw new StalePlanException("Kế hoạch", plan.id());
		}
	}

	// ---- baseline ---------------------------------------------------------------------------------------------

	record TaskSnapshot(long id, Integer criterion, String description, LocalDate deadline, long cost) {
	}

	static List<TaskSnapshot> snapshot(List<PlanTask> tasks) {
		return tasks.stream().map(t -> new TaskSnapshot(t.id(), t.criterionNumber(), t.description(), t.deadline(), t.totalCost()))
			.toList();
	}

	private List<BaselineChange> changes(Plan plan, List<PlanTask> tasks) {
		Optional<String> latest = jdbc.sql("select snapshot::text from plan_baseline where plan_id = :id order by id desc limit 1")
			.param("id", plan.id()).query(String.class).optional();
		if (latest.isEmpty()) {
			return List.of();
		}
		List<TaskSnapshot> baseline = List.of(json.readValue(latest.get(), TaskSnapshot[].class));
		return compare(baseline, tasks);
	}

	static List<BaselineChange> compare(List<TaskSnapshot> baseline, List<PlanTask> tasks) {
		Map<Long, TaskSnapshot> byId = baseline.stream().collect(Collectors.toMap(TaskSnapshot::id, s -> s));
		List<BaselineChange> changes = new ArrayList<>();
		for (PlanTask task : tasks) {
			TaskSnapshot was = byId.get(task.id());
			if (was == null) {
				changes.add(new BaselineChange(task.id(), task.description(), "Nhiệm vụ mới sau phê duyệt"));
				continue;
			}
			if (!java.util.Objects.equals(was.deadline(), task.deadline())) {
				changes.add(new BaselineChange(task.id(), task.description(), "Thời hạn: " + was.deadline() + " → " + task.deadline()));
			}
			if (was.cost() != task.totalCost()) {
				changes.add(new BaselineChange(task.id(), task.description(), "Kinh phí: " + TaskRules.money(was.cost())
						+ " → " + TaskRules.money(task.totalCost())));
			}
		}
		return changes;
	}

	// ---- mapping ----------------------------------------------------------------------------------------------

	private static Map<FundingSource, Long> ordered(Map<FundingSource, Long> costs) {
		Map<FundingSource, Long> ordered = new EnumMap<>(FundingSource.class);
		ordered.putAll(costs);
		return java.util.Collections.unmodifiableMap(ordered);
	}

	static Plan mapPlan(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getLong("id"), rs.getString("unit_code"), rs.getString("title"), Tier.valueOf(rs.getString("target_tier")),
				rs.getString("set_code"), rs.getInt("set_version"), rs.getObject("target_date", LocalDate.class),
				PlanStatus.valueOf(rs.getString("status")), rs.getString("approved_body"), rs.getString("approved_by"),
				rs.getObject("approved_on", LocalDate.class), (Long) rs.getObject("parent_plan_id"), rs.getString("created_by"),
				rs.getInt("version"));
	}

	private static PlanTask mapTask(ResultSet rs, Map<FundingSource, Long> costs) throws SQLException {
		String clearance = rs.getString("site_clearance");
		BigDecimal quantity = rs.getBigDecimal("volume_quantity");
		return new PlanTask(rs.getLong("id"), rs.getLong("plan_id"), (Integer) rs.getObject("criterion_number"),
				rs.getString("indicator_code"), rs.getString("description"), TaskKind.valueOf(rs.getString("kind")),
				clearance == null ? null : SiteClearance.valueOf(clearance), quantity == null ? null : quantity.stripTrailingZeros(),
				rs.getString("volume_unit"), rs.getObject("start_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				rs.getString("recurrence"), rs.getString("lead_body"), rs.getString("lead_person"), rs.getString("cooperating"),
				(Long) rs.getObject("stated_total"), ordered(costs), TaskStatus.valueOf(rs.getString("status")),
				rs.getInt("percent_done"), rs.getInt("version"));
	}
}
