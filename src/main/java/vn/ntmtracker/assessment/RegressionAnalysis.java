package vn.ntmtracker.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.ntmtracker.criteria.Crosswalk;
import vn.ntmtracker.criteria.SetRef;

/**
 * What changed since the previous signed-off evaluation of the same unit: criteria lost ("bị giảm không đạt", seed
 * 000) and gained, and villages that lost their status. Criteria are matched by number within one set code, or
 * through a crosswalk's one-to-one entries across set versions; criteria without a counterpart are listed apart.
 */
public final class RegressionAnalysis {

	/** A criterion that changed status, with its number in the previous and in the current set. */
	public record CriterionChange(int previousNumber, int currentNumber, String name) {
	}

	public record Regression(SetRef previousSet, SetRef currentSet, int previousAchieved, int currentAchieved,
			List<CriterionChange> lost, List<CriterionChange> gained, List<Integer> notComparable) {

		public boolean regressed() {
			return !lost.isEmpty();
		}
	}

	private RegressionAnalysis() {
	}

	/** Two evaluations on the same set code (any versions), matched by criterion number. */
	public static Regression compare(Evaluation previous, Evaluation current) {
		if (!previous.set().code().equals(current.set().code())) {
			throw new IllegalArgumentException("criterion numbers of " + previous.set() + " and " + current.set()
					+ " mean different things; compare them through a crosswalk");
		}
		return compare(previous, current, null);
	}

	/** Two evaluations on the crosswalk's two set versions, matched through its one-to-one entries. */
	public static Regression compare(Evaluation previous, Evaluation current, Crosswalk crosswalk) {
		if (crosswalk != null && (!crosswalk.from().equals(previous.set()) || !crosswalk.to().equals(current.set()))) {
			throw new IllegalArgumentException("the crosswalk relates " + crosswalk.from() + " → " + crosswalk.to()
					+ ", not " + previous.set() + " → " + current.set());
		}
		List<CriterionChange> lost = new ArrayList<>();
		List<CriterionChange> gained = new ArrayList<>();
		List<Integer> notComparable = new ArrayList<>();
		for (CriterionResult before : previous.criteria()) {
			int number = crosswalk == null ? before.number() : crosswalk.oneToOne(before.number());
			CriterionResult after = number < 0 ? null : find(current, number);
			if (after == null) {
				notComparable.add(before.number());
			}
			else if (before.achieved() && !after.achieved()) {
				lost.add(new CriterionChange(before.number(), after.number(), after.name()));
			}
			else if (!before.achieved() && after.achieved()) {
				gained.add(new CriterionChange(before.number(), after.number(), after.name()));
			}
		}
		return new Regression(previous.set(), current.set(), previous.achieved(), current.achieved(), lost, gained,
				notComparable);
	}

	/**
	 * Villages (by code) whose previous evaluation reached their set's status and whose current one does not (seed
	 * 000: villages that failed to keep their status). Villages without a current evaluation are not judged.
	 */
	public static List<String> villagesThatLostStatus(Map<String, Evaluation> previous,
			Map<String, Evaluation> current) {
		List<String> lost = new ArrayList<>();
		new TreeMap<>(previous).forEach((village, before) -> {
			Evaluation after = current.get(village);
			if (after != null && before.fullyAchieved() && !after.fullyAchieved()) {
				lost.add(village);
			}
		});
		return lost;
	}

	private static CriterionResult find(Evaluation evaluation, int number) {
		for (CriterionResult result : evaluation.criteria()) {
			if (result.number() == number) {
				return result;
			}
		}
		return null;
	}
}
