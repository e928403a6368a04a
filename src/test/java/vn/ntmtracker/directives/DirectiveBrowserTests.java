package vn.ntmtracker.directives;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The district registers a notice with two directives; the commune reports progress; the district extends a
 * deadline; the commune completes it; the provincial leader reads the summary of seed 002 as of 1/5/2024.
 */
@IntegrationTest
class DirectiveBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	Page as(String username) {
		return BrowserSupport.login(browser.newPage(), base(), username, "ntm-demo");
	}

	@Test
	void districtRegistersCommuneReportsDistrictExtendsCommuneCompletesLeaderReads() {
		Page district = as("vpdp-camxuyen");
		district.navigate(base() + "/documents/new");
		district.selectOption("select[name=kind]", "CONCLUSION_NOTICE");
		district.fill("input[name=number]", "15/TB-BCĐ");
		district.fill("input[name=issuedOn]", "2026-11-02");
		district.selectOption("select[name=issuerId]", new SelectOption().setLabel("Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên"));
		district.fill("textarea[name=subject]", "Kết luận kiểm tra tiến độ xây dựng xã NTM nâng cao tại xã Cẩm Quang, tháng 11");
		district.selectOption("select[name=signingForm]", "KT");
		district.fill("input[name=signer]", "Lê Ngọc Hà");
		district.fill("input[name=units]", "HT-CAMQUANG");
		district.fill("textarea[name=distribution]", "UBND xã Cẩm Quang;\nLưu: VT, NTM.");
		district.click("#document-form button[type=submit]");
		assertThat(district.locator("h1")).containsText("15/TB-BCĐ");

		addDirective(district, "1", "Hoàn thiện hồ sơ đề nghị công nhận xã NTM nâng cao", "trước ngày 30/11/2026");
		addDirective(district, "2", "Chỉnh trang tuyến đường trục thôn Quang Hà", "trong tháng 12/2026");
		assertThat(district.locator("#document-directives")).containsText("trong tháng 12/2026");
		assertThat(district.locator("#document-directives")).containsText("Chưa đến hạn");
		BrowserSupport.screenshot(district, "directives-01-document-registered");
		String documentUrl = district.url();

		Page commune = as("camquang");
		commune.navigate(base() + "/directives");
		assertThat(commune.locator("h1")).containsText("Việc của tôi");
		commune.click("#directive-list >> text=Hoàn thiện hồ sơ đề nghị công nhận");
		commune.fill("#progress-form textarea[name=note]", "Đã hoàn thành 4/6 thành phần hồ sơ");
		commune.fill("#progress-form input[name=percent]", "65");
		commune.click("#progress-form button[type=submit]");
		assertThat(commune.locator(".flash")).containsText("tiến độ");
		assertThat(commune.locator("#directive-facts")).containsText("Đang thực hiện trong hạn");
		assertThat(commune.locator("#history")).containsText("4/6 thành phần hồ sơ");
		BrowserSupport.screenshot(commune, "directives-02-progress-reported");
		String directiveUrl = commune.url();

		district.navigate(directiveUrl);
		district.fill("#extend-form input[name=deadline]", "trước ngày 15/12/2026");
		district.fill("#extend-form textarea[name=reason]", "Chờ kết quả lấy ý kiến nhân dân của MTTQ");
		district.click("#extend-form button[type=submit]");
		assertThat(district.locator(".flash")).containsText("gia hạn");
		assertThat(district.locator("#deadlines tr.superseded")).containsText("trước ngày 30/11/2026");
		assertThat(district.locator("#deadlines")).containsText("Chờ kết quả lấy ý kiến");
		BrowserSupport.screenshot(district, "directives-03-deadline-extended");

		commune.navigate(directiveUrl);
		commune.fill("#complete-form textarea[name=evidence]", "Hồ sơ đã nộp Văn phòng Điều phối huyện");
		commune.click("#complete-form button[type=submit]");
		assertThat(commune.locator(".flash")).containsText("hoàn thành");
		assertThat(commune.locator("#directive-facts")).containsText("Hoàn thành đúng hạn");
		BrowserSupport.screenshot(commune, "directives-04-completed");

		district.navigate(documentUrl);
		assertThat(district.locator(".bucket-bar")).containsText("Hoàn thành đúng hạn");
		BrowserSupport.screenshot(district, "directives-05-document-progress");

		Page leader = as("lanhdao-hatinh");
		leader.navigate(base() + "/directives/summary?unit=42&asOf=2024-05-01");
		assertThat(leader.locator("#summary")).containsText("Phòng Kinh tế - Hạ tầng huyện Cẩm Xuyên");
		assertThat(leader.locator("#summary")).containsText("UBND xã Cẩm Quang");
		assertThat(leader.locator(".bucket-bar")).containsText("Quá hạn");
		BrowserSupport.screenshot(leader, "directives-06-leader-summary");

		leader.navigate(base() + "/directives/calendar?month=2024-04&unit=HT-CAMQUANG");
		assertThat(leader.locator("h1")).containsText("4/2024");
		assertThat(leader.locator("#calendar")).containsText("30/4/2024");
		BrowserSupport.screenshot(leader, "directives-07-calendar");

		leader.navigate(base() + "/documents");
		leader.click("#documents >> text=06/TB-BCĐ");
		leader.navigate(leader.url() + "?asOf=2024-05-01");
		assertThat(leader.locator("#document-directives")).containsText("Quá hạn");
		BrowserSupport.screenshot(leader, "directives-08-seed002-as-of-1-5-2024");
	}

	private void addDirective(Page page, String ref, String text, String deadline) {
		page.fill("#directive-form input[name=ref]", ref);
		page.fill("#directive-form textarea[name=text]", text);
		page.selectOption("#directive-form select[name=leadId]", new SelectOption().setLabel("UBND xã Cẩm Quang"));
		page.fill("#directive-form input[name=deadline]", deadline);
		page.click("#directive-form button[type=submit]");
		assertThat(page.locator(".flash")).containsText("Đã thêm nhiệm vụ");
	}
}
