package vn.ntmtracker.planning;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@IntegrationTest
class PlanPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	long demoPlan() {
		return jdbc.sql("select id from plan where unit_code = 'HT-CAMLINH' and title like '%nâng cao năm 2023' order by id limit 1")
			.query(Long.class).single();
	}

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	@Test
	void thePlanExportsAsAWorkbookWithATaskPerRowAndTheCostBySource() throws Exception {
		byte[] xlsx = mvc.perform(get("/plans/" + demoPlan() + ".xlsx").with(as("camlinh")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet tasks = workbook.getSheet("Khung kế hoạch");
			assertThat(tasks.getRow(0).getCell(0).getStringCellValue()).contains("Cẩm Lĩnh").contains("31/12/2023");
			assertThat(tasks.getRow(3).getCell(0).getStringCellValue()).isEqualTo("1. Quy hoạch");
			java.util.List<String> descriptions = new java.util.ArrayList<>();
			for (int r = 3; r <= tasks.getLastRowNum(); r++) {
				if (tasks.getRow(r) != null && tasks.getRow(r).getCell(2) != null) {
					descriptions.add(tasks.getRow(r).getCell(2).getStringCellValue());
				}
			}
			assertThat(descriptions).contains("Xây dựng 4 phòng học trường mầm non", "Trồng hàng rào xanh dọc đường trục thôn");
			XSSFSheet sources = workbook.getSheet("Theo nguồn vốn");
			assertThat(sources.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Ngân sách tỉnh");
		}
	}

	@Test
	void aBadTaskFormIsShownAgainWithItsProblemsAndNothingIsSaved() throws Exception {
		long plan = demoPlan();
		long before = jdbc.sql("select count(*) from plan_task where plan_id = :id").param("id", plan).query(Long.class).single();
		mvc.perform(post("/plans/" + plan + "/tasks").with(as("camlinh")).with(csrf())
				.param("description", "Xây bãi rác").param("criterionNumber", "17").param("kind", "WORKS")
				.param("volumeQuantity", "-2").param("cost_NGAN_SACH_XA", "nhiều tiền"))
			.andExpect(status().isOk())
			.andExpect(view().name("planning/task-form"))
			.andExpect(model().attribute("problems", org.hamcrest.Matchers.hasItem(containsString("nhiều tiền"))))
			.andExpect(content().string(containsString("Xây bãi rác")));
		assertThat(jdbc.sql("select count(*) from plan_task where plan_id = :id").param("id", plan).query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void theVillageBoardCannotApproveItsOwnPlanFromThePage() throws Exception {
		long village = jdbc.sql("select id from plan where unit_code = 'HT-CAMLINH-T4' order by id limit 1").query(Long.class).single();
		int version = jdbc.sql("select version from plan where id = :id").param("id", village).query(Integer.class).single();
		mvc.perform(get("/plans/" + village).with(as("camlinh")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("approve-button")));
		mvc.perform(post("/plans/" + village + "/approve").with(as("thon6")).with(csrf()).param("version", Integer.toString(version)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select status from plan where id = :id").param("id", village).query(String.class).single()).isEqualTo("DRAFT");
	}

	@Test
	void myTasksListOpenTasksOfMyJurisdictionOverdueFirst() throws Exception {
		mvc.perform(get("/tasks/mine").with(as("thon6")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Trồng hàng rào xanh")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("phòng học trường mầm non"))));
		mvc.perform(get("/tasks/mine").with(as("camthach")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Trồng hàng rào xanh"))));
	}

	@Test
	void theFundsAndCommitteePagesRenderTheSeedsStories() throws Exception {
		mvc.perform(get("/units/TH-CAMTHACH/funds?year=2021").with(as("camthach")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("31.003.700.000")));
		mvc.perform(get("/units/TH-CAMTHACH/funds?year=2019").with(as("camthach")))
			.andExpect(content().string(containsString("Chưa có số liệu vốn huy động năm này")));
		mvc.perform(get("/units/HT-CAMLINH/committee").with(as("camlinh")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Thôn 6")));
		mvc.perform(get("/units/HT-CAMLINH/committee").with(as("camthach"))).andExpect(status().isForbidden());
	}
}
