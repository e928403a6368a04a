package vn.ntmtracker.assessment;

import java.util.Collection;
import java.util.List;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Indicator;

/**
 * Which criteria a write touches: the criteria of the indicators (and indicator parts, such as 17.1b) it enters. A
 * sector department's grant covers a write only when it covers every one of them (the decision itself is
 * {@code security.Authorization}'s); an unknown indicator touches nothing and is left to the value parser to name.
 */
final class CriteriaCoverage {

	private CriteriaCoverage() {
	}

	static List<Integer> of(CriteriaSetDefinition set, Collection<String> indicatorCodes) {
		return set.criteria().stream()
			.filter(c -> c.indicators().stream().flatMap(Indicator::withParts).anyMatch(i -> indicatorCodes.contains(i.code())))
			.map(vn.ntmtracker.criteria.Criterion::number).toList();
	}
}
