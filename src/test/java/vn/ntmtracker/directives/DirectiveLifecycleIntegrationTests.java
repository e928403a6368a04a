package vn.ntmtracker.directives;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole life of a directive through the API: the district registers a notice and assigns a directive to
 * the commune; the commune reports progress; the district extends the deadline; the commune completes with
 * evidence; the district returns it, then accepts the second completion. Plus stale writes and bad input.
 */
@IntegrationTest
class DirectiveLifecycleIntegrationTests {

	static final String PASSWORD = "ntm-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	long org(String code) {
		return jdbc.sql("select id from organisation where code = :c").param("c", code).query(Long.class).single();
	}

	JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn();
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return body.isEmpty() ? null : json.readTree(body);
	}

	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder builder, String user, String body) {
		return builder.with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	long newDocument(String number) throws Exception {
		JsonNode doc = call(json(post("/api/documents"), "vpdp-camxuyen", """
				{"kind":"CONCLUSION_NOTICE","number":"%s","issuedOn":"2024-06-03","issuerId":%d,"signer":"Lê Ngọc Hà",
				 "signingForm":"KT","subject":"Kết luận kiểm tra tiến độ","unitCodes":["HT-CAMQUANG"],
				 "distribution":["UBND xã Cẩm Quang;","Lưu: VT."],
				 "attachment":{"fileName":"tb.txt","contentBase64":"%s"}}""".formatted(number, org("CX-BCD"),
				Base64.getEncoder().encodeToString("Thông báo kết luận".getBytes(java.nio.charset.StandardCharsets.UTF_8)))), 201);
		assertThat(doc.get("signingForm").asString()).isEqualTo("KT.");
		assertThat(doc.get("attachments").get(0).get("mediaType").asString()).startsWith("text/plain");
		return doc.get("document").get("id").asLong();
	}

	long newDirective(long document, boolean evidenceRequired) throws Exception {
		JsonNode row = call(json(post("/api/documents/" + document + "/directives"), "vpdp-camxuyen", """
				{"kind":"DIRECTIVE","ref":"1","text":"Hoàn thiện hồ sơ khu dân cư kiểu mẫu thôn Quang Hà","leadId":%d,
				 "cooperatingIds":[%d],"unitCodes":["HT-CAMQUANG-T4"],"setCode":"HT-NC-2021","criterionNumber":"17",
				 "deadline":"trước ngày 20/6/2024","evidenceRequired":%s}""".formatted(org("CQ-UBND"), org("CX-VPDP"),
				evidenceRequired)), 201);
		assertThat(row.get("deadlineWording").asString()).isEqualTo("trước ngày 20/6/2024");
		return row.get("id").asLong();
	}

	@Test
	void directiveGoesFromAssignmentThroughExtensionAndReturnToAcceptance() throws Exception {
		long directive = newDirective(newDocument("101/TB-BCĐ"), true);
		String base = "/api/directives/" + directive;

		call(json(post(base + "/progress"), "camquang",
				"{\"version\":0,\"on\":\"2024-06-10\",\"note\":\"Đã hoàn thành 3/5 hạng mục\",\"percent\":60}"), 200);
		call(json(post(base + "/extensions"), "camquang",
				"{\"version\":1,\"deadline\":\"trước ngày 10/7/2024\",\"grantedOn\":\"2024-06-18\",\"reason\":\"mưa lớn\"}"), 403);
		JsonNode extended = call(json(post(base + "/extensions"), "vpdp-camxuyen",
				"{\"version\":1,\"deadline\":\"trước ngày 10/7/2024\",\"grantedOn\":\"2024-06-18\",\"reason\":\"Mưa lớn kéo dài\"}"), 200);
		assertThat(extended.get("deadlines")).hasSize(2);
		assertThat(extended.get("deadlines").get(0).get("deadline").get("wording").asString()).isEqualTo("trước ngày 20/6/2024");
		assertThat(extended.get("directive").get("extended").asBoolean()).isTrue();

		JsonNode completed = call(json(post(base + "/completion"), "camquang",
				"{\"version\":2,\"on\":\"2024-07-05\",\"evidence\":\"Hồ sơ đã nộp\"}"), 200);
		assertThat(completed.get("directive").get("bucket").asString()).isEqualTo("COMPLETED_ON_TIME");
		call(json(post(base + "/acceptance"), "camquang", "{\"version\":3,\"on\":\"2024-07-06\"}"), 403);
		JsonNode returned = call(json(post(base + "/return"), "vpdp-camxuyen",
				"{\"version\":3,\"on\":\"2024-07-06\",\"reason\":\"Thiếu biên bản của thôn\"}"), 200);
		assertThat(returned.get("directive").get("status").asString()).isEqualTo("OPEN");
		assertThat(returned.get("directive").get("returnReason").asString()).isEqualTo("Thiếu biên bản của thôn");

		call(json(post(base + "/completion"), "camquang", "{\"version\":4,\"on\":\"2024-07-12\",\"evidence\":\"Bổ sung biên bản\"}"), 200);
		JsonNode accepted = call(json(post(base + "/acceptance"), "vpdp-camxuyen", "{\"version\":5,\"on\":\"2024-07-15\"}"), 200);
		assertThat(accepted.get("directive").get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("directive").get("bucket").asString()).isEqualTo("COMPLETED_LATE");
		assertThat(accepted.get("events")).hasSize(6);

		long audited = jdbc.sql("select count(*) from audit_log where entity_type = 'directive' and entity_id = :id")
			.param("id", String.valueOf(directive)).query(Long.class).single();
		assertThat(audited).as("one create and six updates").isEqualTo(7);
	}

	@Test
	void aStaleVersionIsAConflictAndLosesNothing() throws Exception {
		long directive = newDirective(newDocument("102/TB-BCĐ"), false);
		String base = "/api/directives/" + directive;
		call(json(post(base + "/progress"), "camquang", "{\"version\":0,\"on\":\"2024-06-10\",\"note\":\"Lần một\"}"), 200);
		JsonNode conflict = call(json(post(base + "/progress"), "camquang",
				"{\"version\":0,\"on\":\"2024-06-11\",\"note\":\"Lần hai, từ trang cũ\"}"), 409);
		assertThat(conflict.get("message").asString()).contains("người khác");
		assertThat(events(directive)).isEqualTo(1);
	}

	@Test
	void documentEditsAreOptimisticallyLockedToo() throws Exception {
		long document = newDocument("103/TB-BCĐ");
		String body = """
				{"version":%d,"kind":"CONCLUSION_NOTICE","number":"103/TB-BCĐ","issuedOn":"2024-06-03","issuerId":%d,
				 "subject":"Kết luận (sửa)","unitCodes":["HT-CAMQUANG"]}""";
		call(json(put("/api/documents/" + document), "vpdp-camxuyen", body.formatted(0, org("CX-BCD"))), 200);
		call(json(put("/api/documents/" + document), "vpdp-camxuyen", body.formatted(0, org("CX-BCD"))), 409);
	}

	@Test
	void badInputGetsAClearMessageAndSavesNothing() throws Exception {
		long document = newDocument("104/TB-BCĐ");
		long directivesBefore = count("directive");
		JsonNode early = call(json(post("/api/documents/" + document + "/directives"), "vpdp-camxuyen", """
				{"text":"Việc có hạn trước ngày văn bản","leadId":%d,"unitCodes":["HT-CAMQUANG"],"deadline":"trước ngày 25/5/2024"}"""
			.formatted(org("CQ-UBND"))), 422);
		assertThat(early.get("message").asString()).contains("25/5/2024").contains("3/6/2024");
		JsonNode unknown = call(json(post("/api/documents/" + document + "/directives"), "vpdp-camxuyen", """
				{"text":"Việc của tổ chức không có","leadId":987654,"unitCodes":["HT-CAMQUANG"],"deadline":"trước ngày 25/7/2024"}"""), 422);
		assertThat(unknown.get("message").asString()).contains("987654");
		call(json(post("/api/documents/" + document + "/directives"), "vpdp-camxuyen", """
				{"text":"Hạn không đọc được","leadId":%d,"unitCodes":["HT-CAMQUANG"],"deadline":"sớm nhất có thể"}"""
			.formatted(org("CQ-UBND"))), 422);
		assertThat(count("directive")).isEqualTo(directivesBefore);

		long documentsBefore = count("document");
		JsonNode wrongType = call(json(post("/api/documents"), "vpdp-camxuyen", """
				{"kind":"PLAN","issuedYear":2024,"issuerId":%d,"subject":"Kèm tệp lạ","attachment":{"fileName":"x.pdf","contentBase64":"%s"}}"""
			.formatted(org("CX-BCD"), Base64.getEncoder().encodeToString(new byte[] { 'M', 'Z', 0, 1, 2 }))), 422);
		assertThat(wrongType.get("message").asString()).contains("x.pdf");
		byte[] big = new byte[AttachmentPolicy.MAX_BYTES + 10];
		System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
		call(json(post("/api/documents"), "vpdp-camxuyen", """
				{"kind":"PLAN","issuedYear":2024,"issuerId":%d,"subject":"Kèm tệp lớn","attachment":{"fileName":"lon.pdf","contentBase64":"%s"}}"""
			.formatted(org("CX-BCD"), Base64.getEncoder().encodeToString(big))), 422);
		call(json(post("/api/documents"), "vpdp-camxuyen", """
				{"kind":"PLAN","issuedYear":2024,"issuerId":987654,"subject":"Cơ quan không có"}"""), 422);
		assertThat(count("document")).isEqualTo(documentsBefore);

		long directive = newDirective(document, true);
		long auditBefore = count("audit_log");
		JsonNode noEvidence = call(json(post("/api/directives/" + directive + "/completion"), "camquang",
				"{\"version\":0,\"on\":\"2024-06-10\",\"evidence\":\"\"}"), 422);
		assertThat(noEvidence.get("message").asString()).contains("minh chứng");
		assertThat(events(directive)).isZero();
		assertThat(count("audit_log")).isEqualTo(auditBefore);
		mvc.perform(get("/api/directives/" + directive).with(httpBasic("camquang", PASSWORD)))
			.andExpect(jsonPath("$.directive.status").value("OPEN"));
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	long events(long directive) {
		return jdbc.sql("select count(*) from directive_event where directive_id = :id").param("id", directive)
			.query(Long.class).single();
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	@Test
	void aPhotoIsKeptAsUploadedAndShownFromADisplayCopyOfAtMost1280Pixels() throws Exception {
		byte[] photo = AttachmentPolicyTests.image("png", 3000, 2000);
		JsonNode doc = call(json(post("/api/documents"), "vpdp-camxuyen", """
				{"kind":"CONCLUSION_NOTICE","number":"%s/TB-BCĐ","issuedOn":"2024-06-04","issuerId":%d,"signer":"Lê Ngọc Hà",
				 "subject":"Ảnh hiện trường kiểm tra","unitCodes":["HT-CAMQUANG"],
				 "attachment":{"fileName":"hien-truong.png","contentBase64":"%s"}}""".formatted(
				vn.ntmtracker.Fixtures.uniqueCode("ANH"), org("CX-BCD"),
				Base64.getEncoder().encodeToString(photo))), 201);
		long id = doc.get("document").get("id").asLong();
		JsonNode file = doc.get("attachments").get(0);
		assertThat(file.get("mediaType").asString()).isEqualTo("image/png");
		var reader = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("vpdp-camxuyen"));
		String base = "/documents/" + id + "/attachments/" + file.get("id").asLong();
		MvcResult original = mvc.perform(get(base).with(reader)).andExpect(status().isOk()).andReturn();
		assertThat(original.getResponse().getContentAsByteArray()).isEqualTo(photo);
		MvcResult shown = mvc.perform(get(base + "/preview").with(reader)).andExpect(status().isOk()).andReturn();
		assertThat(shown.getResponse().getContentType()).isEqualTo("image/jpeg");
		assertThat(shown.getResponse().getHeader("Content-Disposition")).startsWith("inline");
		java.awt.image.BufferedImage image = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(shown.getResponse().getContentAsByteArray()));
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(image.getHeight()).isEqualTo(853);
		String page = mvc.perform(get("/documents/" + id).with(reader)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("src=\"" + base + "/preview\"").contains("alt=\"Ảnh hien-truong.png\"");
		// a reader outside the document's reach gets neither the photo nor its copy
		var stranger = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("banbo"));
		mvc.perform(get(base + "/preview").with(stranger)).andExpect(status().isNotFound());
	}
}
