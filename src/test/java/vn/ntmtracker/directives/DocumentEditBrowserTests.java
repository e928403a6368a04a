package vn.ntmtracker.directives;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A registered document's details corrected in the browser; a stale edit is refused and changes nothing. */
@IntegrationTest
class DocumentEditBrowserTests {

	static final String NUMBER = "99/TB-BCĐ (sửa thử)";

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeTheDocument() {
		jdbc.sql("delete from document where number like '99/TB-BCĐ%'").update();
	}

	@Test
	void correctTheDetailsOfARegisteredDocument() {
		long issuer = jdbc.sql("select id from organisation where code = 'CX-BCD'").query(Long.class).single();
		long id = jdbc.sql("""
				insert into document (kind, number, issued_year, issuer_id, subject, search_key, created_by)
				values ('CONCLUSION_NOTICE', :n, 2024, :issuer, 'Kết luận kiểm tra', 'ket luan kiem tra', 'vpdp-camxuyen') returning id""")
			.param("n", NUMBER).param("issuer", issuer).query(Long.class).single();
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		BrowserSupport.login(page, base, "vpdp-camxuyen", "ntm-demo");
		page.navigate(base + "/documents/" + id);
		page.click("#edit-document");
		assertThat(page.locator("#document-form textarea[name=subject]")).hasValue("Kết luận kiểm tra");
		page.fill("#document-form input[name=issuedOn]", "2024-03-12");
		page.fill("#document-form textarea[name=subject]", "Kết luận kiểm tra tiến độ xây dựng NTM nâng cao");
		page.fill("#document-form input[name=units]", "HT-CAMQUANG");
		BrowserSupport.screenshot(page, "document-edit-01-form");

		// Someone else saves first: this edit is refused and shows why.
		jdbc.sql("update document set version = version + 1 where id = :id").param("id", id).update();
		page.click("#document-form button[type=submit]");
		assertThat(page.locator("#document-error")).containsText("người khác");
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select subject from document where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("Kết luận kiểm tra");

		page.navigate(base + "/documents/" + id + "/edit");
		page.fill("#document-form input[name=issuedOn]", "2024-03-12");
		page.fill("#document-form textarea[name=subject]", "Kết luận kiểm tra tiến độ xây dựng NTM nâng cao");
		page.fill("#document-form input[name=units]", "HT-CAMQUANG");
		page.click("#document-form button[type=submit]");
		assertThat(page.locator("main")).containsText("Đã lưu thay đổi");
		assertThat(page.locator("main")).containsText("12/3/2024");
		assertThat(page.locator(".document-subject")).hasText("Kết luận kiểm tra tiến độ xây dựng NTM nâng cao");
		BrowserSupport.screenshot(page, "document-edit-02-saved");
	}
}
