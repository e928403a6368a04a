package vn.ntmtracker.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a commune officer uses on a phone — my work, my plan tasks, a progress report (with its file field), value
 * entry on the round page, notifications when that page exists — fit a 390 × 844 screen without horizontal
 * scrolling, and the header folds into a menu. Screenshots of each at 390 × 844 and 1366 × 768.
 */
@IntegrationTest
class PhoneLayoutBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestRounds rounds;

	@Autowired
	JdbcClient jdbc;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void theOfficersPagesFitA390PixelScreenAndTheHeaderFoldsIntoAMenu() {
		String commune = fixtures.commune("42", "BTB", 2);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		long round = rounds.draft(officer, commune, "HT-2022-XA-NTM-NC", LocalDate.of(2024, 6, 30), Set.of(1, 2, 5, 10, 17, 20));
		long task = jdbc.sql("""
				select t.id from plan_task t join plan p on p.id = t.plan_id
				where p.unit_code = 'HT-CAMLINH' and t.status <> 'DONE' order by t.id limit 1""").query(Long.class).single();

		Page phone = browser.newPage();
		phone.setViewportSize(390, 844);
		BrowserSupport.login(phone, base(), officer, Fixtures.PASSWORD);
		assertThat(phone.locator(".menu-toggle")).isVisible();
		assertThat(phone.locator("#main-menu")).isHidden();
		assertFits(phone, "home");
		phone.click(".menu-toggle");
		assertThat(phone.locator("#main-menu")).isVisible();
		assertThat(phone.locator(".menu-toggle")).hasAttribute("aria-expanded", "true");
		assertFits(phone, "menu open");
		BrowserSupport.screenshot(phone, "phone-01-menu-open");

		phone.navigate(base() + "/assessments/" + round);
		assertThat(phone.locator("#values-form input[name='v_1.1']")).isVisible();
		assertFits(phone, "value entry");
		BrowserSupport.screenshot(phone, "phone-02-round-values");
		phone.fill("input[name='v_1.1']", "Đạt");
		phone.click("#values-form button.primary");
		assertThat(phone.locator("#score")).hasText("15/20");

		Page camlinh = browser.newPage();
		camlinh.setViewportSize(390, 844);
		BrowserSupport.login(camlinh, base(), "camlinh", "ntm-demo");
		List<String[]> pages = new ArrayList<>(List.of(
				new String[] { "/tasks/mine", "phone-03-my-tasks" },
				new String[] { "/tasks/" + task + "/progress", "phone-04-task-progress" },
				new String[] { "/directives", "phone-05-my-work" }));
		for (String[] page : pages) {
			Response response = camlinh.navigate(base() + page[0]);
			assertThat(response.status()).as(page[0]).isEqualTo(200);
			assertFits(camlinh, page[0]);
			BrowserSupport.screenshot(camlinh, page[1]);
		}

		Page camquang = browser.newPage();
		camquang.setViewportSize(390, 844);
		BrowserSupport.login(camquang, base(), "camquang", "ntm-demo");
		camquang.navigate(base() + "/directives");
		assertFits(camquang, "my work (Cẩm Quang)");
		camquang.click("#directive-list a[href*='/directives/'] >> nth=0");
		assertThat(camquang.locator("#progress-form")).isVisible();
		assertThat(camquang.locator("#progress-form input[type=file]")).isVisible();
		assertFits(camquang, "progress report with a file");
		BrowserSupport.screenshot(camquang, "phone-06-directive-progress");
		// The notifications page is built elsewhere; once it exists it must fit too.
		Response notifications = camquang.navigate(base() + "/notifications");
		if (notifications != null && notifications.status() == 200) {
			assertFits(camquang, "notifications");
			BrowserSupport.screenshot(camquang, "phone-07-notifications");
		}

		Page desktop = browser.newPage();
		desktop.setViewportSize(1366, 768);
		BrowserSupport.login(desktop, base(), "camlinh", "ntm-demo");
		assertThat(desktop.locator(".menu-toggle")).isHidden();
		assertThat(desktop.locator("#main-menu")).isVisible();
		desktop.navigate(base() + "/tasks/mine");
		BrowserSupport.screenshot(desktop, "desktop-01-my-tasks");
		desktop.navigate(base() + "/directives");
		BrowserSupport.screenshot(desktop, "desktop-02-my-work");
	}

	static void assertFits(Page page, String what) {
		Object width = page.evaluate("() => document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).as("page width of %s (%s)", what, page.url()).isLessThanOrEqualTo(390);
	}
}
