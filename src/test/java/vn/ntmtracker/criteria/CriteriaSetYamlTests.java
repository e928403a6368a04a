package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CriteriaSetYamlTests {

	private static void assertBroken(String yaml, String message) {
		assertThatThrownBy(() -> TestSets.load("broken.yaml", yaml)).isInstanceOf(CriteriaFileException.class)
			.hasMessage(message);
	}

	private static String minimalWith(String from, String to) {
		String yaml = TestSets.minimalYaml();
		assertThat(yaml).contains(from);
		return yaml.replace(from, to);
	}

	@Test
	void minimalFixtureIsValid() {
		assertThat(TestSets.minimal().criteriaCount()).isEqualTo(2);
	}

	@Test
	void namesFileAndKeyPathWhenARegionIsMissing() {
		String shipped = TestSets.text(Path.of("src/main/resources/criteria/sets/qd318-2022-xa-ntm.yaml"));
		String line = shipped.lines().filter(l -> l.contains("≥ 2 m²/người [?]")).findFirst().orElseThrow();
		String sixRegions = Stream6.regionsWithout("TN");
		assertThatThrownBy(() -> TestSets.load("qd318-xa-ntm.yaml", shipped.replace(line, sixRegions)))
			.isInstanceOf(CriteriaFileException.class)
			.hasMessage("qd318-xa-ntm.yaml: criteria[16].indicators[3].thresholds: region TN missing");
	}

	/** Threshold lines for every region but one, and no general value. */
	private static final class Stream6 {
		static String regionsWithout(String missing) {
			return java.util.Arrays.stream(Region.values())
				.filter(r -> !r.name().equals(missing))
				.map(r -> "          - {region: " + r + ", value: 2, provenance: {source: t, verified: false}}")
				.collect(Collectors.joining("\n"));
		}
	}

	@Test
	void aYearWithSomeRegionsNeedsAllOfThemOrAGeneralValueForThatYear() {
		assertBroken(minimalWith("          - {value: 45, year: 2020,",
				"          - {region: DNB, value: 59, year: 2021, provenance: {source: t, verified: true}}\n"
						+ "          - {value: 45, year: 2020,"),
				String.join("\n",
						java.util.Arrays.stream(Region.values()).filter(r -> r != Region.DNB)
							.map(r -> "broken.yaml: criteria[1].indicators[0].thresholds: region " + r
									+ " missing for year 2021")
							.toList()));
	}

	@Test
	void rejectsDuplicateCriterionNumber() {
		assertBroken(minimalWith("  - number: 2\n", "  - number: 1\n").replace("code: \"2\"", "code: \"1.2\""),
				"broken.yaml: criteria[1].number: duplicate criterion number 1");
	}

	@Test
	void rejectsDuplicateIndicatorCode() {
		String second = """
				      - code: "1.1"
				        name: "Lặp"
				        kind: BOOLEAN
				        provenance: {source: "test", verified: false}
				  - number: 2
				""";
		assertBroken(minimalWith("  - number: 2\n", second),
				"broken.yaml: criteria[0].indicators[1].code: duplicate indicator code '1.1' (also at criteria[0].indicators[0])");
	}

	@Test
	void rejectsDuplicateSetCodeAcrossFiles() {
		assertThatThrownBy(() -> CriteriaSetFiles.loadAll(TestSets.BROKEN.resolve("duplicate-code")))
			.hasMessage("b.yaml: code: duplicate set code TEST-XA v1 (also in a.yaml)");
	}

	@Test
	void rejectsUnknownValueKind() {
		assertBroken(minimalWith("kind: AMOUNT_AT_LEAST", "kind: MONEY_MIN"),
				"broken.yaml: criteria[1].indicators[0].kind: unknown value kind 'MONEY_MIN'");
	}

	@Test
	void rejectsPercentAbove100() {
		assertBroken(minimalWith("{value: 70,", "{value: 120,"),
				"broken.yaml: criteria[0].indicators[0].thresholds[0].value: percent 120 outside 0–100");
	}

	@Test
	void rejectsNegativePercent() {
		assertBroken(minimalWith("value: 50,", "value: -5,"),
				"broken.yaml: criteria[0].indicators[0].thresholds[1].value: percent -5 outside 0–100");
	}

	@Test
	void rejectsUnknownKeysInsteadOfIgnoringTypos() {
		assertBroken(minimalWith("name: \"Giao thông\"", "nam: \"Giao thông\""),
				"broken.yaml: criteria[0]: missing key 'name'\nbroken.yaml: criteria[0]: unknown key 'nam'");
	}

	@Test
	void rejectsWrongTypes() {
		assertBroken(minimalWith("  - number: 2\n", "  - number: hai\n"),
				"broken.yaml: criteria[1].number: expected an integer, got 'hai'");
		assertBroken(minimalWith("verified: true", "verified: yes"),
				"broken.yaml: criteria[1].indicators[0].thresholds[0].provenance.verified: expected true or false, got 'yes'");
		assertBroken(minimalWith("validFrom: 2022-01-01", "validFrom: 01/01/2022"),
				"broken.yaml: validFrom: expected a date (yyyy-mm-dd), got '01/01/2022'");
		assertBroken(minimalWith("criteria:", "criteria: none\nx:").replaceAll("(?s)\nx:.*", "\n"),
				"broken.yaml: criteria: expected a list");
	}

	@Test
	void rejectsRegionThresholdsInACommuneGroupSet() {
		assertBroken(minimalWith("thresholdKeying: REGION", "thresholdKeying: COMMUNE_GROUP"),
				"broken.yaml: criteria[0].indicators[0].thresholds[1].region: the set is keyed by COMMUNE_GROUP, not by region");
	}

	@Test
	void rejectsAnUnknownCommuneGroup() {
		assertBroken(minimalWith("thresholdKeying: REGION", "thresholdKeying: COMMUNE_GROUP")
			.replace("region: TN", "group: 4"), "broken.yaml: criteria[0].indicators[0].thresholds[1].group: unknown commune group 4 (groups are 1, 2, 3)");
	}

	@Test
	void rejectsAPercentIndicatorWithoutThreshold() {
		assertBroken(minimalWith("kind: AMOUNT_AT_LEAST", "kind: BOOLEAN"),
				"broken.yaml: criteria[1].indicators[0].thresholds: kind BOOLEAN takes no threshold");
	}

	@Test
	void rejectsSomethingThatIsNotYaml() {
		assertThatThrownBy(() -> TestSets.load("broken.yaml", "code: [unclosed"))
			.hasMessageStartingWith("broken.yaml: not valid YAML:");
	}

	@Test
	void keepsUnquotedIndicatorCodesAsWrittenSo17Point10IsNot17Point1() {
		CriteriaSetDefinition set = TestSets.load("ok.yaml", minimalWith("code: \"1.1\"", "code: 1.10")).definition();
		assertThat(set.criteria().get(0).indicators().get(0).code()).isEqualTo("1.10");
	}

	@Test
	void reportsEveryProblemOfAFileAtOnce() {
		String yaml = minimalWith("{value: 70,", "{value: 120,").replace("kind: AMOUNT_AT_LEAST",
				"kind: AMOUNT_AT_LEAST\n        colour: red");
		assertThatThrownBy(() -> TestSets.load("broken.yaml", yaml)).isInstanceOfSatisfying(
				CriteriaFileException.class,
				ex -> assertThat(ex.errors()).extracting(ValidationError::toString)
					.containsExactly("criteria[1].indicators[0]: unknown key 'colour'"));
	}
}
