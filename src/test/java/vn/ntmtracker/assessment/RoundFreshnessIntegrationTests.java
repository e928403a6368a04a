package vn.ntmtracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.StatementCounter;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.units.Classification;
import vn.ntmtracker.units.Region;
import vn.ntmtracker.units.UnitWriter;

/**
 * Nothing a round shows is stale: what depends on other rounds (regression, recognition, revocation risk) follows them
 * the moment they change, what depends on the unit (its region) follows a reclassification, and the overview and the
 * round page say the same thing. Each test owns its commune, its accounts and its rounds.
 */
@IntegrationTest
class RoundFreshnessIntegrationTests {

	private static final String SET = "QD318-2022-XA-NTM";

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentOverview overview;

	@Autowired
	TestRounds rounds;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Test
	void signingOffAnOlderRoundChangesTheLaterRoundsRegressionRecognitionAndRisk() throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		long older = rounds.draft(officer, commune, SET, LocalDate.of(2022, 9, 30), Set.of());
		Set<Integer> lost = Set.copyOf(IntStream.rangeClosed(1, 10).boxed().toList());
		long later = rounds.draft(officer, commune, SET, LocalDate.of(2023, 9, 30), lost);

		AssessmentRound before = rounds.as(officer, () -> assessments.round(later));
		assertThat(before.regressed()).isFalse();
		assertThat(before.recognised()).isFalse();
		assertThat(before.atRisk()).isFalse();

		rounds.as(officer, () -> run(() -> assessments.submit(older, assessments.round(older).version())));
		rounds.as(office, () -> run(() -> assessments.verify(older, assessments.round(older).version())));
		AssessmentRound afterVerification = rounds.as(officer, () -> assessments.round(later));
		assertThat(afterVerification.previousRoundId()).isEqualTo(older);
		assertThat(afterVerification.lostCriteria()).isEqualTo("1,2,3,4,5,6,7,8,9,10");
		assertThat(afterVerification.recognised()).as("recognition needs the appraisal").isFalse();

		rounds.as(office, () -> run(() -> assessments.appraise(older, assessments.round(older).version())));
		AssessmentRound afterAppraisal = rounds.as(officer, () -> assessments.round(later));
		assertThat(afterAppraisal.recognised()).isTrue();
		assertThat(afterAppraisal.atRisk()).isTrue();
		assertThat(afterAppraisal.riskText()).contains("10/19", "thu hồi");

		// the overview (rounds in progress included) and the round page say the same
		AssessmentOverview.Row row = overviewRow(office, commune, LocalDate.of(2023, 12, 31), false);
		assertThat(row.roundId()).isEqualTo(later);
		assertThat(row.score()).isEqualTo(afterAppraisal.scoreWithProvisional());
		assertThat(row.lostCriteria()).isEqualTo(afterAppraisal.lostCriteria());
		assertThat(row.atRisk()).isEqualTo(afterAppraisal.atRisk()).isTrue();
		String page = mvc.perform(get("/assessments/" + later).with(user(accounts.loadUserByUsername(officer))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"risk\"", "id=\"regression\"", afterAppraisal.score());

		// the signed-off overview shows the older round only, recognised and with nothing lost
		AssessmentOverview.Row signedOff = overviewRow(office, commune, LocalDate.of(2023, 12, 31), true);
		assertThat(signedOff.roundId()).isEqualTo(older);
		assertThat(signedOff.regressed()).isFalse();
		assertThat(signedOff.score()).startsWith("19/19");
	}

