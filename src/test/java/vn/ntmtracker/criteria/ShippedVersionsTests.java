package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The versions added from criteria-verified.md: dates, counts, values with their sources, and officer-facing text. */
class ShippedVersionsTests {

	private static Optional<Integer> versionOn(String code, String date) {
		List<SetVersions.Entry> entries = TestSets.shipped().stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.filter(s -> s.code().equals(code))
			.map(s -> SetVersions.Entry.of(s, s.status()))
			.toList();
		return SetVersions.versionOn(entries, LocalDate.parse(date));
	}

	@ParameterizedTest(name = "{0} on {1}: v{2}")
	@CsvSource({ "QD318-2022-XA-NTM, 2023-06-30, 1", "QD318-2022-XA-NTM, 2024-02-29, 1", "QD318-2022-XA-NTM, 2024-06-30, 2",
			"QD318-2022-XA-NTM-NC, 2023-03-31, 1", "QD318-2022-XA-NTM-NC, 2024-06-30, 2", "QD320-2022-HUYEN-NTM, 2023-12-31, 1",
			"QD320-2022-HUYEN-NTM, 2024-06-30, 2", "QD1980-2016-XA-NTM, 2018-12-31, 2", "QD51-2025-XA-NTM, 2026-03-01, 2",
			"QD211-2024-HUYEN-NTM-DAC-THU, 2025-01-15, 1" })
	void aRoundIsJudgedOnTheVersionInForceOnItsDate(String code, String date, int version) {
		assertThat(versionOn(code, date)).contains(version);
	}

	@Test
	void nothingAppliesOutsideTheValidityNorBeforeQd1980TookEffect() {
		assertThat(versionOn("QD1980-2016-XA-NTM", "2016-11-15")).as("signed 17/10, effective 01/12/2016").isEmpty();
		assertThat(versionOn("QD320-2022-HUYEN-NTM", "2025-07-01")).as("district level abolished").isEmpty();
		assertThat(versionOn("QD318-2022-XA-NTM", "2026-02-15")).isEmpty();
	}

	@ParameterizedTest(name = "{0} v{1}: {2} criteria, {3} indicators")
	@CsvSource({ "QD1980-2016-XA-NTM, 2, 19, 49", "QD318-2022-XA-NTM, 2, 19, 57", "QD318-2022-XA-NTM-NC, 2, 19, 75",
			"QD320-2022-HUYEN-NTM, 2, 9, 12", "QD211-2024-HUYEN-NTM-DAC-THU, 1, 5, 8", "QD51-2025-XA-NTM, 2, 10, 47" })
	void newVersionsDeclareEveryIndicator(String code, int version, int criteria, int indicators) {
		CriteriaSetDefinition set = TestSets.set(code, version);
		assertThat(set.criteriaCount()).isEqualTo(criteria);
		assertThat(set.indicatorCount()).isEqualTo(indicators);
		if (set.declaredIndicatorCount() != null) {
			assertThat(set.indicatorCount()).isEqualTo(set.declaredIndicatorCount());
		}
	}

	@Test
	void qd211VersionsStartOnTheFirstOfMarch2024AndCiteTheAmendment() {
		for (String code : List.of("QD318-2022-XA-NTM", "QD318-2022-XA-NTM-NC", "QD320-2022-HUYEN-NTM")) {
			CriteriaSetDefinition v2 = TestSets.set(code, 2);
			assertThat(v2.validFrom()).as(code).isEqualTo(LocalDate.of(2024, 3, 1));
			assertThat(v2.amendedBy()).as(code).extracting(LegalBasis::number).containsExactly("211/QĐ-TTg");
			assertThat(v2.derivedFrom()).isEqualTo(new SetRef(code, 1));
			assertThat(v2.corrects()).as("an amendment, not a correction").isEmpty();
		}
		CriteriaSetDefinition dacThu = TestSets.set("QD211-2024-HUYEN-NTM-DAC-THU", 1);
		assertThat(dacThu.tier()).isEqualTo(Tier.HUYEN_NTM);
		assertThat(dacThu.conditions()).singleElement().extracting(Condition::text).asString().contains("90%");
	}

	@Test
	void incomeOfQd318IsKeyedByRegionAndYearAndNeverBelowTheFirstVersion() {
		Indicator v2 = TestSets.set("QD318-2022-XA-NTM", 2).indicator("10").orElseThrow();
		Indicator v1 = TestSets.set("QD318-2022-XA-NTM", 1).indicator("10").orElseThrow();
		for (int year = 2022; year <= 2025; year++) {
			int y = year;
			assertThat(v2.thresholds().stream().filter(t -> Integer.valueOf(y).equals(t.year())).map(Threshold::region))
				.as("year %d", year).containsExactlyInAnyOrder(Region.values());
		}
		Threshold tdmnpb2022 = v2.thresholds().stream()
			.filter(t -> t.region() == Region.TDMNPB && t.year() == 2022).findFirst().orElseThrow();
		assertThat(tdmnpb2022.value()).isEqualByComparingTo("39");
		assertThat(tdmnpb2022.provenance().verified()).isFalse();
		assertThat(tdmnpb2022.provenance().source()).contains("T3");
		for (Threshold t : v2.thresholds()) {
			BigDecimal before = v1.thresholds().stream().filter(o -> o.region() == t.region()).findFirst().orElseThrow().value();
			assertThat(t.value()).as(t.keyLabel()).isGreaterThanOrEqualTo(before);
		}
	}

