package vn.ntmtracker.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A task of a plan with its estimated cost by funding source. {@code statedTotal} is the total as written in
 * the plan; when given, the shares add up to it (checked on the way in).
 */
public record PlanTask(long id, long planId, Integer criterionNumber, String indicatorCode, String description,
		TaskKind kind, SiteClearance siteClearance, BigDecimal volumeQuantity, String volumeUnit, LocalDate start,
		LocalDate deadline, String recurrence, String leadBody, String leadPerson, String cooperating,
		Long statedTotal, Map<FundingSource, Long> costs, TaskStatus status, int percentDone, int version) {

	public long totalCost() {
		return statedTotal != null ? statedTotal : costs.values().stream().mapToLong(Long::longValue).sum();
	}

	public boolean done() {
		return status == TaskStatus.DONE;
	}

	public boolean overdue(LocalDate today) {
		return !done() && deadline != null && deadline.isBefore(today);
	}

	/** A deadline after the plan's target date: allowed, but the plan cannot then be met in time. */
	public boolean endsAfter(LocalDate targetDate) {
		return deadline != null && targetDate != null && deadline.isAfter(targetDate);
	}
}
