package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** "Computed from register X with rule Y": the optional key on an indicator and the bindings file of published sets. */
class RegisterBindingTests {

	private static final String PLAIN = "        kind: PERCENT_AT_LEAST\n        provenance: {source: \"test\", verified: false}\n"
			+ "        thresholds:\n          - {value: 70,";

	private static String minimalWith(String computedFrom) {
		String yaml = TestSets.minimalYaml();
		assertThat(yaml).contains(PLAIN);
		return yaml.replace(PLAIN, "        computedFrom: " + computedFrom + "\n" + PLAIN);
	}

	@Test
	void anIndicatorMaySayWhichRegisterAndRuleFillIt() {
		CriteriaSetDefinition set = TestSets.load("bound.yaml", minimalWith("{register: HOUSEHOLDS, rule: INSURED_SHARE}")).definition();
		assertThat(set.indicator("1.1").orElseThrow().computedFrom())
			.isEqualTo(new RegisterBinding(RegisterBinding.Register.HOUSEHOLDS, RegisterBinding.Rule.INSURED_SHARE, null));
	}

	@Test
	void aRuleMustBelongToItsRegisterAndFitTheIndicatorsKind() {
		assertThatThrownBy(() -> TestSets.load("bound.yaml", minimalWith("{register: OCOP_PRODUCTS, rule: POVERTY_RATE}")))
			.isInstanceOf(CriteriaFileException.class)
			.hasMessage("bound.yaml: criteria[0].indicators[0].computedFrom: rule POVERTY_RATE counts register HOUSEHOLDS, not OCOP_PRODUCTS");
		assertThatThrownBy(() -> TestSets.load("bound.yaml", minimalWith("{register: MODEL_AREAS, rule: MODEL_GARDENS}")))
			.hasMessage("bound.yaml: criteria[0].indicators[0].computedFrom: rule MODEL_GARDENS yields a count, which cannot fill an indicator of kind PERCENT_AT_LEAST");
		assertThatThrownBy(() -> TestSets.load("bound.yaml", minimalWith("{register: HOUSEHOLDS, rule: NO_SUCH_RULE}")))
			.hasMessageContaining("unknown register rule 'NO_SUCH_RULE'");
	}

	@Test
	void aConditionOnlyForIndicatorsJudgedOnEvidenceAndAlwaysWithItsSource() {
		assertThatThrownBy(() -> TestSets.load("bound.yaml", minimalWith(
				"{register: HOUSEHOLDS, rule: POVERTY_RATE, achievedWhen: {atMost: 4, provenance: {source: \"x\", verified: false}}}")))
			.hasMessage("bound.yaml: criteria[0].indicators[0].computedFrom: achievedWhen only for BOOLEAN or TEXT_EVIDENCE indicators;"
					+ " kind PERCENT_AT_LEAST is judged by the set's thresholds");
		RegisterBinding twoBounds = new RegisterBinding(null, RegisterBinding.Rule.VALID_OCOP_PRODUCTS,
				new RegisterBinding.AchievedWhen(BigDecimal.ONE, BigDecimal.TEN, null));
		assertThat(twoBounds.problems(ValueKind.TEXT_EVIDENCE)).containsExactly("achievedWhen needs exactly one of atLeast or atMost",
				"achievedWhen needs a provenance naming its source");
		RegisterBinding ok = new RegisterBinding(RegisterBinding.Register.OCOP_PRODUCTS, RegisterBinding.Rule.VALID_OCOP_PRODUCTS,
				new RegisterBinding.AchievedWhen(BigDecimal.ONE, null, new Provenance("criteria-facts §4", Verification.PROVISIONAL, null)));
		assertThat(ok.problems(ValueKind.TEXT_EVIDENCE)).isEmpty();
		assertThat(ok.problems(ValueKind.AMOUNT_AT_LEAST)).hasSize(2);
		assertThat(ok.achievedWhen().test(BigDecimal.ZERO)).isFalse();
		assertThat(ok.achievedWhen().test(BigDecimal.ONE)).isTrue();
	}

