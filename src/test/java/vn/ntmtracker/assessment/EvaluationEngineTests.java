package vn.ntmtracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.CommuneGroup;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.ThresholdKeying;
import vn.ntmtracker.criteria.UnitClassification;
import vn.ntmtracker.criteria.ValueKind;

class EvaluationEngineTests {

	private final EvaluationEngine engine = new EvaluationEngine();

	private static final UnitClassification BTB = UnitClassification.inRegion(Region.BTB);

	/** Values under which every indicator of {@link TestSets#everyKind()} is achieved in 2022 outside ĐNB. */
	private static Map<String, IndicatorValue> passing() {
		Map<String, IndicatorValue> values = new HashMap<>();
		values.put("1.1", IndicatorValue.yes());
		values.put("1.2", IndicatorValue.percent("70"));
		values.put("2", IndicatorValue.amount("45"));
		values.put("3.1", IndicatorValue.percent("5"));
		values.put("3.2", IndicatorValue.count(0));
		values.put("3.3", IndicatorValue.amount("2"));
		values.put("3.4", IndicatorValue.evidence("Biên bản kiểm tra ngày 12/3/2024", true));
		values.put("3.5", IndicatorValue.yes());
		return values;
	}

	private Evaluation evaluate(Map<String, IndicatorValue> values) {
		return engine.evaluate(TestSets.everyKind(), BTB, 2022, values);
	}

	private IndicatorStatus status(Map<String, IndicatorValue> values, String code) {
		return evaluate(values).criteria().stream().flatMap(c -> c.indicators().stream())
			.filter(i -> i.code().equals(code)).findFirst().orElseThrow().status();
	}

	private IndicatorStatus with(String code, IndicatorValue value) {
		Map<String, IndicatorValue> values = passing();
		values.put(code, value);
		return status(values, code);
	}

	@Test
	void allIndicatorsAtTheirThresholdsAchieveEveryCriterion() {
		Evaluation evaluation = evaluate(passing());
		assertThat(evaluation.score()).isEqualTo("3/3");
		assertThat(evaluation.incomplete()).isFalse();
		assertThat(evaluation.fullyAchieved()).isTrue();
	}

