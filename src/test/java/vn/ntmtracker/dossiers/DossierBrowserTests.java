package vn.ntmtracker.dossiers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.security.Role;

/**
 * The journey of a recognition dossier in the browser, on a commune of this test's own with two villages (the demo's
 * Cẩm Thạch already holds its complete 2022 dossier): the commune officer opens the dossier from its signed-off round
 * and does the commune's steps with their documents; the MTTQ of village 1 enters ballots on a phone; satisfaction below
 * the threshold blocks the survey step with the rate shown, village 2's workbook brings it above; the commune meets and
 * submits; the province's coordination office verifies and appraises the dossier's own round, records the council's
 * vote and the decision; the unit page then shows the recognition. Also: Cẩm Quang's nâng cao dossier is not openable
 * at 3/20, with the reason; Cẩm Lương's unit page warns of the criteria lost since its recognition. Every screenshot
 * (target/screenshots/dossiers-*.png) first checks the page for unresolved messages, raw enum names and overflow.
 */
@IntegrationTest
class DossierBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestDossiers testDossiers;

	@Autowired
	TestRounds rounds;

	@Autowired
	BallotImport ballotImport;

	@Test
	void fromTheSignedOffRoundToTheRecognitionDecision() throws Exception {
		String base = "http://localhost:" + port;
		String commune = fixtures.commune("38", "BTB", 2);
		String officerName = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String officeName = fixtures.user(Role.COORDINATION, "38");
		String mttqName = fixtures.user(Role.VILLAGE_BOARD, commune + "-T1");
		testDossiers.signedRound(officerName, officeName, commune, "QD51-2025-XA-NTM", LocalDate.of(2026, 10, 15), Set.of());
		Path pdf = Files.createTempFile("quyet-dinh", ".pdf");
		Files.write(pdf, DossiersDemoData.placeholderPdf("SCAN", "1/TEST"));

		// the commune opens its dossier from the 10/10 round
		Page officer = browser.newPage();
		BrowserSupport.login(officer, base, officerName, Fixtures.PASSWORD);
		officer.navigate(base + "/units/" + commune);
		officer.click("#dossiers-link");
		Locator candidate = officer.locator("#candidate-RECOGNITION-XA_NTM");
		assertThat(candidate).containsText("10/10");
		candidate.locator("input[name=openedOn]").fill("2026-10-20");
		shot(officer, "dossiers-01-open");
		candidate.locator("button[type=submit]").click();
		assertThat(officer.locator("#dossier-state")).containsText("Đang chuẩn bị");
		assertThat(officer.locator("#current-step-name")).hasText("Báo cáo kết quả xây dựng nông thôn mới (tự đánh giá)");
		String dossierUrl = officer.url();
		long dossierId = Long.parseLong(dossierUrl.substring(dossierUrl.lastIndexOf('/') + 1));

		attachRequired(officer, pdf);
		complete(officer, "2026-10-21");
		complete(officer, "2026-10-22");
		assertThat(officer.locator("#current-step-name")).containsText("Niêm yết");
		officer.fill("#posting-form input[name=places]", "Trụ sở UBND xã, nhà văn hóa thôn 1 và thôn 2");
		officer.fill("#posting-form input[name=postedFrom]", "2026-10-23");
		officer.fill("#posting-form input[name=postedTo]", "2026-11-06");
		officer.click("#posting-form button");
		for (String day : List.of("2026-10-23", "2026-10-26", "2026-10-29", "2026-11-01", "2026-11-04")) {
			officer.fill("#reading-form input[name=readOn]", day);
			officer.click("#reading-form button");
		}
		officer.fill("#comment-form input[name=receivedOn]", "2026-10-27");
		officer.fill("#comment-form input[name=author]", "Chi hội Nông dân thôn 2");
		officer.fill("#comment-form input[name=text]", "Đề nghị bổ sung đèn chiếu sáng ngõ xóm");
		officer.click("#comment-form button");
		officer.fill(".answer-form input[name=answer]", "Đã đưa vào kế hoạch quý IV");
		officer.fill(".answer-form input[name=answeredOn]", "2026-10-28");
		officer.click(".answer-form button");
		assertThat(officer.locator("#readings li")).hasCount(5);
		shot(officer, "dossiers-02-posting");
		complete(officer, "2026-11-07");
		assertThat(officer.locator("#current-step-name")).hasText("Lấy ý kiến sự hài lòng của người dân");

		// the MTTQ of village 1 enters two ballots on a phone; one household is not satisfied overall
		Browser.NewContextOptions phone = new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("vi-VN");
		Page mttq = browserPage(phone);
		BrowserSupport.login(mttq, base, mttqName, Fixtures.PASSWORD);
		mttq.navigate(base + "/dossiers");
		mttq.click("#enter-ballots-" + dossierId);
		ballot(mttq, "T1-001", true);
		assertThat(mttq.locator("#ballot-message")).containsText("T1-001");
		ballot(mttq, "T1-002", false);
		assertThat(mttq.locator("#ballot-form")).containsText("2 phiếu");
		shot(mttq, "dossiers-03-ballot-phone");

		// the survey step is blocked with the rate shown
		officer.navigate(dossierUrl);
		attachRequired(officer, pdf);
		officer.click("#complete-step");
		assertThat(officer.locator("#dossier-problems")).containsText("50 %");
		assertThat(officer.locator("#dossier-problems")).containsText("từ 80 %");
		shot(officer, "dossiers-04-survey-blocked");

		// village 2's workbook and the households given a ballot bring it above the thresholds
		officer.click("#survey-link");
		assertThat(officer.locator("#import-form")).containsText(".xlsx");
		byte[] template = rounds.as(officerName, () -> ballotImport.template(dossierId, commune + "-T2"));
		Path workbook = Files.createTempFile("phieu-thon-2", ".xlsx");
		Files.write(workbook, filled(template, 8));
		officer.selectOption("#import-form select[name=village]", commune + "-T2");
		officer.setInputFiles("#import-form input[type=file]", workbook);
		officer.click("#import-form button");
		assertThat(officer.locator("#survey-message")).containsText("8 phiếu");
		officer.fill("input[name='h_" + commune + "-T1']", "3");
		officer.fill("input[name='h_" + commune + "-T2']", "10");
		officer.click("#save-households");
		assertThat(officer.locator("#overall-rate")).containsText("90");
		assertThat(officer.locator("#participation")).containsText("76,9");
		assertThat(officer.locator("#survey-met")).isVisible();
		shot(officer, "dossiers-05-survey");
		officer.navigate(dossierUrl);
		complete(officer, null);
		attachRequired(officer, pdf);
		complete(officer, null);
		attachRequired(officer, pdf);
		officer.fill("#meeting-fields input[name=heldOn]", "2026-11-15");
		officer.fill("#meeting-fields input[name=invited]", "30");
		officer.fill("#meeting-fields input[name=present]", "28");
		officer.fill("#meeting-fields input[name=votesFor]", "28");
		complete(officer, null);
		assertThat(officer.locator("#current-step-name")).hasText("Nộp hồ sơ đề nghị thẩm tra, xét công nhận");
		attachRequired(officer, pdf);
		assertThat(officer.locator("#check-NO_CONSTRUCTION_DEBT")).containsText("Đạt");
		complete(officer, null);
		assertThat(officer.locator("#dossier-state")).containsText("Đang thẩm tra");
		assertThat(officer.locator("#not-your-step")).isVisible();
		shot(officer, "dossiers-06-submitted");

		// the province's coordination office: verification and appraisal on the dossier's own round
		Page office = browser.newPage();
		BrowserSupport.login(office, base, officeName, Fixtures.PASSWORD);
		office.navigate(base + "/dossiers?state=UNDER_APPRAISAL");
		assertThat(office.locator("#dossier-row-" + dossierId)).containsText("Thẩm tra hồ sơ và mức độ đạt chuẩn");
		shot(office, "dossiers-07-office-list");
		office.click("#dossier-row-" + dossierId + " a");
		office.click("#open-appraisal-round");
		office.click("#verify-round");
		assertThat(office.locator("#round-status")).containsText("Đã thẩm tra");
		office.navigate(dossierUrl);
		attachRequired(office, pdf);
		complete(office, null);
		office.click("#open-appraisal-round");
		office.click("#review form[action$='/appraise'] button");
		assertThat(office.locator("#round-status")).containsText("Đã thẩm định");
		office.navigate(dossierUrl);
		attachRequired(office, pdf);
		complete(office, null);
		attachRequired(office, pdf);
		office.fill("#council-fields textarea[name=members]", "Phó Chủ tịch UBND tỉnh; Giám đốc Sở Nông nghiệp và Môi trường; 7 sở, ngành");
		office.fill("#council-fields input[name=heldOn]", "2026-11-15");
		office.fill("#council-fields input[name=memberCount]", "9");
		office.fill("#council-fields input[name=votesFor]", "9");
		complete(office, null);
		attachRequired(office, pdf);
		office.fill("#decision-fields input[name=decisionNumber]", "3456/QĐ-UBND");
		office.fill("#decision-fields input[name=decidedOn]", "2026-11-15");
		office.fill("#decision-fields input[name=signer]", "Chủ tịch UBND tỉnh Thanh Hóa");
		complete(office, null);
		assertThat(office.locator("#dossier-state")).containsText("Đã có quyết định");
		assertThat(office.locator("#recognition-result")).containsText("3456/QĐ-UBND");
		complete(office, null);
		assertThat(office.locator("#checklist")).not().containsText("Chưa đạt");
		shot(office, "dossiers-08-decided");

		// the unit page shows the recognition
		officer.navigate(base + "/units/" + commune);
		assertThat(officer.locator("#recognitions")).containsText("Xã nông thôn mới");
		assertThat(officer.locator("#recognitions")).containsText("3456/QĐ-UBND");
		assertThat(officer.locator("#recognitions")).containsText("15/11/2026");
		shot(officer, "dossiers-09-unit-recognised");
	}

	@Test
	void camQuangsAdvancedDossierIsNotOpenableAndSaysWhy() {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "camquang", "ntm-demo");
		page.navigate(base + "/units/HT-CAMQUANG/dossiers");
		Locator candidate = page.locator("#candidate-RECOGNITION-XA_NTM_NANG_CAO");
		assertThat(candidate).containsText("3/20");
		assertThat(candidate).containsText("Không mở được hồ sơ");
		assertThat(candidate.locator("button")).hasCount(0);
		assertThat(page.locator("#recognitions")).containsText("2015");
		assertThat(page.locator("#unit-dossiers-link")).hasCount(0);
		shot(page, "dossiers-10-camquang-not-openable");
	}

	@Test
	void camLuongsUnitPageWarnsOfTheLostCriteria() {
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "camluong", "ntm-demo");
		page.navigate(base + "/units/TH-CAMLUONG");
		Locator recognitions = page.locator("#recognitions");
		assertThat(recognitions).containsText("Xã nông thôn mới");
		assertThat(recognitions.locator(".warning")).containsText("2/19");
		assertThat(recognitions.locator(".warning")).containsText("9,17");
		shot(page, "dossiers-11-camluong-warning");
		page.click("#unit-dossiers-link");
		assertThat(page.locator("#candidate-REVOCATION-XA_NTM")).isVisible();
		shot(page, "dossiers-12-camluong-dossiers");
	}

	/**
	 * A full-page screenshot under target/screenshots, after checking that the page shows no message key left
	 * unresolved and no raw enum name, and that its main content fits the viewport's width.
	 */
	private static void shot(Page page, String name) {
		String text = page.locator("body").innerText();
		Assertions.assertThat(text).as("unresolved message on " + name).doesNotContain("??");
		Assertions.assertThat(RAW_ENUM.matcher(text).results().map(m -> m.group()).toList())
			.as("raw enum names on " + name).isEmpty();
		Assertions.assertThat(text).as("a sentence ending twice on " + name).doesNotContainPattern("[^.]\\.\\.(?!\\.)");
		Object overflow = page.evaluate("() => document.querySelector('main').scrollWidth - document.querySelector('main').clientWidth");
		Assertions.assertThat(((Number) overflow).intValue()).as("main overflows on " + name).isLessThanOrEqualTo(0);
		BrowserSupport.screenshot(page, name);
	}

	private static final Pattern RAW_ENUM = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b");

	private Page browserPage(Browser.NewContextOptions options) {
		Page any = browser.newPage();
		Page page = any.context().browser().newContext(options).newPage();
		any.context().close();
		page.setDefaultTimeout(15_000);
		return page;
	}

	/** Attaches the file to every required document of the current step that has none yet. */
	private static void attachRequired(Page page, Path file) {
		List<String> slots = new ArrayList<>();
		for (Locator slot : page.locator("#current-documents .slot").all()) {
			boolean optional = slot.locator(".badge").count() > 0;
			boolean attached = slot.locator("a").count() > 0;
			if (!optional && !attached) {
				slots.add(slot.getAttribute("id"));
			}
		}
		for (String id : slots) {
			page.setInputFiles("#" + id + " input[type=file]", file);
			page.locator("#" + id + " input[name=number]").fill("01/TEST");
			page.click("#" + id + " form button");
			assertThat(page.locator("#dossier-message")).containsText("Đã đính kèm");
		}
	}

	/** Marks the current step done on {@code day} (null: today, the form's default). */
	private static void complete(Page page, String day) {
		String before = page.locator("#current-step-name").textContent();
		if (day != null) {
			page.fill("#complete-form input[name=on]", day);
		}
		page.click("#complete-step");
		assertThat(page.locator("#dossier-problems")).hasCount(0);
		if (page.locator("#current-step-name").count() > 0) {
			assertThat(page.locator("#current-step-name")).not().hasText(before);
		}
	}

	private static void ballot(Page page, String household, boolean overall) {
		page.fill("input[name=householdRef]", household);
		for (Locator question : page.locator("fieldset.question:not(.overall)").all()) {
			question.locator("label.choice.yes").click();
		}
		page.locator("#q-overall label.choice." + (overall ? "yes" : "no")).click();
		page.click("#save-ballot");
	}

	/** The village's template with {@code households} rows, all satisfied. */
	private static byte[] filled(byte[] template, int households) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = workbook.getSheet(BallotWorkbook.SHEET);
			int columns = sheet.getRow(BallotWorkbook.HEADER_ROW).getLastCellNum();
			for (int h = 0; h < households; h++) {
				Row row = sheet.createRow(BallotWorkbook.FIRST_ROW + h);
				row.createCell(0).setCellValue("T2-" + (h + 1));
				for (int c = 1; c < columns - 1; c++) {
					row.createCell(c).setCellValue("Có");
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
