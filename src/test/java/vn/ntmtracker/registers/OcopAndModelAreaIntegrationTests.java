package vn.ntmtracker.registers;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

/** OCOP products valid on a day and the certificates due 90 days ahead; model areas recognised on a day. */
@IntegrationTest
class OcopAndModelAreaIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAccounts accounts;

	@Test
	void camQuangHadNoValidProductOnTheDayOfSeed002AndTwoAfterwards() throws Exception {
		mvc.perform(get("/api/units/HT-CAMQUANG/ocop").param("asOf", "2024-03-12").with(httpBasic("camquang", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.validProducts").value(0));
		mvc.perform(get("/api/units/HT-CAMQUANG/ocop").param("asOf", "2025-01-01").with(httpBasic("vpdp-hatinh", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.validProducts").value(2))
			.andExpect(jsonPath("$.products[?(@.stars == 3)].ownerName").value("HTX Như Gia"))
			.andExpect(jsonPath("$.products[?(@.stars == 3)].validUntil").value("2027-10-24"));
	}

	@Test
	void aCertificateIsListedAsDueNinetyDaysBeforeItLapses() throws Exception {
		mvc.perform(get("/api/ocop/due").param("unit", "HT-CAMQUANG").param("asOf", "2027-03-20").with(httpBasic("camquang", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/ocop/due").param("unit", "HT-CAMQUANG").param("asOf", "2027-03-21").with(httpBasic("camquang", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].kind").value("OCOP_CERTIFICATE_EXPIRING"))
			.andExpect(jsonPath("$[0].subject").value("Mật ong hoa keo (dữ liệu demo) (4 sao, giấy chứng nhận DEMO-OCOP-2024-009)"))
			.andExpect(jsonPath("$[0].dueOn").value("2027-03-21"))
			.andExpect(jsonPath("$[0].deadline").value("2027-06-19"))
			.andExpect(jsonPath("$[0].daysLeft").value(90));
		mvc.perform(get("/api/units/HT-CAMQUANG/ocop").param("asOf", "2027-08-01").with(httpBasic("camquang", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.validProducts").value(1))
			.andExpect(jsonPath("$.products[?(@.stars == 3)].expiringSoon").value(true))
			.andExpect(jsonPath("$.products[?(@.stars == 4)].valid").value(false));
		mvc.perform(get("/ocop/expiring").param("unit", "HT-CAMQUANG").param("asOf", "2027-04-01")
				.with(user(accounts.loadUserByUsername("camquang"))))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Mật ong hoa keo")));
	}

	@Test
	void aReEvaluationEndsTheWarningAndBadInputIsRefusedByField() throws Exception {
		String commune = fixtures.commune("42", "BTB", 1);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(post("/api/units/" + commune + "/ocop").with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\" \",\"ownerName\":\"HTX\",\"ownerKind\":\"COOPERATIVE\",\"category\":\"Đồ uống\",\"certificateNumber\":\"A\",\"issuedOn\":\"2024-01-10\",\"stars\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("name", "stars")));
		long id = json.readTree(mvc.perform(post("/api/units/" + commune + "/ocop").with(httpBasic(officer, Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Trà thảo mộc\",\"ownerName\":\"HTX\",\"ownerKind\":\"COOPERATIVE\",\"category\":\"Đồ uống\",\"certificateNumber\":\"A-1\",\"issuedOn\":\"2024-01-10\",\"stars\":3}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
		// Clock pinned at 15/11/2026: valid until 9/1/2027, so due today.
		mvc.perform(get("/api/ocop/due").param("unit", commune).with(httpBasic(officer, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$[0].recordId").value(id)).andExpect(jsonPath("$[0].daysLeft").value(55));
		mvc.perform(post("/api/ocop/" + id + "/certificates").with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":5,\"certificateNumber\":\"A-2\",\"issuedOn\":\"2026-11-01\",\"stars\":4}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/ocop/" + id + "/certificates").with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"certificateNumber\":\"A-2\",\"issuedOn\":\"2026-11-01\",\"stars\":4}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/ocop/due").param("unit", commune).with(httpBasic(officer, Fixtures.PASSWORD))).andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/units/" + commune + "/ocop").with(httpBasic(officer, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.products[0].stars").value(4)).andExpect(jsonPath("$.products[0].validUntil").value("2029-10-31"));
		String stranger = fixtures.user(Role.COMMUNE_OFFICER, fixtures.commune("42", "BTB", 1));
		mvc.perform(get("/api/units/" + commune + "/ocop").with(httpBasic(stranger, Fixtures.PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void camLinhsModelAreasAreCountedAsRecognisedOnADay() throws Exception {
		mvc.perform(get("/api/units/HT-CAMLINH/model-areas").param("asOf", "2023-06-30").with(httpBasic("lanhdao-hatinh", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.villages").value(6)).andExpect(jsonPath("$.villagesWithResidentialArea").value(4))
			.andExpect(jsonPath("$.gardens").value(10));
		mvc.perform(get("/api/units/HT-CAMLINH/model-areas").param("asOf", "2024-01-01").with(httpBasic("thon6", Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/units/HT-CAMLINH-T6/model-areas").param("asOf", "2024-01-01").with(httpBasic("thon6", Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.villagesWithResidentialArea").value(1)).andExpect(jsonPath("$.gardens").value(2));
	}

	@Test
	void aModelAreaLosesItsRecognitionFromADayWithAReason() throws Exception {
		String commune = fixtures.commune("42", "BTB", 2);
		String board = fixtures.user(Role.VILLAGE_BOARD, commune + "-T2");
		long id = json.readTree(mvc.perform(post("/api/units/" + commune + "-T2/model-areas").with(httpBasic(board, Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"RESIDENTIAL_AREA\",\"name\":\"KDC thôn 2\",\"decisionNumber\":\"12/QĐ-UBND\",\"recognisedOn\":\"2024-04-30\",\"setCode\":\"HT-2022-KDC-NTM-KM\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
		mvc.perform(post("/api/units/" + commune + "-T1/model-areas").with(httpBasic(board, Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"GARDEN\",\"name\":\"Vườn\",\"decisionNumber\":\"1\",\"recognisedOn\":\"2024-04-30\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/model-areas/" + id + "/revocation").with(httpBasic(board, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"revokedOn\":\"2026-01-15\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("note"));
		mvc.perform(post("/api/model-areas/" + id + "/revocation").with(httpBasic(board, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"revokedOn\":\"2026-01-15\",\"reason\":\"Hàng rào xanh, vệ sinh môi trường xuống cấp\"}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/units/" + commune + "/model-areas").param("asOf", "2025-12-31").with(httpBasic(board, Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(get("/api/units/" + commune + "/model-areas").param("asOf", "2025-12-31").with(httpBasic(officer, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.villagesWithResidentialArea").value(1)).andExpect(jsonPath("$.villageShare").value(50.0));
		mvc.perform(get("/api/units/" + commune + "/model-areas").param("asOf", "2026-01-15").with(httpBasic(officer, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.villagesWithResidentialArea").value(0));
	}
}
