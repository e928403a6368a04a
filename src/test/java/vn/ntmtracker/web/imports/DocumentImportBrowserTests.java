package vn.ntmtracker.web.imports;

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

/**
 * Seed 002 uploaded, reviewed (items highlighted in the text, leads matched, requests told apart, one item dropped)
 * and saved: the document with its original file, its directives and requests, and the stated "3/20" in Cẩm
 * Quang's assessment history.
 */
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
		assertThat(page.locator("#doc-text mark.status")).containsText("3/20");
		assertThat(page.locator("#doc-text mark.header")).containsText("06/TB-BCĐ");
		BrowserSupport.screenshot(page, "import-01-review");

		page.fill("#review-form input[name=number]", "06/TB-BCĐ (nhập lại)");
		page.uncheck("#item-1 input.keep");
		int kept = 0;
		for (int i = 2; i <= items; i++) {
			// A body still to be chosen is marked; those rows are dropped here.
			if (page.locator("#item-" + i + " select.required-choice").count() > 0) {
				page.uncheck("#item-" + i + " input.keep");
			}
			else {
				kept++;
			}
		}
		org.assertj.core.api.Assertions.assertThat(kept).as("directives whose bodies were all recognised").isGreaterThanOrEqualTo(30);
		// "Đảng ủy, UBND xã Cẩm Quang" is a joint lead: both bodies proposed.
		assertThat(page.locator("#item-2 select.lead").nth(0).locator("option:checked")).hasText("Đảng ủy xã Cẩm Quang");
		assertThat(page.locator("#item-2 select.lead").nth(1).locator("option:checked")).hasText("UBND xã Cẩm Quang");
		// §5 of the seed answers the commune's requests ("Đề nghị bổ sung 02 công chức: Giao phòng Nội vụ …").
		Locator requests = page.locator("#proposals select.item-kind");
		int proposedRequests = 0;
		for (int i = 0; i < requests.count(); i++) {
			proposedRequests += "REQUEST".equals(requests.nth(i).inputValue()) ? 1 : 0;
		}
		org.assertj.core.api.Assertions.assertThat(proposedRequests).as("requests proposed").isGreaterThanOrEqualTo(4);
		assertThat(page.locator("#statuses")).isVisible();
		assertThat(page.locator("#status-1 input[name=status_unit_1]")).hasValue("HT-CAMQUANG");
		assertThat(page.locator("#status-1 input[name=status_achieved_1]")).hasValue("3");
		assertThat(page.locator("#status-1 input[name=status_total_1]")).hasValue("20");
		// The notice's day is blank ("ngày   tháng   năm 2024"): the status holds as of the working session it reports.
		assertThat(page.locator("#status-1 input[name=status_date_1]")).hasValue("2024-03-12");
		long keptRequests = 0;
		for (int i = 1; i <= items; i++) {
			if (page.locator("#item-" + i + " input.keep").isChecked()
					&& "REQUEST".equals(page.locator("#item-" + i + " select.item-kind").inputValue())) {
				keptRequests++;
			}
		}
		long before = jdbc.sql("select count(*) from directive").query(Long.class).single();
		try {
			page.click("#save-import");
			assertThat(page.locator("main")).containsText("Đã lưu văn bản và " + kept + " nhiệm vụ");
			assertThat(page.locator("main")).containsText("Đã ghi 1 kết quả tiêu chí");
			BrowserSupport.screenshot(page, "import-02-saved");
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from directive").query(Long.class).single())
				.isEqualTo(before + kept);
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
					select count(*) from directive d join document doc on doc.id = d.document_id
					where doc.number = :n and d.kind = 'REQUEST' and d.request_text like 'Đề nghị%'
					  and d.raised_by_unit = 'HT-CAMQUANG'""")
				.param("n", "06/TB-BCĐ (nhập lại)").query(Long.class).single()).isEqualTo(keptRequests).isPositive();
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
					select a.file_name from attachment a join document doc on doc.id = a.document_id where doc.number = :n""")
				.param("n", "06/TB-BCĐ (nhập lại)").query(String.class).list())
				.containsExactly("002_camquang-hatinh-thongbao-ketluan-2024.txt");

			page.navigate(base + "/units/HT-CAMQUANG/assessments");
			assertThat(page.locator("#stated")).containsText("3/20");
			assertThat(page.locator("#stated")).containsText("06/TB-BCĐ (nhập lại)");
			BrowserSupport.screenshot(page, "import-03-stated-status");
		}
		finally {
			// The demo database is shared by every integration test: leave seed 002's demo records as they were.
			jdbc.sql("delete from assessment_stated_status where source like :n").param("n", "06/TB-BCĐ (nhập lại)%").update();
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

	@Test
	void aFileOverTheServerLimitIsRefusedWithTheLimitNamedAndNothingSaved() throws Exception {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "admin", "ntm-demo");
		Path huge = java.nio.file.Files.createTempFile("huge", ".txt");
		try {
			try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
				file.setLength(50L * 1024 * 1024);
			}
			long before = jdbc.sql("select count(*) from document").query(Long.class).single();
			page.navigate(base + "/documents/import");
			page.setInputFiles("#import-upload input[type=file]", huge);
			page.click("#import-upload button");
			assertThat(page.locator("#import-error")).containsText("20 MB");
			BrowserSupport.screenshot(page, "import-04-too-large");
			org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/documents/import");
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from document").query(Long.class).single())
				.isEqualTo(before);
		}
		finally {
			java.nio.file.Files.deleteIfExists(huge);
		}
	}
}
