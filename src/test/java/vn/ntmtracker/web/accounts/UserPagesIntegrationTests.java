package vn.ntmtracker.web.accounts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The account pages as an administrator and a coordination office use them: every change through the page, checked in
 * the stored accounts, and every refusal leaving them as they were.
 */
@IntegrationTest
class UserPagesIntegrationTests {

	static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\">([A-Za-z0-9]{16})<");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void anAdministratorCreatesAnAccountSeesItsOneTimePasswordOnceAndFindsItWithoutDiacritics() throws Exception {
		String username = Fixtures.uniqueCode("gianght").toLowerCase();
		String page = html(mvc.perform(post("/admin/users").with(as("admin")).with(csrf()).param("username", username)
			.param("displayName", "Nguyễn Thị Hương Giang").param("email", "")).andExpect(status().isOk()).andReturn());
		Matcher otp = ONE_TIME.matcher(page);
		assertThat(otp.find()).as(page).isTrue();
		assertThat(accounts.passwordMatches(username, otp.group(1))).isTrue();
		assertThat(accounts.find(username).orElseThrow().mustChangePassword()).isTrue();
		// the user page, opened afterwards, never shows it again
		assertThat(html(mvc.perform(get("/admin/users/" + username).with(as("admin"))).andExpect(status().isOk()).andReturn()))
			.doesNotContain(otp.group(1)).contains("Nguyễn Thị Hương Giang");
		String suffix = username.substring(username.indexOf('-') + 1);
		String list = html(mvc.perform(get("/admin/users").param("q", "GIANG hương " + suffix).with(as("admin")))
			.andExpect(status().isOk()).andReturn());
		assertThat(list).contains("href=\"/admin/users/" + username + "\"").contains("1 kết quả");
	}

	@Test
	void aRefusedNewAccountNamesTheFieldAndCreatesNothing() throws Exception {
		String page = html(mvc.perform(post("/admin/users").with(as("admin")).with(csrf()).param("username", "Ab")
			.param("displayName", " ").param("email", "khong-phai-thu")).andExpect(status().isOk()).andReturn());
		assertThat(page).contains("Tên đăng nhập phải có 3–64 ký tự").contains("Cần họ tên").contains("Địa chỉ thư không hợp lệ");
		assertThat(accounts.find("ab")).isEmpty();
	}

	@Test
	void theListIsPagedAndACoordinationOfficeSeesOnlyAccountsInItsSubtree() throws Exception {
		String haTinh = fixtures.commune("42", "BTB", 0);
		String thanhHoa = fixtures.commune("38", "BTB", 0);
		String office = fixtures.user(Role.COORDINATION, "42");
		String inside = fixtures.user(Role.COMMUNE_OFFICER, haTinh);
		String outside = fixtures.user(Role.COMMUNE_OFFICER, thanhHoa);
		String mine = html(mvc.perform(get("/admin/users").param("q", inside).with(as(office))).andReturn());
		assertThat(mine).contains(inside);
		assertThat(html(mvc.perform(get("/admin/users").param("q", outside).with(as(office))).andReturn())).contains("0 kết quả")
			.doesNotContain("href=\"/admin/users/" + outside + "\"");
		mvc.perform(get("/admin/users/" + outside).with(as(office))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").with(as(inside))).andExpect(status().isForbidden());
		// 30 a page
		String token = Fixtures.uniqueCode("Trang").replace("-", "");
		for (int i = 0; i < 31; i++) {
			accounts.create(Fixtures.uniqueCode("pg").toLowerCase(), "Cán bộ " + token, "mật khẩu đủ dài " + i, false, List.of());
		}
		String first = html(mvc.perform(get("/admin/users").param("q", token).with(as("admin"))).andReturn());
		assertThat(first).contains("31 kết quả").contains("Trang 1/2").contains("rel=\"next\"");
		assertThat(html(mvc.perform(get("/admin/users").param("q", token).param("page", "1").with(as("admin"))).andReturn()))
			.contains("Trang 2/2");
	}

	@Test
	void editingWithAStaleVersionChangesNothingAndSaysSo() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		mvc.perform(post("/admin/users/" + officer).with(as("admin")).with(csrf()).param("displayName", "Trần Văn Bình")
			.param("email", "binh@camxuyen.gov.vn").param("enabled", "true").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		var result = mvc.perform(post("/admin/users/" + officer).with(as("admin")).with(csrf()).param("displayName", "Tên cũ")
			.param("enabled", "false").param("version", "0")).andReturn();
		assertThat(result.getFlashMap().get("errors").toString()).contains("vừa được người khác sửa");
		var stored = accounts.find(officer).orElseThrow();
		assertThat(stored.displayName()).isEqualTo("Trần Văn Bình");
		assertThat(stored.isEnabled()).isTrue();
		// disabling with the current version works and is audited with the fields that changed
		mvc.perform(post("/admin/users/" + officer).with(as("admin")).with(csrf()).param("displayName", "Trần Văn Bình")
			.param("email", "binh@camxuyen.gov.vn").param("version", "1")).andExpect(status().is3xxRedirection());
		assertThat(accounts.find(officer).orElseThrow().isEnabled()).isFalse();
		String audit = html(mvc.perform(get("/admin/audit").param("entityType", "user").param("entityId", officer).with(as("admin"))).andReturn());
		assertThat(audit).contains("Cho phép đăng nhập:").contains("Có").contains("Không").contains("Trần Văn Bình")
			.doesNotContain(">UPDATE<").doesNotContain(">CREATE<");
	}

	@Test
	@Transactional
	void theLastActiveAdministratorCannotBeDisabled() throws Exception {
		String last = fixtures.user(Role.ADMIN, null);
		// within this test's transaction (rolled back at its end) every other administrator is disabled
		jdbc.sql("update app_user set enabled = false where username <> :u and id in (select user_id from role_grant where role = 'ADMIN')")
			.param("u", last).update();
		String other = fixtures.user(Role.ADMIN, null);
		jdbc.sql("update app_user set enabled = false where username = :u").param("u", other).update();
		int version = jdbc.sql("select version from app_user where username = :u").param("u", last).query(Integer.class).single();
		var result = mvc.perform(post("/admin/users/" + last).with(as(last)).with(csrf()).param("displayName", "Quản trị cuối")
			.param("version", String.valueOf(version))).andReturn();
		assertThat(result.getFlashMap().get("errors").toString()).contains("quản trị viên cuối cùng");
		assertThat(accounts.find(last).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void grantsWithCriteriaAreGivenAndRevokedOnThePage() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String user = fixtures.user(Role.LEADER, commune);
		mvc.perform(post("/admin/users/" + user + "/grants").with(as("admin")).with(csrf()).param("role", "SECTOR")
			.param("unitCode", "42").param("criteria", "17; 1 2")).andExpect(status().is3xxRedirection());
		assertThat(accounts.find(user).orElseThrow().grants()).anySatisfy(g -> {
			assertThat(g.role()).isEqualTo(Role.SECTOR);
			assertThat(g.criteria()).containsExactlyInAnyOrder("*:1", "*:2", "*:17");
		});
		var refused = mvc.perform(post("/admin/users/" + user + "/grants").with(as("admin")).with(csrf()).param("role", "LEADER")
			.param("unitCode", "42").param("criteria", "17")).andReturn();
		assertThat(refused.getFlashMap().get("errors").toString()).contains("Chỉ tài khoản ngành");
		assertThat(html(mvc.perform(get("/admin/users/" + user).with(as("admin"))).andReturn())).contains("1, 2, 17");
		long grant = jdbc.sql("select g.id from role_grant g join app_user u on u.id = g.user_id where u.username = :u and g.role = 'SECTOR'")
			.param("u", user).query(Long.class).single();
		mvc.perform(post("/admin/users/" + user + "/grants/" + grant + "/revoke").with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(accounts.find(user).orElseThrow().grants()).extracting(g -> g.role()).containsExactly(Role.LEADER);
	}

	@Test
	void aPasswordResetShowsANewOneTimePasswordAndForcesAChange() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "42");
		String page = html(mvc.perform(post("/admin/users/" + officer + "/password-reset").with(as(office)).with(csrf()))
			.andExpect(status().isOk()).andReturn());
		Matcher otp = ONE_TIME.matcher(page);
		assertThat(otp.find()).isTrue();
		assertThat(accounts.passwordMatches(officer, Fixtures.PASSWORD)).isFalse();
		assertThat(accounts.passwordMatches(officer, otp.group(1))).isTrue();
		assertThat(accounts.find(officer).orElseThrow().mustChangePassword()).isTrue();
	}

	@Test
	void organisationsAreShownAndEditedOnTheUserPage() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "42");
		String code = commune + "-HND";
		mvc.perform(MockMvcRequestBuilders.post("/api/organisations").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.httpBasic("admin", Fixtures.PASSWORD)).contentType("application/json")
			.content("{\"code\":\"" + code + "\",\"kind\":\"MASS_ORGANISATION\",\"name\":\"Hội Nông dân xã " + commune + "\",\"unitCode\":\""
					+ commune + "\"}")).andExpect(status().isCreated());
		long id = jdbc.sql("select id from organisation where code = :c").param("c", code).query(Long.class).single();
		String found = html(mvc.perform(get("/admin/users/" + officer + "/organisations").param("q", "hoi nong dan xa " + commune)
			.with(as(office))).andReturn());
		assertThat(found).contains("value=\"" + id + "\"");
		mvc.perform(post("/admin/users/" + officer + "/organisations").param("organisationId", String.valueOf(id)).with(as(office)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/admin/users/" + officer).with(as(office))).andReturn())).contains("Hội Nông dân xã " + commune);
		mvc.perform(post("/admin/users/" + officer + "/organisations/" + id + "/remove").with(as(office)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from user_organisation where username = :u").param("u", officer).query(Long.class).single()).isZero();
		// an office of another province may not touch this commune's organisation
		String otherOffice = fixtures.user(Role.COORDINATION, "38");
		mvc.perform(post("/admin/users/" + officer + "/organisations").param("organisationId", String.valueOf(id)).with(as(otherOffice)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet("Tài khoản");
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					String value = rows.get(r).get(c);
					if (value.matches("\\d+")) {
						row.createCell(c).setCellValue(Double.parseDouble(value));
					}
					else {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void anXlsxImportIsAllOrNothingWithTheRowsNamed() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String a = Fixtures.uniqueCode("xa").toLowerCase();
		String b = Fixtures.uniqueCode("xb").toLowerCase();
		List<String> header = List.of("username", "display_name", "email", "role", "unit_code", "criteria");
		byte[] bad = workbook(List.of(header, List.of(a, "Lê Thị A", "", "COMMUNE_OFFICER", commune, ""),
				List.of(b, "Sở Xây dựng", "", "SECTOR", "KHONG-CO-DON-VI", "17")));
		var refused = mvc.perform(MockMvcRequestBuilders.multipart("/admin/users/import")
			.file(new MockMultipartFile("file", "tai-khoan.xlsx", "application/octet-stream", bad)).with(as("admin")).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn();
		assertThat(html(refused)).contains("Không có đơn vị mã KHONG-CO-DON-VI").contains("unit_code").contains(">3<");
		assertThat(accounts.find(a)).isEmpty();
		byte[] good = workbook(List.of(header, List.of(a, "Lê Thị A", "a@camxuyen.gov.vn", "COMMUNE_OFFICER", commune, ""),
				List.of(b, "Sở Xây dựng", "", "SECTOR", "42", "17")));
		var created = mvc.perform(MockMvcRequestBuilders.multipart("/admin/users/import")
			.file(new MockMultipartFile("file", "tai-khoan.xlsx", "application/octet-stream", good)).with(as("admin")).with(csrf()))
			.andExpect(status().isOk()).andReturn();
		assertThat(html(created)).contains("Đã tạo 2 tài khoản").contains(a).contains(b);
		assertThat(accounts.find(b).orElseThrow().grants()).singleElement().satisfies(g -> assertThat(g.criteria()).containsExactly("*:17"));
		assertThat(accounts.find(a).orElseThrow().mustChangePassword()).isTrue();
		// a file that is no workbook is refused with a sentence, not an error page
		var garbage = mvc.perform(MockMvcRequestBuilders.multipart("/admin/users/import")
			.file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", "không phải bảng tính".getBytes(StandardCharsets.UTF_8)))
			.with(as("admin")).with(csrf())).andExpect(status().isUnprocessableContent()).andReturn();
		assertThat(html(garbage)).contains("Tệp không phải bảng tính Excel");
	}

	@Test
	void theApiTakesTheSameWorkbook() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String a = Fixtures.uniqueCode("api").toLowerCase();
		byte[] book = workbook(List.of(List.of("username", "display_name", "role", "unit_code"), List.of(a, "Phạm Văn C", "LEADER", commune)));
		mvc.perform(MockMvcRequestBuilders.multipart("/api/users/import").file(new MockMultipartFile("file", "u.xlsx",
				"application/octet-stream", book)).with(org.springframework.security.test.web.servlet.request
					.SecurityMockMvcRequestPostProcessors.httpBasic("admin", Fixtures.PASSWORD)))
			.andExpect(status().isCreated());
		assertThat(accounts.find(a)).isPresent();
	}
}
