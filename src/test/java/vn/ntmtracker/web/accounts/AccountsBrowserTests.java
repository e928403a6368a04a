package vn.ntmtracker.web.accounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The journey of issue 12: an administrator creates a commune officer with a role on one commune; the officer logs in
 * with the one-time password, changes it once and lands on the home page (no loop back to the change page). Then the
 * pages of this part — users, one user, the import with its row errors, the audit log, the notifications — at a
 * desktop (1366×768) and a phone (390×844) size, as screenshots.
 */
@IntegrationTest
class AccountsBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestRounds rounds;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.ntmtracker.security.UserAccounts accounts;

	static void shots(Page page, String name) {
		page.setViewportSize(1366, 768);
		BrowserSupport.screenshot(page, name + "-1366");
		page.setViewportSize(390, 844);
		BrowserSupport.screenshot(page, name + "-390");
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
		page.setViewportSize(1366, 768);
		assertThat((Boolean) overflow).as(name + " scrolls sideways at 390 px").isFalse();
	}

	@Test
	void anAdministratorCreatesACommuneOfficerWhoChangesTheOneTimePasswordOnceAndLandsHome() throws Exception {
		String base = "http://localhost:" + port;
		String commune = fixtures.commune("42", "BTB", 0);
		String username = Fixtures.uniqueCode("canbo").toLowerCase();

		Page admin = browser.newPage();
		BrowserSupport.login(admin, base, "admin", Fixtures.PASSWORD);
		admin.click("#admin-menu summary");
		admin.click("#users-nav");
		admin.click("#new-user");
		admin.fill("#new-username", username);
		admin.fill("#new-display-name", "Hoàng Thị Lan");
		admin.click("#new-user-form button[type=submit]");
		String oneTime = admin.textContent("#one-time-password").strip();
		assertThat(oneTime).hasSize(16);
		shots(admin, "accounts-01-one-time-password");
		admin.click("#open-user");
		admin.selectOption("#grant-role", "COMMUNE_OFFICER");
		admin.fill("#grant-unit", commune);
		admin.click("#grant-form button[type=submit]");
		assertThat(admin.locator("#user-saved")).containsText("Đã giao vai trò");
		assertThat(admin.locator("#grants")).containsText("Cán bộ NTM xã");
		shots(admin, "accounts-02-user");
		admin.navigate(base + "/admin/users?q=hoang lan");
		assertThat(admin.locator("#users")).containsText(username);
		shots(admin, "accounts-03-users");

		Page officer = browser.newPage();
		officer.navigate(base + "/login");
		officer.fill("#username", username);
		officer.fill("#password", oneTime);
		officer.click("button[type=submit]");
		officer.waitForURL(url -> url.startsWith(base + "/account/password"));
		officer.fill("input[name=current]", oneTime);
		officer.fill("input[name=password]", "lúa xanh đồng quê 2026");
		officer.fill("input[name=confirm]", "lúa xanh đồng quê 2026");
		officer.click("form.form button[type=submit]");
		officer.waitForURL(base + "/");
		assertThat(officer.locator("#password-changed")).isVisible();
		shots(officer, "accounts-04-home-after-change");
		// no loop: every page opens, the confirmation only once
		officer.navigate(base + "/units/" + commune);
		assertThat(officer).hasURL(base + "/units/" + commune);
		officer.navigate(base + "/");
		assertThat(officer).hasURL(base + "/");
		assertThat(officer.locator("#password-changed")).hasCount(0);
	}

	/** A user who opened a deep link before logging in changes the one-time password once and lands there, confirmed. */
	@Test
	void aForcedChangeFromADeepLinkEndsWhereTheUserWasGoing() {
		String base = "http://localhost:" + port;
		String commune = fixtures.commune("42", "BTB", 0);
		String username = Fixtures.uniqueCode("deep").toLowerCase();
		accounts.create(username, "Võ Văn Tâm", "mot-lan-Q7xK2mPa", true,
				java.util.List.of(new vn.ntmtracker.security.Grant(Role.COMMUNE_OFFICER, commune, Set.of())));
		Page page = browser.newPage();
		page.navigate(base + "/units/" + commune);
		page.waitForURL(url -> url.startsWith(base + "/login"));
		page.fill("#username", username);
		page.fill("#password", "mot-lan-Q7xK2mPa");
		page.click("button[type=submit]");
		page.waitForURL(url -> url.startsWith(base + "/account/password"));
		page.fill("input[name=current]", "mot-lan-Q7xK2mPa");
		page.fill("input[name=password]", "mùa gặt bội thu 2026");
		page.fill("input[name=confirm]", "mùa gặt bội thu 2026");
		page.click("form.form button[type=submit]");
		page.waitForURL(url -> url.startsWith(base + "/units/" + commune));
		assertThat(page.locator("#password-changed")).isVisible();
		page.navigate(base + "/directives");
		assertThat(page).hasURL(base + "/directives");
	}

	@Test
	void importErrorsAuditAndNotificationsReadOnADesktopAndAPhone() throws Exception {
		String base = "http://localhost:" + port;
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "42");
		long round = rounds.draft(officer, commune, "HT-2022-XA-NTM-NC", LocalDate.of(2024, 6, 30), Set.of(17));
		int version = jdbc.sql("select version from assessment_round where id = :id").param("id", round).query(Integer.class).single();
		mvc.perform(MockMvcRequestBuilders.post("/api/assessments/" + round + "/submit").with(httpBasic(officer, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"));

		Page page = browser.newPage();
		BrowserSupport.login(page, base, office, Fixtures.PASSWORD);
		assertThat(page.locator("#bell-count")).hasText("1");
		page.click("#bell");
		assertThat(page.locator("#notices li.unread")).hasCount(1);
		assertThat(page.locator("#notices")).containsText("chờ bạn thẩm tra");
		shots(page, "accounts-05-notifications");
		page.click("#notices li.unread .notice-text");
		page.waitForURL(base + "/assessments/" + round);
		assertThat(page.locator("#bell-count")).hasCount(0);

		Path csv = Files.createTempFile("tai-khoan", ".csv");
		Files.writeString(csv, "username,display_name,email,role,unit_code,criteria\n" + Fixtures.uniqueCode("nk").toLowerCase()
				+ ",Đỗ Văn Nam,,COMMUNE_OFFICER," + commune + ",\nAB,Tên sai,,THU_KHO,38,\n", StandardCharsets.UTF_8);
		page.navigate(base + "/admin/users/import");
		page.setInputFiles("#import-file", csv);
		page.click("#import-form button[type=submit]");
		assertThat(page.locator("#import-problems")).containsText("Tên đăng nhập phải có");
		shots(page, "accounts-06-import-errors");

		Page admin = browser.newPage();
		BrowserSupport.login(admin, base, "admin", Fixtures.PASSWORD);
		admin.navigate(base + "/admin/audit?entityType=assessment_round&entityId=" + round);
		assertThat(admin.locator("#audit")).containsText("Kỳ đánh giá");
		assertThat(admin.locator("#audit")).not().containsText("UPDATE");
		shots(admin, "accounts-07-audit");
	}
}