	@Test
	void judgesEachValueKindAgainstItsThreshold() {
		assertThat(with("1.1", IndicatorValue.no())).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("1.2", IndicatorValue.percent("69.99"))).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("2", IndicatorValue.amount("44.9"))).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("3.1", IndicatorValue.percent("5.01"))).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("3.2", IndicatorValue.count(1))).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("3.3", IndicatorValue.amount("1.9"))).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("3.4", IndicatorValue.evidence("Còn 12 hộ chưa có nhà tiêu", false)))
			.isEqualTo(IndicatorStatus.NOT_ACHIEVED);
		assertThat(with("3.1", IndicatorValue.percent("0"))).isEqualTo(IndicatorStatus.ACHIEVED);
	}

	@Test
	void usesTheRegionalThresholdWhereThereIsOneAndTheGeneralOneElsewhere() {
		Map<String, IndicatorValue> values = passing();
		values.put("1.2", IndicatorValue.percent("55"));
		assertThat(engine.evaluate(TestSets.everyKind(), UnitClassification.inRegion(Region.TN), 2022, values)
			.criterion(1).status()).isEqualTo(CriterionStatus.DAT);
		assertThat(engine.evaluate(TestSets.everyKind(), BTB, 2022, values).criterion(1).status())
			.isEqualTo(CriterionStatus.CHUA_DAT);
	}

	@Test
	void incomeThresholdDependsOnRegionAndYear() {
		Map<String, IndicatorValue> values = passing();
		values.put("2", IndicatorValue.amount("62"));
		UnitClassification dnb = UnitClassification.inRegion(Region.DNB);
		CriteriaSetDefinition set = TestSets.everyKind();
		assertThat(engine.evaluate(set, dnb, 2021, values).criterion(2).status()).isEqualTo(CriterionStatus.DAT);
		assertThat(engine.evaluate(set, dnb, 2022, values).criterion(2).status()).isEqualTo(CriterionStatus.CHUA_DAT);
		assertThat(engine.plan(set, dnb, 2022).threshold("2").value()).isEqualByComparingTo("65");
		assertThat(engine.plan(set, BTB, 2021).threshold("2").value()).isEqualByComparingTo("40");
		assertThat(engine.plan(set, BTB, 2025).threshold("2").value()).isEqualByComparingTo("45");
		ThresholdUsed before = engine.plan(set, BTB, 2019).threshold("2");
		assertThat(before.value()).isEqualByComparingTo("40");
		assertThat(before.yearFallback()).isTrue();
	}

	@Test
	void anEspeciallyDisadvantagedCommuneIsJudgedOnNorthernMountainIncome() {
		CriteriaSetDefinition income1980 = TestSets.shipped("QD1980-2016-XA-NTM");
		UnitClassification dbkkInDbsh = new UnitClassification(Region.DBSH, null, true, false);
		assertThat(engine.plan(income1980, dbkkInDbsh, 2020).threshold("10").value()).isEqualByComparingTo("36");
		assertThat(engine.plan(income1980, UnitClassification.inRegion(Region.DBSH), 2020).threshold("10").value())
			.isEqualByComparingTo("50");
		assertThat(engine.plan(income1980, dbkkInDbsh, 2020).threshold("10").provisional()).isFalse();
	}

	@Test
	void communeGroupSetsUseTheGroupThreshold() {
		CriteriaSetDefinition set = TestSets.set(ThresholdKeying.COMMUNE_GROUP, new Criterion(1, "Thu nhập", null,
				false, null, TestSets.P, List.of(TestSets.indicator("1.1", ValueKind.PERCENT_AT_LEAST, false,
						TestSets.g(CommuneGroup.GROUP_1, "90"), TestSets.g(CommuneGroup.GROUP_2, "80"),
						TestSets.g(CommuneGroup.GROUP_3, "60")))));
		assertThat(engine.plan(set, UnitClassification.inGroup(CommuneGroup.GROUP_3), 2026).threshold("1.1").value())
			.isEqualByComparingTo("60");
		assertThat(engine.evaluate(set, UnitClassification.inGroup(CommuneGroup.GROUP_1), 2026,
				Map.of("1.1", IndicatorValue.percent("85"))).score()).isEqualTo("0/1");
	}

	@Test
	void notApplicableCountsAsPassWhereTheSetSaysNeuCo() {
		Map<String, IndicatorValue> values = passing();
		values.put("3.5", IndicatorValue.NOT_APPLICABLE);
		Evaluation evaluation = evaluate(values);
		assertThat(status(values, "3.5")).isEqualTo(IndicatorStatus.NOT_APPLICABLE);
		assertThat(evaluation.criterion(3).status()).isEqualTo(CriterionStatus.DAT);
	}

	@Test
	void rejectsNotApplicableWhereTheSetDoesNotAllowIt() {
		Map<String, IndicatorValue> values = passing();
		values.put("3.1", IndicatorValue.NOT_APPLICABLE);
		assertThatThrownBy(() -> evaluate(values)).isInstanceOf(InvalidValuesException.class)
			.hasMessage("indicator 3.1 cannot be 'không áp dụng': the set does not say '(nếu có)'");
	}

	@Test
	void aMissingValueMakesTheCriterionChuaDatAndFlagsItIncomplete() {
		Map<String, IndicatorValue> values = passing();
		values.remove("3.3");
		Evaluation evaluation = evaluate(values);
		CriterionResult criterion = evaluation.criterion(3);
		assertThat(criterion.status()).isEqualTo(CriterionStatus.CHUA_DAT);
		assertThat(criterion.incomplete()).isTrue();
		assertThat(evaluation.incomplete()).isTrue();
		assertThat(evaluation.score()).isEqualTo("2/3");
		assertThat(status(values, "3.3")).isEqualTo(IndicatorStatus.MISSING);
	}

	@Test
	void rejectsValuesOfTheWrongKindNamingTheIndicator() {
		Map<String, IndicatorValue> values = passing();
		values.put("1.2", IndicatorValue.evidence("khoảng 80%", true));
		values.put("2", IndicatorValue.percent("50"));
		values.put("3.1", IndicatorValue.percent("101"));
		values.put("3.2", IndicatorValue.count(-1));
		values.put("3.4", IndicatorValue.evidence(" ", true));
		values.put("1.1", IndicatorValue.amount("1"));
		values.put("9.9", IndicatorValue.yes());
		assertThatThrownBy(() -> evaluate(values)).isInstanceOfSatisfying(InvalidValuesException.class,
				ex -> assertThat(ex.problems()).extracting(InvalidValuesException.Problem::message)
					.containsExactlyInAnyOrder("'9.9' is not an indicator or condition of TEST-XA v1",
							"indicator 1.1 expects đạt/không đạt (yes/no), got an amount 1",
							"indicator 1.2 expects a percentage (0–100), got text evidence",
							"indicator 2 expects an amount in đơn vị, got a percentage 50",
							"indicator 3.1: percentage 101 is outside 0–100",
							"indicator 3.2: count -1 must not be negative",
							"indicator 3.4: the evidence text is required"));
	}

	/**
	 * The results are made when read (a province's totals need none of them): read twice they are the same objects,
	 * they equal lists built by hand, the list cannot be changed, and a key whose value is absent is simply missing.
	 */
	@Test
	void resultsReadLaterAreStableEqualToPlainListsAndUnmodifiable() {
		Map<String, IndicatorValue> values = passing();
		values.put("2", IndicatorValue.amount("30"));
		values.put("3.3", null);
		Evaluation evaluation = evaluate(values);
		assertThat(evaluation.criteria()).hasSize(3);
		assertThat(evaluation.criteria().get(1)).isSameAs(evaluation.criteria().get(1));
		assertThat(evaluation.criteria().get(1).indicators().get(0)).isSameAs(evaluation.criteria().get(1).indicators().get(0));
		assertThat(evaluation.criteria()).isEqualTo(new java.util.ArrayList<>(evaluation.criteria()));
		assertThat(evaluation.criteria().get(1).indicators()).isEqualTo(List.copyOf(evaluation.criteria().get(1).indicators()));
		assertThat(evaluation.criterion(2).status()).isEqualTo(CriterionStatus.CHUA_DAT);
		assertThat(evaluation.criterion(3).incomplete()).isTrue();
		assertThat(evaluation.score()).isEqualTo("1/3");
		assertThatThrownBy(() -> evaluation.criteria().remove(0)).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> evaluation.criterion(2).indicators().add(evaluation.criterion(2).indicators().get(0)))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThat(evaluate(values)).isEqualTo(evaluation);
	}

	@Test
	void rejectsANegativePercentage() {
		assertThatThrownBy(() -> with("1.2", new IndicatorValue.Percent(new BigDecimal("-0.1"))))
			.hasMessage("indicator 1.2: percentage -0.1 is outside 0–100");
	}

	@Test
	void anOverrideNeedsAReasonAndShowsAsAnOverride() {
		assertThatThrownBy(() -> Judgements.overriding(2, CriterionStatus.DAT, " "))
			.hasMessage("an override of criterion 2 needs a reason");
		Map<String, IndicatorValue> values = passing();
		values.put("2", IndicatorValue.amount("30"));
		Evaluation evaluation = engine.evaluate(TestSets.everyKind(), BTB, 2022, values,
				Judgements.overriding(2, CriterionStatus.DAT, "Số liệu điều tra lại của Chi cục Thống kê"));
		CriterionResult income = evaluation.criterion(2);
		assertThat(income.computed()).isEqualTo(CriterionStatus.CHUA_DAT);
		assertThat(income.status()).isEqualTo(CriterionStatus.DAT);
		assertThat(income.overridden()).isTrue();
		assertThat(income.overrideReason()).isEqualTo("Số liệu điều tra lại của Chi cục Thống kê");
		assertThat(evaluation.score()).isEqualTo("3/3");
	}

	@Test
	void rejectsAnOverrideOfACriterionTheSetDoesNotHave() {
		assertThatThrownBy(() -> engine.evaluate(TestSets.everyKind(), BTB, 2022, passing(),
				Judgements.overriding(20, CriterionStatus.DAT, "lý do")))
			.hasMessage("override of criterion 20: TEST-XA v1 has no such criterion");
	}

	@Test
	void coBanDatFlagNeedsAReasonAndStillCountsAsAchieved() {
		assertThatThrownBy(() -> Judgements.flagging(3, null))
			.hasMessage("the flag 'cơ bản đạt (chưa bền vững)' on criterion 3 needs a reason");
		Evaluation evaluation = engine.evaluate(TestSets.everyKind(), BTB, 2022, passing(),
				Judgements.flagging(3, "Thu gom rác chưa duy trì thường xuyên"));
		assertThat(evaluation.criterion(3).label()).isEqualTo("Cơ bản đạt (chưa bền vững)");
		assertThat(evaluation.criterion(3).basicallyAchievedReason()).isEqualTo("Thu gom rác chưa duy trì thường xuyên");
		assertThat(evaluation.score()).isEqualTo("3/3");
	}

	@Test
	void aCoBanDatFlagOnACriterionThatIsNotAchievedIsNotShownButWarned() {
		Map<String, IndicatorValue> values = passing();
		values.put("3.2", IndicatorValue.count(4));
		Evaluation evaluation = engine.evaluate(TestSets.everyKind(), BTB, 2022, values,
				Judgements.flagging(3, "lý do"));
		assertThat(evaluation.criterion(3).label()).isEqualTo("Chưa đạt");
		assertThat(evaluation.warnings()).containsExactly(
				"criterion 3 is flagged 'cơ bản đạt' but is chưa đạt; the flag is not shown");
	}

	@Test
	void totalIsTheNumberOfCriteriaInTheSetSoHaTinhCountsTwenty() {
		CriteriaSetDefinition ht = TestSets.shipped("HT-2022-XA-NTM-NC");
		Map<String, IndicatorValue> values = new HashMap<>();
		for (Criterion criterion : ht.criteria()) {
			for (Indicator indicator : criterion.indicators()) {
				if (indicator.kind() == ValueKind.TEXT_EVIDENCE) {
					values.put(indicator.code(),
							IndicatorValue.evidence("test", List.of(1, 4, 19).contains(criterion.number())));
				}
				else {
					values.put(indicator.code(), IndicatorValue.amount("1"));
				}
			}
		}
		Evaluation camQuang = engine.evaluate(ht, UnitClassification.inRegion(Region.BTB), 2024, values);
		assertThat(camQuang.score()).isEqualTo("3/20");
	}

	/**
	 * Seed 001 says both "đạt 16/19 tiêu chí" and "hoàn thành 05 tiêu chí còn lại" (5, 6, 11, 15, 17): the two cannot
	 * both hold. Computed from the five unmet criteria, the score is 14/19 — the kind of hand-typed figure the engine
	 * exists to replace.
	 */
	@Test
	void camThachWithFiveUnmetCriteriaOn1980SetIsFourteenOfNineteenNotTheTypedSixteen() {
		CriteriaSetDefinition set = TestSets.shipped("QD1980-2016-XA-NTM");
		List<Integer> unmet = List.of(5, 6, 11, 15, 17);
		Map<String, IndicatorValue> values = new HashMap<>();
		for (Criterion criterion : set.criteria()) {
			boolean pass = !unmet.contains(criterion.number());
			for (Indicator indicator : criterion.indicators()) {
				values.put(indicator.code(), Values.clearly(indicator, pass));
			}
		}
		Evaluation evaluation = engine.evaluate(set, UnitClassification.inRegion(Region.BTB), 2021, values);
		assertThat(evaluation.unmetCriteria()).containsExactly(5, 6, 11, 15, 17);
		assertThat(evaluation.score()).isEqualTo("14/19");
	}

	@Test
	void kieuMauConditionsAreMetWhenEveryConditionIsYes() {
		CriteriaSetDefinition km = TestSets.shipped("QD319-2022-XA-NTM-KM");
		UnitClassification unit = UnitClassification.inRegion(Region.BTB);
		Map<String, IndicatorValue> values = new HashMap<>(Map.of("DK1", IndicatorValue.yes(), "DK2",
				IndicatorValue.yes(), "DK3", IndicatorValue.yes(), "DK4", IndicatorValue.yes()));
		assertThat(engine.evaluate(km, unit, 2024, values).fullyAchieved()).isTrue();
		values.put("DK3", IndicatorValue.no());
		assertThat(engine.evaluate(km, unit, 2024, values).fullyAchieved()).isFalse();
		values.put("DK3", IndicatorValue.percent("100"));
		assertThatThrownBy(() -> engine.evaluate(km, unit, 2024, values))
			.hasMessage("condition DK3 expects đạt/không đạt (yes/no), got a percentage 100");
	}

	@Test
	void anEditedDraftWithTheSameCodeAndVersionGetsANewPlan() {
		CriteriaSetDefinition first = TestSets.everyKind();
		CriteriaSetDefinition edited = TestSets.set(ThresholdKeying.REGION, TestSets.criterion(1, false,
				TestSets.indicator("1.1", ValueKind.PERCENT_AT_LEAST, false, TestSets.t(null, null, "10"))));
		assertThat(engine.plan(first, BTB, 2022)).isSameAs(engine.plan(first, BTB, 2022));
		assertThat(engine.plan(edited, BTB, 2022).threshold("1.1").value()).isEqualByComparingTo("10");
	}
}
