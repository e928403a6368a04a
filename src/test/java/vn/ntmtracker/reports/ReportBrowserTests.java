package vn.ntmtracker.reports;

import java.util.Map;

import com.microsoft.playwright.Page;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A commune officer writes the difficulties of a half-year report in the app, sees them in the preview, and issues the
 * report with the next number of the commune's register; an administrator's broken template is refused line by line.
 */
@IntegrationTest
class ReportBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void writeAReportIssueItAndBeRefusedABrokenTemplate() throws Exception {
		String commune = fixtures.commune("42", "BTB", 2);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(post("/api/organisations").with(httpBasic("admin", Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.builder().build().writeValueAsString(Map.of("code", Fixtures.uniqueCode("UB"), "kind", "PEOPLES_COMMITTEE",
					"name", "UBND " + commune, "unitCode", commune))))
			.andExpect(status().isCreated());
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, officer, Fixtures.PASSWORD);
		page.click("#reports-nav");
		page.selectOption("#draft-kind", "progress-report");
		page.fill("#draft-unit", commune);
		page.fill("#draft-from", "2026-01-01");
		page.fill("#draft-to", "2026-06-30");
		page.click("#new-draft button[type=submit]");
		assertThat(page.locator("#text-difficulties")).containsText("Tồn tại, hạn chế");
		page.fill("#text-difficulties", "1. Tồn tại, hạn chế\n- Mưa lũ tháng 5 làm sạt **1,2 km** đường trục thôn 2.");
		page.fill("#signer-name", "Nguyễn Văn An");
		page.click("#save-draft");
		assertThat(page.locator("#draft-saved")).isVisible();
		assertThat(page.frameLocator("#preview").locator("body")).containsText("Mưa lũ tháng 5 làm sạt");
		assertThat(page.frameLocator("#preview").locator("body")).containsText("DỰ THẢO");
		BrowserSupport.screenshot(page, "reports-01-draft");

		page.click("#issue-draft");
		assertThat(page.locator("#draft-issued")).containsText("01/BC-UBND");
		assertThat(page.frameLocator("#preview").locator("body")).not().containsText("DỰ THẢO");
		assertThat(page.locator("#save-draft")).isDisabled();
		BrowserSupport.screenshot(page, "reports-02-issued");

		Page admin = browser.newPage();
		BrowserSupport.login(admin, base, "admin", Fixtures.PASSWORD);
		admin.navigate(base + "/reports/templates/progress-report?scope=VN");
		String body = admin.inputValue("#template-body");
		admin.fill("#template-body", body.replace("{{unit.name}}", "{{unit.ten}}"));
		admin.click("#save-template");
		assertThat(admin.locator("#template-errors")).containsText("{{unit.ten}}");
		assertThat(admin.locator("#template-errors")).containsText("Dòng");
		BrowserSupport.screenshot(admin, "reports-03-template-refused");
	}
}
