package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

/**
 * A village's ballots from the workbook generated for it: the filled template is taken whole and replaces the
 * village's ballots; a file with a bad cell is refused naming the sheet and cell, and nothing changes. Procedure
 * versions added by an administrator are checked like the shipped files.
 */
@IntegrationTest
class SurveyImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestDossiers testDossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	long ballots(long dossier, String village) {
		return jdbc.sql("select count(*) from survey_ballot where dossier_id = :d and village_code = :v").param("d", dossier).param("v", village)
			.query(Long.class).single();
	}

	byte[] filled(byte[] template, int households, String badCell) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = workbook.getSheet(BallotWorkbook.SHEET);
			int columns = sheet.getRow(BallotWorkbook.HEADER_ROW).getLastCellNum();
			for (int h = 0; h < households; h++) {
				Row row = sheet.createRow(BallotWorkbook.FIRST_ROW + h);
				row.createCell(0).setCellValue("Hộ " + (h + 1));
				for (int c = 1; c < columns - 1; c++) {
					row.createCell(c).setCellValue(h == 0 && c == 17 ? "Không" : "Có");
				}
			}
			if (badCell != null) {
				sheet.getRow(BallotWorkbook.FIRST_ROW + 1).getCell(3).setCellValue("hơi hài lòng");
				sheet.getRow(BallotWorkbook.FIRST_ROW + 2).getCell(0).setCellValue("Hộ 1");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void aVillageFileIsTakenWholeOrRefusedByCell() throws Exception {
		String commune = fixtures.commune("38", "BTB", 2);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		String village = commune + "-T1";
		String board = fixtures.user(Role.VILLAGE_BOARD, village);
		long round = testDossiers.signedRound(officer, office, commune, TestDossiers.SET, LocalDate.of(2024, 6, 30), Set.of());
		long id = testDossiers.open(officer, commune, round, LocalDate.of(2024, 7, 1));
		byte[] template = mvc.perform(get("/api/dossiers/" + id + "/survey/template.xlsx").param("village", village)
			.with(httpBasic(board, Fixtures.PASSWORD))).andReturn().getResponse().getContentAsByteArray();

		var refused = mvc.perform(multipart("/api/dossiers/" + id + "/survey/import").file(new MockMultipartFile("file", "phieu.xlsx",
				"application/octet-stream", filled(template, 12, "D6"))).param("village", village).with(httpBasic(board, Fixtures.PASSWORD)))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		JsonNode errors = json.readTree(refused.getContentAsString()).get("errors");
		assertThat(errors.toString()).contains("\"sheet\":\"Phiếu\"", "\"cell\":\"D6\"", "hơi hài lòng", "\"cell\":\"A7\"", "dòng 5");
		assertThat(ballots(id, village)).isZero();

		var accepted = mvc.perform(multipart("/api/dossiers/" + id + "/survey/import").file(new MockMultipartFile("file", "phieu.xlsx",
				"application/octet-stream", filled(template, 12, null))).param("village", village).with(httpBasic(board, Fixtures.PASSWORD)))
			.andReturn().getResponse();
		assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
		assertThat(ballots(id, village)).isEqualTo(12);
		// the same file again replaces, never doubles
		mvc.perform(multipart("/api/dossiers/" + id + "/survey/import").file(new MockMultipartFile("file", "phieu.xlsx",
				"application/octet-stream", filled(template, 10, null))).param("village", village).with(httpBasic(board, Fixtures.PASSWORD)));
		assertThat(ballots(id, village)).isEqualTo(10);
		JsonNode survey = json.readTree(mvc.perform(get("/api/dossiers/" + id + "/survey").with(httpBasic(officer, Fixtures.PASSWORD)))
			.andReturn().getResponse().getContentAsString());
		assertThat(survey.get("items").get(16).get("number").asInt()).isEqualTo(17);
		assertThat(survey.get("items").get(16).get("satisfied").asInt()).as("criterion 17: one household not satisfied").isEqualTo(9);
		// another village's file is refused before it is read
		assertThat(mvc.perform(multipart("/api/dossiers/" + id + "/survey/import").file(new MockMultipartFile("file", "phieu.xlsx",
				"application/octet-stream", filled(template, 2, null))).param("village", commune + "-T2").with(httpBasic(board, Fixtures.PASSWORD)))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		// the page names the cells too
		String page = mvc.perform(multipart("/dossiers/" + id + "/survey/import").file(new MockMultipartFile("file", "phieu.xlsx",
				"application/octet-stream", filled(template, 12, "D6"))).param("village", village)
			.with(user(accounts.loadUserByUsername(officer))).with(csrf())).andReturn().getFlashMap().get("problems").toString();
		assertThat(page).contains("Sheet Phiếu, ô D6", "hơi hài lòng");
	}

	@Test
	void anAdministratorAddsAProcedureVersionCheckedLikeTheFiles() throws Exception {
		String yaml = ProcedureFiles.read(ProcedureFiles.FOLDER + "ht-2022-kdc-ntm-km.yaml");
		var broken = mvc.perform(post("/procedures").param("yaml", yaml.replace("version: 1", "version: 2").replace("postingDays: 10", "postingDays: mười"))
			.with(user(accounts.loadUserByUsername("admin"))).with(csrf())).andReturn();
		assertThat(broken.getFlashMap().get("problems").toString()).contains("procedure.yaml: steps[3].postingDays: expected an integer, got 'mười'");
		var same = mvc.perform(post("/procedures").param("yaml", yaml).with(user(accounts.loadUserByUsername("admin"))).with(csrf())).andReturn();
		assertThat(same.getFlashMap().get("problems").toString()).contains("already has version 1");
		String officer = fixtures.user(Role.COORDINATION, "42");
		assertThat(mvc.perform(post("/procedures").param("yaml", yaml).with(user(accounts.loadUserByUsername(officer))).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}
}
