package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.security.Role;

/**
 * A commune of this test's own runs its recognition dossier through the API from the signed-off round to the decision,
 * every step with what its procedure (QĐ 18/2022, 2021–2025) needs; the recognition then appears in the unit's history.
 * Around it: a round with an unmet criterion cannot open a dossier, satisfaction below the threshold blocks the survey
 * step with the rate shown, a stale version is refused, an outsider sees nothing, every write is audited.
 */
@IntegrationTest
class DossierApiIntegrationTests {

	static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestDossiers testDossiers;

	@Autowired
	TestRounds rounds;

	@Autowired
	Assessments assessments;

	@Autowired
	JdbcClient jdbc;

	record World(String commune, String officer, String office, String village) {
	}

	World world() {
		String commune = fixtures.commune("38", "BTB", 2);
		return new World(commune, fixtures.user(Role.COMMUNE_OFFICER, commune), fixtures.user(Role.COORDINATION, "38"),
				fixtures.user(Role.VILLAGE_BOARD, commune + "-T1"));
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return request.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		String text = response.getContentAsString();
		return text.isEmpty() ? null : json.readTree(text);
	}

	JsonNode dossier(String user, long id) throws Exception {
		return call(get("/api/dossiers/" + id).with(httpBasic(user, Fixtures.PASSWORD)), 200);
	}

	int version(String user, long id) throws Exception {
		return dossier(user, id).get("version").asInt();
	}

	void attach(String user, long id, String step) throws Exception {
		JsonNode steps = dossier(user, id).get("steps");
		for (JsonNode s : steps) {
			if (!s.get("code").asString().equals(step)) {
				continue;
			}
			for (JsonNode d : s.get("documents")) {
				if (d.get("required").asBoolean()) {
					call(multipart("/api/dossiers/" + id + "/documents").file(new MockMultipartFile("file", d.get("kind").asString() + ".pdf",
							"application/pdf", DossiersDemoData.placeholderPdf(d.get("kind").asString(), "1")))
						.param("step", step).param("kind", d.get("kind").asString()).param("number", "12/BC").param("issuedOn", "2024-07-01")
						.with(httpBasic(user, Fixtures.PASSWORD)), 200);
				}
			}
		}
	}

	JsonNode complete(String user, long id, String step, String on, String extra) throws Exception {
		return call(json(post("/api/dossiers/" + id + "/steps/" + step + "/complete"), user, "{\"version\":" + version(user, id)
				+ ",\"on\":\"" + on + "\"" + (extra == null ? "" : "," + extra) + "}"), 200);
	}

	long open(World w, long round) throws Exception {
		return call(json(post("/api/dossiers"), w.officer(), "{\"unitCode\":\"" + w.commune() + "\",\"roundId\":" + round
				+ ",\"targetYear\":2024,\"openedOn\":\"2024-07-01\"}"), 201).get("id").asLong();
	}

