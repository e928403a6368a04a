package vn.ntmtracker.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Test
	void formLoginWithDemoAccountSucceeds() throws Exception {
		mvc.perform(formLogin("/login").user("camquang").password("ntm-demo")).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("camquang").password("wrong")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
		accounts.create("lockme", "Khóa thử", "correct-horse-1", false, List.of(new Grant(Role.LEADER, "42", Set.of())));
		for (int i = 0; i < UserAccounts.MAX_FAILURES; i++) {
			mvc.perform(formLogin("/login").user("lockme").password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user("lockme").password("correct-horse-1")).andExpect(redirectedUrl("/login?locked"));
		mvc.perform(get("/api/me").with(httpBasic("lockme", "correct-horse-1"))).andExpect(status().isUnauthorized());
		assertThat(accounts.lockedUntil("lockme")).isNotNull();
	}

	@Test
	void userWithOneTimePasswordMustChangeItFirst() throws Exception {
		accounts.create("newuser", "Người mới", "one-time-pass-1", true, List.of(new Grant(Role.LEADER, "42", Set.of())));
		mvc.perform(get("/api/me").with(httpBasic("newuser", "one-time-pass-1"))).andExpect(status().isForbidden());
		assertThat(accounts.find("newuser")).get().extracting(CurrentUser::mustChangePassword).isEqualTo(true);
		accounts.changePassword("newuser", "my-own-password-1");
		mvc.perform(get("/api/me").with(httpBasic("newuser", "my-own-password-1"))).andExpect(status().isOk());
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		assertThat(accounts.find("admin")).get().satisfies(user -> assertThat(user.getPassword()).startsWith("$2"));
	}
}
