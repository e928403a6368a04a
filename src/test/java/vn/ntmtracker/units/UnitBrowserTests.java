package vn.ntmtracker.units;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A commune officer logs in, finds their commune by unaccented search and reads its history. */
@IntegrationTest
class UnitBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void officerFindsCommuneByUnaccentedSearchAndOpensItsHistory() {
		Page page = browser.newPage();
		BrowserSupport.screenshot(page.navigate(base() + "/login") == null ? page : page, "01-login");
		BrowserSupport.login(page, base(), "camquang", "ntm-demo");
		assertThat(page.locator("h1")).containsText("Cán bộ NTM xã Cẩm Quang");
		BrowserSupport.screenshot(page, "02-home");

		page.fill("input[name=q]", "cam quang");
		page.press("input[name=q]", "Enter");
		assertThat(page.locator("#unit-results")).containsText("Cẩm Quang");
		BrowserSupport.screenshot(page, "03-search-unaccented");

		page.click("#unit-results >> text=Cẩm Quang");
		assertThat(page.locator("h1")).containsText("xã Cẩm Quang");
		assertThat(page.locator("#children")).containsText("thôn Quang Trung");
		assertThat(page.locator("#history")).containsText("huyện Cẩm Xuyên");
		assertThat(page.locator("#history")).containsText("tỉnh Hà Tĩnh");
		BrowserSupport.screenshot(page, "04-unit-history");

		page.navigate(base() + "/units/HT-CAMQUANG?asOf=2024-03-01");
		assertThat(page.locator(".facts")).containsText("Cẩm Xuyên");
		page.navigate(base() + "/units/HT-CAMLINH");
		assertThat(page.locator("body")).containsText("không có quyền");
		BrowserSupport.screenshot(page, "05-out-of-scope");
	}

	@Test
	void administratorSeesMergerAndGetsRowErrorsFromABadImport() throws Exception {
		Page page = browser.newPage();
		BrowserSupport.login(page, base(), "admin", "ntm-demo");
		page.navigate(base() + "/units/TH-CAMTU-2025");
		assertThat(page.locator("#events")).containsText("Sáp nhập");
		assertThat(page.locator("#events")).containsText("xã Cẩm Bình");
		BrowserSupport.screenshot(page, "06-merger");

		Path csv = Files.createTempFile("units", ".csv");
		Files.writeString(csv, "code,name,kind,parent_code,valid_from,valid_to\nBAD1,Xã Lỗi,xã,KHONG-CO,2020-01-01,\n,Thiếu mã,xã,42,2020-01-01,\n",
				StandardCharsets.UTF_8);
		page.navigate(base() + "/units/import");
		page.setInputFiles("input[type=file]", csv);
		page.click("button.primary");
		assertThat(page.locator("#import-errors")).containsText("KHONG-CO");
		assertThat(page.locator("#import-errors")).containsText("Thiếu mã đơn vị");
		BrowserSupport.screenshot(page, "07-import-errors");

		page.navigate(base() + "/admin/audit?entityType=unit");
		// the audit log names the act in words, never the raw CREATE
		assertThat(page.locator("table.grid")).containsText("Tạo mới");
		assertThat(page.locator("table.grid")).containsText("Đơn vị hành chính");
		assertThat(page.locator("table.grid")).not().containsText("CREATE");
		BrowserSupport.screenshot(page, "08-audit");

		page.navigate(base() + "/units?q=cam&lang=en");
		assertThat(page.locator("h1")).containsText("Administrative units");
		BrowserSupport.screenshot(page, "09-english");
	}
}
