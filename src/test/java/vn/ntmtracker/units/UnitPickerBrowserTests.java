package vn.ntmtracker.units;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordination office picks its area on the overview by typing "cam quang" (the set field then offers the
 * province's sets of the form's date), switches to the tree before the reform to find the district, and gets
 * "không tìm thấy đơn vị" for a name that names nothing; on a phone the suggestions fit the screen.
 */
@IntegrationTest
class UnitPickerBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void typeAPartOfTheNamePickTheUnitAndReadItsOverview() {
		Page page = browser.newPage();
		page.setViewportSize(1366, 768);
		BrowserSupport.login(page, base(), "vpdp-hatinh", "ntm-demo");
		page.navigate(base() + "/assessments/overview");
		page.fill("input[name=asOf]", "2024-06-30");
		page.locator("input[name=unit]").pressSequentially("cam quang", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(page.locator(".unit-options [role=option]").first()).containsText("xã Cẩm Quang");
		assertThat(page.locator(".unit-options [role=option]").first()).containsText("Cẩm Xuyên");
		BrowserSupport.screenshot(page, "picker-01-suggestions");
		page.keyboard().press("ArrowDown");
		page.keyboard().press("Enter");
		assertThat(page.locator("input[name=unit]")).hasValue("HT-CAMQUANG");
		assertThat(page.locator(".unit-label")).containsText("xã Cẩm Quang");
		assertThat(page.locator("select[name=set]")).containsText("HT-2022-XA-NTM-NC");
		page.selectOption("select[name=set]", "HT-2022-XA-NTM-NC");
		page.click("#overview-form button[type=submit]");
		assertThat(page.locator("#heatmap")).containsText("Cẩm Quang");
		BrowserSupport.screenshot(page, "picker-02-overview");

		page.navigate(base() + "/assessments/overview");
		page.locator("input[name=unit]").pressSequentially("Cẩm Xuyên", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(page.locator(".unit-options")).containsText("Xem địa giới trước 1/7/2025");
		page.locator(".unit-tree-switch").dispatchEvent("mousedown");
		assertThat(page.locator(".unit-options [role=option]").first()).containsText("huyện Cẩm Xuyên");
		assertThat(page.locator(".unit-options")).containsText("Địa giới ngày 30/6/2025");
		BrowserSupport.screenshot(page, "picker-03-before-the-reform");

		page.navigate(base() + "/assessments/overview");
		page.locator("input[name=unit]").pressSequentially("Cẩm Quangg", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(page.locator(".unit-options")).containsText("Không tìm thấy đơn vị “Cẩm Quangg” trong phạm vi của bạn");
		page.keyboard().press("Escape");
		page.click("#overview-form button[type=submit]");
		assertThat(page.locator("main")).containsText("Không tìm thấy đơn vị “Cẩm Quangg”");
		assertThat(page.locator("main")).not().containsText("không có quyền");
		BrowserSupport.screenshot(page, "picker-04-not-found");
	}

	@Test
	void onAPhoneTheSuggestionsFitTheScreen() {
		Page phone = browser.newPage();
		phone.setViewportSize(390, 844);
		BrowserSupport.login(phone, base(), "vpdp-hatinh", "ntm-demo");
		phone.navigate(base() + "/directives?mine=false");
		phone.locator("input[name=unit]").pressSequentially("cam linh", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(phone.locator(".unit-options [role=option]").first()).containsText("xã Cẩm Lĩnh");
		Object width = phone.evaluate("() => document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
		BrowserSupport.screenshot(phone, "picker-05-phone");
		phone.locator(".unit-options [role=option]").first().dispatchEvent("mousedown");
		assertThat(phone.locator("input[name=unit]")).hasValue("HT-CAMLINH");
	}
}
