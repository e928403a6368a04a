package vn.ntmtracker.assessment;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A Hà Tĩnh commune's officer (a commune and an account of this test's own, with a round like Cẩm Lĩnh's 14/20)
 * enters values (a bad one is refused with its indicator named), submits; the province
 * coordination office returns the round with a reason the officer then sees; the office reads the overview.
 */
@IntegrationTest
class AssessmentBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestRounds rounds;

	@Test
	void enterSubmitReturnWithReasonAndReadTheOverview() {
		String base = "http://localhost:" + port;
		String commune = fixtures.commune("42", "BTB", 2);
		String officerName = fixtures.user(Role.COMMUNE_OFFICER, commune);
		rounds.draft(officerName, commune, "HT-2022-XA-NTM-NC", LocalDate.of(2024, 6, 30), Set.of(1, 2, 5, 10, 17, 20));
		Page officer = browser.newPage();
		BrowserSupport.login(officer, base, officerName, Fixtures.PASSWORD);
		officer.navigate(base + "/units/" + commune);
		officer.click("#assessments-link");
		assertThat(officer.locator("#rounds")).containsText("14/20");
		BrowserSupport.screenshot(officer, "assessment-01-rounds");
		officer.click("#rounds tr:has-text(\"14/20\") a");
		assertThat(officer.locator("#score")).hasText("14/20");

		officer.fill("input[name='v_1.1']", "có lẽ");
		officer.click("#values-form button.primary");
		assertThat(officer.locator("#value-problems")).containsText("1.1");
		assertThat(officer.locator("#score")).hasText("14/20");
		BrowserSupport.screenshot(officer, "assessment-02-bad-value");

		officer.fill("input[name='v_1.1']", "Đạt");
		officer.fill("input[name='e_1.1']", "Quyết định phê duyệt quy hoạch chung xã");
		officer.click("#values-form button.primary");
		assertThat(officer.locator("#score")).hasText("15/20");
		BrowserSupport.screenshot(officer, "assessment-03-entered");
		officer.click("#submit-round");
		assertThat(officer.locator("#round-status")).containsText("Đã nộp");
		String roundUrl = officer.url();

		Page office = browser.newPage();
		BrowserSupport.login(office, base, "vpdp-hatinh", "ntm-demo");
		office.navigate(roundUrl);
		office.fill("#return-form input[name=reason]", "Thiếu minh chứng tiêu chí 17: biên bản kiểm tra môi trường");
		office.click("#return-form button");
		assertThat(office.locator("#round-status")).containsText("Bị trả lại");

		officer.navigate(roundUrl);
		assertThat(officer.locator("#return-reason")).containsText("Thiếu minh chứng tiêu chí 17");
		BrowserSupport.screenshot(officer, "assessment-04-returned");

		office.navigate(base + "/assessments/overview?unit=42&set=HT-2022-XA-NTM-NC&asOf=2024-06-30");
		assertThat(office.locator("#heatmap")).containsText("Cẩm Quang");
		assertThat(office.locator("#heatmap")).containsText("3/20");
		assertThat(office.locator("#heatmap")).containsText("12/20");
		BrowserSupport.screenshot(office, "assessment-05-overview");

		office.navigate(base + "/assessments/overview?unit=38&set=QD318-2022-XA-NTM&asOf=2023-12-31");
		assertThat(office.locator("body")).containsText("không có quyền");

		Page admin = browser.newPage();
		BrowserSupport.login(admin, base, "admin", "ntm-demo");
		admin.navigate(base + "/assessments/overview?unit=38&set=QD318-2022-XA-NTM&asOf=2023-12-31&filter=regressed");
		assertThat(admin.locator("#heatmap")).containsText("Cẩm Lương");
		assertThat(admin.locator("#heatmap")).containsText("Giảm: 9,17");
		BrowserSupport.screenshot(admin, "assessment-06-regressed");
		admin.navigate(base + "/units/TH-CAMTHACH/assessments");
		assertThat(admin.locator("#rounds")).containsText("16/19");
		BrowserSupport.screenshot(admin, "assessment-07-camthach");
	}
}
