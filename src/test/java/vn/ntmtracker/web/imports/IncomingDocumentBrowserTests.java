package vn.ntmtracker.web.imports;

import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commune officer of Bản Bo imports seed 003, the district's conclusion notice addressed to the commune, as a
 * document received: the review proposes Lai Châu's bodies and sets only, the unmet criteria, the receipt on the
 * district's own record; the text follows the row being edited. And seed 002 imported again by the district is caught,
 * every problem of the page listed at once beside its row. Screenshots at 1366×768.
 */
@IntegrationTest
class IncomingDocumentBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** What the reviewer sees in the window (1366×768), not the whole page. */
	private static void viewport(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SCREENSHOTS.resolve(name + ".png")));
	}

	@Test
	void banBoRegistersSeed003AsAReceivedNoticeAndTracksIt() {
		String base = "http://localhost:" + port;
		long issuersRecord = jdbc.sql("""
				select d.id from document d join organisation o on o.id = d.issuer_id
				where o.code = 'TD-BTV' and d.issued_year = 2023 and d.number is null""").query(Long.class).single();
		Page page = browser.newPage();
		page.setViewportSize(1366, 768);
		BrowserSupport.login(page, base, "banbo", "ntm-demo");
		page.navigate(base + "/documents/import");
		page.setInputFiles("#import-upload input[type=file]", Path.of("src/test/resources/seeds/003_banbo-laichau-thongbao-ketluan-2023.txt"));
		page.click("#import-upload button");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		try {
			assertThat(page.locator("#subject-unit")).hasText("xã Bản Bo");
			assertThat(page.locator("#set-code")).hasValue("QD318-2022-XA-NTM-NC");
			assertThat(page.locator("#set-code option")).not().containsText(new String[] { "HT-" });
			assertThat(page.locator("#review-form input[name=subject]")).hasValue(java.util.regex.Pattern.compile("^KẾT LUẬN CỦA BAN THƯỜNG VỤ.*Bản Bo$"));
			assertThat(page.locator("#signer")).hasValue("Vũ Ngọc Sơn");
			assertThat(page.locator("#mode-received")).isChecked();
			assertThat(page.locator("#mode input[value=ISSUED]")).isDisabled();
			assertThat(page.locator("#review-form select[name=recipientId] option:checked")).hasText("UBND xã Bản Bo");
			assertThat(page.locator("#duplicate")).containsText("Ban Thường vụ Huyện ủy Tam Đường");
			assertThat(page.locator("#duplicate input[value=RECEIVE]")).isChecked();
			assertThat(page.locator("#status-1 input[name=status_unmet_1]")).hasValue("1, 2, 5, 6, 10, 11, 14, 17, 18, 19");
			assertThat(page.locator("#status-1")).containsText("10 tiêu chí chưa đạt");
			// Every body the page may propose is one of Lai Châu's: Hà Tĩnh's Phòng Kinh tế - Hạ tầng is not even listed.
			Locator leadOptions = page.locator("#proposals select.lead option");
			for (int i = 0; i < leadOptions.count(); i++) {
				assertThat(leadOptions.nth(i).textContent()).doesNotContain("Cẩm").doesNotContain("Hà Tĩnh").doesNotContain("Thanh Hóa");
			}
			assertThat(page.locator("#item-3 select.lead option:checked")).hasText("Phòng Kinh tế - Hạ tầng huyện Tam Đường");
			assertThat(page.locator("#item-2 select.lead option:checked")).hasText("UBND huyện Tam Đường");
			assertThat(page.locator("#item-6 select.lead option:checked")).hasText("Ban Chỉ đạo các chương trình MTQG xã Bản Bo");
			assertThat(page.locator("#item-1 select.lead").first()).hasClass(java.util.regex.Pattern.compile("required-choice"));
			assertThat(page.locator("#item-2 input[name=ref_2]")).hasValue("1");
			assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling at 1366 px")
				.isLessThanOrEqualTo(1366);
			BrowserSupport.screenshot(page, "import-10-banbo-review");
			viewport(page, "import-10a-banbo-review-top");

			// Editing a row brings its passage level with it.
			page.locator("#item-10 textarea").click();
			assertThat(page.locator("#src-10")).hasClass(java.util.regex.Pattern.compile("active"));
			BoundingBox row = page.locator("#item-10").boundingBox();
			BoundingBox mark = page.locator("#src-10").boundingBox();
			assertThat(Math.abs(row.y - mark.y)).as("row at %s, its passage at %s", row.y, mark.y).isLessThan(60);
			viewport(page, "import-11-banbo-row-10-aligned");

			page.fill("#review-form input[name=receivedOn]", "2023-03-20");
			page.fill("#review-form input[name=incomingNumber]", "15");
			page.click("#save-import");
			page.waitForURL(base + "/documents/" + issuersRecord);
			assertThat(page.locator("main")).containsText("Đã vào sổ văn bản đến trên bản đã có");
			assertThat(page.locator("#receipts")).containsText("UBND xã Bản Bo nhận ngày 20/3/2023, từ Ban Thường vụ Huyện ủy Tam Đường");
			BrowserSupport.screenshot(page, "import-12-banbo-received");
			page.navigate(base + "/units/LC-BANBO/assessments");
			assertThat(page.locator("#stated")).containsText("9/19");
			assertThat(page.locator("#stated")).containsText("10 tiêu chí chưa đạt: 1 (Quy hoạch), 2 (Giao thông)");
		}
		finally {
			jdbc.sql("delete from document_receipt where document_id = :d").param("d", issuersRecord).update();
			jdbc.sql("delete from assessment_stated_status where source_link = :l").param("l", "/documents/" + issuersRecord).update();
		}
	}

	@Test
	void seed002ImportedAgainByTheDistrictIsCaughtWithEveryProblemBesideItsRow() {
		String base = "http://localhost:" + port;
		long existing = jdbc.sql("select d.id from document d join organisation o on o.id = d.issuer_id where o.code = 'CX-BCD' and d.number = '06/TB-BCĐ'")
			.query(Long.class).single();
		long documents = jdbc.sql("select count(*) from document").query(Long.class).single();
		long directives = jdbc.sql("select count(*) from directive").query(Long.class).single();
		Page page = browser.newPage();
		page.setViewportSize(1366, 768);
		BrowserSupport.login(page, base, "vpdp-camxuyen", "ntm-demo");
		page.navigate(base + "/documents/import");
		page.setInputFiles("#import-upload input[type=file]", Path.of("src/test/resources/seeds/002_camquang-hatinh-thongbao-ketluan-2024.txt"));
		page.click("#import-upload button");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		assertThat(page.locator("#duplicate")).containsText("06/TB-BCĐ");
		assertThat(page.locator("#set-code")).hasValue("HT-2022-XA-NTM-NC");
		page.click("#save-import");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		assertThat(page.locator("#problems li").first()).containsText("đã có trong sổ");
		assertThat(page.locator("#problems li")).not().hasCount(1);
		assertThat(page.locator("#duplicate .row-error")).isVisible();
		assertThat(page.locator("#item-34 .row-error")).containsText("Các phòng liên quan");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(1366);
		BrowserSupport.screenshot(page, "import-13-seed002-again");
		viewport(page, "import-13a-seed002-again-top");
		page.locator("#problems a[href='#item-34']").click();
		// The problem leads to its row, and the text panel to the row's passage.
		assertThat(page.locator("#src-34")).hasClass(java.util.regex.Pattern.compile("active"));
		assertThat(page.locator("#src-34")).isInViewport();
		viewport(page, "import-14-seed002-problem-row");
		assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(documents);
		assertThat(jdbc.sql("select count(*) from directive").query(Long.class).single()).isEqualTo(directives);

		page.check("#duplicate input[value=OPEN]");
		page.click("#save-import");
		page.waitForURL(base + "/documents/" + existing);
		assertThat(page.locator("main")).containsText("Văn bản đã có trong sổ");
		assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(documents);
	}
}
