package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;

/**
 * The seeds' recognitions as the demo loads them, read through the API and the pages (nothing here writes): Cẩm Thạch's
 * complete 2022 dossier ending in its recognition, Cẩm Lương recognised in 2022 and warned after losing criteria 9 and
 * 17, Cẩm Quang's nâng cao dossier not openable at 3/20 with the reason.
 */
@IntegrationTest
class DossierDemoIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAccounts accounts;

	JsonNode body(String path, String username) throws Exception {
		return json.readTree(mvc.perform(get(path).with(httpBasic(username, "ntm-demo"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	String page(String path, String username) throws Exception {
		return mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void camThachWasRecognisedThroughItsCompleteDossier() throws Exception {
		JsonNode recognitions = body("/api/units/TH-CAMTHACH/recognitions", "camthach");
		assertThat(recognitions).hasSize(1);
		JsonNode recognition = recognitions.get(0);
		assertThat(recognition.get("level").asString()).isEqualTo("XA_NTM");
		assertThat(recognition.get("setCode").asString()).isEqualTo("QD318-2022-XA-NTM");
		assertThat(recognition.get("since").asString()).isEqualTo("2022-12-20");
		assertThat(recognition.get("until").isNull()).isTrue();
		assertThat(recognition.get("decisionNumber").asString()).contains("4375/QĐ-UBND");
		assertThat(recognition.get("decisionDate").asString()).isEqualTo("2022-12-20");

		JsonNode dossiers = body("/api/dossiers?unit=TH-CAMTHACH&state=DECIDED", "vpdp-thanhhoa");
		assertThat(dossiers).hasSize(1);
		JsonNode dossier = body("/api/dossiers/" + dossiers.get(0).get("id").asLong(), "vpdp-thanhhoa");
		assertThat(dossier.get("steps")).allSatisfy(step -> assertThat(step.get("status").asString()).isEqualTo("DONE"));
		assertThat(dossier.get("checklist")).allSatisfy(check -> assertThat(check.get("status").asString()).isEqualTo("MET"));
		JsonNode survey = dossier.get("survey");
		assertThat(survey.get("met").asBoolean()).isTrue();
		assertThat(survey.get("villages")).hasSize(5);
		assertThat(survey.get("returned").asInt()).isEqualTo(5 * 24 + 3 * (0 + 1 + 2 + 3 + 4));
		assertThat(page("/units/TH-CAMTHACH", "camthach")).contains("id=\"recognitions\"", "4375/QĐ-UBND");
	}

	@Test
	void camLuongIsRecognisedAndWarnedButNotYetSubjectToRevocation() throws Exception {
		JsonNode recognitions = body("/api/units/TH-CAMLUONG/recognitions", "camluong");
		assertThat(recognitions).hasSize(1);
		assertThat(recognitions.get(0).get("since").asString()).startsWith("2022-");
		String unitPage = page("/units/TH-CAMLUONG", "camluong");
		assertThat(unitPage).contains("class=\"warning\"", "9,17", "2/19");
		String dossiers = page("/units/TH-CAMLUONG/dossiers", "vpdp-thanhhoa");
		assertThat(dossiers).contains("candidate-REVOCATION-XA_NTM", "Chưa thuộc diện thu hồi");
	}

	@Test
	void camQuangsAdvancedDossierCannotBeOpenedAtThreeOfTwenty() throws Exception {
		String page = page("/units/HT-CAMQUANG/dossiers", "camquang");
		assertThat(page).contains("candidate-RECOGNITION-XA_NTM_NANG_CAO", "mới đạt 3/20 tiêu chí", "chưa đạt: 1 (");
		assertThat(body("/api/units/HT-CAMQUANG/recognitions", "camquang").get(0).get("since").asString()).isEqualTo("2015-12-31");
	}
}
