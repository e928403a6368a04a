package vn.ntmtracker.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dates in the exported workbooks are dates (Excel sorts and filters them), shown dd/mm/yyyy, never text such as
 * 2024-05-01; statuses and kinds are in words, never DRAFT or WORKS (issue 12 item 8).
 */
@IntegrationTest
class ExportDatesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAssessmentOverviewHasItsDatesAsDateCellsAndItsStatusesInWords() throws Exception {
		byte[] xlsx = mvc.perform(get("/assessments/overview.xlsx").param("unit", "42").param("set", "HT-2022-XA-NTM-NC")
			.param("asOf", "2024-06-30").param("signedOff", "false").with(user(accounts.loadUserByUsername("vpdp-hatinh"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			List<Cell> dates = new ArrayList<>();
			List<String> statuses = new ArrayList<>();
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row != null && row.getCell(3) != null) {
					dates.add(row.getCell(3));
					statuses.add(row.getCell(4).getStringCellValue());
				}
			}
			assertThat(dates).as("assessed units").isNotEmpty().allSatisfy(ExportDatesIntegrationTests::isADayCell);
			assertThat(dates).allSatisfy(c -> assertThat(c.getLocalDateTimeCellValue().toLocalDate()).isBeforeOrEqualTo(LocalDate.of(2024, 6, 30)));
			assertThat(statuses).allSatisfy(s -> assertThat(s).doesNotMatch("[A-Z_]+"));
		}
	}

	@Test
	void thePlanHasItsStartsAndDeadlinesAsDateCellsAndItsKindsInWords() throws Exception {
		long plan = jdbc.sql("select p.id from plan p join plan_task t on t.plan_id = p.id where p.unit_code = 'HT-CAMLINH'"
				+ " and t.deadline is not null order by p.id limit 1").query(Long.class).single();
		byte[] xlsx = mvc.perform(get("/plans/" + plan + ".xlsx").with(user(accounts.loadUserByUsername("camlinh"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet tasks = workbook.getSheet("Khung kế hoạch");
			List<Cell> deadlines = new ArrayList<>();
			List<String> kinds = new ArrayList<>();
			for (int r = 3; r <= tasks.getLastRowNum(); r++) {
				Row row = tasks.getRow(r);
				if (row == null || row.getCell(2) == null || row.getCell(3) == null) {
					continue;
				}
				kinds.add(row.getCell(3).getStringCellValue());
				for (int c : new int[] { 6, 7 }) {
					Cell cell = row.getCell(c);
					if (cell != null && cell.getCellType() != CellType.STRING) {
						deadlines.add(cell);
					}
					else if (cell != null) {
						assertThat(cell.getStringCellValue()).as("a date written as text").doesNotMatch(".*\\d{1,4}[-/]\\d{1,2}[-/]\\d{1,4}.*");
					}
				}
			}
			assertThat(deadlines).as("tasks with a start or deadline").isNotEmpty().allSatisfy(ExportDatesIntegrationTests::isADayCell);
			assertThat(kinds).isNotEmpty().allSatisfy(k -> assertThat(k).isIn("Công trình", "Phong trào, vận động", "Thường xuyên", "Khác"));
		}
	}

	static void isADayCell(Cell cell) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
	}
}
