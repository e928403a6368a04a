package vn.ntmtracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.CriteriaSetFiles;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Crosswalk;
import vn.ntmtracker.criteria.CrosswalkFiles;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.UnitClassification;
import vn.ntmtracker.assessment.RegressionAnalysis.CriterionChange;
import vn.ntmtracker.assessment.RegressionAnalysis.Regression;

class RegressionAnalysisTests {

	private static final EvaluationEngine ENGINE = new EvaluationEngine();

	private static final UnitClassification THANH_HOA = UnitClassification.inRegion(Region.BTB);

	private static Evaluation withUnmet(String code, int year, Set<Integer> unmet) {
		CriteriaSetDefinition set = TestSets.shipped(code);
		Map<String, IndicatorValue> values = new HashMap<>();
		for (Criterion criterion : set.criteria()) {
			criterion.indicators()
				.forEach(i -> values.put(i.code(), Values.clearly(i, !unmet.contains(criterion.number()))));
		}
		return ENGINE.evaluate(set, THANH_HOA, year, values);
	}

	@Test
	void camLuongLostTheCriteriaThatFellBackAndGainedOthers() {
		Evaluation previous = withUnmet("QD318-2022-XA-NTM", 2022, Set.of(5));
		Evaluation current = withUnmet("QD318-2022-XA-NTM", 2023, Set.of(17, 18));
		Regression regression = RegressionAnalysis.compare(previous, current);
		assertThat(regression.lost()).containsExactly(new CriterionChange(17, 17, "Môi trường và an toàn thực phẩm"),
				new CriterionChange(18, 18, "Hệ thống chính trị và tiếp cận pháp luật"));
		assertThat(regression.gained()).containsExactly(new CriterionChange(5, 5, "Trường học"));
		assertThat(regression.regressed()).isTrue();
		assertThat(regression.previousAchieved()).isEqualTo(18);
		assertThat(regression.currentAchieved()).isEqualTo(17);
	}

	@Test
	void nothingLostWhenNothingChanged() {
		Evaluation same = withUnmet("QD318-2022-XA-NTM", 2023, Set.of(3));
		Regression regression = RegressionAnalysis.compare(same, same);
		assertThat(regression.lost()).isEmpty();
		assertThat(regression.gained()).isEmpty();
		assertThat(regression.regressed()).isFalse();
	}

	@Test
	void refusesToCompareNumbersAcrossSetsWithoutACrosswalk() {
		assertThatThrownBy(() -> RegressionAnalysis.compare(withUnmet("QD318-2022-XA-NTM", 2023, Set.of()),
				withUnmet("QD318-2022-XA-NTM-NC", 2023, Set.of())))
			.hasMessageContaining("compare them through a crosswalk");
	}

	@Test
	void comparesAcrossPeriodsThroughTheCrosswalk() {
		Crosswalk crosswalk = CrosswalkFiles.loadAll(CriteriaSetFiles.loadAll()).stream()
			.filter(c -> c.to().code().equals("QD318-2022-XA-NTM-NC"))
			.findFirst()
			.orElseThrow();
		Evaluation ntm = withUnmet("QD318-2022-XA-NTM", 2022, Set.of());
		Evaluation nc = withUnmet("QD318-2022-XA-NTM-NC", 2023, Set.of(14));
		Regression regression = RegressionAnalysis.compare(ntm, nc, crosswalk);
		assertThat(regression.lost()).containsExactly(new CriterionChange(15, 14, "Y tế"));
		assertThat(regression.notComparable()).containsExactly(5, 6, 14, 16, 17, 18);
	}

	@Test
	void findsVillagesThatLostTheirStatus() {
		CriteriaSetDefinition village = TestSets.shipped("HT-2022-KDC-NTM-KM");
		Map<String, Evaluation> previous = Map.of("thon-1", villageWithUnmet(village, List.of()), "thon-2",
				villageWithUnmet(village, List.of()), "thon-3", villageWithUnmet(village, List.of(4)));
		Map<String, Evaluation> current = Map.of("thon-1", villageWithUnmet(village, List.of(4)), "thon-2",
				villageWithUnmet(village, List.of()), "thon-3", villageWithUnmet(village, List.of(4)));
		assertThat(RegressionAnalysis.villagesThatLostStatus(previous, current)).containsExactly("thon-1");
	}

	private static Evaluation villageWithUnmet(CriteriaSetDefinition set, List<Integer> unmet) {
		Map<String, IndicatorValue> values = new HashMap<>();
		set.criteria().forEach(c -> c.indicators()
			.forEach(i -> values.put(i.code(), Values.clearly(i, !unmet.contains(c.number())))));
		return ENGINE.evaluate(set, THANH_HOA, 2024, values);
	}
}
