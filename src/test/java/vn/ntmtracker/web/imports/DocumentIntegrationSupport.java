package vn.ntmtracker.web.imports;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.web.imports.DocumentImport.Context;
import vn.ntmtracker.web.imports.DocumentImport.Problem;
import vn.ntmtracker.web.imports.DocumentImport.Review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Uploading a document for review as a reviewer would, and reading what the review page was given. */
final class DocumentIntegrationSupport {

	private DocumentIntegrationSupport() {
	}

	/** A reviewer's session (sessions live in PostgreSQL), the pending file's token, and what the page proposed. */
	record Upload(Cookie session, String token, Review review, Context context) {

		Map<String, String> fields() {
			return ReviewForms.fields(review, token);
		}
	}

	static Upload upload(MockMvc mvc, RequestPostProcessor reviewer, String fileName, byte[] content) throws Exception {
		MvcResult result = mvc.perform(multipart("/documents/import")
				.file(new MockMultipartFile("file", fileName, "text/plain", content)).with(reviewer).with(csrf()))
			.andExpect(status().isOk()).andExpect(view().name("imports/review")).andReturn();
		Map<String, Object> model = result.getModelAndView().getModel();
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return new Upload(cookie, (String) model.get("token"), (Review) model.get("review"), (Context) model.get("context"));
	}

	@SuppressWarnings("unchecked")
	static List<Problem> problems(MvcResult result) {
		return (List<Problem>) result.getModelAndView().getModel().get("problems");
	}
}
