package vn.ntmtracker.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A commune plan with the village plans the commune approved: tasks per criterion (overdue first), cost per
 * criterion and per source, the gap list and whether the remaining work fits before the target date.
 * Pure: everything it needs is passed in, so each figure has its own test.
 */
public record PlanRollup(List<CriterionTasks> criteria, List<VillageTasks> villages, Map<FundingSource, Long> costBySource,
		long totalCost, Optional<List<Gap>> gaps, Schedule schedule, Timeline timeline) {

	/** The tasks of one criterion of the plan's set (number null: tasks not tied to a criterion). */
	public record CriterionTasks(Integer number, String name, List<PlanTask> tasks, long cost) {
	}

	/** An approved village plan as it rolls up: its unit, its tasks (numbered in the village set), its cost. */
	public record VillageTasks(Plan plan, String unitName, List<PlanTask> tasks, long cost) {
	}

	public record VillagePlan(Plan plan, String unitName, List<PlanTask> tasks) {
	}

	/** An unmet criterion of the latest assessment on the plan's set that no task works on. */
	public record Gap(int number, String name) {
	}

	/**
	 * Remaining (not done) tasks; those ending after the target date or with no deadline; overdue ones.
	 * {@code fits}: every remaining task has a deadline on or before the target date and the target date
	 * has not passed with work still open.
	 */
	public record Schedule(int remaining, List<PlanTask> late, int withoutDeadline, int overdue, LocalDate latestDeadline,
			boolean fits) {
	}

	public record Bar(PlanTask task, String unitName, double left, double width, boolean overdue, boolean late) {
	}

	public record Timeline(LocalDate from, LocalDate to, List<Bar> bars, double targetAt, Double todayAt) {
	}

	/**
	 * @param unmet unmet criteria of the unit's latest assessment round on the plan's set, empty when the unit
	 * has no such round (then no gap list can be drawn)
	 */
	static PlanRollup of(Plan plan, List<PlanTask> own, List<VillagePlan> villagePlans, Map<Integer, String> criterionNames,
			Optional<List<Integer>> unmet, LocalDate today) {
		Comparator<PlanTask> order = Comparator.comparing((PlanTask t) -> !t.overdue(today))
			.thenComparing(PlanTask::done)
			.thenComparing(PlanTask::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(PlanTask::id);
		Map<Integer, List<PlanTask>> byCriterion = own.stream()
			.collect(Collectors.groupingBy(t -> t.criterionNumber() == null ? Integer.MAX_VALUE : t.criterionNumber(),
					java.util.TreeMap::new, Collectors.toList()));
		List<CriterionTasks> criteria = new ArrayList<>();
		byCriterion.forEach((number, tasks) -> {
			Integer n = number == Integer.MAX_VALUE ? null : number;
			criteria.add(new CriterionTasks(n, n == null ? null : criterionNames.get(n), tasks.stream().sorted(order).toList(),
					cost(tasks)));
		});
		List<VillageTasks> villages = villagePlans.stream().filter(v -> v.plan().status().everApproved())
			.map(v -> new VillageTasks(v.plan(), v.unitName(), v.tasks().stream().sorted(order).toList(), cost(v.tasks())))
			.toList();
		List<PlanTask> all = Stream.concat(own.stream(), villages.stream().flatMap(v -> v.tasks().stream())).toList();
		Map<FundingSource, Long> bySource = new EnumMap<>(FundingSource.class);
		for (PlanTask task : all) {
			task.costs().forEach((source, amount) -> bySource.merge(source, amount, Long::sum));
		}
		Optional<List<Gap>> gaps = unmet.map(numbers -> {
			Set<Integer> covered = own.stream().map(PlanTask::criterionNumber).filter(java.util.Objects::nonNull)
				.collect(Collectors.toSet());
			return numbers.stream().filter(n -> !covered.contains(n))
				.map(n -> new Gap(n, criterionNames.getOrDefault(n, ""))).toList();
		});
		return new PlanRollup(criteria, villages, bySource, cost(all), gaps, schedule(plan, all, today),
				timeline(plan, own, villages, today));
	}

	/** The cost split by source; less than {@link #totalCost()} when a task states a total without shares. */
	public long sourcesTotal() {
		return costBySource.values().stream().mapToLong(Long::longValue).sum();
	}

	static long cost(List<PlanTask> tasks) {
		return tasks.stream().mapToLong(PlanTask::totalCost).sum();
	}

	static Schedule schedule(Plan plan, List<PlanTask> tasks, LocalDate today) {
		List<PlanTask> remaining = tasks.stream().filter(t -> !t.done()).toList();
		List<PlanTask> late = remaining.stream().filter(t -> t.endsAfter(plan.targetDate())).toList();
		int withoutDeadline = (int) remaining.stream()
			.filter(t -> t.deadline() == null && t.kind() != TaskKind.RECURRING).count();
		int overdue = (int) remaining.stream().filter(t -> t.overdue(today)).count();
		LocalDate latest = remaining.stream().map(PlanTask::deadline).filter(java.util.Objects::nonNull)
			.max(Comparator.naturalOrder()).orElse(null);
		boolean targetPassed = today.isAfter(plan.targetDate());
		boolean openWork = remaining.stream().anyMatch(t -> t.kind() != TaskKind.RECURRING);
		boolean fits = late.isEmpty() && withoutDeadline == 0 && !(targetPassed && openWork);
		return new Schedule(remaining.size(), late, withoutDeadline, overdue, latest, fits);
	}

	/** A Gantt of the tasks with a deadline, each bar from its start (or 30 days before its deadline). */
	static Timeline timeline(Plan plan, List<PlanTask> own, List<VillageTasks> villages, LocalDate today) {
		Map<PlanTask, String> dated = new LinkedHashMap<>();
		own.stream().filter(t -> t.deadline() != null).sorted(Comparator.comparing(PlanTask::deadline))
			.forEach(t -> dated.put(t, null));
		villages.forEach(v -> v.tasks().stream().filter(t -> t.deadline() != null)
			.sorted(Comparator.comparing(PlanTask::deadline)).forEach(t -> dated.put(t, v.unitName())));
		LocalDate from = dated.keySet().stream().map(TaskBounds::start).min(Comparator.naturalOrder()).orElse(plan.targetDate().minusMonths(6));
		LocalDate to = Stream.concat(dated.keySet().stream().map(PlanTask::deadline), Stream.of(plan.targetDate()))
			.max(Comparator.naturalOrder()).orElseThrow();
		double span = Math.max(1, ChronoUnit.DAYS.between(from, to));
		List<Bar> bars = new ArrayList<>();
		dated.forEach((task, unitName) -> {
			LocalDate start = TaskBounds.start(task);
			double left = ChronoUnit.DAYS.between(from, start) * 100 / span;
			double width = Math.max(1, ChronoUnit.DAYS.between(start, task.deadline()) * 100 / span);
			bars.add(new Bar(task, unitName, round(left), round(Math.min(width, 100 - left)), task.overdue(today),
					task.endsAfter(plan.targetDate())));
		});
		double targetAt = round(ChronoUnit.DAYS.between(from, plan.targetDate()) * 100 / span);
		Double todayAt = today.isBefore(from) || today.isAfter(to) ? null : round(ChronoUnit.DAYS.between(from, today) * 100 / span);
		return new Timeline(from, to, bars, targetAt, todayAt);
	}

	private static double round(double percent) {
		return Math.round(percent * 10) / 10.0;
	}

	private static final class TaskBounds {

		static LocalDate start(PlanTask task) {
			if (task.start() != null) {
				return task.start();
			}
			return task.deadline().minusDays(30);
		}
	}
}
