package vn.ntmtracker.web.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.web.imports.DocumentIntegrationSupport.Upload;
import vn.ntmtracker.web.imports.DocumentImport.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The save step of the document import: everything in one transaction (document, original file, directives with their
 * joint leads, requests, stated criteria status), every problem named at once at its row, and a refused form leaving no
 * trace at all. Seed 002 imported again is caught as the document already registered.
 */
@IntegrationTest
class DocumentImportIntegrationTests {

	static final String NUMBER = "06/TB-BCĐ (kiểm thử nhập)";
	static final Path SEED_002 = Path.of("src/test/resources/seeds/002_camquang-hatinh-thongbao-ketluan-2024.txt");

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

	private Upload upload(String username) throws Exception {
		Upload upload = DocumentIntegrationSupport.upload(mvc, as(username), "002.txt", Files.readAllBytes(SEED_002));
		assertThat(upload.review().header().issuerId()).as("issuer matched to an organisation").isNotNull();
		return upload;
	}

	private MockHttpServletRequestBuilder save(Upload upload, String username, Map<String, String> fields) {
		return ReviewForms.with(post("/documents/import/save").cookie(upload.session()).with(as(username)).with(csrf()), fields);
	}

	/** Seed 002 as a reviewer saves it under another number: one directive, one request, one dropped item, the status. */
	private Map<String, String> reviewed(Upload upload, String units, String statusUnit, String statusTotal, String deadline1,
			String deadline2) {
		long lead = jdbc.sql("select id from organisation where code = 'CX-NV'").query(Long.class).single();
		Map<String, String> f = upload.fields();
		f.keySet().removeIf(k -> k.matches("(keep|kind|request|text|ref|deadline|criterion)_\\d+|(lead|coop)_\\d+_.*"));
		f.put("number", NUMBER);
		f.put("issuedOn", "2024-03-12");
		f.put("issuedYear", "");
		f.put("subject", "Kết luận của Tổ công tác");
		f.put("units", units);
		f.put("setCode", "HT-2022-XA-NTM-NC");
		f.put("mode", "ISSUED");
		f.remove("choice");
		f.putAll(Map.of("keep_1", "on", "kind_1", "DIRECTIVE", "text_1", "Rà soát biên chế công chức xã", "lead_1_0",
				Long.toString(lead), "lead_1_name_0", "Phòng Nội vụ", "deadline_1", deadline1, "criterion_1", ""));
		f.putAll(Map.of("keep_2", "on", "kind_2", "REQUEST", "request_2", "Đề nghị bổ sung 02 công chức", "text_2",
				"Giao phòng Nội vụ chủ trì tham mưu bổ sung công chức", "lead_2_0", Long.toString(lead), "lead_2_name_0",
				"Phòng Nội vụ", "deadline_2", deadline2, "criterion_2", ""));
		f.putAll(Map.of("kind_3", "DIRECTIVE", "text_3", "Mục đã bỏ", "lead_3_0", "", "lead_3_name_0", "", "deadline_3", "",
				"criterion_3", ""));
		f.putAll(Map.of("status_keep_1", "on", "status_unit_1", statusUnit, "status_date_1", "2024-03-12", "status_achieved_1",
				"3", "status_total_1", statusTotal, "status_level_1", "NTM_NANG_CAO"));
		return f;
	}

	private Map<String, String> reviewed(Upload upload, String units, String statusUnit, String statusTotal) {
		return reviewed(upload, units, statusUnit, statusTotal, "trước ngày 10/4/2024", "");
	}

