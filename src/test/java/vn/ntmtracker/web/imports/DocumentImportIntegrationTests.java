package vn.ntmtracker.web.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The save step of the document import: everything in one transaction (document, original file, directives,
 * requests, stated criteria status), and a refused item or status row leaves no trace at all.
 */
@IntegrationTest
class DocumentImportIntegrationTests {

	static final String NUMBER = "06/TB-BCĐ (kiểm thử nhập)";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	@AfterEach
	void removeWhatASuccessfulSaveWrote() {
		jdbc.sql("delete from assessment_stated_status where source like :n").param("n", NUMBER + "%").update();
		jdbc.sql("delete from directive where document_id in (select id from document where number = :n)").param("n", NUMBER)
			.update();
		jdbc.sql("delete from document where number = :n").param("n", NUMBER).update();
	}

	/** A reviewer's session: the session cookie (sessions live in PostgreSQL) and the pending file's token. */
	record Review(Cookie session, String token) {
	}

	/** Uploads seed 002 and returns the session holding the pending file. */
	private Review upload(String username) throws Exception {
		byte[] seed = Files.readAllBytes(Path.of("src/test/resources/seeds/002_camquang-hatinh-thongbao-ketluan-2024.txt"));
		MvcResult result = mvc.perform(multipart("/documents/import")
				.file(new MockMultipartFile("file", "002.txt", "text/plain", seed)).with(as(username)).with(csrf()))
			.andExpect(status().isOk()).andExpect(view().name("imports/review")).andReturn();
		Map<String, Object> model = result.getModelAndView().getModel();
		assertThat(model.get("issuerId")).as("issuer matched to an organisation").isNotNull();
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return new Review(cookie, (String) model.get("token"));
	}

	/** The review form for seed 002 with one directive, one request and the stated status, as a reviewer saves it. */
	private MockHttpServletRequestBuilder save(Review review, String username, String units, String statusUnit,
			String statusTotal) {
		return save(review, username, units, statusUnit, statusTotal, "trước ngày 10/4/2024", "");
	}

	private MockHttpServletRequestBuilder save(Review review, String username, String units, String statusUnit,
			String statusTotal, String deadline1, String deadline2) {
		long issuer = jdbc.sql("select id from organisation where code = 'CX-BCD'")
			.query(Long.class).single();
		long lead = jdbc.sql("select id from organisation where code = 'CX-NV'").query(Long.class).single();
		return post("/documents/import/save").cookie(review.session()).with(as(username)).with(csrf())
			.param("token", review.token()).param("kind", "CONCLUSION_NOTICE").param("number", NUMBER).param("issuedOn", "2024-03-12")
			.param("issuerId", Long.toString(issuer)).param("subject", "Kết luận của Tổ công tác").param("units", units)
			.param("setCode", "HT-2022-XA-NTM-NC")
			.param("keep_1", "on").param("kind_1", "DIRECTIVE").param("text_1", "Rà soát biên chế công chức xã")
			.param("lead_1", Long.toString(lead)).param("deadline_1", deadline1).param("criterion_1", "")
			.param("keep_2", "on").param("kind_2", "REQUEST").param("request_2", "Đề nghị bổ sung 02 công chức")
			.param("text_2", "Giao phòng Nội vụ chủ trì tham mưu bổ sung công chức").param("lead_2", Long.toString(lead))
			.param("deadline_2", deadline2).param("criterion_2", "")
			.param("kind_3", "DIRECTIVE").param("text_3", "Mục đã bỏ").param("lead_3", "").param("deadline_3", "")
			.param("criterion_3", "")
			.param("status_keep_1", "on").param("status_name_1", "xã Cẩm Quang").param("status_unit_1", statusUnit)
			.param("status_date_1", "2024-03-12").param("status_achieved_1", "3").param("status_total_1", statusTotal).param("status_level_1", "NTM_NANG_CAO");
	}

