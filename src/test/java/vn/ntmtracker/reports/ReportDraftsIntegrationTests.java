package vn.ntmtracker.reports;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.units.UnitWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drafts on a commune and a province the test creates: free texts saved and shown, stale edits refused, the next
 * number of the issuer's register taken at issuing and the PDF registered; a province's template wording reaching the
 * next report of its communes and no one else's.
 */
@IntegrationTest
class ReportDraftsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitWriter units;

	final JsonMapper json = JsonMapper.builder().build();

	String commune;
	String officer;
	long committee;

	@BeforeEach
	void commune() throws Exception {
		commune = fixtures.commune("42", "BTB", 2);
		officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String body = mvc.perform(post("/api/organisations").with(httpBasic("admin", Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("code", Fixtures.uniqueCode("UB"), "kind", "PEOPLES_COMMITTEE",
					"name", "UBND xã kiểm thử " + commune, "unitCode", commune))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		committee = json.readTree(body).get("id").asLong();
	}

	JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
		String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
		return body.isEmpty() ? null : json.readTree(body);
	}

	JsonNode newReport(String user) throws Exception {
		return call(post("/api/reports/drafts").with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"progress-report\",\"unit\":\"" + commune + "\",\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}"), 201);
	}

	@Test
	void freeTextIsSavedAsADraftAndAStaleEditIsRefused() throws Exception {
		JsonNode draft = newReport(officer);
		long id = draft.get("id").asLong();
		assertThat(draft.get("issuerId").asLong()).isEqualTo(committee);
		assertThat(draft.get("texts").get("difficulties").asText()).contains("Tồn tại, hạn chế");
		String edit = "{\"version\":0,\"signerName\":\"Nguyễn Văn An\",\"texts\":{\"difficulties\":\"- Mưa lũ tháng 9 làm hỏng **2,3 km** đường trục thôn.\"}}";
		JsonNode saved = call(put("/api/reports/drafts/{id}", id).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(edit), 200);
		assertThat(saved.get("version").asInt()).isEqualTo(1);
		mvc.perform(put("/api/reports/drafts/{id}", id).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(edit)).andExpect(status().isConflict());
		mvc.perform(put("/api/reports/drafts/{id}", id).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1,\"texts\":{\"difficulties\":\"" + "x".repeat(20_001) + "\"}}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message").value(containsString("difficulties")));
		mvc.perform(put("/api/reports/drafts/{id}", id).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1,\"texts\":{\"nosuch\":\"x\"}}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message").value(containsString("nosuch")));
		byte[] pdf = mvc.perform(get("/api/reports/drafts/{id}/file", id).param("format", "pdf").with(httpBasic(officer, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		PdfProbe.Probe probe = PdfProbe.read(pdf);
		assertThat(probe.text().replaceAll("\\s+", " ")).contains("Mưa lũ tháng 9 làm hỏng 2,3 km đường trục thôn").contains("DỰ THẢO")
			.contains("Nguyễn Văn An");
		assertThat(probe.hasRun("2,3 km", "bold")).as("**2,3 km** in bold").isTrue();

		String stranger = fixtures.user(Role.COMMUNE_OFFICER, fixtures.commune("42", "BTB", 0));
		mvc.perform(get("/api/reports/drafts/{id}", id).with(httpBasic(stranger, Fixtures.PASSWORD))).andExpect(status().isNotFound());
		String leader = fixtures.user(Role.LEADER, commune);
		mvc.perform(post("/api/reports/drafts").with(httpBasic(leader, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"progress-report\",\"unit\":\"" + commune + "\",\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'report_draft' and entity_id = :id").param("id", Long.toString(id))
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void issuingTakesTheNextNumberOfTheRegisterAndRegistersThePdf() throws Exception {
		// A report typed into the register by hand this year already holds number 05.
		call(post("/api/documents").with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"REPORT\",\"number\":\"05/BC-UBND\",\"issuedOn\":\"2026-03-02\",\"issuerId\":" + committee
					+ ",\"subject\":\"Báo cáo nhập tay\",\"unitCodes\":[\"" + commune + "\"]}"), 201);
		long first = newReport(officer).get("id").asLong();
		mvc.perform(post("/api/reports/drafts/{id}/issue", first).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("signerName")));
		call(put("/api/reports/drafts/{id}", first).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"signerName\":\"Nguyễn Văn An\",\"issuedOn\":\"2026-07-05\"}"), 200);
		JsonNode issued = call(post("/api/reports/drafts/{id}/issue", first).with(httpBasic(officer, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"), 200);
		assertThat(issued.get("number").asText()).isEqualTo("06/BC-UBND");
		assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
		long document = issued.get("registeredDocumentId").asLong();
		assertThat(jdbc.sql("select number from document where id = :id").param("id", document).query(String.class).single()).isEqualTo("06/BC-UBND");
		byte[] attached = jdbc.sql("select content from attachment where document_id = :id").param("id", document).query(byte[].class).single();
		PdfProbe.Probe probe = PdfProbe.read(attached);
		assertThat(probe.text().replaceAll("\\s+", " ")).contains("Số: 06/BC-UBND").doesNotContain("DỰ THẢO").contains("ngày 05 tháng 7 năm 2026");
		mvc.perform(put("/api/reports/drafts/{id}", first).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":2,\"signerName\":\"X\"}")).andExpect(status().isUnprocessableContent());

		long second = newReport(officer).get("id").asLong();
		call(put("/api/reports/drafts/{id}", second).with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"signerName\":\"Nguyễn Văn An\",\"issuedOn\":\"2026-07-06\"}"), 200);
		assertThat(call(post("/api/reports/drafts/{id}/issue", second).with(httpBasic(officer, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"), 200).get("number").asText()).isEqualTo("07/BC-UBND");
	}

	@Test
	void aProvinceChangesTheProgressReportWordingAndItsNextReportShowsIt() throws Exception {
		String province = Fixtures.uniqueCode("FP");
		String ownCommune = province + "-X";
		units.importCsv(new StringReader("code,name,kind,parent_code,valid_from,valid_to,region,commune_group,especially_disadvantaged,safe_zone_poor_district\n"
				+ province + ",Tỉnh kiểm thử " + province + ",tỉnh,,2000-01-01,,BTB,,,\n"
				+ ownCommune + ",Xã mẫu riêng,xã," + province + ",2000-01-01,,BTB,2,,\n"));
		JsonNode national = call(get("/api/reports/templates/progress-report").param("province", province).with(httpBasic("admin", Fixtures.PASSWORD)), 200);
		String changed = national.get("body").asText().replace("I. KẾT QUẢ ĐẠT ĐƯỢC", "I. KẾT QUẢ NỔI BẬT CỦA TỈNH KIỂM THỬ");
		assertThat(changed).isNotEqualTo(national.get("body").asText());
		String payload = json.writeValueAsString(Map.of("version", 0, "body", changed, "note", "Đổi tên mục I"));
		mvc.perform(put("/api/reports/templates/progress-report").param("scope", province).with(httpBasic(officer, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(payload)).andExpect(status().isForbidden());
		JsonNode saved = call(put("/api/reports/templates/progress-report").param("scope", province).with(httpBasic("admin", Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(payload), 200);
		assertThat(saved.get("version").asInt()).isEqualTo(1);
		mvc.perform(put("/api/reports/templates/progress-report").param("scope", province).with(httpBasic("admin", Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(payload)).andExpect(status().isConflict());
		mvc.perform(put("/api/reports/templates/progress-report").param("scope", province).with(httpBasic("admin", Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("version", 1,
					"body", changed.replace("{{unit.name}}", "{{unit.nam}}")))))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message").value(containsString("{{unit.nam}}")))
			.andExpect(jsonPath("$.message").value(containsString("Dòng ")));

		String own = PdfProbe.read(mvc.perform(get("/api/reports/progress-report").param("unit", ownCommune).param("from", "2026-01-01")
			.param("to", "2026-06-30").with(httpBasic("admin", Fixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray()).text();
		assertThat(own).contains("I. KẾT QUẢ NỔI BẬT CỦA TỈNH KIỂM THỬ");
		String elsewhere = PdfProbe.read(mvc.perform(get("/api/reports/progress-report").param("unit", commune).param("from", "2026-01-01")
			.param("to", "2026-06-30").with(httpBasic(officer, Fixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray()).text();
		assertThat(elsewhere).contains("I. KẾT QUẢ ĐẠT ĐƯỢC").doesNotContain("NỔI BẬT");
	}
}
