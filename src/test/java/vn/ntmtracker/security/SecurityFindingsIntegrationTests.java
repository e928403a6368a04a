package vn.ntmtracker.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import vn.ntmtracker.assessment.StatedStatuses;
import vn.ntmtracker.assessment.TestRounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One regression test per finding of the security probe (issue 20), each on data of its own. Every test failed
 * before its fix.
 */
@IntegrationTest
class SecurityFindingsIntegrationTests {

	static final String SET = "HT-2022-XA-NTM-NC";
	static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestRounds rounds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	StatedStatuses stated;

	/** A Hà Tĩnh commune with its officer, a department limited to criterion 17 and a coordination office on the province. */
	record World(String commune, String officer, String sector, String office) {
	}

	private World world() {
		String commune = fixtures.commune("42", "BTB", 2);
		return new World(commune, fixtures.user(Role.COMMUNE_OFFICER, commune), fixtures.user(Role.SECTOR, "42", "*:17"),
				fixtures.user(Role.COORDINATION, "42"));
	}

	@Autowired
	UserAccounts accounts;

	/** A page request by a real user (pages use sessions, not HTTP Basic). */
	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername(username));
	}

	private ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
			String body) throws Exception {
		return mvc.perform(request.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private JsonNode read(ResultActions actions) throws Exception {
		return json.readTree(actions.andReturn().getResponse().getContentAsString());
	}

	private int version(long round) {
		return jdbc.sql("select version from assessment_round where id = :id").param("id", round).query(Integer.class).single();
	}

	// ---- High: a department limited to criterion 17 set every criterion --------------------------------------

	@Test
	void aSectorDepartmentCannotJudgeAnotherCriterion() throws Exception {
		World w = world();
		long round = rounds.draft(w.officer(), w.commune(), SET, AS_OF, Set.of(17));
		mvc.perform(post("/assessments/" + round + "/judgements").with(as(w.sector())).with(csrf())
			.param("version", String.valueOf(version(round))).param("criterion", "1").param("kind", "OVERRIDE")
			.param("status", "DAT").param("reason", "thử")).andExpect(status().isForbidden());
		mvc.perform(post("/assessments/" + round + "/judgements").with(as(w.sector())).with(csrf())
			.param("version", String.valueOf(version(round))).param("criterion", "17").param("kind", "OVERRIDE")
			.param("status", "DAT").param("reason", "Biên bản kiểm tra môi trường")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select criterion_number from assessment_judgement where round_id = :id").param("id", round)
			.query(Integer.class).list()).containsExactly(17);
	}

	@Test
	void aSectorDepartmentCannotImportValuesOfOtherCriteria() throws Exception {
		World w = world();
		byte[] template = mvc.perform(get("/api/assessments/template.xlsx").param("set", SET).param("unit", w.commune())
				.param("asOf", AS_OF.toString()).with(httpBasic(w.officer(), Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		byte[] filled;
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(vn.ntmtracker.assessment.TestWorkbooks.headerRow());
			Row row = sheet.getRow(vn.ntmtracker.assessment.TestWorkbooks.headerRow() + 1);
			for (int c = vn.ntmtracker.assessment.TestWorkbooks.firstValueColumn(); c < header.getLastCellNum(); c++) {
				row.createCell(c).setCellValue("Đạt");
			}
			workbook.write(out);
			filled = out.toByteArray();
		}
		mvc.perform(multipart("/api/assessments/import").file(new MockMultipartFile("file", "x.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled)).param("asOf", AS_OF.toString())
				.with(httpBasic(w.sector(), Fixtures.PASSWORD)))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from assessment_round where unit_code = :u").param("u", w.commune())
			.query(Long.class).single()).isZero();
	}

	@Test
	void sectorDepartmentsNeitherSubmitNorVerifyARound() throws Exception {
		World w = world();
		String otherDepartment = fixtures.user(Role.SECTOR, "42", "*:1", "*:2", "*:4");
		long round = rounds.draft(w.officer(), w.commune(), SET, AS_OF, Set.of());
		api(post("/api/assessments/" + round + "/submit"), w.sector(), "{\"version\":" + version(round) + "}")
			.andExpect(status().isForbidden());
		api(post("/api/assessments/" + round + "/submit"), w.officer(), "{\"version\":" + version(round) + "}")
			.andExpect(status().isOk());
		api(post("/api/assessments/" + round + "/verify"), otherDepartment, "{\"version\":" + version(round) + "}")
			.andExpect(status().isForbidden());
		api(post("/api/assessments/" + round + "/verify"), w.office(), "{\"version\":" + version(round) + "}")
			.andExpect(status().isOk());
	}

	@Test
	void aSectorDepartmentNeitherApprovesPlansNorPlansOtherCriteriaNorRecordsFunds() throws Exception {
		World w = world();
		long plan = read(api(post("/api/units/" + w.commune() + "/plans"), w.officer(),
				"{\"title\":\"Kế hoạch nâng cao 2024\",\"setCode\":\"" + SET + "\",\"targetDate\":\"2024-12-31\"}")
			.andExpect(status().isCreated())).get("id").asLong();
		String task = "{\"criterionNumber\":%d,\"description\":\"Nạo vét kênh mương\",\"kind\":\"WORKS\",\"deadline\":\"2024-10-31\"}";
		api(post("/api/plans/" + plan + "/tasks"), w.sector(), task.formatted(1)).andExpect(status().isForbidden());
		api(post("/api/plans/" + plan + "/tasks"), w.sector(), task.formatted(17)).andExpect(status().isCreated());
		api(post("/api/plans/" + plan + "/approve"), w.sector(), "{\"version\":1}").andExpect(status().isForbidden());
		api(post("/api/units/" + w.commune() + "/funds"), w.sector(),
				"{\"year\":2024,\"source\":\"NGAN_SACH_XA\",\"amount\":1000000}").andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from fund_entry where unit_code = :u").param("u", w.commune())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aSectorDepartmentCannotRenameTheCommunesBodiesNorWriteItsStatus() throws Exception {
		World w = world();
		long ubnd = read(api(post("/api/organisations"), w.officer(),
				"{\"code\":\"" + w.commune() + "-UBND\",\"kind\":\"PEOPLES_COMMITTEE\",\"name\":\"UBND xã kiểm thử\",\"unitCode\":\""
						+ w.commune() + "\"}").andExpect(status().isCreated())).get("id").asLong();
		api(put("/api/organisations/" + ubnd), w.sector(), "{\"version\":0,\"kind\":\"OTHER\",\"name\":\"Đã đổi tên\"}")
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> rounds.as(w.sector(), () -> stated.note(w.commune(), AS_OF, StatedStatuses.Level.NTM_NANG_CAO,
				20, 20, SET, "thử", null))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	// ---- Medium: grants ignored dates ------------------------------------------------------------------------

	@Test
	void aProvinceStopsWritingForACommuneOnTheDayItMovesAway() throws Exception {
		String moved = fixtures.movedCommune("38", "42");
		String thanhHoa = fixtures.user(Role.COORDINATION, "38");
		String round = "{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"%s\"}";
		api(post("/api/units/" + moved + "/assessments"), thanhHoa, round.formatted("2024-12-31")).andExpect(status().isCreated());
		api(post("/api/units/" + moved + "/assessments"), thanhHoa, round.formatted("2025-12-31")).andExpect(status().isForbidden());
	}

	@Test
	void aDepartmentOfAnAbolishedDistrictSignsOffNothingDatedAfterIt() throws Exception {
		String[] district = fixtures.districtWithCommune("42");
		String officer = fixtures.user(Role.COMMUNE_OFFICER, district[1]);
		String districtOffice = fixtures.user(Role.COORDINATION, district[0]);
		long before = rounds.draft(officer, district[1], SET, LocalDate.of(2025, 3, 31), Set.of());
		long after = rounds.draft(officer, district[1], SET, LocalDate.of(2025, 9, 30), Set.of());
		for (long round : List.of(before, after)) {
			api(post("/api/assessments/" + round + "/submit"), officer, "{\"version\":" + version(round) + "}").andExpect(status().isOk());
		}
		api(post("/api/assessments/" + before + "/verify"), districtOffice, "{\"version\":" + version(before) + "}")
			.andExpect(status().isOk());
		api(post("/api/assessments/" + after + "/verify"), districtOffice, "{\"version\":" + version(after) + "}")
			.andExpect(status().isForbidden());
	}

	// ---- High: the pool deadlocked itself -----------------------------------------------------------------------

	/**
	 * Authentication read the grants inside a row mapper, holding two of the pool's ten connections per request:
	 * about ten concurrent API calls froze every database access. Forty at once now all answer.
	 */
	@Test
	void fortyConcurrentApiCallsAllAnswer() throws Exception {
		World w = world();
		String token = read(api(post("/api/me/tokens"), w.officer(), "{\"name\":\"tải\"}").andExpect(status().isCreated()))
			.get("token").asString();
		ExecutorService pool = Executors.newFixedThreadPool(40);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				boolean basic = i % 2 == 0;
				calls.add(() -> mvc.perform(basic ? get("/api/me").with(httpBasic(w.officer(), Fixtures.PASSWORD))
						: get("/api/units/" + w.commune()).header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(calls)) {
				statuses.add(result.get());
			}
			assertThat(statuses).hasSize(40).containsOnly(200);
		}
		finally {
			pool.shutdownNow();
		}
	}

	// ---- Medium and low: bounded, validated input ----------------------------------------------------------------

	@Test
	void moneyIsBoundedWholeDongAndFundsPagesSurviveHugeAmounts() throws Exception {
		World w = world();
		String fund = "{\"year\":2024,\"source\":\"NGAN_SACH_XA\",\"amount\":%s}";
		for (int i = 0; i < 2; i++) {
			api(post("/api/units/" + w.commune() + "/funds"), w.officer(), fund.formatted(Long.MAX_VALUE))
				.andExpect(status().isUnprocessableContent());
		}
		api(post("/api/units/" + w.commune() + "/funds"), w.officer(), fund.formatted("1.5")).andExpect(status().isBadRequest());
		api(post("/api/units/" + w.commune() + "/funds"), w.officer(), fund.formatted("1000000000")).andExpect(status().isCreated());
		mvc.perform(get("/api/units/" + w.commune() + "/funds/summary").param("year", "2024").with(httpBasic(w.officer(), Fixtures.PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(get("/units/" + w.commune() + "/funds").with(as(w.officer()))).andExpect(status().isOk());
		long plan = read(api(post("/api/units/" + w.commune() + "/plans"), w.officer(),
				"{\"title\":\"Kế hoạch\",\"setCode\":\"" + SET + "\",\"targetDate\":\"2024-12-31\"}")).get("id").asLong();
		api(post("/api/plans/" + plan + "/tasks"), w.officer(), "{\"description\":\"Đường\",\"kind\":\"WORKS\",\"costs\":{\"NGAN_SACH_XA\":"
				+ Long.MAX_VALUE + ",\"NHAN_DAN\":" + Long.MAX_VALUE + "}}").andExpect(status().isUnprocessableContent());
		api(post("/api/plans/" + plan + "/tasks"), w.officer(), "{\"description\":\"" + "x".repeat(1_000_000) + "\",\"kind\":\"OTHER\"}")
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from plan_task where plan_id = :p").param("p", plan).query(Long.class).single()).isZero();
		mvc.perform(get("/plans/" + plan).with(as(w.officer()))).andExpect(status().isOk());
	}

	@Test
	void oversizedBodiesAndNulCharactersAreRefusedBeforeAnythingIsWritten() throws Exception {
		World w = world();
		api(post("/api/units/" + w.commune() + "/funds"), w.officer(),
				"{\"year\":2024,\"source\":\"NGAN_SACH_XA\",\"amount\":1,\"note\":\"" + "n".repeat(3 * 1024 * 1024) + "\"}")
			.andExpect(status().isPayloadTooLarge());
		api(post("/api/units/" + w.commune() + "/funds"), w.officer(),
				"{\"year\":2024,\"source\":\"NGAN_SACH_XA\",\"amount\":1,\"note\":\"a\\u0000b\"}")
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/units").param("q", "Cẩm\u0000Quang").with(httpBasic(w.officer(), Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from fund_entry where unit_code = :u").param("u", w.commune()).query(Long.class).single())
			.isZero();
		mvc.perform(get("/api/assessments/99999999999999999999").with(httpBasic(w.officer(), Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest());
		api(put("/api/organisations/1"), w.officer(), "{\"version\":0,\"kind\":\"OTHER\",\"name\":\"" + "x".repeat(5000) + "\"}")
			.andExpect(status().is4xxClientError());
	}

	@Test
	void aHugeNumberForAnIndicatorIsNamedNotCrashed() throws Exception {
		World w = world();
		long round = rounds.draft(w.officer(), w.commune(), SET, AS_OF, Set.of());
		api(put("/api/assessments/" + round + "/values"), w.officer(), "{\"version\":" + version(round) + ",\"values\":{\"10.1\":\"1e400\"}}")
			.andExpect(status().is4xxClientError());
	}

	@Test
	void progressCannotBeDatedInTheFutureNorAUnitMergedIntoItself() throws Exception {
		World w = world();
		long plan = read(api(post("/api/units/" + w.commune() + "/plans"), w.officer(),
				"{\"title\":\"Kế hoạch\",\"setCode\":\"" + SET + "\",\"targetDate\":\"2024-12-31\"}")).get("id").asLong();
		JsonNode task = read(api(post("/api/plans/" + plan + "/tasks"), w.officer(), "{\"description\":\"Vệ sinh\",\"kind\":\"OTHER\"}")
			.andExpect(status().isCreated())).get("task");
		api(post("/api/tasks/" + task.get("id").asLong() + "/progress"), w.officer(),
				"{\"version\":" + task.get("version").asInt() + ",\"percentDone\":50,\"reportedOn\":\"2999-01-01\"}")
			.andExpect(status().isUnprocessableContent());
		api(post("/api/units/merges"), "admin", "{\"predecessors\":[\"" + w.commune() + "\"],\"successor\":\"" + w.commune()
				+ "\",\"effectiveDate\":\"2025-07-01\"}").andExpect(status().isUnprocessableContent());
	}

	@Test
	void assigningNeedsAuthorityOverTheBodyAndIsCheckedBeforeWriting() throws Exception {
		World w = world();
		String other = fixtures.commune("38", "BTB", 0);
		long ubnd = read(api(post("/api/organisations"), w.officer(), "{\"code\":\"" + w.commune()
				+ "-UB\",\"kind\":\"PEOPLES_COMMITTEE\",\"name\":\"UBND xã A\",\"unitCode\":\"" + w.commune() + "\"}")).get("id").asLong();
		long foreign = read(api(post("/api/organisations"), "admin", "{\"code\":\"" + other
				+ "-UB\",\"kind\":\"PEOPLES_COMMITTEE\",\"name\":\"UBND xã B\",\"unitCode\":\"" + other + "\"}")).get("id").asLong();
		long document = read(api(post("/api/documents"), w.officer(), "{\"kind\":\"PLAN\",\"issuedOn\":\"2024-03-01\",\"issuerId\":" + ubnd
				+ ",\"subject\":\"Kế hoạch tháng 3\",\"unitCodes\":[\"" + w.commune() + "\"]}").andExpect(status().isCreated())).get("document").get("id").asLong();
		long before = jdbc.sql("select count(*) from directive").query(Long.class).single();
		api(post("/api/documents/" + document + "/directives"), w.officer(), "{\"text\":\"Làm đường\",\"leadId\":" + foreign
				+ ",\"unitCodes\":[\"" + other + "\"],\"deadline\":\"trước 30/6\"}").andExpect(status().is4xxClientError());
		assertThat(jdbc.sql("select count(*) from directive").query(Long.class).single()).isEqualTo(before);
		api(post("/api/documents/" + document + "/directives"), w.officer(), "{\"text\":\"Làm đường\",\"leadId\":" + ubnd
				+ ",\"unitCodes\":[\"" + w.commune() + "\"],\"deadline\":\"trước 30/6\"}").andExpect(status().isCreated());
		long secret = read(api(post("/api/documents"), "admin", "{\"kind\":\"PLAN\",\"issuedOn\":\"2024-03-01\",\"issuerId\":" + foreign
				+ ",\"subject\":\"Văn bản của xã khác\",\"unitCodes\":[\"" + other + "\"]}")).get("document").get("id").asLong();
		api(post("/api/documents/" + document + "/links"), w.officer(), "{\"relation\":\"CITES\",\"targetId\":" + secret + "}")
			.andExpect(status().isUnprocessableContent());
		api(post("/api/documents/" + document + "/links"), w.officer(), "{\"relation\":\"CITES\",\"targetId\":99999999}")
			.andExpect(status().isUnprocessableContent());
	}
}
