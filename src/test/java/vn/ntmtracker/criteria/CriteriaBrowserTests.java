package vn.ntmtracker.criteria;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An administrator derives a province's variant of a national set, edits it, publishes it and diffs it. */
@IntegrationTest
class CriteriaBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Test
	void deriveEditPublishAndDiffAProvincialVariant() {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "admin", "ntm-demo");
		page.navigate(base + "/criteria");
		assertThat(page.locator("#criteria-sets")).containsText("QD318-2022-XA-NTM");
		assertThat(page.locator("#criteria-sets")).containsText("19 tiêu chí, 57 chỉ tiêu");
		BrowserSupport.screenshot(page, "criteria-01-list");

		page.navigate(base + "/criteria/QD318-2022-XA-NTM");
		assertThat(page.locator("#criteria-tree")).containsText("Giao thông");
		BrowserSupport.screenshot(page, "criteria-02-set");

		page.navigate(base + "/criteria/QD318-2022-XA-NTM-NC");
		page.fill("#derive-form input[name=newCode]", "TH-2026-XA-NTM-NC");
		page.fill("#derive-form input[name=provinceCode]", "38");
		page.fill("#derive-form input[name=provinceName]", "Thanh Hóa");
		page.fill("#derive-form input[name=title]", "Bộ tiêu chí xã NTM nâng cao tỉnh Thanh Hóa (thử)");
		page.click("#derive-form button");
		assertThat(page.locator("h1")).containsText("TH-2026-XA-NTM-NC");
		// The h1 arrives before the rest of a long page; read the editor only once the whole page has loaded.
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		assertThat(page.locator("#review-link")).isVisible();

		String yaml = page.inputValue("textarea[name=yaml]");
		org.assertj.core.api.Assertions.assertThat(yaml).contains("code: TH-2026-XA-NTM-NC").contains("criteria:")
			.contains("number: 19");
		page.fill("textarea[name=yaml]", yaml.replaceFirst("kind: TEXT_EVIDENCE", "kind: PERCENT_SOMETIMES"));
		page.click("#edit-form button.primary");
		assertThat(page.locator("#edit-errors")).containsText("PERCENT_SOMETIMES");
		BrowserSupport.screenshot(page, "criteria-03-edit-error");

		page.fill("textarea[name=yaml]", yaml.replaceFirst("name: Y tế", "name: Y tế và chăm sóc sức khỏe"));
		page.click("#edit-form button.primary");
		assertThat(page.locator(".flash")).isVisible();
		page.click("#review-link");
		assertThat(page.locator("#changes")).containsText("Tiêu chí 14: tên: \"Y tế\" → \"Y tế và chăm sóc sức khỏe\"");
		page.check("#publish-confirm");
		page.click("#publish-form button");
		assertThat(page.locator("main")).containsText("Đang áp dụng");
		BrowserSupport.screenshot(page, "criteria-04-published");

		page.click("text=So sánh với bộ gốc");
		assertThat(page.locator("#readable-diff")).containsText("Y tế và chăm sóc sức khỏe");
		BrowserSupport.screenshot(page, "criteria-05-diff");
	}
}
