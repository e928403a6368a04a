package vn.ntmtracker.planning;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Cẩm Lĩnh's officer reads the demo plan (gap, village roll-up, timeline), builds a new plan with tasks and
 * costs (a bad cost split is refused, a late deadline warned), approves it, reports progress; Cẩm Thạch's
 * officer reads the 2021 funds table of seed 001.
 */
@IntegrationTest
class PlanBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Test
	void buildAPlanWithTasksAndCostsApproveItReportProgressAndReadTheFunds() {
		String base = "http://localhost:" + port;
		Page officer = browser.newPage();
		BrowserSupport.login(officer, base, "camlinh", "ntm-demo");
		officer.navigate(base + "/units/HT-CAMLINH");
		officer.click("#plans-link");
		assertThat(officer.locator("#plans")).containsText("nâng cao năm 2023");
		officer.click("#plans a:has-text('nâng cao năm 2023')");
		assertThat(officer.locator("#gaps")).containsText("20");
		assertThat(officer.locator("#villages")).containsText("Thôn 6");
		assertThat(officer.locator("#villages")).not().containsText("Thôn 4");
		assertThat(officer.locator("#schedule")).containsText("Không kịp");
		BrowserSupport.screenshot(officer, "planning-01-demo-plan");

		officer.navigate(base + "/units/HT-CAMLINH/plans");
		// Only the sets in force for a Hà Tĩnh commune today are offered: Hà Tĩnh's nâng cao set ended on 31/12/2025.
		assertThat(officer.locator("#new-plan select[name=set]")).containsText("QD51-2025-XA-NTM");
		assertThat(officer.locator("#new-plan select[name=set]")).not().containsText("HT-2022-XA-NTM-NC");
		officer.fill("#new-plan input[name=title]", "Kế hoạch xây dựng xã NTM năm 2026");
		officer.selectOption("#new-plan select[name=set]", "QD51-2025-XA-NTM");
		officer.fill("#new-plan input[name=targetDate]", "2026-12-31");
		officer.click("#new-plan button");
		assertThat(officer.locator("#plan-status")).hasText("Dự thảo");

		officer.click("#add-task");
		officer.selectOption("#task-form select[name=criterionNumber]", "2");
		officer.fill("#task-form textarea[name=description]", "Nâng cấp đường trục xã");
		officer.selectOption("#task-form select[name=kind]", "WORKS");
		officer.selectOption("#task-form select[name=siteClearance]", "IN_PROGRESS");
		officer.fill("#task-form input[name=volumeQuantity]", "1,8");
		officer.fill("#task-form input[name=volumeUnit]", "km");
		officer.fill("#task-form input[name=start]", "2026-03-01");
		officer.fill("#task-form input[name=deadline]", "2026-10-31");
		officer.fill("#task-form input[name=leadBody]", "UBND xã");
		officer.fill("#task-form input[name=cost_NGAN_SACH_TINH]", "1.000.000.000");
		officer.fill("#task-form input[name=cost_NHAN_DAN]", "400.000.000");
		officer.fill("#task-form input[name=totalCost]", "1.500.000.000");
		officer.click("#task-form button.primary");
		assertThat(officer.locator("#task-problems")).containsText("1.400.000.000");
		BrowserSupport.screenshot(officer, "planning-02-cost-refused");
		officer.fill("#task-form input[name=totalCost]", "1.400.000.000");
		officer.click("#task-form button.primary");
		assertThat(officer.locator("#tasks")).containsText("Nâng cấp đường trục xã");
		assertThat(officer.locator("#kpi-cost")).hasText("1.400.000.000");

		officer.click("#add-task");
		officer.selectOption("#task-form select[name=criterionNumber]", "10");
		officer.fill("#task-form textarea[name=description]", "Xây dựng mô hình camera an ninh thôn");
		officer.fill("#task-form input[name=deadline]", "2027-03-31");
		officer.fill("#task-form input[name=cost_NGAN_SACH_XA]", "150.000.000");
		officer.click("#task-form button.primary");
		assertThat(officer.locator("#task-warnings")).containsText("sau ngày mục tiêu");
		BrowserSupport.screenshot(officer, "planning-03-tasks-added");

		officer.click("#approve-button");
		assertThat(officer.locator("#plan-status")).hasText("Đã phê duyệt");
		assertThat(officer.locator("#approved-info")).containsText("UBND xã Cẩm Lĩnh");

		officer.click("#tasks a:has-text('Báo cáo tiến độ') >> nth=0");
		officer.fill("#progress-form input[name=percentDone]", "45");
		officer.fill("#progress-form textarea[name=note]", "Đã giải phóng mặt bằng 1 km");
		officer.click("#progress-form button");
		assertThat(officer.locator("#tasks")).containsText("45%");
		assertThat(officer.locator("#cost-by-source")).containsText("Ngân sách tỉnh");
		BrowserSupport.screenshot(officer, "planning-04-approved-progress");

		Page village = browser.newPage();
		BrowserSupport.login(village, base, "thon6", "ntm-demo");
		village.navigate(officer.url());
		// A plan outside the village's reach is answered as if it did not exist.
		assertThat(village.locator("body")).containsText("Không tìm thấy");

		Page camThach = browser.newPage();
		BrowserSupport.login(camThach, base, "camthach", "ntm-demo");
		camThach.navigate(base + "/units/TH-CAMTHACH/plans");
		camThach.click("#funds-link");
		camThach.navigate(base + "/units/TH-CAMTHACH/funds?year=2021");
		assertThat(camThach.locator("#funds-table")).containsText("Nhân dân đóng góp");
		assertThat(camThach.locator("#funds-table")).containsText("13.055.000.000");
		assertThat(camThach.locator("#funds-total")).hasText("31.003.700.000");
		BrowserSupport.screenshot(camThach, "planning-05-funds-2021");

		officer.navigate(base + "/units/HT-CAMLINH/committee");
		assertThat(officer.locator("#members")).containsText("Trần Xuân Hữu");
		assertThat(officer.locator("#reports")).containsText("bàn giao mặt bằng");
		BrowserSupport.screenshot(officer, "planning-06-committee");
	}
}