	@Test
	void aCommuneRunsItsDossierFromTheRoundToTheRecognitionDecision() throws Exception {
		World w = world();
		long round = testDossiers.signedRound(w.officer(), w.office(), w.commune(), TestDossiers.SET, AS_OF, Set.of());
		long id = open(w, round);
		JsonNode opened = dossier(w.officer(), id);
		assertThat(opened.get("procedure").asString()).isEqualTo("QD18-2022-XA v1");
		assertThat(opened.get("state").asString()).isEqualTo("IN_PREPARATION");
		assertThat(opened.get("currentStep").asString()).isEqualTo("SELF_REPORT");

		// the commune: report, consultation, posting with readings and an answered comment
		attach(w.officer(), id, "SELF_REPORT");
		complete(w.officer(), id, "SELF_REPORT", "2024-07-02", null);
		complete(w.officer(), id, "CONSULTATION", "2024-07-03", null);
		call(json(put("/api/dossiers/" + id + "/posting"), w.officer(), "{\"version\":" + version(w.officer(), id)
				+ ",\"places\":\"Trụ sở UBND xã, nhà văn hóa 2 thôn\",\"from\":\"2024-07-04\",\"to\":\"2024-07-18\"}"), 200);
		for (String day : List.of("04", "07", "10", "13")) {
			call(json(post("/api/dossiers/" + id + "/readings"), w.officer(), "{\"on\":\"2024-07-" + day + "\"}"), 200);
		}
		long comment = call(json(post("/api/dossiers/" + id + "/comments"), w.officer(),
				"{\"receivedOn\":\"2024-07-08\",\"author\":\"Hội Phụ nữ xã\",\"text\":\"Đề nghị làm rõ tiêu chí 17\"}"), 200).get("id").asLong();
		JsonNode refused = call(json(post("/api/dossiers/" + id + "/steps/PUBLIC_POSTING/complete"), w.officer(),
				"{\"version\":" + version(w.officer(), id) + ",\"on\":\"2024-07-19\"}"), 422);
		assertThat(refused.get("errors").toString()).contains("4 lần", "ít nhất 5 lần", "1 ý kiến chưa được trả lời");
		call(json(post("/api/dossiers/" + id + "/readings"), w.officer(), "{\"on\":\"2024-07-16\"}"), 200);
		call(json(post("/api/dossiers/" + id + "/comments/" + comment + "/answer"), w.officer(),
				"{\"version\":0,\"answer\":\"Đã bổ sung số liệu thu gom rác\",\"on\":\"2024-07-09\"}"), 200);
		complete(w.officer(), id, "PUBLIC_POSTING", "2024-07-19", null);

		// the MTTQ of village 1 enters its ballots; the commune the other village's; households given a ballot
		for (int h = 1; h <= 10; h++) {
			String village = h <= 5 ? w.commune() + "-T1" : w.commune() + "-T2";
			String user = h <= 5 ? w.village() : w.officer();
			call(json(post("/api/dossiers/" + id + "/ballots"), user, "{\"villageCode\":\"" + village + "\",\"householdRef\":\"H" + h
					+ "\",\"answers\":" + allAnswers(true) + ",\"overall\":true}"), 201);
		}
		call(json(post("/api/dossiers/" + id + "/ballots"), w.village(), "{\"villageCode\":\"" + w.commune() + "-T2\",\"householdRef\":\"H99\""
				+ ",\"answers\":" + allAnswers(true) + ",\"overall\":true}"), 403);
		call(json(put("/api/dossiers/" + id + "/survey/households"), w.officer(), "{\"" + w.commune() + "-T1\":6,\"" + w.commune()
				+ "-T2\":6}"), 200);
		JsonNode survey = call(get("/api/dossiers/" + id + "/survey").with(httpBasic(w.office(), Fixtures.PASSWORD)), 200);
		assertThat(survey.get("overall").get("percent").decimalValue()).isEqualByComparingTo("100");
		assertThat(survey.get("participation").decimalValue()).isEqualByComparingTo("83.3");
		assertThat(survey.get("met").asBoolean()).isTrue();
		attach(w.officer(), id, "SATISFACTION_SURVEY");
		complete(w.officer(), id, "SATISFACTION_SURVEY", "2024-07-20", null);
		attach(w.officer(), id, "COMMENTS_SUMMARY");
		complete(w.officer(), id, "COMMENTS_SUMMARY", "2024-07-21", null);
		attach(w.officer(), id, "COMMUNE_MEETING");
		JsonNode shortVote = call(json(post("/api/dossiers/" + id + "/steps/COMMUNE_MEETING/complete"), w.officer(), "{\"version\":"
				+ version(w.officer(), id) + ",\"on\":\"2024-07-22\",\"meeting\":{\"heldOn\":\"2024-07-22\",\"invited\":30,\"present\":30,"
				+ "\"votesFor\":26,\"votesAgainst\":4}}"), 422);
		assertThat(shortVote.get("message").asString()).contains("26/30", "86,7 %", "90 %");
		complete(w.officer(), id, "COMMUNE_MEETING", "2024-07-22",
				"\"meeting\":{\"heldOn\":\"2024-07-22\",\"invited\":30,\"present\":29,\"votesFor\":29,\"votesAgainst\":0}");
		attach(w.officer(), id, "SUBMISSION");
		JsonNode submitted = complete(w.officer(), id, "SUBMISSION", "2024-07-23", null);
		assertThat(submitted.get("state").asString()).isEqualTo("UNDER_APPRAISAL");
		long dossierRound = dossier(w.office(), id).get("appraisalRoundId").asLong();
		assertThat(rounds.as(w.office(), () -> assessments.round(dossierRound)).status().name()).isEqualTo("SUBMITTED");

		// the commune may not act for the level above
		call(json(post("/api/dossiers/" + id + "/steps/DISTRICT_VERIFICATION/complete"), w.officer(), "{\"version\":"
				+ version(w.officer(), id) + ",\"on\":\"2024-08-01\"}"), 403);
		// the level above: verification on the dossier's own round, notice, submission to the province, appraisal
		attach(w.office(), id, "DISTRICT_VERIFICATION");
		JsonNode notSigned = call(json(post("/api/dossiers/" + id + "/steps/DISTRICT_VERIFICATION/complete"), w.office(), "{\"version\":"
				+ version(w.office(), id) + ",\"on\":\"2024-08-01\"}"), 422);
		assertThat(notSigned.get("message").asString()).contains("Đã thẩm tra", "Đã nộp");
		rounds.as(w.office(), () -> run(() -> assessments.verify(dossierRound, assessments.round(dossierRound).version())));
		complete(w.office(), id, "DISTRICT_VERIFICATION", "2024-08-01", null);
		complete(w.office(), id, "DISTRICT_NOTICE", "2024-08-02", null);
		attach(w.office(), id, "PROVINCE_SUBMISSION");
		complete(w.office(), id, "PROVINCE_SUBMISSION", "2024-08-03", null);
		rounds.as(w.office(), () -> run(() -> assessments.appraise(dossierRound, assessments.round(dossierRound).version())));
		attach(w.office(), id, "PROVINCE_APPRAISAL");
		complete(w.office(), id, "PROVINCE_APPRAISAL", "2024-08-10", null);
		attach(w.office(), id, "COUNCIL_VOTE");
		complete(w.office(), id, "COUNCIL_VOTE", "2024-08-15",
				"\"council\":{\"heldOn\":\"2024-08-15\",\"members\":\"PCT UBND tỉnh; GĐ Sở NN&PTNT; 8 sở\",\"memberCount\":10,\"votesFor\":10}");
		attach(w.office(), id, "DECISION");
		JsonNode decided = complete(w.office(), id, "DECISION", "2024-08-20",
				"\"decision\":{\"number\":\"2222/QĐ-UBND\",\"decidedOn\":\"2024-08-20\",\"signer\":\"Chủ tịch UBND tỉnh\",\"effectiveOn\":\"2024-08-21\"}");
		assertThat(decided.get("state").asString()).isEqualTo("DECIDED");
		complete(w.office(), id, "ANNOUNCEMENT", "2024-08-25", null);

		JsonNode history = call(get("/api/units/" + w.commune() + "/recognitions").with(httpBasic(w.officer(), Fixtures.PASSWORD)), 200);
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("level").asString()).isEqualTo("XA_NTM");
		assertThat(history.get(0).get("setCode").asString()).isEqualTo(TestDossiers.SET);
		assertThat(history.get(0).get("since").asString()).isEqualTo("2024-08-21");
		assertThat(history.get(0).get("until").isNull()).isTrue();
		assertThat(history.get(0).get("decisionNumber").asString()).isEqualTo("2222/QĐ-UBND");
		assertThat(history.get(0).get("decisionDate").asString()).isEqualTo("2024-08-20");
		JsonNode done = dossier(w.officer(), id);
		assertThat(done.get("steps")).allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("DONE"));
		assertThat(done.get("checklist")).allSatisfy(c -> assertThat(c.get("status").asString()).isEqualTo("MET"));
		assertThat(call(get("/api/dossiers?unit=" + w.commune() + "&state=DECIDED").with(httpBasic(w.office(), Fixtures.PASSWORD)), 200))
			.hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type like 'dossier%' and unit_code = :u").param("u", w.commune())
			.query(Long.class).single()).isGreaterThanOrEqualTo(14);
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'recognition' and unit_code = :u").param("u", w.commune())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRoundWithAnUnmetCriterionCannotOpenADossierAndTheRefusalNamesIt() throws Exception {
		World w = world();
		long round = testDossiers.signedRound(w.officer(), w.office(), w.commune(), TestDossiers.SET, AS_OF, Set.of(9, 17));
		JsonNode refused = call(json(post("/api/dossiers"), w.officer(), "{\"unitCode\":\"" + w.commune() + "\",\"roundId\":" + round
				+ ",\"openedOn\":\"2024-07-01\"}"), 422);
		assertThat(refused.get("message").asString()).contains("17/19", "9 (", "17 (");
		long draft = rounds.draft(w.officer(), w.commune(), TestDossiers.SET, LocalDate.of(2024, 6, 1), Set.of());
		JsonNode notSigned = call(json(post("/api/dossiers"), w.officer(), "{\"unitCode\":\"" + w.commune() + "\",\"roundId\":" + draft
				+ ",\"openedOn\":\"2024-07-01\"}"), 422);
		assertThat(notSigned.get("message").asString()).contains("Đang nhập", "thẩm tra hoặc thẩm định");
		assertThat(jdbc.sql("select count(*) from dossier where unit_code = :u").param("u", w.commune()).query(Long.class).single()).isZero();
	}

	@Test
	void satisfactionBelowTheThresholdBlocksTheSurveyStepWithTheRateShown() throws Exception {
		World w = world();
		long round = testDossiers.signedRound(w.officer(), w.office(), w.commune(), TestDossiers.SET, AS_OF, Set.of());
		long id = open(w, round);
		LocalDate day = LocalDate.of(2024, 7, 2);
		testDossiers.attachAll(w.officer(), id, "SELF_REPORT", day);
		testDossiers.complete(w.officer(), id, "SELF_REPORT", day, null);
		testDossiers.complete(w.officer(), id, "CONSULTATION", day, null);
		testDossiers.posting(w.officer(), id, LocalDate.of(2024, 7, 3));
		testDossiers.complete(w.officer(), id, "PUBLIC_POSTING", LocalDate.of(2024, 7, 18), null);
		testDossiers.ballots(w.officer(), id, 10, 5);
		testDossiers.attachAll(w.officer(), id, "SATISFACTION_SURVEY", LocalDate.of(2024, 7, 19));
		JsonNode refused = call(json(post("/api/dossiers/" + id + "/steps/SATISFACTION_SURVEY/complete"), w.officer(),
				"{\"version\":" + testDossiers.version(id) + ",\"on\":\"2024-07-19\"}"), 422);
		assertThat(refused.get("message").asString()).contains("Tỷ lệ hài lòng chung 75 %", "15/20", "từ 80 %");
		assertThat(testDossiers.currentStep(w.officer(), id)).isEqualTo("SATISFACTION_SURVEY");
		// the check list says the same with its evidence
		JsonNode check = null;
		for (JsonNode c : dossier(w.officer(), id).get("checklist")) {
			if (c.get("code").asString().equals("SATISFACTION")) {
				check = c;
			}
		}
		assertThat(check.get("status").asString()).isEqualTo("NOT_MET");
		assertThat(check.get("evidence").asString()).contains("75 %");
	}

	@Test
	void aStaleVersionIsRefusedAndAnOutsiderSeesNothing() throws Exception {
		World w = world();
		long round = testDossiers.signedRound(w.officer(), w.office(), w.commune(), TestDossiers.SET, AS_OF, Set.of());
		long id = open(w, round);
		testDossiers.attachAll(w.officer(), id, "SELF_REPORT", LocalDate.of(2024, 7, 2));
		int stale = testDossiers.version(id);
		testDossiers.complete(w.officer(), id, "SELF_REPORT", LocalDate.of(2024, 7, 2), null);
		JsonNode conflict = call(json(post("/api/dossiers/" + id + "/steps/CONSULTATION/complete"), w.officer(),
				"{\"version\":" + stale + ",\"on\":\"2024-07-03\"}"), 409);
		assertThat(conflict.get("message").asString()).contains("tải lại");
		String outsider = fixtures.user(Role.COORDINATION, "42");
		call(get("/api/dossiers/" + id).with(httpBasic(outsider, Fixtures.PASSWORD)), 404);
		call(json(post("/api/dossiers/" + id + "/readings"), outsider, "{\"on\":\"2024-07-03\"}"), 404);
		assertThat(call(get("/api/dossiers").with(httpBasic(outsider, Fixtures.PASSWORD)), 200).toString()).doesNotContain(w.commune());
		call(get("/api/units/" + w.commune() + "/recognitions").with(httpBasic(outsider, Fixtures.PASSWORD)), 403);
		JsonNode badFile = call(multipart("/api/dossiers/" + id + "/documents").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
				"not a pdf".getBytes())).param("step", "CONSULTATION").param("kind", "VAN_BAN_XIN_Y_KIEN")
			.with(httpBasic(w.officer(), Fixtures.PASSWORD)), 422);
		assertThat(badFile.get("message").asString()).contains("PDF");
	}

	String allAnswers(boolean satisfied) {
		StringBuilder answers = new StringBuilder("{");
		for (int i = 1; i <= 19; i++) {
			answers.append(i > 1 ? "," : "").append("\"").append(i).append("\":").append(satisfied);
		}
		return answers.append("}").toString();
	}

	private static Object run(Runnable work) {
		work.run();
		return null;
	}
}
