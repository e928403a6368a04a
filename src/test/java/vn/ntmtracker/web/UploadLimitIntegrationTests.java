package vn.ntmtracker.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An upload over the server limit is refused before anything reads it, with the limit named. */
@IntegrationTest
class UploadLimitIntegrationTests {

	static final byte[] OVER_THE_LIMIT = new byte[20 * 1024 * 1024 + 1];

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Test
	void anApiClientGets413WithTheLimit() throws Exception {
		mvc.perform(post("/api/assessments/import").with(httpBasic("admin", "ntm-demo"))
				.contentType(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x").content(OVER_THE_LIMIT))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.message").value(containsString("20 MB")));
	}

	@Test
	void aPersonIsSentBackToTheFormWithTheLimitNamed() throws Exception {
		// The form is found from the upload's own address; a Referer (chosen by the client) is never followed.
		MvcResult refused = mvc.perform(post("/units/import").header("Referer", "http://evil.example/elsewhere?x=1")
				.contentType(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x").content(OVER_THE_LIMIT))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/units/import"))
			.andReturn();
		// The message waits in the session for the page the person is sent back to.
		mvc.perform(get("/units/import").cookie(refused.getResponse().getCookie("SESSION"))
				.with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("20 MB")));
	}

	@Test
	void aRefererFromElsewhereIsNotFollowed() throws Exception {
		mvc.perform(post("/documents/import").header("Referer", "http://evil.example/phish")
				.contentType(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x").content(OVER_THE_LIMIT))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/documents/import"));
	}
}
