package vn.ntmtracker.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;

/** "Tính từ sổ hộ": an indicator bound to a register takes its value and evidence from it, through the assessment module. */
@IntegrationTest
class IndicatorFromRegisterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	long camLinhRound() {
		return jdbc.sql("select id from assessment_round where unit_code = 'HT-CAMLINH' and set_code = 'HT-2022-XA-NTM-NC' and as_of = '2023-06-30'")
			.query(Long.class).single();
	}

	@Test
	void camLinhsPovertyIndicatorComputedFromItsRegisterGivesTheStoredValueWithItsEvidence() throws Exception {
		long round = camLinhRound();
		for (String reader : new String[] { "camlinh", "vpdp-hatinh" }) {
			mvc.perform(get("/api/assessments/" + round + "/values/11.1/from-register").with(httpBasic(reader, Fixtures.PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rule").value("POVERTY_RATE"))
				.andExpect(jsonPath("$.numerator").value(18)).andExpect(jsonPath("$.denominator").value(1200))
				.andExpect(jsonPath("$.figure").value(1.5))
				.andExpect(jsonPath("$.judgedByAssessor").value(true))
				.andExpect(jsonPath("$.storedValue").value("Đạt"))
				.andExpect(jsonPath("$.evidence").value(Matchers.startsWith(
						"Tính từ sổ hộ năm 2023 (các thôn của đơn vị ngày 30/6/2023): hộ nghèo ÷ tổng số hộ = 18 ÷ 1.200 = 1,5 %.")))
				.andExpect(jsonPath("$.current").value(true));
		}
		JsonNode stored = json.readTree(mvc.perform(get("/api/assessments/" + round + "/values/11.1/from-register")
			.with(httpBasic("camlinh", Fixtures.PASSWORD))).andReturn().getResponse().getContentAsString());
		assertThat(stored.get("storedEvidence").asString()).isEqualTo(stored.get("evidence").asString());
		mvc.perform(get("/api/assessments/" + round + "/values/20.1/from-register").with(httpBasic("camlinh", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.storedValue").value("Không đạt"))
			.andExpect(jsonPath("$.evidence").value(Matchers.containsString("= 4 ÷ 6 = 66,67 %. Đã có: Thôn 2, Thôn 3, Thôn 4, Thôn 5; chưa có: Thôn 1, Thôn 6.")));
		mvc.perform(get("/api/units/HT-CAMLINH/households/summary").param("year", "2023").with(httpBasic("camlinh", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.households").value(1200)).andExpect(jsonPath("$.poor").value(18)).andExpect(jsonPath("$.povertyRate").value(1.5));
	}

	/** A commune of Hà Tĩnh the test owns, its officer, five households reviewed for 2024 (1 poor; 18 of 20 insured). */
	String[] communeWithHouseholds() throws Exception {
		String commune = fixtures.commune("42", "BTB", 2);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(multipart("/api/units/" + commune + "/households/import").file(new MockMultipartFile("file", "x.xlsx", null,
				Sheets.households(commune, 2024,
						Sheets.row(commune + "-T1", "T1-001", null, "4", "4", "Nghèo"),
						Sheets.row(commune + "-T1", "T1-002", null, "3", "2", "Cận nghèo"),
						Sheets.row(commune + "-T1", "T1-003", null, "5", "5", "Không"),
						Sheets.row(commune + "-T2", "T2-001", null, "2", "2", "Không"),
						Sheets.row(commune + "-T2", "T2-002", null, "6", "5", "Không"))))
				.param("year", "2024").with(httpBasic(officer, Fixtures.PASSWORD)))
			.andExpect(status().isOk());
		return new String[] { commune, officer };
	}

	JsonNode open(String commune, String officer, String set) throws Exception {
		return json.readTree(mvc.perform(post("/api/units/" + commune + "/assessments").with(httpBasic(officer, Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"" + set + "\",\"asOf\":\"2024-12-31\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
	}

	int version(long round, String user) throws Exception {
		return json.readTree(mvc.perform(get("/api/assessments/" + round).with(httpBasic(user, Fixtures.PASSWORD)))
			.andReturn().getResponse().getContentAsString()).get("version").asInt();
	}

	ResultActions fill(long round, String indicator, String user, String body) throws Exception {
		return mvc.perform(post("/api/assessments/" + round + "/values/" + indicator + "/from-register").with(httpBasic(user, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aPercentIndicatorTakesTheRateAndTheOfficerMayOverrideItWithAReason() throws Exception {
		String[] c = communeWithHouseholds();
		long round = open(c[0], c[1], "QD318-2022-XA-NTM").get("id").asLong();
		fill(round, "11", c[1], "{\"version\":" + version(round, c[1]) + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("20"))
			.andExpect(jsonPath("$.evidence").value("Tính từ sổ hộ năm 2024 (các thôn của đơn vị ngày 31/12/2024): hộ nghèo ÷ tổng số hộ = 1 ÷ 5 = 20 %."));
		mvc.perform(get("/api/assessments/" + round + "/evaluation").with(httpBasic(c[1], Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.evaluation.criteria[10].indicators[0].value.value").value(20.0));
		fill(round, "15.1", c[1], "{\"version\":0}").andExpect(status().isConflict());
		fill(round, "15.1", c[1], "{\"version\":" + version(round, c[1]) + ",\"override\":\"95\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		fill(round, "15.1", c[1], "{\"version\":" + version(round, c[1]) + ",\"override\":\"95\",\"reason\":\"Số liệu BHXH huyện tháng 12\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/assessments/" + round + "/values/15.1/from-register").with(httpBasic(c[1], Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.value").value("90"))
			.andExpect(jsonPath("$.storedValue").value("95"))
			.andExpect(jsonPath("$.current").value(false))
			.andExpect(jsonPath("$.storedEvidence").value(Matchers.allOf(Matchers.startsWith("Nhập tay 95 thay cho giá trị tính từ sổ (90). Lý do: Số liệu BHXH huyện tháng 12."),
					Matchers.containsString("người có thẻ BHYT ÷ nhân khẩu = 18 ÷ 20 = 90 %."))));
		fill(round, "1.1", c[1], "{\"version\":" + version(round, c[1]) + "}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("không tính từ sổ")));
		String leader = fixtures.user(Role.LEADER, "42");
		fill(round, "11", leader, "{\"version\":" + version(round, c[1]) + "}").andExpect(status().isForbidden());
	}

	@Test
	void anEvidenceIndicatorIsJudgedByItsConditionOrByTheAssessor() throws Exception {
		String[] c = communeWithHouseholds();
		long round = open(c[0], c[1], "HT-2022-XA-NTM-NC").get("id").asLong();
		fill(round, "11.1", c[1], "{\"version\":" + version(round, c[1]) + "}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("judgement"));
		fill(round, "11.1", c[1], "{\"version\":" + version(round, c[1]) + ",\"judgement\":false}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.value").value("Không đạt"))
			.andExpect(jsonPath("$.evidence").value(Matchers.endsWith("người đánh giá kết luận đạt hay không đạt.")));
		fill(round, "13.1", c[1], "{\"version\":" + version(round, c[1]) + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.value").value("Không đạt"))
			.andExpect(jsonPath("$.evidence").value(Matchers.containsString("0 sản phẩm có giấy chứng nhận OCOP 3–5 sao còn hiệu lực")));
		mvc.perform(post("/api/units/" + c[0] + "/ocop").with(httpBasic(c[1], Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Nước mắm\",\"ownerName\":\"HTX Thử\",\"ownerKind\":\"COOPERATIVE\",\"category\":\"Thực phẩm\","
						+ "\"certificateNumber\":\"T-1\",\"issuedOn\":\"2024-05-02\",\"stars\":3}"))
			.andExpect(status().isCreated());
		fill(round, "13.1", c[1], "{\"version\":" + version(round, c[1]) + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.value").value("Đạt"))
			.andExpect(jsonPath("$.evidence").value(Matchers.containsString("1 sản phẩm có giấy chứng nhận OCOP 3–5 sao còn hiệu lực (Nước mắm, 3 sao, hiệu lực đến 1/5/2027). Kết luận: Đạt (điều kiện ≥ 1")));
	}
}
