package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Schema additions: parts of an indicator, officer-facing descriptions, dated sources, corrections, amendments. */
class IndicatorPartsTests {

	private static final String WATER = """
			      - code: "1.2"
			        name: "Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh"
			        description: "Đạt khi đủ cả hai điều kiện."
			        kind: PERCENT_AT_LEAST
			        provenance: {source: "test", verified: false}
			        thresholds:
			          - {value: 95, provenance: {source: "QĐ 1/TEST", date: 2024-03-01, verified: true, note: "ghi chú"}}
			        parts:
			          - code: "1.2b"
			            name: "Trong đó: tỷ lệ hộ dùng nước từ công trình cấp nước tập trung"
			            kind: PERCENT_AT_LEAST
			            provenance: {source: "test", verified: false}
			            thresholds:
			              - {value: 20, provenance: {source: "test", verified: false}}
			""";

	private static String withWater(String water) {
		return TestSets.minimalYaml().replace("  - number: 2\n", water + "  - number: 2\n");
	}

	@Test
	void readsPartsDescriptionsAndDatedSources() {
		CriteriaSetDefinition set = TestSets.load("parts.yaml", withWater(WATER)
			.replace("title: \"Bộ thử nghiệm\"\n", "title: \"Bộ thử nghiệm\"\ndescription: \"Bộ dùng để thử.\"\n"
					+ "amendedBy:\n  - {number: \"211/QĐ-TTg\", date: 2024-03-01, issuer: \"Thủ tướng Chính phủ\"}\n"))
			.definition();
		Indicator water = set.indicator("1.2").orElseThrow();
		assertThat(water.description()).isEqualTo("Đạt khi đủ cả hai điều kiện.");
		assertThat(water.thresholds().get(0).provenance().date()).hasToString("2024-03-01");
		assertThat(water.parts()).extracting(Indicator::code).containsExactly("1.2b");
		assertThat(set.indicator("1.2b")).get().extracting(Indicator::name).asString().startsWith("Trong đó");
		assertThat(set.allIndicators()).extracting(Indicator::code).containsExactly("1.1", "1.2", "1.2b", "2");
		assertThat(set.indicatorCount()).as("a part is not a separate indicator").isEqualTo(3);
		assertThat(set.criterionOf("1.2b")).get().extracting(Criterion::number).isEqualTo(1);
		assertThat(set.description()).isEqualTo("Bộ dùng để thử.");
		assertThat(set.amendedBy()).extracting(LegalBasis::number).containsExactly("211/QĐ-TTg");
		String json = CriteriaSetJson.toJson(set);
		assertThat(CriteriaSetJson.fromJson(json)).isEqualTo(set);
	}

	@Test
	void aPartIsCodedAfterItsIndicatorAndHasNoPartsOfItsOwn() {
		assertThatThrownBy(() -> TestSets.load("parts.yaml", withWater(WATER.replace("\"1.2b\"", "\"1.3\""))))
			.isInstanceOf(CriteriaFileException.class)
			.hasMessageContaining("criteria[0].indicators[1].parts[0].code: a part of indicator 1.2 is coded 1.2 plus one letter");
		assertThatThrownBy(() -> TestSets.load("parts.yaml", withWater(WATER.replace(
				"            kind: PERCENT_AT_LEAST\n            provenance: {source: \"test\", verified: false}\n            thresholds:\n              - {value: 20",
				"            kind: PERCENT_AT_LEAST\n            provenance: {source: \"test\", verified: false}\n            thresholds:\n              - {value: 120"))))
			.hasMessageContaining("parts[0].thresholds[0].value: percent 120 outside 0–100");
	}

	@Test
	void aVersionCorrectsOnlyEarlierVersions() {
		assertThat(TestSets.load("c.yaml", TestSets.minimalYaml().replace("version: 1", "version: 2\ncorrects: [1]"))
			.definition().corrects()).containsExactly(1);
		assertThatThrownBy(() -> TestSets.load("c.yaml", TestSets.minimalYaml().replace("version: 1", "version: 2\ncorrects: [2]")))
			.hasMessageContaining("corrects[0]: a version corrects only earlier versions of the same set, got 2");
		assertThatThrownBy(() -> TestSets.load("c.yaml", TestSets.minimalYaml().replace("version: 1", "version: 2\ncorrects: [x]")))
			.hasMessageContaining("corrects[0]: expected an integer");
	}

	@Test
	void addingTheNewOptionalFieldsLeftTheHashesOfShippedVersionsUnchanged() {
		assertThat(hash("qd1980-2016-xa-ntm.yaml")).isEqualTo("sha256:1e28e302ceb079673b8feba49488ae2c62050bb6d2168344c50adc579e78d9bf");
		assertThat(hash("qd318-2022-xa-ntm.yaml")).isEqualTo("sha256:7b05a86c8081722658044c3619383db772de14c77c400ded6b5c7a61719d7cff");
		assertThat(hash("qd318-2022-xa-ntm-nc.yaml")).isEqualTo("sha256:852aadf927b3f05e7f1124434772f5fd1baf4b2cd1d2fd8e248dc838884c2c3d");
		assertThat(hash("qd320-2022-huyen-ntm.yaml")).isEqualTo("sha256:0095e0665ffb804ea71368d35bb048c392e49b21f68c004c8eb1141eb791febe");
		assertThat(hash("qd51-2025-xa-ntm.yaml")).isEqualTo("sha256:2698bb0b63d4dfdd4999455d2413068e2bcdde963cc345fe4d38031ecc9fdbf1");
		assertThat(hash("ht-2022-xa-ntm-nc.yaml")).isEqualTo("sha256:d111f43c45d76093993bc32fd8dc5f6d37fc86be38caca334d5ad69c3c367bc6");
	}

	private static String hash(String file) {
		return TestSets.shipped().stream().filter(s -> s.fileName().equals(file)).findFirst().orElseThrow().contentHash();
	}
}
