package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CriteriaSetJsonTests {

	@Test
	void everyShippedSetRoundTripsThroughJson() {
		for (CriteriaSetFiles.LoadedSet set : TestSets.shipped()) {
			String json = CriteriaSetJson.toJson(set.definition());
			assertThat(CriteriaSetJson.fromJson(json)).as(set.fileName()).isEqualTo(set.definition());
			assertThat(CriteriaSetJson.contentHash(CriteriaSetJson.fromJson(json))).isEqualTo(set.contentHash());
		}
	}

	@Test
	void jsonUsesPlainNamesAnAdministratorCanEdit() {
		String json = CriteriaSetJson.toJson(TestSets.minimal());
		assertThat(json).contains("\"code\":\"TEST-XA\"", "\"thresholdKeying\":\"REGION\"", "\"region\":\"TN\"",
				"\"validFrom\":\"2022-01-01\"", "\"kind\":\"PERCENT_AT_LEAST\"", "\"value\":70");
	}

	@Test
	void contentHashIsPinnedSoACanonicalisationChangeIsNoticed() {
		assertThat(CriteriaSetJson.contentHash(TestSets.minimal()))
			.isEqualTo("sha256:f9e6ffba6e1eebb23d8ee6baf10b8bf5d41b92a7dcc4e5a42bfde5eb15c1ee41");
	}

	@Test
	void formattingAndCommentsDoNotChangeTheHash() {
		String reformatted = "# another comment\n" + TestSets.minimalYaml()
			.replace("{value: 70, provenance: {source: \"test\", verified: false}}",
					"\n            value: 70\n            provenance:\n              source: test\n              verified: false");
		assertThat(TestSets.load("minimal.yaml", reformatted).contentHash())
			.isEqualTo(CriteriaSetJson.contentHash(TestSets.minimal()));
	}

	@Test
	void anyContentChangeChangesTheHash() {
		CriteriaSetDefinition set = TestSets.minimal();
		CriteriaSetDefinition edited = TestSets.withIndicator(set, "1.1", i -> TestSets.withThresholds(i,
				List.of(i.thresholds().get(0), new Threshold(Region.TN, null, null, BigDecimal.valueOf(51),
						i.thresholds().get(1).provenance()))));
		assertThat(CriteriaSetJson.contentHash(edited)).isNotEqualTo(CriteriaSetJson.contentHash(set));
	}
}
