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
		return index(set).apply(indicatorCodes);
	}

	/**
	 * The same answer for many writes against one set (an import's rows): the set's codes are indexed once, each
	 * write is then a lookup per code. Criteria come in the set's order.
	 */
	static java.util.function.Function<Collection<String>, List<Integer>> index(CriteriaSetDefinition set) {
		java.util.Map<String, Integer> position = new java.util.HashMap<>();
		for (int c = 0; c < set.criteriaCount(); c++) {
			int at = c;
			set.criteria().get(c).indicators().stream().flatMap(Indicator::withParts).forEach(i -> position.put(i.code(), at));
		}
		int[] numbers = set.criteria().stream().mapToInt(vn.ntmtracker.criteria.Criterion::number).toArray();
		return codes -> {
			boolean[] touched = new boolean[numbers.length];
			for (String code : codes) {
				Integer at = position.get(code);
				if (at != null) {
					touched[at] = true;
				}
			}
			List<Integer> criteria = new java.util.ArrayList<>();
			for (int c = 0; c < numbers.length; c++) {
				if (touched[c]) {
					criteria.add(numbers[c]);
				}
			}
			return List.copyOf(criteria);
		};
	}
}