	private Map<String, Long> counts() {
		return Map.of("document", count("document"), "directive", count("directive"), "attachment", count("attachment"),
				"stated", count("assessment_stated_status"), "audit", count("audit_log"), "receipt", count("document_receipt"),
				"funds", count("fund_entry"));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static List<Problem> problems(MvcResult result) {
		return DocumentIntegrationSupport.problems(result);
	}

	@Test
	void savesTheDocumentItsFileDirectivesRequestsAndStatedStatusTogetherAndCatchesTheSameDocumentAgain() throws Exception {
		Upload upload = upload("admin");
		mvc.perform(save(upload, "admin", reviewed(upload, "HT-CAMQUANG", "HT-CAMQUANG", "20"))).andExpect(status().is3xxRedirection());

		long document = jdbc.sql("select id from document where number = :n").param("n", NUMBER).query(Long.class).single();
		assertThat(jdbc.sql("select kind || '|' || coalesce(request_text, '') || '|' || coalesce(raised_by_unit, '') from directive where document_id = :d order by id")
			.param("d", document).query(String.class).list())
			.containsExactly("DIRECTIVE||", "REQUEST|Đề nghị bổ sung 02 công chức|HT-CAMQUANG");
		assertThat(jdbc.sql("select file_name from attachment where document_id = :d").param("d", document).query(String.class).list())
			.containsExactly("002.txt");
		assertThat(jdbc.sql("select achieved || '/' || total || ' ' || level || ' ' || stated_on || ' ' || source_link from assessment_stated_status where unit_code = 'HT-CAMQUANG' and source like :n")
			.param("n", NUMBER + "%").query(String.class).list())
			.containsExactly("3/20 NTM_NANG_CAO 2024-03-12 /documents/" + document);
		// The signer and the distribution list read from the notice are on the document.
		assertThat(jdbc.sql("select signer || '|' || signing_form || '|' || distribution from document where id = :d").param("d", document)
			.query(String.class).single()).startsWith("Lê Ngọc Hà|KT|Thường trực Huyện ủy").contains("Đảng ủy, UBND các xã, thị trấn");

		// The same review saved again is the same document (issuer, number, date): caught, nothing written.
		Map<String, Long> before = counts();
		MvcResult again = mvc.perform(save(upload, "admin", reviewed(upload, "HT-CAMQUANG", "HT-CAMQUANG", "20")))
			.andExpect(status().isOk()).andExpect(view().name("imports/review")).andReturn();
		assertThat(problems(again)).extracting(Problem::anchor).contains("duplicate");
		assertThat(counts()).isEqualTo(before);
		mvc.perform(get("/units/HT-CAMQUANG/assessments").with(as("camquang")))
			.andExpect(status().isOk()).andExpect(content().string(containsString(NUMBER)));
		mvc.perform(get("/api/units/HT-CAMQUANG/stated-statuses").with(as("camquang")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].achieved").value(3));
	}

	/** The wordings the extractor proposes are read by the same reader at save: none refuses the import. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
			"trước 30/6 | DATE | 2024-06-30 | cuối năm | YEAR | 2024-12-31",
			"6 tháng đầu năm 2024 | HALF_YEAR | 2024-06-30 | hàng năm | RECURRING | " })
	void everyWordingTheExtractorProposesIsSaved(String first, String firstKind, String firstDue, String second,
			String secondKind, String secondDue) throws Exception {
		Upload upload = upload("admin");
		mvc.perform(save(upload, "admin", reviewed(upload, "HT-CAMQUANG", "HT-CAMQUANG", "20", first, second)))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				select dd.wording || '|' || dd.kind || '|' || coalesce(cast(dd.due_date as text), '')
				from directive_deadline dd join directive d on d.id = dd.directive_id join document doc on doc.id = d.document_id
				where doc.number = :n order by d.id""").param("n", NUMBER).query(String.class).list())
			.containsExactly(first + "|" + firstKind + "|" + firstDue, second + "|" + secondKind + "|" + (secondDue == null ? "" : secondDue));
	}

	@Test
	void everyProblemIsNamedAtOnceAtItsRowAndNothingIsSaved() throws Exception {
		Upload upload = upload("admin");
		Map<String, Long> before = counts();
		Map<String, String> f = reviewed(upload, "HT-CAMQUANG", "HT-CAMQUANG", "2");
		f.put("lead_1_0", "");
		f.put("deadline_2", "khi nào xong");
		f.put("subject", "");
		MvcResult result = mvc.perform(save(upload, "admin", f))
			.andExpect(status().isOk()).andExpect(view().name("imports/review")).andReturn();
		assertThat(problems(result)).extracting(p -> p.anchor() + " " + p.message()).satisfiesExactlyInAnyOrder(
				p -> assertThat(p).startsWith("header ").contains("trích yếu"),
				p -> assertThat(p).startsWith("item-1 Mục 1:").contains("Phòng Nội vụ"),
				p -> assertThat(p).startsWith("item-2 Mục 2:").contains("khi nào xong"),
				p -> assertThat(p).startsWith("status-1 ").contains("3/2"));
		assertThat(result.getModelAndView().getModel().get("fileName")).isEqualTo("002.txt");
		assertThat(result.getResponse().getContentAsString()).contains("id=\"problems\"").contains("href=\"#item-2\"");
		assertThat(counts()).isEqualTo(before);
		// The file waited in the session: the corrected form saves it with the document.
		mvc.perform(save(upload, "admin", reviewed(upload, "HT-CAMQUANG", "HT-CAMQUANG", "20"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from attachment a join document d on d.id = a.document_id where d.number = :n")
			.param("n", NUMBER).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aStatusForAUnitOutsideTheReviewersJurisdictionIsNamedAtItsRowAndNothingIsSaved() throws Exception {
		Upload upload = upload("vpdp-hatinh");
		Map<String, Long> before = counts();
		MvcResult result = mvc.perform(save(upload, "vpdp-hatinh", reviewed(upload, "HT-CAMQUANG", "TH-CAMTHACH", "20")))
			.andExpect(status().isOk()).andExpect(view().name("imports/review")).andReturn();
		assertThat(problems(result)).filteredOn(p -> p.anchor().equals("status-1")).extracting(Problem::message)
			.anySatisfy(m -> assertThat(m).contains("không có quyền").contains("TH-CAMTHACH"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aRequestWithoutTheUnitThatRaisedItIsRefused() throws Exception {
		Upload upload = upload("admin");
		Map<String, Long> before = counts();
		MvcResult result = mvc.perform(save(upload, "admin", reviewed(upload, "", "HT-CAMQUANG", "20")))
			.andExpect(status().isOk()).andReturn();
		assertThat(problems(result)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("Mục 2"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aCommuneOfficerIsOfferedTheNoticeAsReceivedNeverAsItsIssuer() throws Exception {
		Upload upload = upload("camquang");
		assertThat(upload.context().mayIssue()).isFalse();
		assertThat(upload.review().mode()).isEqualTo(DocumentImport.Mode.RECEIVED);
		Map<String, Long> before = counts();
		Map<String, String> f = reviewed(upload, "HT-CAMQUANG", "HT-CAMQUANG", "20");
		f.put("mode", "ISSUED");
		MvcResult result = mvc.perform(save(upload, "camquang", f)).andExpect(status().isOk()).andReturn();
		assertThat(problems(result)).extracting(Problem::message)
			.anySatisfy(m -> assertThat(m).contains("Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên").contains("văn bản đến"));
		assertThat(counts()).isEqualTo(before);
	}

	/** Issue 12: seed 002 imported again silently made a second copy with 34 more directives. */
	@Test
	void importingSeed002AgainIsCaughtAndTheReviewerChoosesToOpenTheExistingOne() throws Exception {
		long existing = jdbc.sql("select d.id from document d join organisation o on o.id = d.issuer_id where o.code = 'CX-BCD' and d.number = '06/TB-BCĐ'")
			.query(Long.class).single();
		Upload upload = upload("vpdp-camxuyen");
		assertThat(upload.review().header().number()).isEqualTo("06/TB-BCĐ");
		assertThat(upload.context().existing()).extracting(e -> e.document().id()).containsExactly(existing);
		assertThat(upload.context().existing().get(0).exact()).isTrue();
		Map<String, Long> before = counts();
		MvcResult refused = mvc.perform(save(upload, "vpdp-camxuyen", upload.fields())).andExpect(status().isOk()).andReturn();
		// Listed first, with the other problems of the page (bodies the reviewer still has to choose).
		assertThat(problems(refused)).as(problems(refused).toString()).extracting(Problem::anchor).startsWith("duplicate")
			.allMatch(a -> a.equals("duplicate") || a.startsWith("item-"));
		assertThat(problems(refused).get(0).message()).contains("06/TB-BCĐ").contains("đã có trong sổ");
		assertThat(counts()).isEqualTo(before);

		Map<String, String> open = upload.fields();
		open.put("choice", "OPEN");
		mvc.perform(save(upload, "vpdp-camxuyen", open)).andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/documents/" + existing));
		assertThat(counts()).isEqualTo(before);
	}

	/** A correction supersedes the existing document: linked, audited, and its directives leave the work lists. */
	@Test
	void seed002RegisteredAsACorrectionSupersedesTheExistingOne() throws Exception {
		long existing = jdbc.sql("select d.id from document d join organisation o on o.id = d.issuer_id where o.code = 'CX-BCD' and d.number = '06/TB-BCĐ'")
			.query(Long.class).single();
		Upload upload = upload("vpdp-camxuyen");
		Map<String, String> f = upload.fields();
		f.put("choice", "CORRECTION");
		// Only the directives whose bodies the page resolved are kept; the rest would need a choice.
		for (DocumentImport.Item item : upload.review().items()) {
			boolean open = item.leads().stream().anyMatch(DocumentImport.Slot::unresolved)
					|| item.cooperating().stream().anyMatch(DocumentImport.Slot::unresolved);
			if (open) {
				f.remove("keep_" + item.row());
			}
		}
		Long correction = null;
		try {
			MvcResult saved = mvc.perform(save(upload, "vpdp-camxuyen", f)).andExpect(status().is3xxRedirection()).andReturn();
			correction = Long.valueOf(saved.getResponse().getRedirectedUrl().replace("/documents/", ""));
			assertThat(jdbc.sql("select superseded_by from document where id = :id").param("id", existing).query(Long.class).single())
				.isEqualTo(correction);
			assertThat(jdbc.sql("select count(*) from document_link where document_id = :c and target_id = :e and relation = 'CORRECTS'")
				.param("c", correction).param("e", existing).query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'document' and entity_id = :e and action = 'UPDATE'")
				.param("e", Long.toString(existing)).query(Long.class).single()).isPositive();
			// The superseded notice's directives no longer count; the correction's do.
			String body = mvc.perform(get("/api/directives").param("size", "500").param("asOf", "2024-05-01").with(as("vpdp-camxuyen")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(body).doesNotContain("\"documentId\":" + existing + ",").contains("\"documentId\":" + correction + ",");
			mvc.perform(get("/documents/" + existing).with(as("vpdp-camxuyen"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"superseded\"")));
			// Joint leads: "Đảng ủy, UBND xã Cẩm Quang" items reach both bodies; the commune officer (UBND) has them as theirs.
			assertThat(jdbc.sql("""
					select count(*) from directive d where d.document_id = :c
					and (select count(*) from directive_lead_body l where l.directive_id = d.id) = 2""")
				.param("c", correction).query(Long.class).single()).isGreaterThanOrEqualTo(10);
			String mine = mvc.perform(get("/api/directives").param("mine", "true").param("size", "500").param("asOf", "2024-05-01")
					.with(as("camquang"))).andReturn().getResponse().getContentAsString();
			assertThat(mine).contains("\"documentId\":" + correction + ",").contains("Đảng ủy xã Cẩm Quang; UBND xã Cẩm Quang");
		}
		finally {
			// The demo notice is shared by every test: put it back as it was.
			jdbc.sql("update document set superseded_by = null, superseded_on = null where id = :e").param("e", existing).update();
			if (correction != null) {
				jdbc.sql("delete from document_link where document_id = :c").param("c", correction).update();
				jdbc.sql("delete from directive where document_id = :c").param("c", correction).update();
				jdbc.sql("delete from assessment_stated_status where source_link = :l").param("l", "/documents/" + correction).update();
				jdbc.sql("delete from document where id = :c").param("c", correction).update();
			}
		}
	}

	@Test
	void theApiAnswers409WithTheExistingDocumentUnlessACorrectionIsMeant() throws Exception {
		long existing = jdbc.sql("select d.id from document d join organisation o on o.id = d.issuer_id where o.code = 'CX-BCD' and d.number = '06/TB-BCĐ'")
			.query(Long.class).single();
		long issuer = jdbc.sql("select id from organisation where code = 'CX-BCD'").query(Long.class).single();
		String body = "{\"kind\":\"CONCLUSION_NOTICE\",\"number\":\"06/TB-BCĐ\",\"issuedYear\":2024,\"issuerId\":" + issuer
				+ ",\"subject\":\"Kết luận (bản nhập lại)\",\"unitCodes\":[\"HT-CAMQUANG\"]";
		long documents = count("document");
		mvc.perform(post("/api/documents").contentType("application/json").content(body + "}").with(as("vpdp-camxuyen")).with(csrf()))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.existingId").value(existing))
			.andExpect(jsonPath("$.error").value("document.error.duplicate"));
		// The same number in other writing ("06/TB-BCD") is the same document.
		mvc.perform(post("/api/documents").contentType("application/json")
				.content(body.replace("06/TB-BCĐ", "06/tb-bcd") + "}").with(as("vpdp-camxuyen")).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(count("document")).isEqualTo(documents);
		Long correction = null;
		try {
			String created = mvc.perform(post("/api/documents").contentType("application/json")
					.content(body + ",\"correctionOf\":" + existing + "}").with(as("vpdp-camxuyen")).with(csrf()))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
			correction = Long.valueOf(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
			mvc.perform(get("/api/documents/" + existing).with(as("vpdp-camxuyen")))
				.andExpect(jsonPath("$.document.supersededBy").value(correction));
			// A commune officer may not correct the district's notice.
			mvc.perform(post("/api/documents").contentType("application/json")
					.content(body + ",\"correctionOf\":" + correction + "}").with(as("camquang")).with(csrf()))
				.andExpect(status().isForbidden());
		}
		finally {
			jdbc.sql("update document set superseded_by = null, superseded_on = null where id = :e").param("e", existing).update();
			if (correction != null) {
				jdbc.sql("delete from document_link where document_id = :c").param("c", correction).update();
				jdbc.sql("delete from document where id = :c").param("c", correction).update();
			}
		}
	}
}
