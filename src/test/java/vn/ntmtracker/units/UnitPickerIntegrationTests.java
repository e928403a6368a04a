package vn.ntmtracker.units;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pick, don't type: the unit fields' search (diacritics ignored, the reader's jurisdiction, today's tree unless a date
 * is given), a typed name resolved to its code for forms sent without script, and "không tìm thấy đơn vị" for a name
 * that names nothing instead of "no permission".
 */
@IntegrationTest
class UnitPickerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	@Test
	void typingTheNameWithOrWithoutDiacriticsFindsTheCommuneFirst() throws Exception {
		for (String typed : new String[] { "Cẩm Quang", "cam quang", "CAM QUANG", "xã Cẩm Quang", "HT-CAMQ" }) {
			mvc.perform(get("/units/picker").param("q", typed).with(as("vpdp-hatinh")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].code", is("HT-CAMQUANG")))
				.andExpect(jsonPath("$.items[0].label", is("xã Cẩm Quang")))
				.andExpect(jsonPath("$.asOf", is("2026-11-15")));
		}
	}

	@Test
	void onlyTheReadersJurisdictionIsOffered() throws Exception {
		mvc.perform(get("/units/picker").param("q", "Cẩm").with(as("lanhdao-hatinh")))
			.andExpect(jsonPath("$.items[*].code", hasItem("HT-CAMQUANG")))
			.andExpect(jsonPath("$.items[*].code", not(hasItem("TH-CAMTHACH"))));
		mvc.perform(get("/units/picker").param("q", "Cẩm").with(as("camquang")))
			.andExpect(jsonPath("$.items[*].code", everyItem(containsString("HT-CAMQUANG"))));
		mvc.perform(get("/api/units/search").param("q", "Cẩm Thạch").with(httpBasic("vpdp-thanhhoa", Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[0].code", is("TH-CAMTHACH")));
	}

	@Test
	void todaysTreeByDefaultAndTheTreeBeforeTheReformOnRequest() throws Exception {
		mvc.perform(get("/units/picker").param("q", "Cẩm Xuyên").param("level", "2").with(as("vpdp-hatinh")))
			.andExpect(jsonPath("$.items").isEmpty());
		mvc.perform(get("/units/picker").param("q", "Cẩm Xuyên").param("level", "2").param("asOf", "2025-06-30")
				.with(as("vpdp-hatinh")))
			.andExpect(jsonPath("$.items[0].code", is("HT-CAMXUYEN")));
		mvc.perform(get("/units/picker").param("q", "Cẩm Quang").param("asOf", "2024-03-01").with(as("vpdp-hatinh")))
			.andExpect(jsonPath("$.items[0].parentCode", is("HT-CAMXUYEN")))
			.andExpect(jsonPath("$.items[0].parentName", is("huyện Cẩm Xuyên")));
		mvc.perform(get("/units/picker").param("q", "Cẩm Quang").with(as("vpdp-hatinh")))
			.andExpect(jsonPath("$.items[0].parentCode", is("42")))
			.andExpect(jsonPath("$.items[0].parentName", is("tỉnh Hà Tĩnh")));
		mvc.perform(get("/units/picker").param("q", "Quang").param("level", "4").with(as("vpdp-hatinh")))
			.andExpect(jsonPath("$.items[*].level", everyItem(is(4))));
		mvc.perform(get("/units/picker").param("q", "x").param("level", "7").with(as("vpdp-hatinh")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aNameTypedWithoutScriptIsTheUnitItNames() throws Exception {
		mvc.perform(get("/assessments/overview").param("unit", "cam quang").param("_unit", "unit")
				.param("set", "HT-2022-XA-NTM-NC").param("asOf", "2024-06-30").with(as("vpdp-hatinh")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"heatmap\"")))
			.andExpect(content().string(containsString("value=\"HT-CAMQUANG\"")));
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String name = "Xã kiểm thử " + commune;
		String code = vn.ntmtracker.Fixtures.uniqueCode("TC").replace("-", "");
		mvc.perform(post("/organisations").with(as(officer)).with(csrf()).param("code", code).param("kind", "OTHER")
				.param("name", "Tổ công tác kiểm thử").param("unitCode", name.toLowerCase()).param("_unit", "unitCode"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select unit_code from organisation where code = :code").param("code", code).query(String.class).list())
			.containsExactly(commune);
	}

	@Test
	void aNameThatNamesNothingIsNotFoundRatherThanForbidden() throws Exception {
		mvc.perform(get("/assessments/overview").param("unit", "Cẩm Quangg").param("_unit", "unit")
				.param("set", "HT-2022-XA-NTM-NC").with(as("vpdp-hatinh")))
			.andExpect(status().isNotFound())
			.andExpect(result -> assertThat(result.getResolvedException()).isInstanceOf(UnitNotFoundException.class)
				.hasMessage("Không tìm thấy đơn vị “Cẩm Quangg”"));
		mvc.perform(get("/assessments/overview").param("unit", "TH-CAMTHACH").param("set", "QD318-2022-XA-NTM")
				.with(as("vpdp-hatinh")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/organisations").with(as("camquang")).with(csrf()).param("code", "KHONG-CO").param("kind", "OTHER")
				.param("name", "Tổ không có").param("unitCode", "Không Có Xã Này").param("_unit", "unitCode"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("Không tìm thấy đơn vị “Không Có Xã Này”")));
	}

	@Test
	void theVillageIsCalledThôn6NotThônThôn6() throws Exception {
		mvc.perform(get("/units/HT-CAMLINH").with(as("camlinh")))
			.andExpect(content().string(containsString(">Thôn 6<")))
			.andExpect(content().string(not(containsString("thôn Thôn"))));
		mvc.perform(get("/units/picker").param("q", "thon 6").param("level", "4").with(as("camlinh")))
			.andExpect(jsonPath("$.items[0].label", is("Thôn 6")));
	}
}
