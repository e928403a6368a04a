package vn.ntmtracker.directives;

import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Seed 002 uploaded, reviewed (items highlighted in the text, leads matched, one item dropped) and saved. */
@IntegrationTest
class DocumentImportBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void uploadReviewAndSaveSeed002() {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "admin", "ntm-demo");
		page.navigate(base + "/documents/import");
		page.setInputFiles("#import-upload input[type=file]", Path.of("src/test/resources/seeds/002_camquang-hatinh-thongbao-ketluan-2024.txt"));
		page.click("#import-upload button");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		assertThat(page.locator("#doc-text mark").first()).isVisible();
		assertThat(page.locator("#review-form input[name=number]")).hasValue("06/TB-BCĐ");
		int items = page.locator("#proposals tbody tr").count();
		org.assertj.core.api.Assertions.assertThat(items).isGreaterThanOrEqualTo(20);
		assertThat(page.locator("#proposals")).containsText("trước ngày 25/3/2024");
		BrowserSupport.screenshot(page, "import-01-review");

		page.fill("#review-form input[name=number]", "06/TB-BCĐ (nhập lại)");
		page.uncheck("#item-1 input[type=checkbox]");
		int kept = 0;
		for (int i = 2; i <= items; i++) {
			Locator lead = page.locator("#item-" + i + " select");
			if (lead.inputValue().isEmpty()) {
				page.uncheck("#item-" + i + " input[type=checkbox]");
			}
			else {
				kept++;
			}
		}
		org.assertj.core.api.Assertions.assertThat(kept).as("directives whose lead body was recognised").isGreaterThanOrEqualTo(10);
		long before = jdbc.sql("select count(*) from directive").query(Long.class).single();
		try {
			page.click("#save-import");
			assertThat(page.locator("main")).containsText("Đã lưu văn bản và " + kept + " nhiệm vụ");
			BrowserSupport.screenshot(page, "import-02-saved");
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from directive").query(Long.class).single())
				.isEqualTo(before + kept);
		}
		finally {
			// The demo database is shared by every integration test: leave seed 002's demo directives as they were.
			jdbc.sql("delete from directive where document_id in (select id from document where number = :n)")
				.param("n", "06/TB-BCĐ (nhập lại)").update();
			jdbc.sql("delete from document where number = :n").param("n", "06/TB-BCĐ (nhập lại)").update();
		}
	}

	@Test
	void aBinaryFileIsRefusedWithAClearMessageAndNothingSaved() throws Exception {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "admin", "ntm-demo");
		Path garbage = java.nio.file.Files.createTempFile("garbage", ".pdf");
		java.nio.file.Files.write(garbage, new byte[] { 0, 1, 2, 3, (byte) 0xFF, 0x50, 0x4B });
		long before = jdbc.sql("select count(*) from document").query(Long.class).single();
		page.navigate(base + "/documents/import");
		page.setInputFiles("#import-upload input[type=file]", garbage);
		page.click("#import-upload button");
		assertThat(page.locator("#import-error")).isVisible();
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(before);
	}
}