	@Test
	void qd318WaterIsTwoConditionsAndHealthCarriesTheRegionalValuesFound() {
		CriteriaSetDefinition v2 = TestSets.set("QD318-2022-XA-NTM", 2);
		Indicator water = v2.indicator("17.1").orElseThrow();
		assertThat(water.parts()).singleElement().satisfies(part -> {
			assertThat(part.code()).isEqualTo("17.1b");
			assertThat(part.name()).contains("tập trung");
			assertThat(part.thresholds()).singleElement().extracting(t -> t.value().intValue()).isEqualTo(20);
		});
		assertThat(v2.indicator("15.3").orElseThrow().thresholds()).hasSize(7)
			.anySatisfy(t -> assertThat(t.region() == Region.DBSH && t.value().compareTo(new BigDecimal("16.5")) == 0).isTrue());
		assertThat(v2.indicator("15.4").orElseThrow().provenance().verified()).as("name read in two sources").isTrue();
	}

	@Test
	void qd1980CorrectionCarriesTheVerifiedValuesAndTheOriginalWording() {
		CriteriaSetDefinition v2 = TestSets.set("QD1980-2016-XA-NTM", 2);
		assertThat(v2.validFrom()).isEqualTo(LocalDate.of(2016, 12, 1));
		assertThat(v2.legalBasis().date()).isEqualTo(LocalDate.of(2016, 10, 17));
		assertThat(v2.corrects()).containsExactly(1);
		assertThat(v2.indicator("4.2").orElseThrow().name()).contains("thường xuyên, an toàn");
		assertThat(v2.indicator("5").orElseThrow().name()).contains("đạt chuẩn quốc gia");
		assertThat(v2.indicator("14.2").orElseThrow().name()).contains("bổ túc");
		assertThat(v2.indicator("17.1b").orElseThrow().thresholds().get(0).value()).isEqualByComparingTo("60");
		assertThat(v2.thresholdVerification()).as("verified: 9.2, 11, 12, 15.1, 15.3 ×8, income 2020 ×8").containsExactly(20, 29);
		assertThat(v2.indicator("15.3").orElseThrow().thresholds()).allMatch(t -> t.provenance().verified());
	}

	@Test
	void ncVersion2NamesOnlyWhatSourcesSupportAndDropsTheUnsupportedIncome() {
		CriteriaSetDefinition nc = TestSets.set("QD318-2022-XA-NTM-NC", 2);
		assertThat(nc.indicator("16.1").orElseThrow().name()).contains("phổ biến, giáo dục pháp luật, hòa giải ở cơ sở");
		assertThat(nc.indicator("16.1").orElseThrow().provenance().verified()).isTrue();
		assertThat(nc.indicator("18.1").orElseThrow().thresholds()).singleElement()
			.extracting(t -> t.value().intValue()).isEqualTo(55);
		assertThat(nc.criterion(17).orElseThrow().indicators()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(nc.indicator("10.1").orElseThrow().thresholds()).noneMatch(t -> t.year() == null);
		long placeholders = nc.allIndicators().stream().filter(i -> i.name().endsWith("(chưa cập nhật nội dung)")).count();
		assertThat(placeholders).isEqualTo(59);
	}

	private static final Pattern DEVELOPER_TEXT = Pattern.compile("\\[[VR?]|criteria-(facts|verified)|§|\\bT\\d{1,2}\\b|\\bS\\d{1,2}\\b|chưa xác minh nội dung");

	@Test
	void officersReadNoResearchNotesInTheNewVersions() {
		for (CriteriaSetDefinition set : newVersions().toList()) {
			assertThat(officerText(set)).as(set.ref().toString()).allSatisfy(text ->
				assertThat(DEVELOPER_TEXT.matcher(text).find()).as("%s: %s", set.ref(), text).isFalse());
		}
	}

	@Test
	void everyValueOfTheNewVersionsNamesItsSourceAndPlaceholdersAreProvisionalEvidence() {
		Pattern sourceKey = Pattern.compile("T\\d+|S\\d+|seed|criteria-(verified|facts)");
		newVersions().flatMap(s -> s.allIndicators().stream()).forEach(indicator -> {
			for (Threshold t : indicator.thresholds()) {
				assertThat(sourceKey.matcher(t.provenance().source()).find()).as(indicator.code()).isTrue();
			}
			if (indicator.name().endsWith("(chưa cập nhật nội dung)")) {
				assertThat(indicator.kind()).isEqualTo(ValueKind.TEXT_EVIDENCE);
				assertThat(indicator.provenance().verified()).isFalse();
				assertThat(indicator.description()).isNotBlank();
			}
		});
	}

	private static Stream<CriteriaSetDefinition> newVersions() {
		return TestSets.shipped().stream().map(CriteriaSetFiles.LoadedSet::definition)
			.filter(s -> s.version() > 1 || s.code().startsWith("QD211"));
	}

	private static List<String> officerText(CriteriaSetDefinition set) {
		Stream<String> texts = Stream.of(set.title(), set.description());
		for (Criterion c : set.criteria()) {
			texts = Stream.concat(texts, Stream.of(c.name(), c.description()));
		}
		texts = Stream.concat(texts, set.allIndicators().stream().flatMap(i -> Stream.of(i.name(), i.description(), i.sector())));
		texts = Stream.concat(texts, set.conditions().stream().map(Condition::text));
		return texts.filter(t -> t != null).toList();
	}
}
