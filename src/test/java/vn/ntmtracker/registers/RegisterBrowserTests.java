package vn.ntmtracker.registers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;

/**
 * Cẩm Lĩnh's officer reads the household register (summary with the poverty trend, masked list, one household) and
 * the round's "Tính từ sổ hộ" offer; the province reads counts only; Cẩm Quang's OCOP certificates nearing expiry; an
 * officer of a commune the test owns has a bad workbook refused by cell, imports a good one and fills a round from it.
 */
@IntegrationTest
class RegisterBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void theCommuneReadsItsRegisterAndTheProvinceOnlyItsCounts() {
		String base = "http://localhost:" + port;
		Page officer = browser.newPage();
		BrowserSupport.login(officer, base, "camlinh", "ntm-demo");
		officer.navigate(base + "/units/HT-CAMLINH");
		officer.click("#registers-link");
		officer.click(".year-link:has-text('2023')");
		assertThat(officer.locator("#kpi-households")).hasText("1.200");
		assertThat(officer.locator("#kpi-poor")).hasText("18");
		assertThat(officer.locator("#trend-table tbody tr")).hasCount(3);
		assertThat(officer.locator("#change-LEFT_POVERTY")).containsText("14");
		assertThat(officer.locator("#model-area-summary")).containsText("5/6");
		BrowserSupport.screenshot(officer, "registers-01-summary");

		officer.click("#household-links a:has-text('Danh sách hộ')");
		officer.selectOption("#household-filters select[name=status]", "NGHEO");
		officer.click("#household-filters button");
		assertThat(officer.locator("#household-table tbody tr")).hasCount(18);
		assertThat(officer.locator("#household-table .masked-name").first()).hasText("C. h. m. h. T.");
		BrowserSupport.screenshot(officer, "registers-02-households");
		officer.click("#household-table tbody tr >> nth=0 >> a");
		assertThat(officer.locator("#head-name")).containsText("Chủ hộ minh họa T");
		assertThat(officer.locator("#household-years tbody tr")).hasCount(3);
		BrowserSupport.screenshot(officer, "registers-03-household");

		officer.navigate(base + "/units/HT-CAMLINH/assessments");
		officer.locator("a:has-text('30/6/2023')").first().click();
		assertThat(officer.locator("#from-register-11\\.1")).containsText("18 ÷ 1.200 = 1,5 %");
		assertThat(officer.locator("#from-register-11\\.1")).containsText("khớp với sổ");
		officer.locator("#from-register").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
			.setPath(BrowserSupport.SCREENSHOTS.resolve("registers-04-round-from-register.png")));

		Page province = browser.newPage();
		BrowserSupport.login(province, base, "vpdp-hatinh", "ntm-demo");
		province.navigate(base + "/units/HT-CAMLINH/registers?year=2023");
		assertThat(province.locator("#counts-only")).isVisible();
		assertThat(province.locator("#household-links")).hasCount(0);
		assertThat(province.locator("#kpi-poor")).hasText("18");
		BrowserSupport.screenshot(province, "registers-05-province-counts");
		province.navigate(base + "/units/HT-CAMLINH/households");
		assertThat(province.locator("#register-error")).containsText("số liệu tổng hợp");
	}

	@Test
	void ocopCertificatesNearingExpiryAreListed() {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "camquang", "ntm-demo");
		page.navigate(base + "/units/HT-CAMQUANG/ocop?asOf=2027-08-01");
		assertThat(page.locator("#ocop-valid-count")).containsText("1");
		assertThat(page.locator("#ocop-table .expiring")).containsText("còn");
		BrowserSupport.screenshot(page, "registers-06-ocop");
		page.navigate(base + "/ocop/expiring?unit=HT-CAMQUANG&asOf=2027-04-01");
		assertThat(page.locator("#due-items")).containsText("Mật ong hoa keo");
		BrowserSupport.screenshot(page, "registers-07-expiring");
	}

	@Test
	void aBadWorkbookIsRefusedByCellAGoodOneFillsTheRound() throws Exception {
		String base = "http://localhost:" + port;
		String commune = fixtures.commune("42", "BTB", 2);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		Page page = browser.newPage();
		BrowserSupport.login(page, base, officer, Fixtures.PASSWORD);
		page.navigate(base + "/units/" + commune + "/households/import?year=2024");
		page.setInputFiles("#import-form input[type=file]", new FilePayload("so-ho.xlsx", XLSX, Sheets.households(commune, 2024,
				Sheets.row(commune + "-T1", "T1-001", "Hộ một", "4", "4", "Nghèo"),
				Sheets.row(commune + "-T1", "T1-002", "Hộ hai", "5", "7", "Không"))));
		page.click("#import-form button");
		assertThat(page.locator("#import-problems")).containsText("G6");
		assertThat(page.locator("#import-problems")).containsText("lớn hơn số nhân khẩu");
		BrowserSupport.screenshot(page, "registers-08-import-refused");
		page.setInputFiles("#import-form input[type=file]", new FilePayload("so-ho.xlsx", XLSX, Sheets.households(commune, 2024,
				Sheets.row(commune + "-T1", "T1-001", "Hộ một", "4", "4", "Nghèo"),
				Sheets.row(commune + "-T1", "T1-002", "Hộ hai", "5", "5", "Không"),
				Sheets.row(commune + "-T2", "T2-001", "Hộ ba", "3", "3", "Không"),
				Sheets.row(commune + "-T2", "T2-002", "Hộ bốn", "2", "2", "Cận nghèo"))));
		page.click("#import-form button");
		assertThat(page.locator("#import-result")).containsText("4 hộ mới");

		long round = json.readTree(mvc.perform(post("/api/units/" + commune + "/assessments").with(httpBasic(officer, Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"2024-12-31\"}"))
			.andReturn().getResponse().getContentAsString()).get("id").asLong();
		page.navigate(base + "/assessments/" + round);
		page.click("#from-register-11 button");
		assertThat(page.locator("#village-info")).containsText("11: 25 — Tính từ sổ hộ năm 2024");
		assertThat(page.locator("#from-register-11")).containsText("khớp với sổ");
		assertThat(page.locator("input[name='v_11']")).hasValue("25");
		page.locator("#from-register").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
			.setPath(BrowserSupport.SCREENSHOTS.resolve("registers-09-round-filled.png")));
	}
}
