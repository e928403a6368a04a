package vn.ntmtracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.UnitClassification;

/** Seeded random value maps on the 57-indicator set: the count is always the criteria whose indicators all pass. */
class EvaluationPropertyTests {

	private static final EvaluationEngine ENGINE = new EvaluationEngine();

	static IntStream seeds() {
		return IntStream.range(0, 200);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void achievedCountIsTheNumberOfCriteriaWhoseIndicatorsAllPass(int seed) {
		Random random = new Random(seed);
		CriteriaSetDefinition set = TestSets.shipped("QD318-2022-XA-NTM");
		UnitClassification unit = new UnitClassification(Region.values()[random.nextInt(7)], null,
				random.nextInt(5) == 0, random.nextInt(7) == 0);
		int year = 2022 + random.nextInt(4);
		Map<String, IndicatorValue> values = new HashMap<>();
		int expected = 0;
		int expectedIncomplete = 0;
		for (Criterion criterion : set.criteria()) {
			boolean allPass = true;
			boolean missing = false;
			for (Indicator indicator : criterion.indicators()) {
				int roll = random.nextInt(20);
				if (roll == 0) {
					missing = true;
					allPass = false;
				}
				else if (roll == 1 && indicator.notApplicableAllowed()) {
					values.put(indicator.code(), IndicatorValue.NOT_APPLICABLE);
				}
				else {
					boolean pass = roll > 3;
					allPass &= pass;
					values.put(indicator.code(), Values.clearly(indicator, pass));
				}
			}
			expected += allPass ? 1 : 0;
			expectedIncomplete += missing ? 1 : 0;
		}
		Evaluation evaluation = ENGINE.evaluate(set, unit, year, values);
		assertThat(evaluation.achieved()).isEqualTo(expected);
		assertThat(evaluation.total()).isEqualTo(19);
		assertThat(evaluation.criteria().stream().filter(CriterionResult::incomplete).count())
			.isEqualTo(expectedIncomplete);
		assertThat(evaluation.unmetCriteria()).hasSize(19 - expected);
	}
}
