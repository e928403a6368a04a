package vn.ntmtracker.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String username, String password,
			String address) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").param("username", username)
			.param("password", password)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(from(address));
	}

	private String newUser(String password) {
		String username = Fixtures.uniqueCode("login").toLowerCase();
		accounts.create(username, "Đăng nhập thử", password, false, List.of(new Grant(Role.LEADER, "42", Set.of())));
		return username;
	}

	@Test
	void formLoginWithDemoAccountSucceeds() throws Exception {
		mvc.perform(formLogin("/login").user("camquang").password("ntm-demo")).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("camquang").password("wrong")).andExpect(redirectedUrl("/login?error"));
	}

	/**
	 * Regression: five wrong passwords used to lock the account for everyone, the owner included, and the "locked"
	 * answer told an attacker the account existed. Now guessing from one address slows that address only.
	 */
	@Test
	void guessingFromOneAddressBlocksThatAddressOnlyAndTellsNothing() throws Exception {
		String username = newUser("correct-horse-battery-1");
		for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
			mvc.perform(login(username, "wrong-" + i, "203.0.113.7"))
				.andExpect(redirectedUrl("/login?error"));
		}
		// Blocked from the guessing address, even with the right password, with the same answer as a wrong one…
		mvc.perform(login(username, "correct-horse-battery-1", "203.0.113.7"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/me").with(httpBasic(username, "correct-horse-battery-1")).with(from("203.0.113.7")))
			.andExpect(status().isUnauthorized());
		// …and an unknown account gets exactly the same answer.
		mvc.perform(login("no-such-user-anywhere", "x", "203.0.113.7"))
			.andExpect(redirectedUrl("/login?error"));
		// The owner, from their own address, is not locked out.
		mvc.perform(login(username, "correct-horse-battery-1", "198.51.100.20"))
			.andExpect(redirectedUrl("/"));
		assertThat(jdbc.sql("select blocked_until is not null from login_failure where username = :u and source = '203.0.113.7'")
			.param("u", username).query(Boolean.class).single()).isTrue();
	}

	@Test
	void theWaitDoublesAfterTheFreeFailures() {
		assertThat(LoginThrottle.wait(5)).isZero();
		assertThat(LoginThrottle.wait(6)).hasMinutes(1);
		assertThat(LoginThrottle.wait(7)).hasMinutes(2);
		assertThat(LoginThrottle.wait(9)).hasMinutes(8);
		assertThat(LoginThrottle.wait(40)).hasHours(1);
	}

	@Test
	void userWithOneTimePasswordMustChangeItFirst() throws Exception {
		String username = Fixtures.uniqueCode("new").toLowerCase();
		accounts.create(username, "Người mới", "one-time-pass-1", true, List.of(new Grant(Role.LEADER, "42", Set.of())));
		mvc.perform(get("/api/me").with(httpBasic(username, "one-time-pass-1"))).andExpect(status().isForbidden());
		assertThat(accounts.find(username)).get().extracting(CurrentUser::mustChangePassword).isEqualTo(true);
		accounts.changePassword(username, "my-own-password-1");
		mvc.perform(get("/api/me").with(httpBasic(username, "my-own-password-1"))).andExpect(status().isOk());
	}

	@Test
	void newPasswordsAreBcryptOverSha256AndLongPassphrasesKeepEveryCharacter() throws Exception {
		String long1 = "một cụm từ rất dài để làm mật khẩu, dài hơn bảy mươi hai byte của bcrypt: phần cuối A";
		String long2 = long1.substring(0, long1.length() - 1) + "B";
		assertThat(long1.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		String username = newUser(long1);
		assertThat(jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
			.query(String.class).single()).startsWith("{bcrypt-sha256}$2");
		mvc.perform(get("/api/me").with(httpBasic(username, long1))).andExpect(status().isOk());
		mvc.perform(get("/api/me").with(httpBasic(username, long2))).andExpect(status().isUnauthorized());
		// Hashes written before (plain bcrypt, no prefix) still match.
		assertThat(accounts.passwordMatches("admin", "ntm-demo")).isTrue();
	}

	@Test
	void theLoginPageSaysWhereTheFirstStartPasswordIsOnlyOnAFreshSystem() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("first-start"))));
	}

	/**
	 * On an empty system only the first-start administrator exists, with the one-time password printed in the server log:
	 * the login page says where it is (never what it is) until that password has been changed. The empty system is made
	 * inside this test's transaction, which is rolled back.
	 */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void theLoginPageSaysWhereTheFirstStartPasswordIsOnlyWhileItMustBeChanged() throws Exception {
		jdbc.sql("delete from app_user where username <> 'admin'").update();
		jdbc.sql("update app_user set must_change_password = true where username = 'admin'").update();
		String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"first-start\"").contains("nhật ký (log) của máy chủ");
		jdbc.sql("update app_user set must_change_password = false where username = 'admin'").update();
		mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("first-start"))));
	}
}
