package vn.ntmtracker.assessment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.ntmtracker.CacheInvalidated;
import vn.ntmtracker.criteria.CriteriaCatalog;
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

	/**
	 * Drops the plans of what a {@link CacheInvalidated} names (a set version whose status changed on some node, or
	 * everything after the node missed notifications). Correctness does not depend on it — a plan is reused only for
	 * the very set object it was compiled from — but forgotten set objects then do not stay reachable.
	 */
	public void forget(CacheInvalidated event) {
		if (event.coversAll(CriteriaCatalog.CACHE_TOPIC)) {
			plans.clear();
		}
		else if (CriteriaCatalog.CACHE_TOPIC.equals(event.topic())) {
			plans.keySet().removeIf(key -> event.covers(CriteriaCatalog.CACHE_TOPIC, CriteriaCatalog.cacheKey(key.code(), key.version())));
		}
	}

	int size() {
		return plans.size();
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