	private Map<String, Long> counts() {
		return Map.of("document", count("document"), "directive", count("directive"), "attachment", count("attachment"),
				"stated", count("assessment_stated_status"), "audit", count("audit_log"));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void savesTheDocumentItsFileDirectivesRequestsAndStatedStatusTogether() throws Exception {
		Review review = upload("admin");
		mvc.perform(save(review, "admin", "HT-CAMQUANG", "HT-CAMQUANG", "20")).andExpect(status().is3xxRedirection());

		long document = jdbc.sql("select id from document where number = :n").param("n", NUMBER).query(Long.class).single();
		assertThat(jdbc.sql("select kind || '|' || coalesce(request_text, '') || '|' || coalesce(raised_by_unit, '') from directive where document_id = :d order by id")
			.param("d", document).query(String.class).list())
			.containsExactly("DIRECTIVE||", "REQUEST|Đề nghị bổ sung 02 công chức|HT-CAMQUANG");
		assertThat(jdbc.sql("select file_name from attachment where document_id = :d").param("d", document).query(String.class).list())
			.containsExactly("002.txt");
		assertThat(jdbc.sql("select achieved || '/' || total || ' ' || level || ' ' || stated_on || ' ' || source_link from assessment_stated_status where unit_code = 'HT-CAMQUANG'")
			.query(String.class).list())
			.containsExactly("3/20 NTM_NANG_CAO 2024-03-12 /documents/" + document);
		// The pending file was released: saving the same review again attaches nothing.
		mvc.perform(save(review, "admin", "HT-CAMQUANG", "HT-CAMQUANG", "20")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from document where number = :n").param("n", NUMBER).query(Long.class).single())
			.isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from attachment a join document d on d.id = a.document_id where d.number = :n")
			.param("n", NUMBER).query(Long.class).single()).isEqualTo(1);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/units/HT-CAMQUANG/assessments")
				.with(as("camquang")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(NUMBER)));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/units/HT-CAMQUANG/stated-statuses")
				.with(as("camquang")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].achieved").value(3));
	}

	/** The wordings the extractor proposes are read by the same reader at save: none refuses the import. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
			"trước 30/6 | DATE | 2024-06-30 | cuối năm | YEAR | 2024-12-31",
			"6 tháng đầu năm 2024 | HALF_YEAR | 2024-06-30 | hàng năm | RECURRING | " })
	void everyWordingTheExtractorProposesIsSaved(String first, String firstKind, String firstDue, String second,
			String secondKind, String secondDue) throws Exception {
		Review review = upload("admin");
		mvc.perform(save(review, "admin", "HT-CAMQUANG", "HT-CAMQUANG", "20", first, second))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				select dd.wording || '|' || dd.kind || '|' || coalesce(cast(dd.due_date as text), '')
				from directive_deadline dd join directive d on d.id = dd.directive_id join document doc on doc.id = d.document_id
				where doc.number = :n order by d.id""").param("n", NUMBER).query(String.class).list())
			.containsExactly(first + "|" + firstKind + "|" + firstDue, second + "|" + secondKind + "|" + (secondDue == null ? "" : secondDue));
	}

	@Test
	void anImpossibleStatedStatusRefusesTheWholeImport() throws Exception {
		Review review = upload("admin");
		Map<String, Long> before = counts();
		mvc.perform(save(review, "admin", "HT-CAMQUANG", "HT-CAMQUANG", "2"))
			.andExpect(status().isOk()).andExpect(view().name("imports/review"))
			.andExpect(model().attribute("error", containsString("3/2")))
			.andExpect(model().attribute("fileName", "002.txt"));
		assertThat(counts()).isEqualTo(before);
		// The file waited in the session: the corrected form saves it with the document.
		mvc.perform(save(review, "admin", "HT-CAMQUANG", "HT-CAMQUANG", "20")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from attachment a join document d on d.id = a.document_id where d.number = :n")
			.param("n", NUMBER).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aStatusForAUnitOutsideTheReviewersJurisdictionRefusesTheWholeImport() throws Exception {
		Review review = upload("vpdp-hatinh");
		Map<String, Long> before = counts();
		mvc.perform(save(review, "vpdp-hatinh", "HT-CAMQUANG", "TH-CAMTHACH", "20"))
			.andExpect(status().isOk()).andExpect(view().name("imports/review"))
			.andExpect(model().attribute("error", containsString("không có quyền")))
			.andExpect(model().attribute("error", containsString("TH-CAMTHACH")));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aRequestWithoutTheUnitThatRaisedItIsRefused() throws Exception {
		Review review = upload("admin");
		Map<String, Long> before = counts();
		mvc.perform(save(review, "admin", "", "HT-CAMQUANG", "20"))
			.andExpect(status().isOk()).andExpect(model().attribute("error", containsString("Mục 2")));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void anIssuerTheReviewerMayNotActForIsNamedAndNothingIsSaved() throws Exception {
		Review review = upload("camquang");
		Map<String, Long> before = counts();
		mvc.perform(save(review, "camquang", "HT-CAMQUANG", "HT-CAMQUANG", "20"))
			.andExpect(status().isOk()).andExpect(view().name("imports/review"))
			.andExpect(model().attribute("error", containsString("Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên")))
			.andExpect(model().attribute("error", containsString("Chưa có gì được lưu")));
		assertThat(counts()).isEqualTo(before);
	}
}
