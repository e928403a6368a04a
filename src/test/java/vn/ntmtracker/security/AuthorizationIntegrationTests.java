package vn.ntmtracker.security;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.ntmtracker.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint, called anonymously, from inside the caller's jurisdiction and from outside it. The demo
 * officer of Cẩm Quang must never read Cẩm Lĩnh's data; only administrators write the unit tree or read the
 * audit log.
 */
@IntegrationTest
class AuthorizationIntegrationTests {

	@Autowired
	MockMvc mvc;

	static final String PASSWORD = "ntm-demo";

	static Stream<Arguments> apiReads() {
		return Stream.of(
				Arguments.of("/api/units/HT-CAMQUANG", "/api/units/HT-CAMLINH"),
				Arguments.of("/api/units/HT-CAMQUANG/children", "/api/units/HT-CAMLINH/children"),
				Arguments.of("/api/units/HT-CAMQUANG/subtree", "/api/units/HT-CAMLINH/subtree"),
				Arguments.of("/api/units/HT-CAMQUANG/history", "/api/units/HT-CAMLINH/history"),
				Arguments.of("/api/units/HT-CAMQUANG-T2", "/api/units/42"));
	}

	@ParameterizedTest
	@MethodSource("apiReads")
	void communeOfficerReadsOwnSubtreeOnly(String inScope, String outOfScope) throws Exception {
		mvc.perform(get(inScope).with(httpBasic("camquang", PASSWORD))).andExpect(status().isOk());
		mvc.perform(get(outOfScope).with(httpBasic("camquang", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get(inScope)).andExpect(status().isUnauthorized());
		mvc.perform(get(outOfScope).with(httpBasic("admin", PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void provinceCoordinationOfficeReadsItsCommunesButNotAnotherProvince() throws Exception {
		mvc.perform(get("/api/units/HT-CAMLINH").with(httpBasic("vpdp-hatinh", PASSWORD))).andExpect(status().isOk());
		mvc.perform(get("/api/units/LC-BANBO").with(httpBasic("vpdp-hatinh", PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void searchReturnsOnlyUnitsInScope() throws Exception {
		mvc.perform(get("/api/units").param("q", "cam").with(httpBasic("camquang", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].code").value("HT-CAMQUANG"));
		mvc.perform(get("/api/units").param("q", "cam")).andExpect(status().isUnauthorized());
	}

	@Test
	void unknownUnitIs404ForAnyone() throws Exception {
		mvc.perform(get("/api/units/NOPE").with(httpBasic("admin", PASSWORD))).andExpect(status().isNotFound());
	}

	static Stream<Arguments> adminOnlyWrites() {
		return Stream.of(
				Arguments.of(HttpMethod.POST, "/api/units/import", "text/csv", "code,name,kind,parent_code,valid_from,valid_to\n"),
				Arguments.of(HttpMethod.POST, "/api/units/merges", "application/json",
						"{\"predecessors\":[\"HT-CAMLINH\"],\"successor\":\"HT-CAMQUANG\",\"effectiveDate\":\"2026-01-01\"}"));
	}

	@ParameterizedTest
	@MethodSource("adminOnlyWrites")
	void onlyAdministratorsChangeTheUnitTree(HttpMethod method, String path, String contentType, String body) throws Exception {
		for (String username : new String[] { "camquang", "vpdp-hatinh", "lanhdao-hatinh", "so-nnmt-hatinh" }) {
			mvc.perform(call(method, path, contentType, body).with(httpBasic(username, PASSWORD))).andExpect(status().isForbidden());
		}
		mvc.perform(call(method, path, contentType, body)).andExpect(status().isUnauthorized());
	}

	@Test
	void administratorImportGetsRowErrorsAsUnprocessable() throws Exception {
		mvc.perform(call(HttpMethod.POST, "/api/units/import", "text/csv",
				"code,name,kind,parent_code,valid_from,valid_to\nZ1,Xã Z,xã,NOWHERE,2020-01-01,\n").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("parent_code"));
	}

	@Test
	void auditLogIsForAdministratorsOnly() throws Exception {
		mvc.perform(get("/api/audit").with(httpBasic("admin", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.content").isArray());
		mvc.perform(get("/api/audit").with(httpBasic("camquang", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/audit").with(httpBasic("lanhdao-hatinh", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
	}

	@Test
	void meTellsWhoIsCalling() throws Exception {
		mvc.perform(get("/api/me").with(httpBasic("camquang", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("camquang"))
			.andExpect(jsonPath("$.grants[0].role").value("COMMUNE_OFFICER"))
			.andExpect(jsonPath("$.grants[0].unitCode").value("HT-CAMQUANG"));
	}

	@Test
	void pagesRedirectAnonymousUsersToLogin() throws Exception {
		for (String page : new String[] { "/", "/units", "/units/HT-CAMQUANG", "/admin/audit", "/units/import" }) {
			mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void pagesRespectJurisdictionAndRoles() throws Exception {
		var camquang = new CurrentUserBuilder("camquang");
		mvc.perform(get("/units/HT-CAMQUANG").with(user(camquang.build()))).andExpect(status().isOk());
		mvc.perform(get("/units/HT-CAMLINH").with(user(camquang.build()))).andExpect(status().isForbidden());
		mvc.perform(get("/units/import").with(user(camquang.build()))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit").with(user(camquang.build()))).andExpect(status().isForbidden());
		var admin = new CurrentUserBuilder("admin");
		mvc.perform(get("/units/import").with(user(admin.build()))).andExpect(status().isOk());
		mvc.perform(get("/admin/audit").with(user(admin.build()))).andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder call(HttpMethod method, String path, String contentType, String body) {
		return request(method, path).contentType(MediaType.parseMediaType(contentType)).content(body);
	}

	/** Loads the real demo account, so that page tests see the same grants as a login would. */
	final class CurrentUserBuilder {

		private final String username;

		CurrentUserBuilder(String username) {
			this.username = username;
		}

		CurrentUser build() {
			return accounts.loadUserByUsername(username);
		}
	}

	@Autowired
	UserAccounts accounts;
}