	@Test
	void reclassifyingAUnitReEvaluatesItsOpenRoundsAndLeavesSignedOffOnesAsSigned(@Autowired UnitWriter units) {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		// income 40 million đồng: above the Bắc Trung Bộ threshold (36), below the Đồng bằng sông Hồng one (50)
		long signed = rounds.draft(officer, commune, SET, LocalDate.of(2023, 3, 31), Set.of());
		long open = rounds.draft(officer, commune, SET, LocalDate.of(2023, 9, 30), Set.of());
		for (long id : List.of(signed, open)) {
			rounds.as(officer, () -> run(() -> assessments.saveValues(id, Map.of("10", new ValueInput.Raw("40", "Báo cáo thống kê")),
					assessments.round(id).version())));
		}
		rounds.as(officer, () -> run(() -> assessments.submit(signed, assessments.round(signed).version())));
		rounds.as(office, () -> run(() -> assessments.verify(signed, assessments.round(signed).version())));
		assertThat(rounds.as(officer, () -> assessments.round(open)).score()).isEqualTo("19/19");

		units.classify(commune, new Classification(Region.DBSH, null, false, false), LocalDate.of(2023, 1, 1));

		AssessmentRound reevaluated = rounds.as(officer, () -> assessments.round(open));
		assertThat(reevaluated.score()).isEqualTo("18/19");
		assertThat(reevaluated.scoreWithProvisional()).startsWith("18/19 (");
		assertThat(rounds.as(officer, () -> assessments.view(open)).evaluation().criteria())
			.filteredOn(c -> c.number() == 10).singleElement().satisfies(c -> assertThat(c.achieved()).isFalse());
		assertThat(rounds.as(officer, () -> assessments.round(signed)).score()).as("a signed-off round keeps what was signed")
			.isEqualTo("19/19");
		// the page, the stored totals and the overview agree on the open round
		assertThat(overviewRow(office, commune, LocalDate.of(2023, 12, 31), false).score()).isEqualTo(reevaluated.scoreWithProvisional());
		assertThat(reevaluated.lostCriteria()).isEqualTo("10");
	}

	@Test
	void savingAValueTakesAtMostFiveRoundTrips(@Autowired StatementCounter counter) {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		long id = rounds.draft(officer, commune, SET, LocalDate.of(2024, 1, 31), Set.of());
		int version = rounds.as(officer, () -> assessments.round(id).version());

		var counted = rounds.as(officer, () -> counter.count(() -> {
			assessments.saveValues(id, Map.of("10", new ValueInput.Raw("40", "Báo cáo thống kê")), version);
			return null;
		}));

		assertThat(counted.statements()).as(String.join("\n", counted.statements())).hasSizeLessThanOrEqualTo(5)
			.anySatisfy(sql -> assertThat(sql).contains("update assessment_round"));
		System.out.println("A value save sent " + counted.statements().size() + " statements:\n" + String.join("\n", counted.statements()));
		assertThat(rounds.as(officer, () -> assessments.round(id)).version()).isEqualTo(version + 1);
	}

	@Test
	void theOverviewAnswerIsStoredByItsTagAndReadAgainAfterAnyWrite(@Autowired StatementCounter counter,
			@Autowired tools.jackson.databind.json.JsonMapper json) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		long id = rounds.draft(officer, commune, SET, LocalDate.of(2024, 2, 29), Set.of());
		String url = "/api/assessments/overview?unit=38&set=" + SET + "&asOf=2024-02-29&signedOff=false";

		var first = counter.count(() -> body(url, office));
		var second = counter.count(() -> body(url, office));
		assertThat(first.statements()).anySatisfy(sql -> assertThat(sql).contains("units_v_line"));
		assertThat(second.statements()).as("the same tag: the stored answer, no rows read")
			.noneSatisfy(sql -> assertThat(sql).contains("units_v_line"));
		assertThat(second.result()).isEqualTo(first.result());
		int before = achieved(json, first.result(), commune);

