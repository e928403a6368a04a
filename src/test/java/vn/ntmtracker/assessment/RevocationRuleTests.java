package vn.ntmtracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.UnitClassification;
import vn.ntmtracker.assessment.RevocationRule.Ground;

class RevocationRuleTests {

	private static final EvaluationEngine ENGINE = new EvaluationEngine();

	/** 100 yes/no criteria, criterion 1 critical; {@code below} criteria fail, the critical one among them or not. */
	private static Evaluation hundredCriteria(int below, boolean criticalAmongThem) {
		CriteriaSetDefinition set = TestSets.yesNo(100);
		Map<String, IndicatorValue> values = new HashMap<>();
		int failing = 0;
		for (int n = 1; n <= 100; n++) {
			boolean fail = n == 1 ? criticalAmongThem && below > 0 : failing < below - (criticalAmongThem ? 1 : 0);
			if (fail && n != 1) {
				failing++;
			}
			values.put(String.valueOf(n), new IndicatorValue.YesNo(!fail));
		}
		Evaluation evaluation = ENGINE.evaluate(set, UnitClassification.inRegion(Region.BTB), 2023, values);
		assertThat(evaluation.belowStandard()).isEqualTo(below);
		return evaluation;
	}

	@ParameterizedTest(name = "{0}% below standard, critical among them: {1} → at risk: {2}")
	@CsvSource({ "29, true, false", "29, false, false", "30, true, true", "30, false, false", "49, true, true",
			"49, false, false", "50, true, true", "50, false, true" })
	void appliesTheThirtyAndFiftyPercentThresholdsOfQd18(int percentBelow, boolean critical, boolean atRisk) {
		RevocationRule.Risk risk = RevocationRule.assess(hundredCriteria(percentBelow, critical));
		assertThat(risk.atRisk()).isEqualTo(atRisk);
		if (percentBelow >= 50) {
			assertThat(risk.grounds()).containsExactly(Ground.HALF_OR_MORE_BELOW_STANDARD);
		}
		else if (atRisk) {
			assertThat(risk.grounds()).containsExactly(Ground.THIRTY_PERCENT_WITH_CRITICAL);
			assertThat(risk.criticalBelowStandard()).containsExactly(1);
		}
	}

	@Test
	void onNineteenCriteriaSixWithIncomeIsAtRiskButFiveIsNot() {
		CriteriaSetDefinition set = TestSets.shipped("QD318-2022-XA-NTM");
		Map<String, IndicatorValue> values = new HashMap<>();
		for (Criterion criterion : set.criteria()) {
			boolean fail = criterion.number() == 10 || criterion.number() <= 5;
			criterion.indicators().forEach(i -> values.put(i.code(), Values.clearly(i, !fail)));
		}
		UnitClassification unit = UnitClassification.inRegion(Region.BTB);
		RevocationRule.Risk six = RevocationRule.assess(ENGINE.evaluate(set, unit, 2024, values));
		assertThat(six.atRisk()).isTrue();
		assertThat(six.describe()).isEqualTo("Có nguy cơ bị thu hồi công nhận (" + RevocationRule.LEGAL_BASIS
				+ "): 6/19 tiêu chí không đạt chuẩn (từ 30% đến dưới 50%), trong đó có tiêu chí số 10");
		set.criterion(5).orElseThrow().indicators().forEach(i -> values.put(i.code(), Values.clearly(i, true)));
		assertThat(RevocationRule.assess(ENGINE.evaluate(set, unit, 2024, values)).atRisk()).isFalse();
	}

	@Test
	void aDistrictIsAtRiskWhenThirtyPercentOfItsCommunesLostRecognition() {
		Evaluation allMet = hundredCriteria(0, false);
		assertThat(RevocationRule.assessDistrict(allMet, 3, 10).grounds()).containsExactly(Ground.COMMUNES_REVOKED);
		assertThat(RevocationRule.assessDistrict(allMet, 2, 10).atRisk()).isFalse();
	}

	@Test
	void kieuMauIsJudgedOnTheNangCaoSet() {
		assertThat(RevocationRule.judgingTier(Tier.XA_NTM_KIEU_MAU)).isEqualTo(Tier.XA_NTM_NANG_CAO);
		assertThat(RevocationRule.judgingTier(Tier.XA_NTM)).isEqualTo(Tier.XA_NTM);
	}
}
