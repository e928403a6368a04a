package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.Provenance;
import vn.ntmtracker.criteria.Verification;

/**
 * Rates over returned ballots (recognition-and-formats §5, Thăng Bình 2017: 71 of 72 = 98,61 %), per item and village,
 * compared exactly with the template's thresholds.
 */
class SatisfactionTallyTests {

	static final List<SatisfactionTally.Item> ITEMS = List.of(new SatisfactionTally.Item(1, "Quy hoạch"),
			new SatisfactionTally.Item(17, "Môi trường"));

	static Procedure.Satisfaction thresholds(String overall, String perItem, String participation) {
		return new Procedure.Satisfaction(overall == null ? null : new BigDecimal(overall), perItem == null ? null : new BigDecimal(perItem),
				participation == null ? null : new BigDecimal(participation), false,
				new Provenance("thử", Verification.PROVISIONAL, null));
	}

	static List<SatisfactionTally.Ballot> ballots(String village, int count, int overallUnhappy, int item17Unhappy) {
		List<SatisfactionTally.Ballot> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(new SatisfactionTally.Ballot(village, "Y" + (i < item17Unhappy ? "N" : "Y"), i >= overallUnhappy));
		}
		return list;
	}

	@Test
	void ratesAreSatisfiedOverReturnedBallots() {
		Map<String, String> villages = new LinkedHashMap<>();
		villages.put("T1", "Thôn 1");
		villages.put("T2", "Thôn 2");
		List<SatisfactionTally.Ballot> all = new ArrayList<>(ballots("T1", 36, 1, 3));
		all.addAll(ballots("T2", 36, 0, 0));
		SatisfactionTally.Result result = SatisfactionTally.tally(ITEMS, all, villages, Map.of("T1", 38, "T2", 38),
				thresholds("80", null, "70"));
		assertThat(result.returned()).isEqualTo(72);
		assertThat(result.overall().percent()).isEqualByComparingTo("98.6");
		assertThat(result.items().get(1).rate().satisfied()).isEqualTo(69);
		assertThat(result.villages().get(0).overall().percent()).isEqualByComparingTo("97.2");
		assertThat(result.participation()).isEqualByComparingTo("94.7");
		assertThat(result.met()).isTrue();
	}

	@Test
	void aThresholdIsComparedExactly() {
		Map<String, String> villages = Map.of("T1", "Thôn 1");
		// 3 999 of 5 000 is 79,98 %: shown rounded as 80,0 but below 80 %
		SatisfactionTally.Result below = SatisfactionTally.tally(ITEMS, ballots("T1", 5000, 1001, 0), villages, Map.of("T1", 5000),
				thresholds("80", null, null));
		assertThat(below.overall().percent()).isEqualByComparingTo("80.0");
		assertThat(below.met()).isFalse();
		assertThat(below.shortfalls()).extracting(SatisfactionTally.Shortfall::key).containsExactly("dossier.survey.overallBelow");
		SatisfactionTally.Result exactly = SatisfactionTally.tally(ITEMS, ballots("T1", 5, 1, 0), villages, Map.of(),
				thresholds("80", null, null));
		assertThat(exactly.met()).as("4 of 5 is 80 %").isTrue();
	}

	@Test
	void perItemAndParticipationThresholdsNameTheirShortfall() {
		Map<String, String> villages = Map.of("T1", "Thôn 1");
		SatisfactionTally.Result result = SatisfactionTally.tally(ITEMS, ballots("T1", 10, 0, 3), villages, Map.of("T1", 20),
				thresholds("80", "80", "70"));
		assertThat(result.items().get(1).below()).isTrue();
		assertThat(result.shortfalls()).extracting(SatisfactionTally.Shortfall::key)
			.containsExactly("dossier.survey.itemBelow", "dossier.survey.participationBelow");
		SatisfactionTally.Result unknown = SatisfactionTally.tally(ITEMS, ballots("T1", 10, 0, 0), villages, Map.of(),
				thresholds("80", null, "70"));
		assertThat(unknown.shortfalls()).extracting(SatisfactionTally.Shortfall::key).containsExactly("dossier.survey.householdsMissing");
		assertThat(SatisfactionTally.tally(ITEMS, List.of(), villages, Map.of(), thresholds("80", null, null)).met()).isFalse();
	}
}