		// a write anywhere makes a new tag: the next answer reads the rows again and shows it
		int version = rounds.as(officer, () -> assessments.round(id).version());
		rounds.as(officer, () -> run(() -> assessments.saveValues(id, Map.of("10", new ValueInput.Raw("1", null)), version)));
		var third = counter.count(() -> body(url, office));
		assertThat(third.statements()).anySatisfy(sql -> assertThat(sql).contains("units_v_line"));
		assertThat(achieved(json, third.result(), commune)).isEqualTo(before - 1);
	}

	/**
	 * The overview's tag follows committed writes exactly, also when a transaction that started earlier commits after
	 * a later one (its rows carry its start time: the former max(updated_at) stamp did not move). A rolled-back write
	 * leaves the tag as it was. Two connections of their own, on rounds of a commune of this test.
	 */
	@Test
	void theOverviewTagFollowsEveryCommittedWriteInCommitOrder(@Autowired javax.sql.DataSource dataSource,
			@Autowired AssessmentOverview overviews) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		long early = rounds.draft(officer, commune, SET, LocalDate.of(2024, 3, 30), Set.of());
		long late = rounds.draft(officer, commune, SET, LocalDate.of(2024, 3, 31), Set.of());
		String office = fixtures.user(Role.COORDINATION, "38");
		var scope = rounds.as(office, () -> overviews.scope("38", SET, LocalDate.of(2024, 3, 31), false));
		java.util.function.Supplier<String> tag = () -> overviews.etag(scope, "reader");
		String before = tag.get();
		try (var first = dataSource.getConnection(); var second = dataSource.getConnection()) {
			first.setAutoCommit(false);
			second.setAutoCommit(false);
			first.createStatement().executeUpdate("update assessment_round set updated_at = now() where id = " + early);
			second.createStatement().executeUpdate("update assessment_round set updated_at = now() where id = " + late);
			assertThat(tag.get()).as("nothing committed yet").isEqualTo(before);
			second.commit();
			String afterSecond = tag.get();
			assertThat(afterSecond).isNotEqualTo(before);
			first.commit();
			assertThat(tag.get()).as("the earlier transaction committed last").isNotEqualTo(afterSecond);
			String committed = tag.get();
			first.createStatement().executeUpdate("update assessment_round set updated_at = now() where id = " + early);
			first.rollback();
			assertThat(tag.get()).as("rolled back").isEqualTo(committed);
		}
	}

	/** A client that accepts gzip gets the stored answer compressed (the same JSON once unpacked); others get it plain. */
	@Test
	void theOverviewIsSentGzipCompressedToClientsThatAcceptIt() throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		rounds.draft(officer, commune, SET, LocalDate.of(2024, 2, 28), Set.of());
		String url = "/api/assessments/overview?unit=38&set=" + SET + "&asOf=2024-02-28&signedOff=false";
		String plain = body(url, office);
		for (String accepted : List.of("gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.5")) {
			var response = mvc.perform(get(url).with(httpBasic(office, Fixtures.PASSWORD)).header("Accept-Encoding", accepted))
				.andExpect(status().isOk()).andReturn().getResponse();
			assertThat(response.getHeader("Content-Encoding")).as(accepted).isEqualTo("gzip");
			assertThat(response.getHeader("Vary")).contains("Accept-Encoding");
			byte[] compressed = response.getContentAsByteArray();
			assertThat(compressed.length).isLessThan(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
			try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
				assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
			}
		}
		for (String refused : List.of("identity", "gzip;q=0", "deflate")) {
			var response = mvc.perform(get(url).with(httpBasic(office, Fixtures.PASSWORD)).header("Accept-Encoding", refused))
				.andExpect(status().isOk()).andReturn().getResponse();
			assertThat(response.getHeader("Content-Encoding")).as(refused).isNull();
			assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
		}
	}

	private String body(String url, String user) {
		try {
			return mvc.perform(get(url).with(httpBasic(user, Fixtures.PASSWORD))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int achieved(tools.jackson.databind.json.JsonMapper json, String overview, String commune) {
		for (tools.jackson.databind.JsonNode row : json.readTree(overview).get("rows")) {
			if (row.get("unitCode").asString().equals(commune)) {
				return row.get("achieved").asInt();
			}
		}
		throw new AssertionError(commune + " not in the overview");
	}

	private AssessmentOverview.Row overviewRow(String user, String commune, LocalDate asOf, boolean signedOffOnly) {
		List<AssessmentOverview.Row> found = new ArrayList<>();
		rounds.as(user, () -> {
			overview.forEach(overview.scope("38", SET, asOf, signedOffOnly), row -> {
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
