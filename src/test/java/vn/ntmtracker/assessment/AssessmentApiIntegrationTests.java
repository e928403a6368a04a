package vn.ntmtracker.assessment;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AssessmentApiIntegrationTests {

	static final String PASSWORD = "ntm-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	/**
	 * The demo rounds, each found by its date: other tests may add rounds to the same communes, so the newest round
	 * of a unit is not what this test asserts on.
	 */
	@Test
	void demoStoriesReadCorrectlyInTheApi() throws Exception {
		JsonNode camThach = round("TH-CAMTHACH", "camthach", "2021-12-31");
		assertThat(camThach.get("setCode").asString()).isEqualTo("QD1980-2016-XA-NTM");
		assertThat(camThach.get("score").asString()).isEqualTo("16/19");
		assertThat(camThach.get("status").asString()).isEqualTo("APPRAISED");
		assertThat(camThach.get("gainedCriteria").get(0).asInt()).isEqualTo(18);
		JsonNode banBo = round("LC-BANBO", "banbo", "2023-03-31");
		assertThat(banBo.get("score").asString()).isEqualTo("9/19");
		JsonNode evaluation = body(mvc.perform(get("/api/assessments/" + banBo.get("id").asLong() + "/evaluation")
			.with(httpBasic("banbo", PASSWORD))));
		assertThat(evaluation.get("evaluation").get("criteria")).filteredOn(c -> !c.get("status").asString().equals("DAT"))
			.extracting(c -> c.get("number").asInt()).containsExactly(1, 2, 5, 6, 10, 11, 14, 17, 18, 19);
		assertThat(round("HT-CAMQUANG", "camquang", "2024-03-12").get("score").asString()).isEqualTo("3/20");
		JsonNode camLuong = round("TH-CAMLUONG", "camluong", "2023-04-15");
		assertThat(camLuong.get("score").asString()).isEqualTo("17/19");
		assertThat(camLuong.get("recognised").asBoolean()).isTrue();
		assertThat(camLuong.get("lostCriteria")).extracting(JsonNode::asInt).containsExactly(9, 17);
	}

	/** The one round of a unit dated {@code asOf}, as its officer reads it. */
	private JsonNode round(String unit, String username, String asOf) throws Exception {
		JsonNode rounds = body(mvc.perform(get("/api/units/" + unit + "/assessments").with(httpBasic(username, PASSWORD)))
			.andExpect(status().isOk()));
		List<JsonNode> dated = new ArrayList<>();
		rounds.forEach(round -> {
			if (round.get("asOf").asString().equals(asOf)) {
				dated.add(round);
			}
		});
		assertThat(dated).as("rounds of " + unit + " on " + asOf).hasSize(1);
		return dated.get(0);
	}

	@Test
	void outsidersCannotReadOrWriteRounds() throws Exception {
		mvc.perform(get("/api/units/HT-CAMLINH/assessments").with(httpBasic("camquang", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/units/HT-CAMLINH/assessments")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/units/HT-CAMLINH/assessments").with(httpBasic("vpdp-hatinh", PASSWORD))).andExpect(status().isOk());
		long camLinhRound = body(mvc.perform(get("/api/units/HT-CAMLINH/assessments").with(httpBasic("camlinh", PASSWORD)))).get(0).get("id").asLong();
		mvc.perform(get("/api/assessments/" + camLinhRound + "/evaluation").with(httpBasic("camquang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(put("/api/assessments/" + camLinhRound + "/values").with(httpBasic("lanhdao-hatinh", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"values\":{\"1.1\":\"Đạt\"}}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/units/HT-CAMLINH/assessments").with(httpBasic("camquang", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"HT-2022-XA-NTM-NC\",\"asOf\":\"2024-06-30\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void badValuesAreRefusedByIndicatorAndNothingIsSaved() throws Exception {
		JsonNode round = body(mvc.perform(post("/api/units/TH-CAMLUONG/assessments").with(httpBasic("camluong", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"2024-06-30\",\"kind\":\"SELF\",\"values\":{\"1.1\":\"Đạt\"}}"))
			.andExpect(status().isCreated()));
		long id = round.get("id").asLong();
		int version = round.get("version").asInt();
		mvc.perform(put("/api/assessments/" + id + "/values").with(httpBasic("camluong", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + ",\"values\":{\"2.2\":\"101\",\"1.2\":\"chắc là có\",\"1.1\":\"Không đạt\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[?(@.code == '2.2')].message").exists())
			.andExpect(jsonPath("$.problems[?(@.code == '1.2')].message").exists());
		mvc.perform(get("/api/assessments/" + id).with(httpBasic("camluong", PASSWORD)))
			.andExpect(jsonPath("$.version").value(version));
		JsonNode evaluation = body(mvc.perform(get("/api/assessments/" + id + "/evaluation").with(httpBasic("camluong", PASSWORD))));
		assertThat(evaluation.get("evaluation").get("criteria").get(0).get("indicators").get(0).get("status").asString()).isEqualTo("ACHIEVED");

		mvc.perform(put("/api/assessments/" + id + "/values").with(httpBasic("camluong", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 7) + ",\"values\":{\"1.1\":\"Không đạt\"}}"))
			.andExpect(status().isConflict());
	}

	@Test
	void aRoundWhoseFirstValuesAreRefusedIsNotCreated(@Autowired Fixtures fixtures) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(post("/api/units/" + commune + "/assessments").with(httpBasic(officer, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"2024-06-30\",\"values\":{\"1.1\":\"Đạt\",\"2.2\":\"101\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[?(@.code == '2.2')].message").exists());
		mvc.perform(get("/api/units/" + commune + "/assessments").with(httpBasic(officer, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void aSetMustApplyToTheUnitsLevelAndProvince() throws Exception {
		mvc.perform(post("/api/units/TH-CAMLUONG-LUONGNGOC/assessments").with(httpBasic("camluong", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"2024-06-30\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("không áp dụng")));
		mvc.perform(post("/api/units/TH-CAMLUONG/assessments").with(httpBasic("camluong", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"HT-2022-XA-NTM-NC\",\"asOf\":\"2024-06-30\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Hà Tĩnh")));
	}

	@Test
	void signOffNeedsTheLevelAboveAReasonToReturnAndLocksTheRound(@Autowired Fixtures fixtures) throws Exception {
		// a commune of Hà Tĩnh of its own (the demo communes keep their stories), its officer; the province's office
		// and leader sign off as in the demo
		String commune = fixtures.commune("42", "BTB", 1);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		JsonNode round = body(mvc.perform(post("/api/units/" + commune + "/assessments").with(httpBasic(officer, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"HT-2022-XA-NTM-NC\",\"asOf\":\"2024-09-30\",\"values\":{\"1.1\":\"Đạt\"}}"))
			.andExpect(status().isCreated()));
		long id = round.get("id").asLong();
		action(id, "submit", officer, round.get("version").asInt(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		int version = currentVersion(id);
		action(id, "verify", officer, version, null).andExpect(status().isForbidden());
		action(id, "return", "vpdp-hatinh", version, " ").andExpect(status().isUnprocessableContent());
		action(id, "return", "vpdp-hatinh", version, "Thiếu minh chứng").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED")).andExpect(jsonPath("$.returnReason").value("Thiếu minh chứng"));
		version = currentVersion(id);
		version = body(action(id, "submit", officer, version, null)).get("version").asInt();
		version = body(action(id, "verify", "vpdp-hatinh", version, null).andExpect(jsonPath("$.status").value("VERIFIED"))).get("version").asInt();
		mvc.perform(put("/api/assessments/" + id + "/values").with(httpBasic(officer, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + ",\"values\":{\"1.1\":\"Không đạt\"}}"))
			.andExpect(status().isUnprocessableContent());
		action(id, "appraise", "lanhdao-hatinh", version, null).andExpect(status().isForbidden());
		action(id, "appraise", "vpdp-hatinh", version, null).andExpect(jsonPath("$.status").value("APPRAISED"));
	}

	@Test
	void aSectorDepartmentEntersOnlyItsCriteria(@Autowired Fixtures fixtures) throws Exception {
		String commune = fixtures.commune("42", "BTB", 1);
		JsonNode round = body(mvc.perform(post("/api/units/" + commune + "/assessments").with(httpBasic("vpdp-hatinh", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"HT-2022-XA-NTM-NC\",\"asOf\":\"2024-10-31\"}")));
		long id = round.get("id").asLong();
		int version = round.get("version").asInt();
		mvc.perform(put("/api/assessments/" + id + "/values").with(httpBasic("so-nnmt-hatinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + ",\"values\":{\"1.1\":\"Đạt\"}}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/assessments/" + id + "/values").with(httpBasic("so-nnmt-hatinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + ",\"values\":{\"17.1\":\"Đạt\"}}")).andExpect(status().isOk());
	}

	@Test
	void aRoundOpenedFromAnotherCopiesItsValuesAndShowsWhatChanged(@Autowired Assessments assessments,
			@Autowired Fixtures fixtures, @Autowired TestRounds rounds) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		long source = rounds.draft(officer, commune, "QD318-2022-XA-NTM", java.time.LocalDate.of(2023, 6, 30), java.util.Set.of());
		JsonNode round = body(mvc.perform(post("/api/units/" + commune + "/assessments").with(httpBasic(officer, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"2023-12-31\",\"fromRoundId\":" + source + "}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.score").value("19/19")));
		long id = round.get("id").asLong();
		mvc.perform(put("/api/assessments/" + id + "/values").with(httpBasic(officer, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + round.get("version").asInt() + ",\"values\":{\"1.1\":\"Không đạt\"}}"))
			.andExpect(jsonPath("$.score").value("18/19"));
		assertThat(rounds.as(officer, () -> assessments.view(id).changedSinceSource())).singleElement()
			.isEqualTo(new Assessments.ValueChange("1.1", "Đạt", "Không đạt"));
	}

	private ResultActions action(long id, String action, String user, int version, String reason) throws Exception {
		String body = reason == null ? "{\"version\":" + version + "}" : "{\"version\":" + version + ",\"reason\":\"" + reason + "\"}";
		return mvc.perform(post("/api/assessments/" + id + "/" + action).with(httpBasic(user, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private int currentVersion(long id) throws Exception {
		return body(mvc.perform(get("/api/assessments/" + id).with(httpBasic("admin", PASSWORD)))).get("version").asInt();
	}

	private JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
