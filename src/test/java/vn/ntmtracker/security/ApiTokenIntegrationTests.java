package vn.ntmtracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApiTokenIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserAccounts accounts;

	@Test
	void aTokenActsForItsOwnerWithTheOwnersJurisdictionUntilRevoked() throws Exception {
		CurrentUser camquang = accounts.loadUserByUsername("camquang");
		String token = tokens.create(camquang, "script báo cáo", null);
		assertThat(token).startsWith("ntm_").hasSizeGreaterThan(40);
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("camquang"));
		mvc.perform(get("/api/units/HT-CAMLINH").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		long id = tokens.list(camquang).get(0).id();
		tokens.revoke(camquang, id);
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").header("Authorization", "Bearer ntm_forged")).andExpect(status().isUnauthorized());
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void onlyTheHashIsStored() {
		CurrentUser admin = accounts.loadUserByUsername("admin");
		String token = tokens.create(admin, "kiểm thử", null);
		String stored = jdbc.sql("select token_hash || name from api_token where name = 'kiểm thử'").query(String.class).single();
		assertThat(stored).startsWith(ApiTokens.hash(token)).doesNotContain(token.substring(4));
		assertThat(jdbc.sql("select count(*) from api_token t where position(:secret in t::text) > 0")
			.param("secret", token.substring(4)).query(Long.class).single()).isZero();
	}
}
