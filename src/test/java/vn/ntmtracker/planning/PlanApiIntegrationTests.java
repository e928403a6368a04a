package vn.ntmtracker.planning;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PlanApiIntegrationTests {

	static final String PASSWORD = "ntm-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void camThachsFundsOf2021ReadExactlyAsSeed001() throws Exception {
		JsonNode summary = body(mvc.perform(get("/api/units/TH-CAMTHACH/funds/summary?year=2021").with(httpBasic("camthach", PASSWORD)))
			.andExpect(status().isOk()));
		assertThat(summary.propertyNames()).containsExactlyInAnyOrder("total", "bySource");
		assertThat(summary.get("total").asLong()).isEqualTo(31_003_700_000L);
		JsonNode bySource = summary.get("bySource");
		assertThat(bySource.get("NGAN_SACH_HUYEN").asLong()).isEqualTo(650_000_000L);
		assertThat(bySource.get("NGAN_SACH_XA").asLong()).isEqualTo(10_031_100_000L);
		assertThat(bySource.get("NHAN_DAN").asLong()).isEqualTo(13_055_000_000L);
		assertThat(bySource.get("LONG_GHEP").asLong()).isEqualTo(7_180_000_000L);
		assertThat(bySource.get("DOANH_NGHIEP").asLong()).isEqualTo(87_600_000L);
		assertThat(bySource.size()).isEqualTo(5);
		mvc.perform(get("/api/units/TH-CAMTHACH/funds/summary?year=2019").with(httpBasic("camthach", PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void camLinhsPlanShowsTasksTheApprovedVillagePlanAndTheGap() throws Exception {
		JsonNode list = body(mvc.perform(get("/api/units/HT-CAMLINH/plans").with(httpBasic("camlinh", PASSWORD))).andExpect(status().isOk()));
		assertThat(list.isArray()).isTrue();
		JsonNode plan = null;
		for (JsonNode candidate : list) {
			if (candidate.get("title").asString().contains("nâng cao năm 2023")) {
				plan = candidate;
			}
		}
		assertThat(plan).as("the demo plan of seed 004").isNotNull();
		assertThat(plan.get("setCode").asString()).isEqualTo("HT-2022-XA-NTM-NC");
		assertThat(plan.get("targetDate").asString()).isEqualTo("2023-12-31");
		assertThat(plan.get("status").asString()).isEqualTo("APPROVED");
		assertThat(plan.get("approvedBody").asString()).isEqualTo("UBND xã Cẩm Lĩnh");
		JsonNode detail = body(mvc.perform(get("/api/plans/" + plan.get("id").asLong()).with(httpBasic("camlinh", PASSWORD))));
		assertThat(detail.get("gaps")).extracting(g -> g.get("number").asInt()).containsExactly(20);
		assertThat(detail.get("villagePlans")).extracting(v -> v.get("unitName").asString()).contains("Thôn 6", "Thôn 2", "Thôn 3")
			.doesNotContain("Thôn 4", "Thôn 5");
		assertThat(detail.get("villagePlans").get(0).get("plan").get("approvedBody").asString()).isEqualTo("UBND xã Cẩm Lĩnh");
		assertThat(detail.get("schedule").get("fits").asBoolean()).isFalse();
		assertThat(detail.get("schedule").get("endingAfterTarget").asInt()).isEqualTo(1);
		long sources = 0;
		for (JsonNode amount : detail.get("costBySource")) {
			sources += amount.asLong();
		}
		assertThat(sources).isEqualTo(detail.get("totalCost").asLong());
	}

	@Test
	void aTaskIsAddedWithAWarningWhenItEndsAfterTheTargetAndBadInputSavesNothing() throws Exception {
		long plan = newPlan("camthach", "TH-CAMTHACH", "QD318-2022-XA-NTM", "2025-12-31");
		int version = planVersion(plan);
		String bad = """
				{"planVersion": %d, "criterionNumber": 5, "description": "Xây 21 phòng học", "kind": "WORKS",
				 "volumeQuantity": -21, "volumeUnit": "phòng học", "totalCost": 3000000000,
				 "costs": {"NGAN_SACH_HUYEN": 1000000000, "NHAN_DAN": 1500000000}}""".formatted(version);
		mvc.perform(post("/api/plans/" + plan + "/tasks").with(httpBasic("camthach", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("Không có gì được lưu")))
			.andExpect(jsonPath("$.problems[0]").value(containsString("Khối lượng không được âm")))
			.andExpect(jsonPath("$.problems[1]").value(containsString("2.500.000.000")));
		mvc.perform(post("/api/plans/" + plan + "/tasks").with(httpBasic("camthach", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"planVersion\": %d, \"description\": \"Đóng góp\", \"costs\": {\"NHAN_DAN\": -1}}".formatted(version)))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from plan_task where plan_id = :id").param("id", plan).query(Long.class).single()).isZero();
		assertThat(planVersion(plan)).isEqualTo(version);

		String late = """
				{"planVersion": %d, "criterionNumber": 5, "description": "Xây 21 phòng học", "kind": "WORKS",
				 "volumeQuantity": 21, "volumeUnit": "phòng học", "deadline": "2026-04-30", "totalCost": 2500000000,
				 "costs": {"NGAN_SACH_HUYEN": 1000000000, "NHAN_DAN": 1500000000}}""".formatted(version);
		mvc.perform(post("/api/plans/" + plan + "/tasks").with(httpBasic("camthach", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(late))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.warnings[0]").value(containsString("sau ngày mục tiêu")))
			.andExpect(jsonPath("$.task.totalCost").value(2_500_000_000L))
			.andExpect(jsonPath("$.task.siteClearance").value("NOT_STARTED"));
		mvc.perform(post("/api/plans/" + plan + "/tasks").with(httpBasic("camthach", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(late))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("vừa được người khác cập nhật")));
	}

	@Test
	void aVillagePlanIsApprovedByTheCommuneNotByTheVillageBoardAndThenRollsUp() throws Exception {
		// Within the validity of Hà Tĩnh's nâng cao set (until 31/12/2025): a later target is refused.
		long commune = newPlan("camlinh", "HT-CAMLINH", "HT-2022-XA-NTM-NC", "2025-12-31");
		JsonNode village = body(mvc.perform(post("/api/units/HT-CAMLINH-T6/plans").with(httpBasic("thon6", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"title": "Duy trì KDC kiểu mẫu thôn 6", "setCode": "HT-2022-KDC-NTM-KM", "targetDate": "2025-11-30", "parentPlanId": %d}"""
				.formatted(commune)))
			.andExpect(status().isCreated()));
		long id = village.get("id").asLong();
		mvc.perform(post("/api/plans/" + id + "/tasks").with(httpBasic("thon6", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"criterionNumber\": 1, \"description\": \"Trồng hàng rào xanh\", \"costs\": {\"NHAN_DAN\": 40000000}}"))
			.andExpect(status().isCreated());
		int version = planVersion(id);
		mvc.perform(post("/api/plans/" + id + "/approve").with(httpBasic("thon6", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d}".formatted(version)))
			.andExpect(status().isForbidden());
		assertThat(body(mvc.perform(get("/api/plans/" + commune).with(httpBasic("camlinh", PASSWORD)))).get("villagePlans")).isEmpty();
		mvc.perform(post("/api/plans/" + id + "/approve").with(httpBasic("camlinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d}".formatted(version + 3)))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/plans/" + id + "/approve").with(httpBasic("camlinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d}".formatted(version)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedBody").value("UBND xã Cẩm Lĩnh"));
		JsonNode rolled = body(mvc.perform(get("/api/plans/" + commune).with(httpBasic("camlinh", PASSWORD))));
		assertThat(rolled.get("villagePlans")).singleElement().satisfies(v -> assertThat(v.get("cost").asLong()).isEqualTo(40_000_000L));
		assertThat(rolled.get("costBySource").get("NHAN_DAN").asLong()).isEqualTo(40_000_000L);
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'plan' and entity_id = :id").param("id", Long.toString(id))
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void progressNeedsTheCurrentVersionAndAPercentBetweenZeroAndHundred() throws Exception {
		long plan = newPlan("camlinh", "HT-CAMLINH", "QD51-2025-XA-NTM", "2027-12-31");
		JsonNode task = body(mvc.perform(post("/api/plans/" + plan + "/tasks").with(httpBasic("camlinh", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"criterionNumber\": 10, \"description\": \"Tuần tra an ninh\"}")));
		long id = task.get("task").get("id").asLong();
		int version = task.get("task").get("version").asInt();
		mvc.perform(post("/api/tasks/" + id + "/progress").with(httpBasic("camlinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d, \"percentDone\": 140}".formatted(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("0 đến 100")));
		mvc.perform(post("/api/tasks/" + id + "/progress").with(httpBasic("camlinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d, \"percentDone\": 100, \"note\": \"Xong\"}".formatted(version)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
		mvc.perform(post("/api/tasks/" + id + "/progress").with(httpBasic("camlinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d, \"percentDone\": 50}".formatted(version)))
			.andExpect(status().isConflict());
	}

	@Test
	void scopeRulesApplyToPlansAndFunds() throws Exception {
		mvc.perform(get("/api/units/HT-CAMLINH/plans")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/units/TH-CAMTHACH/funds/summary?year=2021")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/units/HT-CAMLINH/plans").with(httpBasic("camthach", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/units/TH-CAMTHACH/funds/summary?year=2021").with(httpBasic("camlinh", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/units/HT-CAMLINH/plans").with(httpBasic("lanhdao-hatinh", PASSWORD))).andExpect(status().isOk());
		long plan = body(mvc.perform(get("/api/units/HT-CAMLINH/plans").with(httpBasic("camlinh", PASSWORD)))).get(0).get("id").asLong();
		mvc.perform(get("/api/plans/" + plan).with(httpBasic("camthach", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/plans/" + plan + "/tasks").with(httpBasic("lanhdao-hatinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\": \"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/units/TH-CAMTHACH/funds").with(httpBasic("camlinh", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\": 2021, \"source\": \"KHAC\", \"amount\": 1}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/units/HT-CAMLINH/plans").with(httpBasic("camthach", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"x\", \"setCode\": \"HT-2022-XA-NTM-NC\", \"targetDate\": \"2026-12-31\"}")).andExpect(status().isForbidden());
	}

	@Test
	void fundsAreRecordedAndANegativeAmountIsRefused() throws Exception {
		mvc.perform(post("/api/units/TH-CAMLUONG/funds").with(httpBasic("camluong", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\": 2024, \"source\": \"NGAN_SACH_XA\", \"amount\": -5}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("không được âm")));
		mvc.perform(post("/api/units/TH-CAMLUONG/funds").with(httpBasic("camluong", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\": 2024, \"source\": \"NGAN_SACH_XA\", \"amount\": 1250000000, \"note\": \"Đối ứng\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total").value(1_250_000_000L))
			.andExpect(jsonPath("$.bySource.NGAN_SACH_XA").value(1_250_000_000L));
	}

	@Test
	void theCommitteeOfCamLinhAnswersForCriteriaAndVillages() throws Exception {
		JsonNode committee = body(mvc.perform(get("/api/units/HT-CAMLINH/committee").with(httpBasic("camlinh", PASSWORD))).andExpect(status().isOk()));
		assertThat(committee.get("members")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(committee.get("members").get(0).get("villages").get(0).asString()).isEqualTo("HT-CAMLINH-T6");
		assertThat(committee.get("weeklyReports")).anySatisfy(r -> assertThat(r.get("problems").asString()).contains("bàn giao mặt bằng"));
	}

	private long newPlan(String user, String unit, String set, String target) throws Exception {
		return body(mvc.perform(post("/api/units/" + unit + "/plans").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Kế hoạch thử\", \"setCode\": \"%s\", \"targetDate\": \"%s\"}".formatted(set, target)))
			.andExpect(status().isCreated())).get("id").asLong();
	}

	private int planVersion(long id) throws Exception {
		return body(mvc.perform(get("/api/plans/" + id).with(httpBasic("admin", PASSWORD)))).get("plan").get("version").asInt();
	}

	private JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
