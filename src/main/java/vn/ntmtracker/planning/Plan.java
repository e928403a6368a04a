package vn.ntmtracker.planning;

import java.time.LocalDate;

import vn.ntmtracker.criteria.Tier;

/** A plan as stored: whose, towards which tier of which set version by when, and who approved it. */
public record Plan(long id, String unitCode, String title, Tier targetTier, String setCode, int setVersion,
		LocalDate targetDate, PlanStatus status, String approvedBody, String approvedBy, LocalDate approvedOn,
		Long parentPlanId, String createdBy, int version) {

	public boolean villagePlan() {
		return parentPlanId != null;
	}
}
