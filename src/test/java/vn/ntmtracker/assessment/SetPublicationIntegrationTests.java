package vn.ntmtracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.SetRef;
import vn.ntmtracker.criteria.Threshold;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

/**
 * Publishing a corrected version of a set moves the rounds still in progress on its dates onto it and re-evaluates
 * them; the confirmation page names them first; signed-off rounds keep their version. The set is the test's own.
 */
@IntegrationTest
class SetPublicationIntegrationTests {

	@Autowired
	Assessments assessments;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	TestRounds rounds;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishingACorrectedVersionMovesTheRoundsInProgressAndLeavesSignedOffOnes() throws Exception {
		String code = Fixtures.uniqueCode("IT-PUB");
		SetRef first = rounds.as("admin", () -> {
			SetRef draft = catalog.derive("QD318-2022-XA-NTM", 2, code, null, null, null);
			assertThat(catalog.publish(code, 1, catalog.stored(code, 1).orElseThrow().rowVersion())).isEmpty();
			return draft;
		});
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		long signed = rounds.draft(officer, commune, code, LocalDate.of(2024, 4, 30), Set.of());
		long open = rounds.draft(officer, commune, code, LocalDate.of(2024, 6, 30), Set.of());
		for (long id : List.of(signed, open)) {
			rounds.as(officer, () -> run(() -> assessments.saveValues(id, Map.of("10", new ValueInput.Raw("999", "Cục Thống kê")),
					assessments.round(id).version())));
		}
		rounds.as(officer, () -> run(() -> assessments.submit(signed, assessments.round(signed).version())));
		rounds.as(office, () -> run(() -> assessments.verify(signed, assessments.round(signed).version())));
		assertThat(incomeAchieved(officer, open)).isTrue();
		String signedScore = rounds.as(officer, () -> assessments.round(signed)).score();

		// a corrected income threshold no commune reaches
		rounds.as("admin", () -> catalog.edit(code, first.version(), catalog.stored(code, 1).orElseThrow().rowVersion(), set -> {
			Indicator income = set.indicator("10").orElseThrow();
			return set.withIndicator(income.withThresholds(
					List.of(Threshold.general(new BigDecimal(1000), income.thresholds().get(0).provenance()))));
		}, "test"));
		String confirmation = mvc.perform(get("/criteria/" + code + "/publish").param("version", "2")
				.with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(confirmation).contains("Kỳ #" + open + " —", "phiên bản 1 → 2").doesNotContain("Kỳ #" + signed + " —");

		rounds.as("admin", () -> catalog.publish(code, 2, catalog.stored(code, 2).orElseThrow().rowVersion()));

		AssessmentRound moved = rounds.as(officer, () -> assessments.round(open));
		assertThat(moved.setVersion()).isEqualTo(2);
		assertThat(incomeAchieved(officer, open)).isFalse();
		assertThat(moved.score()).isEqualTo("18/19");
		AssessmentRound kept = rounds.as(officer, () -> assessments.round(signed));
		assertThat(kept.setVersion()).isEqualTo(1);
		assertThat(kept.score()).isEqualTo(signedScore);
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'assessment_round' and entity_id = :id and after ->> 'set_version' = '2'")
			.param("id", Long.toString(open)).query(Long.class).single()).isEqualTo(1);
	}

	private boolean incomeAchieved(String user, long round) {
		return rounds.as(user, () -> assessments.view(round)).evaluation().criteria().stream()
			.filter(c -> c.number() == 10).findFirst().orElseThrow().achieved();
	}

	private static Object run(Runnable work) {
		work.run();
		return null;
	}
}
