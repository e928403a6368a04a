package vn.ntmtracker.assessment;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A commune's percentage indicator computed from its villages' own rounds (demo: Cẩm Lĩnh, 5 of 6 villages). */
@IntegrationTest
class VillageShareIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void fillsTheCommuneIndicatorWithTheShareOfItsVillages() throws Exception {
		var round = json.readTree(mvc.perform(post("/api/units/HT-CAMLINH/assessments").with(httpBasic("camlinh", "ntm-demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"2023-07-01\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		long id = round.get("id").asLong();
		mvc.perform(post("/api/assessments/" + id + "/values/6.3/from-villages").with(httpBasic("camlinh", "ntm-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + round.get("version").asInt() + ",\"villageSetCode\":\"HT-2022-KDC-NTM-KM\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.achieved").value(5))
			.andExpect(jsonPath("$.villages").value(6));
		mvc.perform(get("/api/assessments/" + id + "/evaluation").with(httpBasic("camlinh", "ntm-demo")))
			.andExpect(jsonPath("$.evaluation.criteria[5].indicators[?(@.code == '6.3')].value.value").value(83.33));
		mvc.perform(post("/api/assessments/" + id + "/values/1.1/from-villages").with(httpBasic("camlinh", "ntm-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"version\":99,\"villageSetCode\":\"HT-2022-KDC-NTM-KM\"}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aCriterionOfTheVillageSetCanBeCountedInsteadOfTheWholeSet(@Autowired Assessments assessments) {
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
						accounts.loadUserByUsername("camlinh"), null, java.util.List.of()));
		try {
			var share = assessments.villageShare("HT-CAMLINH", LocalDate.of(2023, 7, 1), "HT-2022-KDC-NTM-KM", 1);
			org.assertj.core.api.Assertions.assertThat(share.achieved()).isEqualTo(6);
			org.assertj.core.api.Assertions.assertThat(share.notAssessed()).isEmpty();
			var before = assessments.villageShare("HT-CAMLINH", LocalDate.of(2023, 1, 1), "HT-2022-KDC-NTM-KM", null);
			org.assertj.core.api.Assertions.assertThat(before.achieved()).isZero();
			org.assertj.core.api.Assertions.assertThat(before.notAssessed()).hasSize(6);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Autowired
	vn.ntmtracker.security.UserAccounts accounts;
}
