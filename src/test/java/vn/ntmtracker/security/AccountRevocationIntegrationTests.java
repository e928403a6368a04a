package vn.ntmtracker.security;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Regressions of the probe's findings on accounts: access could not be revoked (grants were cached in the session for
 * eight hours, a password change ended no other session and no token), tokens minted tokens and never expired, and a
 * forced password change sent the user back to the change page on every request.
 */
@IntegrationTest
class AccountRevocationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	private Cookie login(String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andExpect(redirectedUrl("/")).andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		return session;
	}

	@Test
	void aRevokedGrantTakesEffectAtTheNextRequestOfAnOpenSession() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		Cookie session = login(officer, Fixtures.PASSWORD);
		mvc.perform(get("/units/" + commune).cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/api/users/" + officer + "/grants").with(httpBasic("admin", Fixtures.PASSWORD))).andExpect(status().isOk());
		long grant = jdbc.sql("select g.id from role_grant g join app_user u on u.id = g.user_id where u.username = :u")
			.param("u", officer).query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/users/" + officer + "/grants/" + grant)
			.with(httpBasic("admin", Fixtures.PASSWORD))).andExpect(status().isNoContent());
		mvc.perform(get("/units/" + commune).cookie(session)).andExpect(status().isForbidden());
	}

	@Test
	void disablingAUserEndsTheirSessionsAndTokensAtOnce() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		Cookie session = login(officer, Fixtures.PASSWORD);
		String token = tokens.create(accounts.loadUserByUsername(officer), "báo cáo", null);
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(put("/api/users/" + officer).with(httpBasic("admin", Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}")).andExpect(status().isOk());
		mvc.perform(get("/units/" + commune).cookie(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").with(httpBasic(officer, Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
		// Enabling again does not bring the old session back.
		mvc.perform(put("/api/users/" + officer).with(httpBasic("admin", Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":true}")).andExpect(status().isOk());
		mvc.perform(get("/units/" + commune).cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aPasswordChangeEndsOtherSessionsAndTokensButKeepsTheOneThatMadeIt() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		Cookie here = login(officer, Fixtures.PASSWORD);
		Cookie elsewhere = login(officer, Fixtures.PASSWORD);
		String token = tokens.create(accounts.loadUserByUsername(officer), "máy khác", null);
		mvc.perform(post("/account/password").cookie(here).with(csrf()).param("current", Fixtures.PASSWORD)
			.param("password", "đường làng sạch đẹp 2026").param("confirm", "đường làng sạch đẹp 2026"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/units/" + commune).cookie(here)).andExpect(status().isOk());
		mvc.perform(get("/units/" + commune).cookie(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void aForcedPasswordChangeTakesTheUserWhereTheyWereGoingOnce() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = Fixtures.uniqueCode("otp").toLowerCase();
		accounts.create(officer, "Mật khẩu một lần", "one-time-7KxQ2m", true,
				java.util.List.of(new Grant(Role.COMMUNE_OFFICER, commune, java.util.Set.of())));
		Cookie session = login(officer, "one-time-7KxQ2m");
		mvc.perform(get("/units/" + commune).cookie(session))
			.andExpect(redirectedUrl("/account/password?next=/units/" + commune));
		mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "one-time-7KxQ2m")
			.param("password", "cánh đồng mẫu lớn 2026").param("confirm", "cánh đồng mẫu lớn 2026").param("next", "/units/" + commune))
			.andExpect(redirectedUrl("/units/" + commune));
		mvc.perform(get("/units/" + commune).cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void aRedirectTargetFromOutsideTheSiteIsIgnored() throws Exception {
		String officer = Fixtures.uniqueCode("otp").toLowerCase();
		accounts.create(officer, "Mật khẩu một lần", "one-time-9ZpQ2m", true, java.util.List.of());
		Cookie session = login(officer, "one-time-9ZpQ2m");
		mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "one-time-9ZpQ2m")
			.param("password", "cánh đồng mẫu lớn 2027").param("confirm", "cánh đồng mẫu lớn 2027").param("next", "//evil.example/x"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void tokensExpireAndCannotMintTokens() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String token = tokens.create(accounts.loadUserByUsername(officer), "ngắn hạn", 1);
		mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"con\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/me/tokens").with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"hai năm\",\"days\":730}")).andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		jdbc.sql("update api_token set expires_at = created_at - interval '1 second' where token_hash = :h")
			.param("h", ApiTokens.hash(token)).update();
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}
}
