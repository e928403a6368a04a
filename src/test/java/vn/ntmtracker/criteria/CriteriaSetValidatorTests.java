package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CriteriaSetValidatorTests {

	@Test
	void everyShippedSetIsValid() {
		for (CriteriaSetFiles.LoadedSet set : TestSets.shipped()) {
			assertThat(CriteriaSetValidator.validate(set.definition())).as(set.fileName()).isEmpty();
		}
	}

	@Test
	void validatesADraftEditedInMemoryWithTheSamePaths() {
		CriteriaSetDefinition set = TestSets.set("QD318-2022-XA-NTM");
		Provenance provenance = new Provenance("editor", Verification.PROVISIONAL, null);
		CriteriaSetDefinition edited = TestSets.withIndicator(set, "17.4", i -> TestSets.withThresholds(i,
				List.of(new Threshold(Region.TDMNPB, null, null, BigDecimal.valueOf(2), provenance))));
		assertThat(CriteriaSetValidator.validate(edited)).extracting(ValidationError::toString).containsExactly(
				"criteria[16].indicators[3].thresholds: region DBSH missing",
				"criteria[16].indicators[3].thresholds: region BTB missing",
				"criteria[16].indicators[3].thresholds: region DHNTB missing",
				"criteria[16].indicators[3].thresholds: region TN missing",
				"criteria[16].indicators[3].thresholds: region DNB missing",
				"criteria[16].indicators[3].thresholds: region DBSCL missing");
	}

	@Test
	void aGeneralValueCoversRegionsThatHaveNoneOfTheirOwn() {
		CriteriaSetDefinition set = TestSets.minimal();
		assertThat(set.indicator("1.1").orElseThrow().thresholds()).hasSize(2);
		assertThat(CriteriaSetValidator.validate(set)).isEmpty();
	}

	@Test
	void rejectsAPercentOutsideZeroToHundredEnteredInTheEditor() {
		CriteriaSetDefinition edited = TestSets.withIndicator(TestSets.minimal(), "1.1",
				i -> TestSets.withThresholds(i, List.of(Threshold.general(new BigDecimal("100.5"),
						new Provenance("editor", Verification.PROVISIONAL, null)))));
		assertThat(CriteriaSetValidator.validate(edited)).extracting(ValidationError::toString)
			.containsExactly("criteria[0].indicators[0].thresholds[0].value: percent 100.5 outside 0–100");
	}

	@Test
	void aCriticalCriterionMustSayWhy() {
		CriteriaSetDefinition set = TestSets.minimal();
		List<Criterion> criteria = new ArrayList<>(set.criteria());
		Criterion first = criteria.get(0);
		criteria.set(0, new Criterion(first.number(), first.name(), null, true, " ", first.provenance(),
				first.indicators()));
		assertThat(CriteriaSetValidator.validate(TestSets.withCriteria(set, criteria)))
			.extracting(ValidationError::toString)
			.containsExactly("criteria[0].criticalReason: a criterion critical for revocation must say which rule makes it so");
	}

	@Test
	void anIndicatorCodeMustBelongToItsCriterionAndAmountsNeedAUnit() {
		CriteriaSetDefinition edited = TestSets.withIndicator(TestSets.minimal(), "2",
				i -> new Indicator("3.1", i.name(), i.kind(), null, false, null, i.provenance(), i.thresholds()));
		assertThat(CriteriaSetValidator.validate(edited)).extracting(ValidationError::toString).containsExactly(
				"criteria[1].indicators[0].code: indicator code '3.1' does not belong to criterion 2",
				"criteria[1].indicators[0].unit: kind AMOUNT_AT_LEAST needs a unit (e.g. triệu đồng/người/năm)");
	}

	@Test
	void anEmptySetIsInvalid() {
		CriteriaSetDefinition empty = TestSets.withCriteria(TestSets.minimal(), List.of());
		assertThat(CriteriaSetValidator.validate(empty)).extracting(ValidationError::toString)
			.containsExactly("criteria: a set needs at least one criterion or condition");
	}
}
