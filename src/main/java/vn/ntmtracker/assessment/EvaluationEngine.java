package vn.ntmtracker.assessment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.RegionPolicy;
import vn.ntmtracker.criteria.ThresholdKey;
import vn.ntmtracker.criteria.UnitClassification;

/**
 * Evaluates units against set versions. Plans are compiled once per (set version, region or group, year) and cached;
 * a set object that differs from the cached one (an edited draft with the same code and version) gets a new plan.
 * Thread-safe.
 */
public final class EvaluationEngine {

	private record PlanKey(String code, int version, ThresholdKey key, int year) {
	}

	private final Map<PlanKey, EvaluationPlan> plans = new ConcurrentHashMap<>();

	/** The compiled plan for a unit of this classification in this year (region policy of QĐ 318 / QĐ 51 applied). */
	public EvaluationPlan plan(CriteriaSetDefinition set, UnitClassification unit, int year) {
		ThresholdKey key = RegionPolicy.effectiveKey(set, unit);
		PlanKey planKey = new PlanKey(set.code(), set.version(), key, year);
		EvaluationPlan plan = plans.get(planKey);
		if (plan == null || plan.set() != set) {
			plan = new EvaluationPlan(set, key, year);
			plans.put(planKey, plan);
		}
		return plan;
	}

	public Evaluation evaluate(CriteriaSetDefinition set, UnitClassification unit, int year,
			Map<String, IndicatorValue> values, Judgements judgements) {
		return plan(set, unit, year).evaluate(values, judgements);
	}

	public Evaluation evaluate(CriteriaSetDefinition set, UnitClassification unit, int year,
			Map<String, IndicatorValue> values) {
		return evaluate(set, unit, year, values, Judgements.NONE);
	}
}
