package vn.ntmtracker.assessment;

import java.util.List;

import vn.ntmtracker.criteria.SetRef;
import vn.ntmtracker.criteria.ThresholdKey;

/**
 * A unit's evaluation against one set version: per criterion results and the total "achieved/total", where total is
 * the number of criteria in the set (20 in Hà Tĩnh's nâng cao set).
 */
public record Evaluation(SetRef set, ThresholdKey key, int year, List<CriterionResult> criteria,
		List<ConditionResult> conditions, int achieved, int total, boolean incomplete, List<String> warnings) {

	/** "16/19". */
	public String score() {
		return achieved + "/" + total;
	}

	/** How many criterion results rest on a provisional threshold and may change with the official values. */
	public int provisionalCount() {
		return (int) criteria.stream().filter(CriterionResult::provisional).count();
	}

	/** "9/19 (3 tạm tính)", or "9/19" when no result is provisional. */
	public String scoreWithProvisional() {
		return formatScore(achieved, total, provisionalCount());
	}

	/**
	 * "9/19 (3 tạm tính)": achieved of total, and how many results are provisional. Pages use the message
	 * {@code assessment.scoreProvisional} with the same three numbers.
	 */
	public static String formatScore(int achieved, int total, int provisional) {
		String score = achieved + "/" + total;
		return provisional == 0 ? score : score + " (" + provisional + " tạm tính)";
	}

	public int belowStandard() {
		return total - achieved;
	}

	public List<Integer> unmetCriteria() {
		return criteria.stream().filter(c -> !c.achieved()).map(CriterionResult::number).toList();
	}

	public boolean conditionsMet() {
		return conditions.stream().allMatch(c -> c.status() == IndicatorStatus.ACHIEVED);
	}

	/** Every criterion đạt and every condition met: the unit reaches the set's tier. */
	public boolean fullyAchieved() {
		return achieved == total && conditionsMet() && (total > 0 || !conditions.isEmpty());
	}

	public CriterionResult criterion(int number) {
		return criteria.stream()
			.filter(c -> c.number() == number)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(set + " has no criterion " + number));
	}
}
