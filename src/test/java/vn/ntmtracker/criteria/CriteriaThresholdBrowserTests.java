package vn.ntmtracker.criteria;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

/**
 * A province's official values reach the system through the threshold sheet: an administrator makes the province's
 * own set, downloads its sheet, fills two values with their source, uploads it, reads the changes in Vietnamese,
 * publishes, and marks the set as the province's current one.
 */
@IntegrationTest
class CriteriaThresholdBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Test
	void downloadFillUploadReadTheChangesAndPublish() throws Exception {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "admin", "ntm-demo");

		page.navigate(base + "/criteria/QD318-2022-XA-NTM?version=2");
		assertThat(page.locator("#set-description")).containsText("01/03/2024");
		assertThat(page.locator("#i-17\\.1b")).containsText("công trình cấp nước tập trung");
		BrowserSupport.screenshot(page, "thresholds-01-set-v2");

		page.fill("#derive-form input[name=newCode]", "BT-TH-XA-NTM");
		page.fill("#derive-form input[name=provinceCode]", "38");
		page.fill("#derive-form input[name=provinceName]", "Thanh Hóa");
		page.fill("#derive-form input[name=title]", "Bộ tiêu chí xã NTM tỉnh Thanh Hóa (thử nghiệm)");
		page.click("#derive-form button");
		page.waitForLoadState(LoadState.LOAD);
		page.navigate(base + "/criteria/BT-TH-XA-NTM/publish?version=1");
		page.check("#publish-confirm");
		page.click("#publish-form button");
		assertThat(page.locator("main")).containsText("Đang áp dụng");

		Download download = page.waitForDownload(() -> page.click("#download-thresholds"));
		Path sheet = Files.createTempFile("nguong", ".xlsx");
		download.saveAs(sheet);
		Path filled = Files.createTempFile("nguong-da-dien", ".xlsx");
		Files.write(filled, fill(sheet));

		page.setInputFiles("#upload-form input[type=file]", filled);
		page.click("#upload-form button");
		assertThat(page.locator("#changes")).containsText("Chỉ tiêu 2.2, vùng BTB: thêm 85 % (nguồn: QĐ 33/2022/QĐ-UBND tỉnh Thanh Hóa (21/6/2022), đã xác minh)");
		assertThat(page.locator("#changes")).containsText("Chỉ tiêu 10, vùng BTB, năm 2024: 54 triệu đồng/người/năm → 52 triệu đồng/người/năm");
		assertThat(page.locator("#publish-form")).containsText("Tôi đã xem 2 thay đổi");
		BrowserSupport.screenshot(page, "thresholds-02-changes-before-publishing");

		page.check("#publish-confirm");
		page.click("#publish-form button");
		assertThat(page.locator("h1")).containsText("BT-TH-XA-NTM v2");
		assertThat(page.locator("#i-2\\.2")).containsText("85");
		BrowserSupport.screenshot(page, "thresholds-03-published");

		page.navigate(base + "/criteria/provinces");
		page.locator("#choice-38-XA_NTM select[name=setCode]").selectOption("BT-TH-XA-NTM");
		page.locator("#choice-38-XA_NTM button").click();
		assertThat(page.locator(".flash")).containsText("Đã lưu bộ tiêu chí đang dùng của tỉnh");
		BrowserSupport.screenshot(page, "thresholds-04-province-sets");

		Path bad = Files.createTempFile("nguong-sai", ".xlsx");
		Files.write(bad, spoil(sheet));
		page.navigate(base + "/criteria/BT-TH-XA-NTM?version=2");
		page.setInputFiles("#upload-form input[type=file]", bad);
		page.click("#upload-form button");
		assertThat(page.locator("#upload-problems")).containsText("Trang 'Ngưỡng', ô G");
		assertThat(page.locator("#upload-problems")).containsText("không phải là một số");
		assertThat(page.locator("#upload-problems li")).hasCount(1);
		BrowserSupport.screenshot(page, "thresholds-05-bad-upload");
	}

	/** The regional value of 2.2 for BTB, and BTB's income of 2024, with the province's decision as source. */
	private static byte[] fill(Path downloaded) throws Exception {
		try (InputStream in = Files.newInputStream(downloaded); XSSFWorkbook workbook = new XSSFWorkbook(in);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheet(ThresholdWorkbook.SHEET);
			Row lane = row(sheet, "2.2", "BTB", null);
			lane.createCell(ThresholdWorkbook.VALUE).setCellValue(85);
			lane.createCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 33/2022/QĐ-UBND tỉnh Thanh Hóa");
			lane.createCell(ThresholdWorkbook.DATE).setCellValue("21/6/2022");
			lane.createCell(ThresholdWorkbook.VERIFIED).setCellValue("Có");
			Row income = row(sheet, "10", "BTB", 2024);
			income.getCell(ThresholdWorkbook.VALUE).setCellValue(52);
			income.getCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 33/2022/QĐ-UBND tỉnh Thanh Hóa");
			income.getCell(ThresholdWorkbook.DATE).setCellValue("21/6/2022");
			income.getCell(ThresholdWorkbook.VERIFIED).setCellValue("Có");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] spoil(Path downloaded) throws Exception {
		try (InputStream in = Files.newInputStream(downloaded); XSSFWorkbook workbook = new XSSFWorkbook(in);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			row(workbook.getSheet(ThresholdWorkbook.SHEET), "2.1", "Chung", null).getCell(ThresholdWorkbook.VALUE).setCellValue("một trăm");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static Row row(Sheet sheet, String code, String key, Integer year) {
		for (Row row : sheet) {
			if (row.getRowNum() <= ThresholdWorkbook.HEADER_ROW || row.getCell(0) == null) {
				continue;
			}
			boolean yearMatches = year == null ? row.getCell(ThresholdWorkbook.YEAR) == null
					: row.getCell(ThresholdWorkbook.YEAR) != null && (int) row.getCell(ThresholdWorkbook.YEAR).getNumericCellValue() == year;
			if (row.getCell(0).getStringCellValue().equals(code) && row.getCell(ThresholdWorkbook.KEY).getStringCellValue().equals(key) && yearMatches) {
				return row;
			}
		}
		throw new AssertionError(code + " " + key + " " + year);
	}
}
