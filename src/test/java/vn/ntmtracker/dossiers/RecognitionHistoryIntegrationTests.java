package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.AssessmentOverview;
import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.Role;

/**
 * The recognition history is what the revocation rule reads (the round page and the overview alike) where a unit has
 * one; a revocation dossier, opened only when QĐ 18/2022's rule is met, ends a recognition with its date and keeps it.
 */
@IntegrationTest
class RecognitionHistoryIntegrationTests {

	static final Set<Integer> HALF = Set.copyOf(IntStream.rangeClosed(1, 10).boxed().toList());

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestDossiers testDossiers;

	@Autowired
	TestRounds rounds;

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentOverview overview;

	@Autowired
	Dossiers dossiers;

	@Test
	void theHistoryDecidesRecognitionWhereAUnitHasOneAndTheOverviewAgrees() {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		long appraised = testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2022, 12, 31), Set.of());
		rounds.as(office, () -> run(() -> assessments.appraise(appraised, assessments.round(appraised).version())));
		long later = testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2023, 6, 30), HALF);
		AssessmentRound fallback = rounds.as(officer, () -> assessments.round(later));
		assertThat(fallback.recognised()).as("no history: the appraised 19/19 round stands for recognition").isTrue();
		assertThat(fallback.atRisk()).isTrue();
		String etag = rounds.as(office, () -> overview.etag(overview.scope("38", TestDossiers.SET, LocalDate.of(2023, 12, 31), true), office));

		// a recognition decided after the round: the history now says the unit was not recognised on the round's date
		testDossiers.earlier(office, commune, Tier.XA_NTM, LocalDate.of(2023, 9, 1));
		AssessmentRound byHistory = rounds.as(officer, () -> assessments.round(later));
		assertThat(byHistory.recognised()).isFalse();
		assertThat(byHistory.atRisk()).isFalse();
		AssessmentOverview.Row row = overviewRow(office, commune, LocalDate.of(2023, 12, 31));
		assertThat(row.roundId()).isEqualTo(later);
		assertThat(row.recognised()).isEqualTo(byHistory.recognised()).isFalse();
		assertThat(row.atRisk()).isFalse();
		assertThat(rounds.as(office, () -> overview.etag(overview.scope("38", TestDossiers.SET, LocalDate.of(2023, 12, 31), true), office)))
			.as("recording a recognition changes the overview's tag").isNotEqualTo(etag);

		// a round after the recognition: recognised, at risk with 10/19 below standard
		long after = testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2023, 12, 31), HALF);
		AssessmentRound atRisk = rounds.as(officer, () -> assessments.round(after));
		assertThat(atRisk.recognised()).isTrue();
		assertThat(atRisk.atRisk()).isTrue();
		assertThat(overviewRow(office, commune, LocalDate.of(2023, 12, 31)).atRisk()).isTrue();
	}

	@Test
	void aRevocationDossierEndsTheRecognitionWithItsDateAndKeepsIt() {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		Recognition held = testDossiers.earlier(office, commune, Tier.XA_NTM, LocalDate.of(2023, 1, 10));
		long lost = testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2024, 6, 30), HALF);

		// the commune cannot open it; the level above can, because 10/19 is ≥ 50 %
		assertThatThrownBy(() -> rounds.as(officer, () -> dossiers.open(new Dossiers.OpenRequest(commune, Purpose.REVOCATION, Tier.XA_NTM,
				null, 2024, LocalDate.of(2024, 7, 15))))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		long id = rounds.as(office, () -> dossiers.open(new Dossiers.OpenRequest(commune, Purpose.REVOCATION, Tier.XA_NTM, null, 2024,
				LocalDate.of(2024, 7, 15))));
		Dossier dossier = rounds.as(office, () -> dossiers.load(id));
		assertThat(dossier.procedure().code()).isEqualTo("QD18-2022-THU-HOI-XA");
		assertThat(dossier.sourceRoundId()).isEqualTo(lost);
		assertThat(dossier.state()).isEqualTo(Dossier.State.UNDER_APPRAISAL);

		testDossiers.attachAll(office, id, "REVIEW", LocalDate.of(2024, 7, 20));
		testDossiers.complete(office, id, "REVIEW", LocalDate.of(2024, 7, 20), null);
		rounds.as(office, () -> {
			dossiers.savePosting(id, testDossiers.version(id), "Trụ sở UBND xã", LocalDate.of(2024, 7, 21), LocalDate.of(2024, 8, 4));
			return null;
		});
		testDossiers.complete(office, id, "CONSULTATION", LocalDate.of(2024, 8, 5), null);
		testDossiers.attachAll(office, id, "PROPOSAL", LocalDate.of(2024, 8, 10));
		testDossiers.complete(office, id, "PROPOSAL", LocalDate.of(2024, 8, 10), null);
		testDossiers.attachAll(office, id, "DECISION", LocalDate.of(2024, 8, 30));
		Dossiers.Outcome outcome = testDossiers.complete(office, id, "DECISION", LocalDate.of(2024, 8, 30), new Dossiers.Completion(
				LocalDate.of(2024, 8, 30), null, null, null, new Dossiers.DecisionInput("3001/QĐ-UBND", LocalDate.of(2024, 8, 30),
						"Chủ tịch UBND tỉnh", LocalDate.of(2024, 9, 1))));
		assertThat(outcome.state()).isEqualTo("DECIDED");

		List<Recognition> history = testDossiers.history(officer, commune);
		assertThat(history).hasSize(1);
		Recognition ended = history.get(0);
		assertThat(ended.id()).isEqualTo(held.id());
		assertThat(ended.since()).isEqualTo(LocalDate.of(2023, 1, 10));
		assertThat(ended.until()).isEqualTo(LocalDate.of(2024, 9, 1));
		assertThat(ended.revocationNumber()).isEqualTo("3001/QĐ-UBND");
		assertThat(ended.revocationDossierId()).isEqualTo(id);
		assertThat(ended.activeOn(LocalDate.of(2024, 8, 31))).isTrue();
		assertThat(ended.activeOn(LocalDate.of(2024, 9, 1))).isFalse();
		// a round after the revocation: no longer recognised, so no longer "at risk"
		long next = testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2024, 12, 31), HALF);
		assertThat(rounds.as(officer, () -> assessments.round(next)).recognised()).isFalse();
		assertThat(rounds.as(officer, () -> assessments.round(lost)).atRisk()).as("the earlier round keeps its standing").isTrue();
	}

	@Test
	void aRecognisedUnitWithTwoCriteriaLostIsWarnedNotRevoked() {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		testDossiers.earlier(office, commune, Tier.XA_NTM, LocalDate.of(2022, 12, 26));
		testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2023, 4, 15), Set.of(9, 17));
		assertThatThrownBy(() -> rounds.as(office, () -> dossiers.open(new Dossiers.OpenRequest(commune, Purpose.REVOCATION, Tier.XA_NTM,
				null, 2023, LocalDate.of(2023, 5, 1))))).isInstanceOf(DossierException.class)
			.satisfies(ex -> assertThat(((DossierException) ex).problems()).extracting(DossierException.Problem::key)
				.containsExactly("dossier.error.noRevocationGrounds"));
		List<Dossiers.Watch> watch = rounds.as(officer, () -> dossiers.watch(commune));
		assertThat(watch).hasSize(1);
		assertThat(watch.get(0).atRisk()).isFalse();
		assertThat(watch.get(0).text()).contains("2/19", "chưa thuộc diện thu hồi");
	}

	private AssessmentOverview.Row overviewRow(String user, String commune, LocalDate asOf) {
		List<AssessmentOverview.Row> found = new ArrayList<>();
		rounds.as(user, () -> {
			overview.forEach(overview.scope("38", TestDossiers.SET, asOf, true), row -> {
				if (row.unitCode().equals(commune)) {
					found.add(row);
				}
			});
			return null;
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static Object run(Runnable work) {
		work.run();
		return null;
	}
}