	@Test
	void theWriterKeepsTheBindingSoAnEditedDraftDoesNotLoseIt() {
		CriteriaSetFiles.LoadedSet bound = TestSets.load("bound.yaml", minimalWith(
				"{register: HOUSEHOLDS, rule: POVERTY_RATE}"));
		CriteriaSetFiles.LoadedSet again = TestSets.load("again.yaml", CriteriaSetYamlWriter.write(bound.definition()));
		assertThat(again.definition().indicator("1.1").orElseThrow().computedFrom()).isNotNull();
		assertThat(again.contentHash()).isEqualTo(bound.contentHash());
	}

	@Test
	void aBindingChangesTheContentHashOnlyWhenPresent() {
		CriteriaSetDefinition plain = TestSets.minimal();
		CriteriaSetDefinition bound = TestSets.load("bound.yaml", minimalWith("{register: HOUSEHOLDS, rule: POVERTY_RATE}")).definition();
		assertThat(CriteriaSetJson.contentHash(bound)).isNotEqualTo(CriteriaSetJson.contentHash(plain));
		assertThat(CriteriaSetJson.contentHash(CriteriaSetJson.fromJson(CriteriaSetJson.toJson(bound))))
			.isEqualTo(CriteriaSetJson.contentHash(bound));
	}

	@Test
	void theShippedBindingsFileBindsPublishedVersionsWithoutTouchingTheirFiles() {
		Map<SetRef, Map<String, RegisterBinding>> bindings = BindingFiles.loadAll(TestSets.shipped());
		assertThat(bindings.get(new SetRef("HT-2022-XA-NTM-NC", 1))).containsOnlyKeys("11.1", "13.1", "14.1", "20.1", "20.2");
		assertThat(bindings.get(new SetRef("QD318-2022-XA-NTM", 2)).get("11").rule()).isEqualTo(RegisterBinding.Rule.POVERTY_RATE);
		assertThat(bindings.get(new SetRef("HT-2022-XA-NTM-NC", 1)).get("13.1").achievedWhen().atLeast()).isEqualByComparingTo("1");
		assertThat(TestSets.shipped()).allSatisfy(set -> assertThat(set.definition().allIndicators())
			.allSatisfy(i -> assertThat(i.computedFrom()).as(set.fileName() + " " + i.code()).isNull()));
	}

	@Test
	void aBindingsFileIsCheckedAgainstTheSetsItNames() {
		Map<SetRef, CriteriaSetDefinition> sets = TestSets.shipped().stream().map(CriteriaSetFiles.LoadedSet::definition)
			.collect(Collectors.toMap(CriteriaSetDefinition::ref, Function.identity()));
		String file = """
				bindings:
				  - {set: QD318-2022-XA-NTM, versions: [1, 9], indicator: "11", computedFrom: {register: HOUSEHOLDS, rule: POVERTY_RATE}}
				  - {set: QD318-2022-XA-NTM, versions: [1], indicator: "99.9", computedFrom: {register: HOUSEHOLDS, rule: POVERTY_RATE}}
				  - {set: QD318-2022-XA-NTM, versions: [1], indicator: "10", computedFrom: {register: HOUSEHOLDS, rule: POVERTY_RATE}}
				  - {set: QD318-2022-XA-NTM, versions: [1], indicator: "11", computedFrom: {register: HOUSEHOLDS, rule: POOR_HOUSEHOLDS}}
				  - {set: QD318-2022-XA-NTM, indicator: "15.1", computedFrom: {register: HOUSEHOLDS, rule: INSURED_SHARE}}
				""";
		assertThatThrownBy(() -> BindingFiles.load("bindings.yaml", new StringReader(file), sets))
			.isInstanceOf(CriteriaFileException.class)
			.hasMessage(String.join("\n",
					"bindings.yaml: bindings[0].versions: unknown set QD318-2022-XA-NTM v9",
					"bindings.yaml: bindings[1].indicator: QD318-2022-XA-NTM v1 has no indicator 99.9",
					"bindings.yaml: bindings[2].computedFrom: QD318-2022-XA-NTM v1 10: rule POVERTY_RATE yields a percent, which cannot fill an indicator of kind AMOUNT_AT_LEAST",
					"bindings.yaml: bindings[3].computedFrom: QD318-2022-XA-NTM v1 11: rule POOR_HOUSEHOLDS yields a count, which cannot fill an indicator of kind PERCENT_AT_MOST",
					"bindings.yaml: bindings[3]: a second binding for QD318-2022-XA-NTM v1 11",
					"bindings.yaml: bindings[4].versions: list the versions the binding is for"));
	}
}
