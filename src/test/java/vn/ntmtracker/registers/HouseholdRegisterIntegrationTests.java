package vn.ntmtracker.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

/** The household register of a commune the test owns: import, counts for everyone, names for the commune and village only. */
@IntegrationTest
class HouseholdRegisterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAccounts accounts;

	/** A commune with two villages, its officer, the board of village 1, and five households reviewed for 2024. */
	record Setup(String commune, String officer, String board1, String province) {

		String t1() {
			return commune + "-T1";
		}

		String t2() {
			return commune + "-T2";
		}
	}

	Setup setup() throws Exception {
		String commune = fixtures.commune("42", "BTB", 2);
		Setup s = new Setup(commune, fixtures.user(Role.COMMUNE_OFFICER, commune), fixtures.user(Role.VILLAGE_BOARD, commune + "-T1"),
				fixtures.user(Role.COORDINATION, "42"));
		importFile(s.officer(), commune, 2024, Sheets.households(commune, 2024,
				new String[] { s.t1(), "T1-001", "Nguyễn Văn An", "001203004567", "Xóm Đông", "4", "4", "Nghèo", "1, 7, 9", "Không", "Có", "Cán bộ A", null },
				Sheets.row(s.t1(), "T1-002", "Trần Thị Bình", "3", "2", "Cận nghèo"),
				Sheets.row(s.t1(), "T1-003", null, "5", "5", "Không"),
				Sheets.row(s.t2(), "T2-001", "Lê Văn Cường", "2", "2", "Không"),
				Sheets.row(s.t2(), "T2-002", null, "6", "5", "Không")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(5)).andExpect(jsonPath("$.created").value(5));
		return s;
	}

	ResultActions importFile(String username, String unit, int year, byte[] file) throws Exception {
		return mvc.perform(multipart("/api/units/" + unit + "/households/import").file(new MockMultipartFile("file", "so-ho.xlsx", null, file))
			.param("year", Integer.toString(year)).with(httpBasic(username, Fixtures.PASSWORD)));
	}

	long householdId(String village, String code) {
		return jdbc.sql("select id from household where village_code = :v and code = :c").param("v", village).param("c", code)
			.query(Long.class).single();
	}

	long households(String commune) {
		return jdbc.sql("select count(*) from household where village_code like :c").param("c", commune + "-%").query(Long.class).single();
	}

	@Test
	void theSummaryCountsAYearForEveryoneWhoMayReadTheUnit() throws Exception {
		Setup s = setup();
		for (String reader : new String[] { s.officer(), s.province() }) {
			mvc.perform(get("/api/units/" + s.commune() + "/households/summary").param("year", "2024").with(httpBasic(reader, Fixtures.PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.households").value(5)).andExpect(jsonPath("$.poor").value(1))
				.andExpect(jsonPath("$.nearPoor").value(1)).andExpect(jsonPath("$.povertyRate").value(20.0))
				.andExpect(jsonPath("$.insuredShare").value(90.0));
		}
		mvc.perform(get("/api/units/" + s.t1() + "/households/summary").param("year", "2024").with(httpBasic(s.board1(), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.households").value(3)).andExpect(jsonPath("$.povertyRate").value(33.33));
		String outsider = fixtures.user(Role.COMMUNE_OFFICER, fixtures.commune("42", "BTB", 1));
		mvc.perform(get("/api/units/" + s.commune() + "/households/summary").param("year", "2024").with(httpBasic(outsider, Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'household_summary' and username = :u")
			.param("u", s.province()).query(Long.class).single()).as("API reads are audited").isEqualTo(1);
	}

	@Test
	void aVillageBoardSeesNamesInItsVillageOnlyAndEveryViewIsAudited() throws Exception {
		Setup s = setup();
		mvc.perform(get("/api/units/" + s.t1() + "/households").param("year", "2024").with(httpBasic(s.board1(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[0].headName").value("N. V. A."))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Nguyễn"))));
		long an = householdId(s.t1(), "T1-001");
		mvc.perform(get("/api/households/" + an).with(httpBasic(s.board1(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.headName").value("Nguyễn Văn An"))
			.andExpect(jsonPath("$.idNumber").value("001203004567"))
			.andExpect(jsonPath("$.years[0].deprivations[1]").value(7));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'READ' and entity_type = 'household' and entity_id = :id and username = :u")
			.param("id", Long.toString(an)).param("u", s.board1()).query(Long.class).single()).isEqualTo(1);
		long cuong = householdId(s.t2(), "T2-001");
		mvc.perform(get("/api/households/" + cuong).with(httpBasic(s.board1(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/units/" + s.t2() + "/households").with(httpBasic(s.board1(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/units/" + s.commune() + "/households").with(httpBasic(s.board1(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/households/" + cuong).with(httpBasic(s.officer(), Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.headName").value("Lê Văn Cường"));
	}

	@Test
	void aProvinceUserSeesCountsOnly() throws Exception {
		Setup s = setup();
		mvc.perform(get("/api/units/" + s.commune() + "/households").with(httpBasic(s.province(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/households/" + householdId(s.t1(), "T1-001")).with(httpBasic(s.province(), Fixtures.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/households/" + householdId(s.t1(), "T1-001")).with(httpBasic("admin", Fixtures.PASSWORD)))
			.andExpect(status().isNotFound());
		var province = user(accounts.loadUserByUsername(s.province()));
		mvc.perform(get("/units/" + s.commune() + "/households").with(province))
			.andExpect(redirectedUrl("/units/" + s.commune() + "/registers"));
		mvc.perform(get("/units/" + s.commune() + "/registers").param("year", "2024").with(province))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"counts-only\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Nguyễn"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("N. V. A."))));
		mvc.perform(post("/api/units/" + s.commune() + "/households/export").with(httpBasic(s.province(), Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"purpose\":\"Rà soát hộ nghèo cuối năm\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBadFileIsRefusedNamingSheetAndCellAndWritesNothing() throws Exception {
		String commune = fixtures.commune("42", "BTB", 2);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String other = fixtures.commune("42", "BTB", 1);
		byte[] bad = Sheets.households(commune, 2024,
				Sheets.row(commune + "-T1", "T1-001", "Hộ một", "4", "4", "Nghèo"),
				Sheets.row(commune + "-T1", "T1-002", "Hộ hai", "5", "7", "Không"),
				Sheets.row(commune + "-T1", "T1-003", "Hộ ba", "3", "3", "Giàu"),
				Sheets.row(other + "-T1", "T1-004", "Hộ bốn", "3", "3", "Không"),
				Sheets.row(commune + "-T2", "T2-001", "Hộ năm", "ba", "3", "Không"),
				Sheets.row(commune + "-T1", "T1-001", "Hộ một lặp", "2", "2", "Không"));
		String body = importFile(officer, commune, 2024, bad)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.total").value(5))
			.andReturn().getResponse().getContentAsString();
		JsonNode errors = json.readTree(body).get("errors");
		assertThat(errors).extracting(e -> e.get("sheet").asString() + "!" + e.get("cell").asString())
			.containsExactly("Hộ!G6", "Hộ!H7", "Hộ!A8", "Hộ!F9", "Hộ!B10");
		assertThat(errors.get(0).get("message").asString()).isEqualTo("Sheet Hộ, ô G6: Số người có thẻ BHYT (7) lớn hơn số nhân khẩu (5).");
		assertThat(households(commune)).as("nothing of the file is written").isZero();

		importFile(officer, commune, 2024, Sheets.households(commune, 2023, Sheets.row(commune + "-T1", "T1-001", null, "4", "4", "Nghèo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].cell").value("B1"));
		importFile(officer, commune, 2024, "not a workbook".getBytes())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("File không đọc được như một bảng tính Excel (.xlsx)."));
		assertThat(households(commune)).isZero();
	}

	@Test
	void aSecondYearKeepsNamesLeftBlankAndShowsWhoLeftOrFellIntoPoverty() throws Exception {
		Setup s = setup();
		importFile(s.officer(), s.commune(), 2025, Sheets.households(s.commune(), 2025,
				Sheets.row(s.t1(), "T1-001", null, "4", "4", "Thoát nghèo"),
				Sheets.row(s.t1(), "T1-002", null, "3", "3", "Nghèo"),
				Sheets.row(s.t1(), "T1-003", null, "5", "5", "Không"),
				Sheets.row(s.t2(), "T2-001", "Lê Văn Cường", "2", "2", "Không")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.rows").value(4));
		mvc.perform(get("/api/households/" + householdId(s.t1(), "T1-001")).with(httpBasic(s.officer(), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.headName").value("Nguyễn Văn An"))
			.andExpect(jsonPath("$.years[0].year").value(2025)).andExpect(jsonPath("$.years[1].year").value(2024));
		mvc.perform(get("/api/units/" + s.commune() + "/households/changes").param("year", "2025").with(httpBasic(s.officer(), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.counts.LEFT_POVERTY").value(1))
			.andExpect(jsonPath("$.counts.FELL_INTO_POVERTY").value(1))
			.andExpect(jsonPath("$.households[?(@.code == 'T1-002')].change").value("FELL_INTO_POVERTY"));
		mvc.perform(get("/api/units/" + s.commune() + "/households/changes").param("year", "2025").with(httpBasic(s.province(), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.counts.LEFT_POVERTY").value(1)).andExpect(jsonPath("$.households").isEmpty());
		mvc.perform(get("/api/units/" + s.commune() + "/households/trend").with(httpBasic(s.province(), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$[0].year").value(2024)).andExpect(jsonPath("$[0].povertyRate").value(20.0))
			.andExpect(jsonPath("$[1].year").value(2025)).andExpect(jsonPath("$[1].povertyRate").value(25.0));
		// "Thoát nghèo" after a year recorded as not poor is refused at its cell.
		importFile(s.officer(), s.commune(), 2026, Sheets.households(s.commune(), 2026,
				Sheets.row(s.t2(), "T2-001", null, "2", "2", "Thoát nghèo")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].cell").value("H5"));
	}

	@Test
	void anExportOfPersonalDataNeedsAStatedPurposeWhichIsRecorded() throws Exception {
		Setup s = setup();
		mvc.perform(post("/api/units/" + s.commune() + "/households/export").with(httpBasic(s.officer(), Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"purpose\":\" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		byte[] file = mvc.perform(post("/api/units/" + s.commune() + "/households/export").with(httpBasic(s.officer(), Fixtures.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"purpose\":\"Gửi Hội Phụ nữ xã hỗ trợ hộ nghèo\"}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(jdbc.sql("select after ->> 'purpose' from audit_log where action = 'EXPORT' and unit_code = :c and username = :u")
			.param("c", s.commune()).param("u", s.officer()).query(String.class).single()).isEqualTo("Gửi Hội Phụ nữ xã hỗ trợ hộ nghèo");
		// The export is the import layout: it goes back in unchanged.
		importFile(s.officer(), s.commune(), 2024, file).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(0)).andExpect(jsonPath("$.unchanged").value(5));
	}

	@Test
	void aStaleEditIsRefusedAndAFormNamesTheField() throws Exception {
		Setup s = setup();
		long id = householdId(s.t1(), "T1-003");
		var officer = user(accounts.loadUserByUsername(s.officer()));
		mvc.perform(post("/households/" + id).with(officer).with(csrf()).param("version", "0").param("code", "T1-003").param("headName", "Phạm Văn Dũng"))
			.andExpect(flash().attribute("message", "Đã lưu."));
		mvc.perform(post("/households/" + id).with(officer).with(csrf()).param("version", "0").param("code", "T1-003").param("headName", "Ai đó"))
			.andExpect(flash().attribute("error", Matchers.containsString("vừa được người khác cập nhật")));
		mvc.perform(post("/households/" + id + "/years").with(officer).with(csrf()).param("year", "2025").param("status", "NGHEO")
				.param("members", "2").param("insuredMembers", "3"))
			.andExpect(flash().attribute("problems", Matchers.contains("Số người có thẻ BHYT (3) lớn hơn số nhân khẩu (2).")));
		mvc.perform(get("/households/" + id).with(officer)).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Phạm Văn Dũng")));
	}
}
