package vn.ntmtracker.assessment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AssessmentImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.ntmtracker.security.UserAccounts accounts;

	byte[] filledTemplate(String unitArea, String user, String value) throws Exception {
		byte[] template = mvc.perform(get("/assessments/template.xlsx").param("set", "QD318-2022-XA-NTM").param("unit", unitArea)
				.with(user(accounts.loadUserByUsername(user))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.getSheet(AssessmentWorkbook.DATA);
			for (int r = AssessmentWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
				sheet.getRow(r).getCell(AssessmentWorkbook.FIRST_VALUE_COLUMN).setCellValue(value);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void importsAFilledTemplateAsRoundsWithComputedResults() throws Exception {
		long before = jdbc.sql("select count(*) from assessment_round where unit_code = 'TH-CAMLUONG' and as_of = '2025-01-15'").query(Long.class).single();
		byte[] file = filledTemplate("TH-CAMLUONG", "camluong", "Đạt");
		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx", null, file))
				.param("asOf", "2025-01-15").with(httpBasic("camluong", "ntm-demo")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(1));
		assertThat(jdbc.sql("select count(*) from assessment_round where unit_code = 'TH-CAMLUONG' and as_of = '2025-01-15'").query(Long.class).single())
			.isEqualTo(before + 1);
		// each of the 19 criteria judged and stored as a letter on the round, the totals beside them
		var stored = jdbc.sql("""
				select statuses, total from assessment_round where unit_code = 'TH-CAMLUONG' and as_of = '2025-01-15'
				order by id desc limit 1""").query((rs, n) -> List.of(rs.getString(1), rs.getInt(2))).single();
		assertThat((String) stored.get(0)).hasSize(19).matches("[DBOPCMXQ]+");
		assertThat(stored.get(1)).isEqualTo(19);
	}

	@Test
	void aRowOutsideTheUploadersJurisdictionRejectsTheWholeFile() throws Exception {
		byte[] file = filledTemplate("38", "admin", "Đạt");
		long before = jdbc.sql("select count(*) from assessment_round").query(Long.class).single();
		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx", null, file))
				.param("asOf", "2025-02-01").with(httpBasic("camluong", "ntm-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.problems[0].cell").exists());
		assertThat(jdbc.sql("select count(*) from assessment_round").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aWrongValueRejectsTheWholeFileNamingTheCell() throws Exception {
		byte[] file = filledTemplate("TH-CAMLUONG", "camluong", "có lẽ");
		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx", null, file))
				.param("asOf", "2025-03-01").with(httpBasic("camluong", "ntm-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].sheet").value(AssessmentWorkbook.DATA))
			.andExpect(jsonPath("$.problems[0].cell").value("C5"));
	}

	/** A second upload of the same template for the same unit and date brings the draft up to the file; a submitted round is left alone. */
	@Test
	void theSameFileAgainUpdatesTheDraftAndNeverASubmittedRound(@Autowired vn.ntmtracker.Fixtures fixtures, @Autowired Assessments assessments,
			@Autowired TestRounds rounds) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(vn.ntmtracker.security.Role.COMMUNE_OFFICER, commune);
		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx", null, filledTemplate(commune, officer, "Đạt")))
				.param("asOf", "2024-01-20").with(httpBasic(officer, "ntm-demo")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.updated").value(0));
		long id = jdbc.sql("select id from assessment_round where unit_code = :u").param("u", commune).query(Long.class).single();
		int version = rounds.as(officer, () -> assessments.round(id)).version();

		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx", null, filledTemplate(commune, officer, "Không đạt")))
				.param("asOf", "2024-01-20").with(httpBasic(officer, "ntm-demo")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.rounds[0].id").value(id));
		assertThat(jdbc.sql("select count(*) from assessment_round where unit_code = :u").param("u", commune).query(Long.class).single()).isEqualTo(1);
		AssessmentRound updated = rounds.as(officer, () -> assessments.round(id));
		assertThat(updated.version()).isEqualTo(version + 1);
		assertThat(rounds.as(officer, () -> assessments.view(id)).round().achieved()).isLessThan(rounds.as(officer, () -> assessments.round(id)).total());

		rounds.as(officer, () -> {
			assessments.submit(id, updated.version());
			return null;
		});
		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx", null, filledTemplate(commune, officer, "Đạt")))
				.param("asOf", "2024-01-20").with(httpBasic(officer, "ntm-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].cell").value("A5"))
			.andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.containsString("không ghi đè")));
		assertThat(rounds.as(officer, () -> assessments.round(id)).status()).isEqualTo(RoundStatus.SUBMITTED);
	}

	/** The upload page answers with the rounds written, or with every cell problem — never a server error. */
	@Test
	void theUploadPageListsTheRoundsOrTheCellProblems(@Autowired vn.ntmtracker.Fixtures fixtures) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(vn.ntmtracker.security.Role.COMMUNE_OFFICER, commune);
		String good = mvc.perform(multipart("/assessments/import").file(new MockMultipartFile("file", "tot.xlsx", null, filledTemplate(commune, officer, "Đạt")))
				.param("asOf", "2024-02-20").with(user(accounts.loadUserByUsername(officer)))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(good).contains("id=\"imported-rounds\"", "kiểm thử " + commune);
		String bad = mvc.perform(multipart("/assessments/import").file(new MockMultipartFile("file", "sai.xlsx", null, filledTemplate(commune, officer, "có lẽ")))
				.param("asOf", "2024-02-21").with(user(accounts.loadUserByUsername(officer)))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(bad).contains("id=\"import-problems\"", "sai.xlsx", "SoLieu", "C5");
	}
}
