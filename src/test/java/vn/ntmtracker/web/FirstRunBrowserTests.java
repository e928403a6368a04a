package vn.ntmtracker.web;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.NtmTrackerApplication;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, "done when": an administrator on an empty system follows the checklist to a first round. A brand-new
 * application (no demo profile, its own empty database, the first administrator's password from
 * {@code NTM_ADMIN_PASSWORD}, the clock pinned at 15/11/2026) is driven through the browser only: the checklist with
 * nothing done, the units template and import, the criteria sets, a commune officer with a role on an imported commune,
 * a first round of that commune at 31/12/2025; then the officer's first login with the one-time password.
 */
class FirstRunBrowserTests {

	private static final String ADMIN_PASSWORD = "đồng lúa chín vàng 2026";
	private static final Path SHOTS = Path.of("/work/shots");

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	static EmbeddedPostgres database;
	static ConfigurableApplicationContext application;
	static String base;

	@BeforeAll
	static void startAnEmptySystem() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		database = EmbeddedPostgres.builder().start();
		application = new SpringApplicationBuilder(NtmTrackerApplication.class)
			.run("--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--server.port=" + port, "--NTM_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
					"--ntm.clock.fixed=2026-11-15T09:00:00+07:00");
		base = "http://localhost:" + port;
	}

	@AfterAll
	static void stop() throws Exception {
		if (application != null) {
			application.close();
		}
		if (database != null) {
			database.close();
		}
	}

	private static void shot(Page page, String name) {
		BrowserSupport.screenshot(page, "firstrun-" + name);
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
		assertThat((Boolean) overflow).as(name + " scrolls sideways").isFalse();
		try {
			Files.createDirectories(SHOTS);
			Files.copy(BrowserSupport.SCREENSHOTS.resolve("firstrun-" + name + ".png"), SHOTS.resolve("firstrun-" + name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException | SecurityException notWritable) {
			// the copy outside target/ is a convenience only
		}
	}

	@Test
	void anAdministratorOnAnEmptySystemFollowsTheChecklistToAFirstRound() throws Exception {
		Page admin = browser.newPage();
		admin.navigate(base + "/login");
		// the password came from NTM_ADMIN_PASSWORD, not a one-time one: the login page has no first-start notice
		shot(admin, "00-login");
		admin.fill("#username", "admin");
		admin.fill("#password", ADMIN_PASSWORD);
		admin.click("button[type=submit]");
		admin.waitForURL(url -> url.equals(base + "/") || url.startsWith(base + "/account/password"));
		if (admin.url().startsWith(base + "/account/password")) {
			admin.fill("input[name=current]", ADMIN_PASSWORD);
			admin.fill("input[name=password]", "trâu cày ruộng sâu 2026");
			admin.fill("input[name=confirm]", "trâu cày ruộng sâu 2026");
			admin.click("form.form button[type=submit]");
			admin.waitForURL(base + "/");
		}

		// the checklist, nothing done
		assertThat(admin.locator("#first-run")).isVisible();
		assertThat(admin.locator("#first-run li.done")).hasCount(0);
		assertThat(admin.locator("#first-run h2")).containsText("0/4");
		shot(admin, "01-checklist-empty");

		// step 1: the units template, then a small file of units
		admin.click("#step-units > div > a:first-of-type");
		admin.waitForURL(base + "/units/import");
		Download download = admin.waitForDownload(() -> admin.click("#units-template"));
		String template = Files.readString(download.path(), StandardCharsets.UTF_8).replace("\uFEFF", "");
		String header = template.lines().findFirst().orElseThrow();
		assertThat(header).startsWith("code,name,kind,parent_code,valid_from,valid_to");
		shot(admin, "02-units-import");
		Path units = Files.createTempFile("don-vi", ".csv");
		Files.writeString(units, header + "\n"
				+ "42,Hà Tĩnh,tỉnh,,2025-07-01,,BTB,,,\n"
				+ "42-THACHHA,Thạch Hà,xã,42,2025-07-01,,BTB,2,,\n"
				+ "42-CAMXUYEN,Cẩm Xuyên,xã,42,2025-07-01,,BTB,2,,\n"
				+ "42-THACHHA-T1,Thôn Đông Châu,thôn,42-THACHHA,2025-07-01,,,,,\n", StandardCharsets.UTF_8);
		admin.setInputFiles("input[name=file]", units);
		admin.click("form.form button[type=submit]");
		admin.waitForURL(url -> url.startsWith(base + "/units") && !url.contains("import"));
		assertThat(admin.locator("main")).containsText("Hà Tĩnh");
		shot(admin, "03-units-imported");

		admin.navigate(base + "/");
		assertThat(admin.locator("#step-units")).hasClass(java.util.regex.Pattern.compile("\\bdone\\b"));
		assertThat(admin.locator("#step-users")).hasClass(java.util.regex.Pattern.compile("\\btodo\\b"));
		assertThat(admin.locator("#step-round")).hasClass(java.util.regex.Pattern.compile("\\btodo\\b"));
		shot(admin, "04-checklist-units");

		// step 2: the criteria sets (the national ones are loaded from files; Hà Tĩnh has its own for some tiers)
		admin.click("#step-criteria > div > a:first-of-type");
		admin.waitForURL(base + "/criteria/provinces");
		assertThat(admin.locator("h1")).isVisible();
		shot(admin, "05-criteria-provinces");
		admin.navigate(base + "/");
		assertThat(admin.locator("#step-criteria")).hasClass(java.util.regex.Pattern.compile("\\bdone\\b"));

		// step 3: a commune officer on one imported commune
		admin.click("#step-users > div > a:first-of-type");
		admin.waitForURL(url -> url.startsWith(base + "/admin/users"));
		admin.click("#new-user");
		admin.fill("#new-username", "canbo.thachha");
		admin.fill("#new-display-name", "Nguyễn Thị Hoa");
		admin.click("#new-user-form button[type=submit]");
		String oneTime = admin.textContent("#one-time-password").strip();
		assertThat(oneTime).hasSize(16);
		shot(admin, "06-one-time-password");
		admin.click("#open-user");
		admin.selectOption("#grant-role", "COMMUNE_OFFICER");
		admin.fill("#grant-unit", "42-THACHHA");
		admin.click("#grant-form button[type=submit]");
		assertThat(admin.locator("#user-saved")).containsText("Đã giao vai trò");
		assertThat(admin.locator("#grants")).containsText("Thạch Hà");
		shot(admin, "07-user-granted");
		admin.navigate(base + "/");
		assertThat(admin.locator("#step-users")).hasClass(java.util.regex.Pattern.compile("\\bdone\\b"));
		assertThat(admin.locator("#first-run h2")).containsText("3/4");
		shot(admin, "08-checklist-three");

		// step 4: the first round of the commune, at the end of 2025
		admin.click("#step-round > div > a:first-of-type");
		admin.waitForURL(base + "/assessments/import");
		shot(admin, "09-round-import");
		admin.goBack();
		admin.click("#round-on-commune");
		admin.waitForURL(url -> url.startsWith(base + "/units?"));
		shot(admin, "09-communes");
		admin.locator("main a", new Page.LocatorOptions().setHasText("Thạch Hà")).first().click();
		admin.waitForURL(url -> url.startsWith(base + "/units/42-THACHHA"));
		admin.click("#assessments-link");
		admin.waitForURL(url -> url.startsWith(base + "/units/42-THACHHA/assessments"));
		assertThat(admin.locator("#open-round")).isVisible();
		assertThat(admin.locator("#open-round select[name=set] option")).not().hasCount(0);
		shot(admin, "10-rounds-empty");
		admin.fill("#open-round input[name=asOf]", "2025-12-31");
		admin.locator("#open-round input[name=asOf]").dispatchEvent("change");
		assertThat(admin.locator("#open-round select[name=set]")).containsText("QD318-2022-XA-NTM");
		admin.selectOption("#open-round select[name=set]", "QD318-2022-XA-NTM");
		admin.click("#open-round button[type=submit]");
		admin.waitForURL(url -> url.matches(".*/assessments/\\d+$"));
		assertThat(admin.locator("main")).containsText("Thạch Hà");
		shot(admin, "11-round-opened");
		admin.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SCREENSHOTS.resolve("firstrun-11-round-top.png")));
		admin.navigate(base + "/");
		assertThat(admin.locator("#step-round")).hasClass(java.util.regex.Pattern.compile("\\bdone\\b"));
		assertThat(admin.locator("#first-run li.todo")).hasCount(0);
		shot(admin, "12-checklist-done");

		// the officer's first login: the one-time password, changed once, then the commune's home page
		Page officer = browser.newPage();
		officer.navigate(base + "/login");
		officer.fill("#username", "canbo.thachha");
		officer.fill("#password", oneTime);
		officer.click("button[type=submit]");
		officer.waitForURL(url -> url.startsWith(base + "/account/password"));
		shot(officer, "13-officer-password");
		officer.fill("input[name=current]", oneTime);
		officer.fill("input[name=password]", "hoa sen nở ao làng 2026");
		officer.fill("input[name=confirm]", "hoa sen nở ao làng 2026");
		officer.click("form.form button[type=submit]");
		officer.waitForURL(base + "/");
		assertThat(officer.locator("#password-changed")).isVisible();
		assertThat(officer.locator("main h2 a").first()).containsText("Thạch Hà");
		assertThat(officer.locator("#standing")).isVisible();
		// a round with nothing entered yet is not a verdict: each criterion says its values are missing
		assertThat(officer.locator("#standing")).containsText("chưa nhập đủ số liệu");
		assertThat(officer.locator("#changes")).containsText("vai trò của tài khoản");
		assertThat(officer.locator("#changes")).not().containsText("role_grant");
		shot(officer, "14-officer-home");
	}
}
