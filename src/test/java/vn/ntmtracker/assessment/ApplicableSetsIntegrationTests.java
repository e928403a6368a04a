package vn.ntmtracker.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every criteria-set field offers only the sets valid for the unit's province, tier and date; a set of another province
 * or one no longer in force is refused by the server with its validity in Vietnamese.
 */
@IntegrationTest
class ApplicableSetsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Fixtures fixtures;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	@Test
	void aProvincesOwnSetIsOfferedInThatProvinceOnlyAndOnlyWhileInForce() throws Exception {
		mvc.perform(get("/units/42/criteria-sets").param("asOf", "2024-06-30").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("HT-2022-XA-NTM-NC")))
			.andExpect(jsonPath("$[*].code", hasItem("QD318-2022-XA-NTM")));
		mvc.perform(get("/units/38/criteria-sets").param("asOf", "2024-06-30").with(as("admin")))
			.andExpect(jsonPath("$[*].code", hasItem("QD318-2022-XA-NTM")))
			.andExpect(jsonPath("$[*].code", not(hasItem("HT-2022-XA-NTM-NC"))));
		mvc.perform(get("/units/42/criteria-sets").param("asOf", "2026-06-30").with(as("admin")))
			.andExpect(jsonPath("$[*].code", hasItem("QD51-2025-XA-NTM")))
			.andExpect(jsonPath("$[*].code", not(hasItem("HT-2022-XA-NTM-NC"))));
		mvc.perform(get("/units/TH-CAMTHACH/criteria-sets").with(as("camquang"))).andExpect(status().isForbidden());

		String commune = fixtures.commune("42", "BTB", 0);
		mvc.perform(get("/units/" + commune + "/assessments").with(as("admin")))
			.andExpect(content().string(containsString("<option value=\"QD51-2025-XA-NTM\"")))
			.andExpect(content().string(containsString("hiệu lực từ 15/2/2026")))
			.andExpect(content().string(not(containsString("<option value=\"HT-2022-XA-NTM-NC\""))))
			.andExpect(content().string(not(containsString("<option value=\"QD318-2022-XA-NTM\""))));
	}

	@Test
	void anotherProvincesSetIsRefusedWithItsValidity() throws Exception {
		String thanhHoa = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, thanhHoa);
		mvc.perform(post("/units/" + thanhHoa + "/assessments").with(as(officer)).with(csrf())
				.param("set", "HT-2022-XA-NTM-NC").param("asOf", "2024-06-30").param("kind", "SELF"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", allOf(containsString("chỉ áp dụng tại Hà Tĩnh"),
					containsString("hiệu lực từ 8/3/2022 đến 31/12/2025"))));
	}

	@Test
	void anExpiredOrReplacedVersionIsRefusedWithItsValidity() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(post("/units/" + commune + "/assessments").with(as(officer)).with(csrf())
				.param("set", "HT-2022-XA-NTM-NC").param("asOf", "2026-06-30").param("kind", "SELF"))
			.andExpect(flash().attribute("error", allOf(containsString("không có phiên bản áp dụng vào ngày 30/6/2026"),
					containsString("hiệu lực từ 8/3/2022 đến 31/12/2025"))));
		mvc.perform(post("/units/" + commune + "/assessments").with(as(officer)).with(csrf())
				.param("set", "QD318-2022-XA-NTM:1").param("asOf", "2024-06-30").param("kind", "SELF"))
			.andExpect(flash().attribute("error", allOf(containsString("Phiên bản 1 của bộ tiêu chí QD318-2022-XA-NTM không còn áp dụng"),
					containsString("phiên bản 2 (hiệu lực từ 1/3/2024"))));
		mvc.perform(post("/units/" + commune + "/plans").with(as(officer)).with(csrf())
				.param("title", "Kế hoạch nâng cao năm 2026").param("set", "HT-2022-XA-NTM-NC").param("targetDate", "2026-12-31"))
			.andExpect(flash().attribute("error", allOf(containsString("hết hiệu lực"),
					containsString("hiệu lực từ 8/3/2022 đến 31/12/2025"))));
	}
}
