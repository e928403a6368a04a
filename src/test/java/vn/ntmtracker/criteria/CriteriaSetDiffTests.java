package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.CriteriaSetDiff.Change;
import vn.ntmtracker.criteria.CriteriaSetDiff.ChangeType;

class CriteriaSetDiffTests {

	@Test
	void aVersionComparedWithItselfHasNoChanges() {
		CriteriaSetDefinition set = TestSets.set("QD318-2022-XA-NTM");
		assertThat(CriteriaSetDiff.between(set, set)).isEmpty();
	}

	@Test
	void showsTheHaTinhTwentiethCriterionAsAddedToTheNationalNangCaoSet() {
		List<Change> changes = CriteriaSetDiff.between(TestSets.set("QD318-2022-XA-NTM-NC"),
				TestSets.set("HT-2022-XA-NTM-NC"));
		assertThat(changes).contains(new Change(ChangeType.ADDED, "criteria[20]", null,
				"Khu dân cư NTM kiểu mẫu và vườn mẫu"));
		assertThat(changes).extracting(Change::path).contains("code", "scope", "derivedFrom", "legalBasis")
			.noneMatch(path -> path.startsWith("criteria[1]") || path.startsWith("criteria[19]"));
	}

	@Test
	void namesChangedRemovedAndAddedThresholdsAndIndicatorsByKey() {
		CriteriaSetDefinition v1 = TestSets.set("QD318-2022-XA-NTM");
		Provenance province = new Provenance("Hà Tĩnh (test)", Verification.VERIFIED, null);
		CriteriaSetDefinition v2 = TestSets.withIndicator(TestSets.withVersion(v1, 2, SetStatus.DRAFT), "17.4",
				i -> TestSets.withThresholds(i, List.of(Threshold.general(new BigDecimal("3"), province),
						new Threshold(Region.BTB, null, null, new BigDecimal("2.5"), province))));
		List<Change> changes = CriteriaSetDiff.between(v1, v2);
		assertThat(changes).contains(
				new Change(ChangeType.CHANGED, "version", "1", "2"),
				new Change(ChangeType.CHANGED, "criteria[17].indicators[17.4].thresholds[general].value", "2", "3"),
				new Change(ChangeType.ADDED, "criteria[17].indicators[17.4].thresholds[BTB]", null, "2.5"));
		CriteriaSetDefinition withoutIndicator = TestSets.withCriteria(v1, v1.criteria().stream()
			.map(c -> c.number() == 9 ? TestSets.withIndicators(c, c.indicators().subList(0, 1)) : c).toList());
		assertThat(CriteriaSetDiff.between(v1, withoutIndicator)).containsExactly(new Change(ChangeType.REMOVED,
				"criteria[9].indicators[9.2]", "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố", null));
	}
}
