package vn.ntmtracker.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every write route of the application, called by every kind of account, inside and outside its jurisdiction,
 * inside and outside a sector department's criteria, and before and after a commune moved to another province — with
 * what each may do written here, independently of {@link Authorization}. A write route missing from this table fails
 * {@link #everyWriteRouteHasAnEntry()}: a new route is not done until its row is written.
 *
 * <p>An allowed call must get past authorization (anything but 401, 403, 404; a state rule may still refuse it with
 * 409 or 422); a refused call must get 403, or 404 when the record is not even readable, and change nothing it was
 * refused.
 */
@IntegrationTest
class WriteRouteMatrixIntegrationTests {

	static final String SET = "HT-2022-XA-NTM-NC";
	static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

	/** The accounts every route is tried with. Their grants are created for this test. */
	enum Actor {
		ADMIN, OFFICER, OTHER_OFFICER, VILLAGE, SECTOR_17, OFFICE, OTHER_OFFICE, LEADER
	}

	static final Set<Actor> EVERYONE = EnumSet.allOf(Actor.class);
	static final Set<Actor> ADMIN_ONLY = EnumSet.of(Actor.ADMIN);
	/** The commune's own body and those above it. */
	static final Set<Actor> UNIT_BODIES = EnumSet.of(Actor.ADMIN, Actor.OFFICER, Actor.OFFICE);
	/** Work on a criterion-17 record: the department of criterion 17 too. */
	static final Set<Actor> WORK_ON_17 = EnumSet.of(Actor.ADMIN, Actor.OFFICER, Actor.OFFICE, Actor.SECTOR_17);
	/** The level above the commune. */
	static final Set<Actor> ABOVE = EnumSet.of(Actor.ADMIN, Actor.OFFICE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestRounds rounds;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** A Hà Tĩnh commune with two villages, accounts around it, and its People's Committee. */
	class World {

		final String commune = fixtures.commune("42", "BTB", 2);
		final String otherCommune = fixtures.commune("42", "BTB", 0);
		final Map<Actor, String> users = new LinkedHashMap<>();
		final long ubnd;
		/** A body of the province, issuing documents the commune receives (văn bản đến). */
		final long provinceBody;
		final String indicator17;
		final String indicator1;

		World() throws Exception {
			users.put(Actor.ADMIN, "admin");
			users.put(Actor.OFFICER, fixtures.user(Role.COMMUNE_OFFICER, commune));
			users.put(Actor.OTHER_OFFICER, fixtures.user(Role.COMMUNE_OFFICER, otherCommune));
			users.put(Actor.VILLAGE, fixtures.user(Role.VILLAGE_BOARD, commune + "-T1"));
			users.put(Actor.SECTOR_17, fixtures.user(Role.SECTOR, "42", "*:17"));
			users.put(Actor.OFFICE, fixtures.user(Role.COORDINATION, "42"));
			users.put(Actor.OTHER_OFFICE, fixtures.user(Role.COORDINATION, "38"));
			users.put(Actor.LEADER, fixtures.user(Role.LEADER, "42"));
			ubnd = body(api("POST", "/api/organisations", Actor.ADMIN, "{\"code\":\"" + commune + "-UBND\",\"kind\":\"PEOPLES_COMMITTEE\","
					+ "\"name\":\"UBND xã " + commune + "\",\"unitCode\":\"" + commune + "\"}")).get("id").asLong();
			provinceBody = body(api("POST", "/api/organisations", Actor.ADMIN, "{\"code\":\"" + Fixtures.uniqueCode("SO")
					+ "\",\"kind\":\"DEPARTMENT\",\"name\":\"Sở kiểm thử " + commune + "\",\"unitCode\":\"42\"}")).get("id").asLong();
			CriteriaSetDefinition set = catalog.versionOn(SET, AS_OF).orElseThrow();
			indicator17 = set.criterion(17).orElseThrow().indicators().get(0).code();
			indicator1 = set.criterion(1).orElseThrow().indicators().get(0).code();
		}

		String user(Actor actor) {
			return users.get(actor);
		}

		// ---- records each call acts on, created fresh by the commune's officer --------------------------------

		long draft() {
			return rounds.draft(user(Actor.OFFICER), commune, SET, AS_OF, Set.of(17));
		}

		long submitted() throws Exception {
			long round = draft();
			status(api("POST", "/api/assessments/" + round + "/submit", Actor.OFFICER, "{\"version\":" + version(round) + "}"), 200);
			return round;
		}

		long plan() throws Exception {
			return body(api("POST", "/api/units/" + commune + "/plans", Actor.OFFICER,
					"{\"title\":\"Kế hoạch kiểm thử\",\"setCode\":\"" + SET + "\",\"targetDate\":\"2024-12-31\"}")).get("id").asLong();
		}

		JsonNode task(int criterion) throws Exception {
			return body(api("POST", "/api/plans/" + plan() + "/tasks", Actor.OFFICER,
					"{\"criterionNumber\":" + criterion + ",\"description\":\"Việc kiểm thử\",\"kind\":\"OTHER\"}")).get("task");
		}

		long document() throws Exception {
			return body(api("POST", "/api/documents", Actor.OFFICER, "{\"kind\":\"PLAN\",\"issuedOn\":\"2024-03-01\",\"issuerId\":" + ubnd
					+ ",\"subject\":\"Văn bản kiểm thử\",\"unitCodes\":[\"" + commune + "\"]}")).get("document").get("id").asLong();
		}

		/** A document the province's body issued to the commune, registered by the administrator for the province. */
		long provinceDocument() throws Exception {
			return body(api("POST", "/api/documents", Actor.ADMIN, "{\"kind\":\"OFFICIAL_LETTER\",\"number\":\""
					+ Fixtures.uniqueCode("CV") + "\",\"issuedOn\":\"2024-03-01\",\"issuerId\":" + provinceBody
					+ ",\"subject\":\"Công văn kiểm thử\",\"unitCodes\":[\"" + commune + "\"]}")).get("document").get("id").asLong();
		}

		String receipt() {
			return "{\"organisationId\":" + ubnd + ",\"receivedOn\":\"2024-03-05\",\"receivedFrom\":\"Sở kiểm thử\",\"incomingNumber\":\"12\"}";
		}

		long directive(int criterion) throws Exception {
			return body(api("POST", "/api/documents/" + document() + "/directives", Actor.OFFICER, "{\"text\":\"Nhiệm vụ kiểm thử\","
					+ "\"leadId\":" + ubnd + ",\"unitCodes\":[\"" + commune + "\"],\"setCode\":\"" + SET + "\",\"criterionNumber\":\""
					+ criterion + "\",\"deadline\":\"trước ngày 30/9/2024\"}")).get("id").asLong();
		}

		long completed() throws Exception {
			long directive = directive(17);
			status(api("POST", "/api/directives/" + directive + "/completion", Actor.OFFICER,
					"{\"on\":\"2024-06-01\",\"evidence\":\"Biên bản nghiệm thu\"}"), 200);
			return directive;
		}

		long member() throws Exception {
			mvc.perform(page("/units/" + commune + "/committee/members", Actor.OFFICER).param("name", "Nguyễn Văn A")
				.param("role", "Phó Chủ tịch UBND xã"));
			return jdbc.sql("select max(id) from committee_member where unit_code = :u").param("u", commune).query(Long.class).single();
		}

		String managedUser() {
			return fixtures.user(Role.COMMUNE_OFFICER, commune);
		}

		String village() {
			return commune + "-T1";
		}

		/** A household of the first village, written by the commune's officer through the page. */
		long household() throws Exception {
			String code = Fixtures.uniqueCode("H");
			mvc.perform(MockMvcRequestBuilders.post("/units/" + commune + "/households").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername(user(Actor.OFFICER))))
				.with(csrf()).param("village", village()).param("code", code).param("headName", "Lê Văn Hộ").param("year", "2025")
				.param("status", "NGHEO").param("members", "5").param("insuredMembers", "5"));
			return jdbc.sql("select id from household where village_code = :v and code = :c").param("v", village()).param("c", code)
				.query(Long.class).single();
		}

		String ocopBody() {
			return "{\"name\":\"Mật ong rừng\",\"ownerName\":\"HTX Cẩm Lĩnh\",\"ownerKind\":\"COOPERATIVE\",\"category\":\"THUC_PHAM\","
					+ "\"certificateNumber\":\"" + Fixtures.uniqueCode("OCOP") + "\",\"issuedOn\":\"2026-01-15\",\"stars\":3}";
		}

		long ocop() throws Exception {
			return body(apiRequest("POST", "/api/units/" + commune + "/ocop", Actor.OFFICER, ocopBody(), this)).get("id").asLong();
		}

		String modelAreaBody() {
			return "{\"kind\":\"RESIDENTIAL_AREA\",\"name\":\"Khu dân cư mẫu\",\"decisionNumber\":\"15/QĐ-UBND\","
					+ "\"recognisedOn\":\"2026-01-10\"}";
		}

		// ---- a recognition dossier of the commune, opened once from a signed-off round meeting every criterion ----

		long dossier;
		long comment;

		long dossier() throws Exception {
			if (dossier == 0) {
				long round = rounds.draft(user(Actor.OFFICER), commune, SET, AS_OF, Set.of());
				status(api("POST", "/api/assessments/" + round + "/submit", Actor.OFFICER, "{\"version\":" + version(round) + "}"), 200);
				status(api("POST", "/api/assessments/" + round + "/verify", Actor.OFFICE, "{\"version\":" + version(round) + "}"), 200);
				dossier = body(api("POST", "/api/dossiers", Actor.OFFICER, "{\"unitCode\":\"" + commune + "\",\"roundId\":" + round + "}"))
					.get("id").asLong();
				comment = body(api("POST", "/api/dossiers/" + dossier + "/comments", Actor.OFFICER,
						"{\"receivedOn\":\"2026-11-10\",\"author\":\"Hội Nông dân xã\",\"text\":\"Đồng ý\"}")).get("id").asLong();
			}
			return dossier;
		}

		long modelArea() throws Exception {
			return body(apiRequest("POST", "/api/units/" + village() + "/model-areas", Actor.OFFICER, modelAreaBody(), this)).get("id").asLong();
		}
	}

	/**
	 * One row of the table: how to call a route as an actor, and who may. {@code refusal} is what a refused call gets:
	 * 403, or 404 for a record the actor may not even read; an import refuses its rows with 422 instead.
	 */
	record Probe(String method, String pattern, String variant, Set<Actor> allowed, BiFunction<World, Actor, RequestBuilder> call,
			Set<Integer> refusal) {

		Probe(String method, String pattern, String variant, Set<Actor> allowed, BiFunction<World, Actor, RequestBuilder> call) {
			this(method, pattern, variant, allowed, call, Set.of(403, 404));
		}

		/** The call names a record that does not exist: only the 403 of authorization counts as a refusal. */
		Probe onMadeUpRecord() {
			return new Probe(method, pattern, variant, allowed, call, Set.of(403));
		}

		Probe refusedAs(Integer... statuses) {
			return new Probe(method, pattern, variant, allowed, call, Set.of(statuses));
		}
	}

	/** A route checked elsewhere (its test named), for routes whose request cannot be built here. */
	record Elsewhere(String method, String pattern, String why) {
	}

	int version(long round) {
		return jdbc.sql("select version from assessment_round where id = :id").param("id", round).query(Integer.class).single();
	}

	MockHttpServletRequestBuilder apiRequest(String method, String path, Actor actor, String body, World world) {
		return MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
			.with(httpBasic(world == null ? "admin" : world.user(actor), Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	World current;

	MockHttpServletRequestBuilder api(String method, String path, Actor actor, String body) {
		return apiRequest(method, path, actor, body, current);
	}

	MockHttpServletRequestBuilder page(String path, Actor actor) {
		return MockMvcRequestBuilders.post(path).with(user(accounts.loadUserByUsername(current.user(actor)))).with(csrf());
	}

	JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
		return json.readTree(response.getContentAsString());
	}

	void status(MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
	}

	interface Call {
		RequestBuilder make(World w, Actor a) throws Exception;
	}

	static BiFunction<World, Actor, RequestBuilder> of(Call call) {
		return (w, a) -> {
			try {
				return call.make(w, a);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	List<Probe> probes() {
		List<Probe> p = new ArrayList<>();
		// ---- assessment ------------------------------------------------------------------------------------------
		p.add(new Probe("POST", "/api/units/{code}/assessments", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/units/" + w.commune
				+ "/assessments", a, "{\"setCode\":\"" + SET + "\",\"asOf\":\"2024-06-30\"}"))));
		p.add(new Probe("POST", "/units/{code}/assessments", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune + "/assessments", a)
			.param("set", SET).param("asOf", "2024-06-30").param("kind", "SELF"))));
		p.add(new Probe("PUT", "/api/assessments/{id}/values", "criterion 17", WORK_ON_17, of((w, a) -> {
			long round = w.draft();
			return api("PUT", "/api/assessments/" + round + "/values", a, "{\"version\":" + version(round) + ",\"values\":{\""
					+ w.indicator17 + "\":\"\"}}");
		})));
		p.add(new Probe("PUT", "/api/assessments/{id}/values", "criterion 1", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return api("PUT", "/api/assessments/" + round + "/values", a, "{\"version\":" + version(round) + ",\"values\":{\""
					+ w.indicator1 + "\":\"\"}}");
		})));
		p.add(new Probe("POST", "/assessments/{id}/values", "criterion 1", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return page("/assessments/" + round + "/values", a).param("version", String.valueOf(version(round))).param("v_" + w.indicator1, "");
		})));
		p.add(new Probe("POST", "/assessments/{id}/judgements", "criterion 17", WORK_ON_17, of((w, a) -> {
			long round = w.draft();
			return page("/assessments/" + round + "/judgements", a).param("version", String.valueOf(version(round))).param("criterion", "17")
				.param("kind", "OVERRIDE").param("status", "DAT").param("reason", "Biên bản kiểm tra");
		})));
		p.add(new Probe("POST", "/assessments/{id}/judgements", "criterion 1", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return page("/assessments/" + round + "/judgements", a).param("version", String.valueOf(version(round))).param("criterion", "1")
				.param("kind", "OVERRIDE").param("status", "DAT").param("reason", "Biên bản kiểm tra");
		})));
		for (String action : List.of("submit", "cancel")) {
			p.add(new Probe("POST", "/api/assessments/{id}/{action:submit|verify|appraise|return|cancel}", action, UNIT_BODIES, of((w, a) -> {
				long round = w.draft();
				return api("POST", "/api/assessments/" + round + "/" + action, a, "{\"version\":" + version(round) + ",\"reason\":\"Mở nhầm\"}");
			})));
			p.add(new Probe("POST", "/assessments/{id}/{action:submit|verify|appraise|return|cancel}", action, UNIT_BODIES, of((w, a) -> {
				long round = w.draft();
				return page("/assessments/" + round + "/" + action, a).param("version", String.valueOf(version(round))).param("reason", "Mở nhầm");
			})));
		}
		for (String action : List.of("verify", "appraise", "return")) {
			p.add(new Probe("POST", "/api/assessments/{id}/{action:submit|verify|appraise|return|cancel}", action, ABOVE, of((w, a) -> {
				long round = w.submitted();
				return api("POST", "/api/assessments/" + round + "/" + action, a, "{\"version\":" + version(round) + ",\"reason\":\"Thiếu minh chứng\"}");
			})));
			p.add(new Probe("POST", "/assessments/{id}/{action:submit|verify|appraise|return|cancel}", action, ABOVE, of((w, a) -> {
				long round = w.submitted();
				return page("/assessments/" + round + "/" + action, a).param("version", String.valueOf(version(round))).param("reason", "Thiếu minh chứng");
			})));
		}
		p.add(new Probe("POST", "/api/assessments/{id}/values/{indicator}/from-villages", "", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return api("POST", "/api/assessments/" + round + "/values/" + w.indicator1 + "/from-villages", a,
					"{\"version\":" + version(round) + ",\"villageSetCode\":\"HT-2022-KDC-NTM-KM\"}");
		})));
		p.add(new Probe("POST", "/assessments/{id}/from-villages", "", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return page("/assessments/" + round + "/from-villages", a).param("version", String.valueOf(version(round)))
				.param("indicator", w.indicator1).param("villageSet", "HT-2022-KDC-NTM-KM");
		})));
		// ---- planning ----------------------------------------------------------------------------------------------
		p.add(new Probe("POST", "/api/units/{code}/plans", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/units/" + w.commune + "/plans", a,
				"{\"title\":\"Kế hoạch\",\"setCode\":\"" + SET + "\",\"targetDate\":\"2024-12-31\"}"))));
		p.add(new Probe("POST", "/units/{code}/plans", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune + "/plans", a)
			.param("title", "Kế hoạch").param("set", SET).param("targetDate", "2024-12-31"))));
		p.add(new Probe("POST", "/api/plans/{id}/tasks", "criterion 17", WORK_ON_17, of((w, a) -> api("POST", "/api/plans/" + w.plan()
				+ "/tasks", a, "{\"criterionNumber\":17,\"description\":\"Thu gom rác\",\"kind\":\"OTHER\"}"))));
		p.add(new Probe("POST", "/api/plans/{id}/tasks", "criterion 1", UNIT_BODIES, of((w, a) -> api("POST", "/api/plans/" + w.plan()
				+ "/tasks", a, "{\"criterionNumber\":1,\"description\":\"Quy hoạch\",\"kind\":\"OTHER\"}"))));
		p.add(new Probe("POST", "/plans/{id}/tasks", "criterion 1", UNIT_BODIES, of((w, a) -> page("/plans/" + w.plan() + "/tasks", a)
			.param("criterionNumber", "1").param("description", "Quy hoạch").param("kind", "OTHER"))));
		p.add(new Probe("POST", "/api/tasks/{id}/progress", "criterion 17", WORK_ON_17, of((w, a) -> {
			JsonNode task = w.task(17);
			return api("POST", "/api/tasks/" + task.get("id").asLong() + "/progress", a, "{\"version\":" + task.get("version").asInt()
					+ ",\"percentDone\":40,\"reportedOn\":\"2024-06-01\"}");
		})));
		p.add(new Probe("POST", "/tasks/{id}/progress", "criterion 1", UNIT_BODIES, of((w, a) -> {
			JsonNode task = w.task(1);
			return page("/tasks/" + task.get("id").asLong() + "/progress", a).param("version", task.get("version").asString())
				.param("percentDone", "40").param("reportedOn", "2024-06-01");
		})));
		p.add(new Probe("POST", "/api/plans/{id}/approve", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/plans/" + w.plan() + "/approve", a,
				"{\"version\":0,\"approvedOn\":\"2024-03-01\"}"))));
		p.add(new Probe("POST", "/plans/{id}/approve", "", UNIT_BODIES, of((w, a) -> page("/plans/" + w.plan() + "/approve", a)
			.param("version", "0").param("approvedOn", "2024-03-01"))));
		p.add(new Probe("POST", "/api/units/{code}/funds", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/units/" + w.commune + "/funds", a,
				"{\"year\":2024,\"source\":\"NGAN_SACH_XA\",\"amount\":1000000}"))));
		p.add(new Probe("POST", "/units/{code}/funds", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune + "/funds", a)
			.param("year", "2024").param("source", "NGAN_SACH_XA").param("amount", "1000000"))));
		p.add(new Probe("POST", "/units/{code}/committee/members", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune
				+ "/committee/members", a).param("name", "Trần Thị B").param("role", "Ủy viên"))));
		p.add(new Probe("POST", "/units/{code}/committee/assignments", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune
				+ "/committee/assignments", a).param("member", String.valueOf(w.member())).param("criterion", "17"))));
		p.add(new Probe("POST", "/units/{code}/committee/reports", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune
				+ "/committee/reports", a).param("member", String.valueOf(w.member())).param("week", "2024-06-03").param("done", "Ra quân"))));
		// ---- documents and directives --------------------------------------------------------------------------------
		p.add(new Probe("POST", "/api/documents", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/documents", a, "{\"kind\":\"PLAN\","
				+ "\"issuedOn\":\"2024-03-01\",\"issuerId\":" + w.ubnd + ",\"subject\":\"Kế hoạch\",\"unitCodes\":[\"" + w.commune + "\"]}"))));
		p.add(new Probe("POST", "/api/documents", "received by the commune (văn bản đến)", UNIT_BODIES, of((w, a) -> api("POST",
				"/api/documents", a, "{\"kind\":\"OFFICIAL_LETTER\",\"number\":\"" + Fixtures.uniqueCode("CV") + "\",\"issuedOn\":\"2024-03-01\","
						+ "\"issuerId\":" + w.provinceBody + ",\"subject\":\"Công văn đến\",\"unitCodes\":[\"" + w.commune + "\"],"
						+ "\"receipt\":" + w.receipt() + "}"))));
		p.add(new Probe("POST", "/api/documents/{id}/receipts", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/documents/"
				+ w.provinceDocument() + "/receipts", a, w.receipt()))));
		p.add(new Probe("POST", "/documents", "", UNIT_BODIES, of((w, a) -> page("/documents", a).param("kind", "PLAN")
			.param("issuedOn", "2024-03-01").param("issuerId", String.valueOf(w.ubnd)).param("subject", "Kế hoạch").param("units", w.commune))));
		p.add(new Probe("PUT", "/api/documents/{id}", "", UNIT_BODIES, of((w, a) -> api("PUT", "/api/documents/" + w.document(), a,
				"{\"version\":0,\"kind\":\"PLAN\",\"issuedOn\":\"2024-03-02\",\"issuerId\":" + w.ubnd + ",\"subject\":\"Sửa\",\"unitCodes\":[\""
						+ w.commune + "\"]}"))));
		p.add(new Probe("POST", "/documents/{id}", "", UNIT_BODIES, of((w, a) -> page("/documents/" + w.document(), a).param("version", "0")
			.param("kind", "PLAN").param("issuedOn", "2024-03-02").param("issuerId", String.valueOf(w.ubnd)).param("subject", "Sửa")
			.param("units", w.commune))));
		p.add(new Probe("POST", "/api/documents/{id}/directives", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/documents/" + w.document()
				+ "/directives", a, "{\"text\":\"Làm đường\",\"leadId\":" + w.ubnd + ",\"unitCodes\":[\"" + w.commune + "\"],\"deadline\":\"trước 30/9\"}"))));
		p.add(new Probe("POST", "/documents/{id}/directives", "", UNIT_BODIES, of((w, a) -> page("/documents/" + w.document() + "/directives", a)
			.param("text", "Làm đường").param("leadId", String.valueOf(w.ubnd)).param("units", w.commune).param("deadline", "trước 30/9"))));
		p.add(new Probe("POST", "/api/documents/{id}/links", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/documents/" + w.document()
				+ "/links", a, "{\"relation\":\"CITES\",\"targetId\":" + w.document() + "}"))));
		p.add(new Probe("POST", "/documents/{id}/links", "", UNIT_BODIES, of((w, a) -> page("/documents/" + w.document() + "/links", a)
			.param("relation", "CITES").param("targetId", String.valueOf(w.document())))));
		p.add(new Probe("POST", "/api/directives/{id}/progress", "criterion 17", WORK_ON_17, of((w, a) -> api("POST", "/api/directives/"
				+ w.directive(17) + "/progress", a, "{\"on\":\"2024-06-01\",\"note\":\"Đang làm\"}"))));
		p.add(new Probe("POST", "/api/directives/{id}/progress", "criterion 1", UNIT_BODIES, of((w, a) -> api("POST", "/api/directives/"
				+ w.directive(1) + "/progress", a, "{\"on\":\"2024-06-01\",\"note\":\"Đang làm\"}"))));
		p.add(new Probe("POST", "/directives/{id}/progress", "criterion 1", UNIT_BODIES, of((w, a) -> page("/directives/" + w.directive(1)
				+ "/progress", a).param("version", "0").param("on", "2024-06-01").param("note", "Đang làm"))));
		p.add(new Probe("POST", "/api/directives/{id}/completion", "criterion 17", WORK_ON_17, of((w, a) -> api("POST", "/api/directives/"
				+ w.directive(17) + "/completion", a, "{\"on\":\"2024-06-01\",\"evidence\":\"Xong\"}"))));
		p.add(new Probe("POST", "/directives/{id}/complete", "criterion 1", UNIT_BODIES, of((w, a) -> page("/directives/" + w.directive(1)
				+ "/complete", a).param("version", "0").param("on", "2024-06-01").param("evidence", "Xong"))));
		p.add(new Probe("POST", "/api/directives/{id}/extensions", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/directives/"
				+ w.directive(17) + "/extensions", a, "{\"deadline\":\"trước 30/11/2024\",\"grantedOn\":\"2024-06-01\",\"reason\":\"Mưa bão\"}"))));
		p.add(new Probe("POST", "/directives/{id}/extend", "", UNIT_BODIES, of((w, a) -> page("/directives/" + w.directive(17) + "/extend", a)
			.param("version", "0").param("deadline", "trước 30/11/2024").param("grantedOn", "2024-06-01").param("reason", "Mưa bão"))));
		p.add(new Probe("POST", "/api/directives/{id}/acceptance", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/directives/"
				+ w.completed() + "/acceptance", a, "{\"on\":\"2024-06-05\"}"))));
		p.add(new Probe("POST", "/directives/{id}/accept", "", UNIT_BODIES, of((w, a) -> page("/directives/" + w.completed() + "/accept", a)
			.param("version", "1").param("on", "2024-06-05"))));
		p.add(new Probe("POST", "/api/directives/{id}/return", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/directives/"
				+ w.completed() + "/return", a, "{\"on\":\"2024-06-05\",\"reason\":\"Thiếu ảnh\"}"))));
		p.add(new Probe("POST", "/directives/{id}/return", "", UNIT_BODIES, of((w, a) -> page("/directives/" + w.completed() + "/return", a)
			.param("version", "1").param("on", "2024-06-05").param("reason", "Thiếu ảnh"))));
		p.add(new Probe("POST", "/api/organisations", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/organisations", a, "{\"code\":\""
				+ Fixtures.uniqueCode("ORG") + "\",\"kind\":\"MASS_ORGANISATION\",\"name\":\"Hội Nông dân\",\"unitCode\":\"" + w.commune + "\"}"))));
		p.add(new Probe("POST", "/organisations", "", UNIT_BODIES, of((w, a) -> page("/organisations", a).param("code", Fixtures.uniqueCode("ORG"))
			.param("kind", "MASS_ORGANISATION").param("name", "Hội Phụ nữ").param("unitCode", w.commune))));
		p.add(new Probe("PUT", "/api/organisations/{id}", "", UNIT_BODIES, of((w, a) -> api("PUT", "/api/organisations/" + w.ubnd, a,
				"{\"version\":0,\"kind\":\"PEOPLES_COMMITTEE\",\"name\":\"UBND xã " + w.commune + "\"}"))));
		// ---- administration ------------------------------------------------------------------------------------------
		p.add(new Probe("POST", "/api/units/import", "", ADMIN_ONLY, of((w, a) -> MockMvcRequestBuilders.post("/api/units/import")
			.with(httpBasic(w.user(a), Fixtures.PASSWORD)).contentType("text/csv")
			.content("code,name,kind,parent_code,valid_from,valid_to\n" + Fixtures.uniqueCode("IM") + ",Thôn mới,thôn," + w.commune + ",2024-01-01,\n"))));
		p.add(new Probe("POST", "/units/import", "", ADMIN_ONLY, of((w, a) -> MockMvcRequestBuilders.multipart("/units/import")
			.file(new MockMultipartFile("file", "u.csv", "text/csv", ("code,name,kind,parent_code,valid_from,valid_to\n" + Fixtures.uniqueCode("IM")
					+ ",Thôn mới,thôn," + w.commune + ",2024-01-01,\n").getBytes()))
			.with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))));
		p.add(new Probe("POST", "/api/units/merges", "", ADMIN_ONLY, of((w, a) -> api("POST", "/api/units/merges", a,
				"{\"predecessors\":[\"" + w.commune + "-T2\"],\"successor\":\"" + w.commune + "-T1\",\"effectiveDate\":\"2026-01-01\"}"))));
		// An account without a role touches no unit: any coordination office may create one, and grant only in its area.
		p.add(new Probe("POST", "/api/users", "", EnumSet.of(Actor.ADMIN, Actor.OFFICE, Actor.OTHER_OFFICE), of((w, a) -> api("POST", "/api/users", a, "{\"username\":\""
				+ Fixtures.uniqueCode("nu").toLowerCase() + "\",\"displayName\":\"Người mới\"}"))));
		p.add(new Probe("PUT", "/api/users/{username}", "", ABOVE, of((w, a) -> api("PUT", "/api/users/" + w.managedUser(), a,
				"{\"displayName\":\"Tên mới\"}"))));
		p.add(new Probe("POST", "/api/users/{username}/grants", "", ABOVE, of((w, a) -> api("POST", "/api/users/" + w.managedUser()
				+ "/grants", a, "{\"role\":\"LEADER\",\"unitCode\":\"" + w.commune + "\"}"))));
		p.add(new Probe("DELETE", "/api/users/{username}/grants/{id}", "", ABOVE, of((w, a) -> {
			String username = w.managedUser();
			long grant = jdbc.sql("select g.id from role_grant g join app_user u on u.id = g.user_id where u.username = :u")
				.param("u", username).query(Long.class).single();
			return api("DELETE", "/api/users/" + username + "/grants/" + grant, a, "");
		})));
		p.add(new Probe("POST", "/api/users/{username}/password-reset", "", ABOVE, of((w, a) -> api("POST", "/api/users/"
				+ w.managedUser() + "/password-reset", a, ""))));
		p.add(new Probe("POST", "/api/users/import", "", ABOVE, of((w, a) -> MockMvcRequestBuilders.post("/api/users/import")
			.with(httpBasic(w.user(a), Fixtures.PASSWORD)).contentType("text/csv")
			.content("username,display_name,email,role,unit_code,criteria\n" + Fixtures.uniqueCode("im").toLowerCase()
					+ ",Người nhập,,LEADER," + w.commune + ",\n"))).refusedAs(403, 422));
		// ---- account pages (the same rules as the API: administrators, coordination offices within their subtree) ----------
		p.add(new Probe("POST", "/admin/users", "", EnumSet.of(Actor.ADMIN, Actor.OFFICE, Actor.OTHER_OFFICE), of((w, a) -> page("/admin/users", a)
			.param("username", Fixtures.uniqueCode("pu").toLowerCase()).param("displayName", "Người mới"))));
		p.add(new Probe("POST", "/admin/users/{username}", "", ABOVE, of((w, a) -> page("/admin/users/" + w.managedUser(), a)
			.param("displayName", "Tên mới").param("enabled", "true").param("version", "0"))));
		p.add(new Probe("POST", "/admin/users/{username}/grants", "", ABOVE, of((w, a) -> page("/admin/users/" + w.managedUser() + "/grants", a)
			.param("role", "LEADER").param("unitCode", w.commune))));
		p.add(new Probe("POST", "/admin/users/{username}/grants/{id}/revoke", "", ABOVE, of((w, a) -> {
			String username = w.managedUser();
			long grant = jdbc.sql("select g.id from role_grant g join app_user u on u.id = g.user_id where u.username = :u")
				.param("u", username).query(Long.class).single();
			return page("/admin/users/" + username + "/grants/" + grant + "/revoke", a);
		})));
		p.add(new Probe("POST", "/admin/users/{username}/password-reset", "", ABOVE, of((w, a) -> page("/admin/users/" + w.managedUser()
				+ "/password-reset", a))));
		p.add(new Probe("POST", "/admin/users/{username}/organisations", "", ABOVE, of((w, a) -> page("/admin/users/" + w.managedUser()
				+ "/organisations", a).param("organisationId", String.valueOf(w.ubnd)))));
		p.add(new Probe("POST", "/admin/users/{username}/organisations/{id}/remove", "", ABOVE, of((w, a) -> {
			String username = w.managedUser();
			jdbc.sql("insert into user_organisation (username, organisation_id) values (:u, :o)").param("u", username).param("o", w.ubnd).update();
			return page("/admin/users/" + username + "/organisations/" + w.ubnd + "/remove", a);
		})));
		p.add(new Probe("POST", "/admin/users/import", "", ABOVE, of((w, a) -> MockMvcRequestBuilders.multipart("/admin/users/import")
			.file(new MockMultipartFile("file", "u.csv", "text/csv", ("username,display_name,email,role,unit_code,criteria\n"
					+ Fixtures.uniqueCode("pim").toLowerCase() + ",Người nhập,,LEADER," + w.commune + ",\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))).refusedAs(403, 422));
		for (String action : List.of("derive", "edit", "publish", "retire")) {
			p.add(new Probe("POST", "/criteria/{code}/" + action, "", ADMIN_ONLY, of((w, a) -> page("/criteria/" + Fixtures.uniqueCode("NOSET")
					+ "/" + action, a).param("version", "1").param("rowVersion", "0").param("yaml", "x"))).onMadeUpRecord());
		}
		p.add(new Probe("POST", "/criteria/{code}/indicator", "", ADMIN_ONLY, of((w, a) -> page("/criteria/" + Fixtures.uniqueCode("NOSET")
				+ "/indicator", a).param("version", "1").param("rowVersion", "0").param("indicator", "1.1"))).onMadeUpRecord());
		p.add(new Probe("POST", "/criteria/{code}/thresholds", "", ADMIN_ONLY, of((w, a) -> MockMvcRequestBuilders.multipart("/criteria/"
				+ Fixtures.uniqueCode("NOSET") + "/thresholds").file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", new byte[] { 1 }))
			.param("version", "1").with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))).onMadeUpRecord());
		p.add(new Probe("POST", "/criteria/provinces", "", ADMIN_ONLY, of((w, a) -> page("/criteria/provinces", a).param("provinceCode", "99")
			.param("tier", "XA_NTM").param("setCode", SET).param("rowVersion", "0"))).onMadeUpRecord());
		// ---- registers: households only by the commune and village that keep them (personal data) -------------------
		Set<Actor> keepers = EnumSet.of(Actor.OFFICER, Actor.VILLAGE);
		p.add(new Probe("POST", "/units/{code}/households", "", keepers, of((w, a) -> page("/units/" + w.commune + "/households", a)
			.param("village", w.village()).param("code", Fixtures.uniqueCode("H")).param("headName", "Nguyễn Văn Hộ")
			.param("year", "2026").param("status", "KHONG").param("members", "4").param("insuredMembers", "4"))));
		p.add(new Probe("POST", "/households/{id}", "", keepers, of((w, a) -> page("/households/" + w.household(), a)
			.param("version", "0").param("code", Fixtures.uniqueCode("H")).param("headName", "Trần Thị Hộ"))));
		p.add(new Probe("POST", "/households/{id}/years", "", keepers, of((w, a) -> page("/households/" + w.household() + "/years", a)
			.param("year", "2026").param("status", "CAN_NGHEO").param("members", "3").param("insuredMembers", "3"))));
		p.add(new Probe("POST", "/api/units/{code}/households/import", "", keepers, of((w, a) -> MockMvcRequestBuilders
			.multipart("/api/units/" + w.village() + "/households/import").file(new MockMultipartFile("file", "h.xlsx",
					"application/octet-stream", new byte[] { 1 })).param("year", "2026").with(httpBasic(w.user(a), Fixtures.PASSWORD)))));
		p.add(new Probe("POST", "/units/{code}/households/import", "", keepers, of((w, a) -> MockMvcRequestBuilders
			.multipart("/units/" + w.village() + "/households/import").file(new MockMultipartFile("file", "h.xlsx",
					"application/octet-stream", new byte[] { 1 })).param("year", "2026")
			.with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))));
		p.add(new Probe("POST", "/api/units/{code}/households/export", "", keepers, of((w, a) -> api("POST", "/api/units/" + w.village()
				+ "/households/export", a, "{\"year\":2026,\"purpose\":\"Rà soát hộ nghèo cuối năm\"}"))));
		p.add(new Probe("POST", "/units/{code}/households/export", "", keepers, of((w, a) -> page("/units/" + w.village()
				+ "/households/export", a).param("year", "2026").param("purpose", "Rà soát hộ nghèo cuối năm"))));
		// OCOP products: the commune's bodies and those above (a department limited to other criteria may not)
		p.add(new Probe("POST", "/api/units/{code}/ocop", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/units/" + w.commune + "/ocop", a,
				w.ocopBody()))));
		p.add(new Probe("POST", "/units/{code}/ocop", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune + "/ocop", a)
			.param("name", "Mật ong rừng").param("ownerName", "HTX Cẩm Lĩnh").param("ownerKind", "COOPERATIVE")
			.param("category", "THUC_PHAM").param("certificateNumber", Fixtures.uniqueCode("OCOP")).param("issuedOn", "2026-01-15")
			.param("stars", "3"))));
		p.add(new Probe("POST", "/api/ocop/{id}/certificates", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/ocop/" + w.ocop()
				+ "/certificates", a, "{\"version\":0,\"certificateNumber\":\"" + Fixtures.uniqueCode("OCOP")
				+ "\",\"issuedOn\":\"2026-06-01\",\"stars\":4}"))));
		p.add(new Probe("POST", "/ocop/{id}/certificates", "", UNIT_BODIES, of((w, a) -> page("/ocop/" + w.ocop() + "/certificates", a)
			.param("version", "0").param("certificateNumber", Fixtures.uniqueCode("OCOP")).param("issuedOn", "2026-06-01").param("stars", "4"))));
		// model areas of a village: its board, the commune and those above
		Set<Actor> villageBodies = EnumSet.of(Actor.ADMIN, Actor.OFFICER, Actor.OFFICE, Actor.VILLAGE);
		p.add(new Probe("POST", "/api/units/{code}/model-areas", "", villageBodies, of((w, a) -> api("POST", "/api/units/" + w.village()
				+ "/model-areas", a, w.modelAreaBody()))));
		p.add(new Probe("POST", "/units/{code}/model-areas", "", villageBodies, of((w, a) -> page("/units/" + w.commune + "/model-areas", a)
			.param("village", w.village()).param("kind", "GARDEN").param("name", "Vườn mẫu").param("decisionNumber", "12/QĐ-UBND")
			.param("recognisedOn", "2026-01-10"))));
		p.add(new Probe("POST", "/api/model-areas/{id}/revocation", "", villageBodies, of((w, a) -> api("POST", "/api/model-areas/"
				+ w.modelArea() + "/revocation", a, "{\"version\":0,\"revokedOn\":\"2026-06-01\",\"reason\":\"Không duy trì tiêu chí\"}"))));
		p.add(new Probe("POST", "/model-areas/{id}/revocation", "", villageBodies, of((w, a) -> page("/model-areas/" + w.modelArea()
				+ "/revocation", a).param("unit", w.commune).param("version", "0").param("revokedOn", "2026-06-01")
			.param("reason", "Không duy trì tiêu chí"))));
		// an indicator filled from its register is a value entered on its criterion (13: OCOP)
		p.add(new Probe("POST", "/api/assessments/{id}/values/{indicator}/from-register", "criterion 13", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return api("POST", "/api/assessments/" + round + "/values/13.1/from-register", a, "{\"version\":" + version(round) + "}");
		})));
		p.add(new Probe("POST", "/assessments/{id}/values/{indicator}/from-register", "criterion 13", UNIT_BODIES, of((w, a) -> {
			long round = w.draft();
			return page("/assessments/" + round + "/values/13.1/from-register", a).param("version", String.valueOf(version(round)));
		})));
		// ---- reports: documents written from the data, by the unit's bodies; templates by administrators --------------
		String progress = "{\"kind\":\"progress-report\",\"unit\":\"%s\",\"from\":\"2024-01-01\",\"to\":\"2024-06-30\"}";
		p.add(new Probe("POST", "/api/reports/drafts", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/reports/drafts", a,
				progress.formatted(w.commune)))));
		p.add(new Probe("POST", "/reports/drafts", "", UNIT_BODIES, of((w, a) -> page("/reports/drafts", a).param("kind", "progress-report")
			.param("unit", w.commune).param("from", "2024-01-01").param("to", "2024-06-30"))));
		p.add(new Probe("PUT", "/api/reports/drafts/{id}", "", UNIT_BODIES, of((w, a) -> {
			JsonNode draft = body(apiRequest("POST", "/api/reports/drafts", Actor.OFFICER, progress.formatted(w.commune), w));
			return api("PUT", "/api/reports/drafts/" + draft.get("id").asLong(), a, "{\"version\":" + draft.get("version").asInt()
					+ ",\"texts\":{}}");
		})));
		p.add(new Probe("POST", "/reports/drafts/{id}", "", UNIT_BODIES, of((w, a) -> {
			JsonNode draft = body(apiRequest("POST", "/api/reports/drafts", Actor.OFFICER, progress.formatted(w.commune), w));
			return page("/reports/drafts/" + draft.get("id").asLong(), a).param("version", draft.get("version").asString());
		})));
		p.add(new Probe("POST", "/api/reports/drafts/{id}/issue", "", UNIT_BODIES, of((w, a) -> {
			JsonNode draft = body(apiRequest("POST", "/api/reports/drafts", Actor.OFFICER, progress.formatted(w.commune), w));
			return api("POST", "/api/reports/drafts/" + draft.get("id").asLong() + "/issue", a, "{\"version\":" + draft.get("version").asInt() + "}");
		})));
		p.add(new Probe("POST", "/reports/drafts/{id}/issue", "", UNIT_BODIES, of((w, a) -> {
			JsonNode draft = body(apiRequest("POST", "/api/reports/drafts", Actor.OFFICER, progress.formatted(w.commune), w));
			return page("/reports/drafts/" + draft.get("id").asLong() + "/issue", a).param("version", draft.get("version").asString());
		})));
		p.add(new Probe("PUT", "/api/reports/templates/{kind}", "a body that does not parse: nothing saved", ADMIN_ONLY, of((w, a) ->
				api("PUT", "/api/reports/templates/progress-report?scope=42", a, "{\"version\":0,\"body\":\"x\"}"))));
		p.add(new Probe("POST", "/reports/templates/{kind}", "a body that does not parse: nothing saved", ADMIN_ONLY, of((w, a) ->
				page("/reports/templates/progress-report", a).param("scope", "42").param("version", "0").param("body", "x"))));
		p.add(new Probe("POST", "/api/documents/{id}/render", "writes nothing: a file for whoever reads the document",
				EnumSet.of(Actor.ADMIN, Actor.OFFICER, Actor.OFFICE, Actor.LEADER, Actor.SECTOR_17), of((w, a) ->
						api("POST", "/api/documents/" + w.document() + "/render?format=docx", a, "{}"))));
		// ---- recognition dossiers: the unit's steps by its bodies and those above, the level above's steps and decisions by
		// the level above, ballots by the village they come from (its board included), procedure templates by administrators
		p.add(new Probe("POST", "/api/dossiers", "recognition", UNIT_BODIES, of((w, a) -> api("POST", "/api/dossiers", a, "{\"unitCode\":\""
				+ w.commune + "\",\"roundId\":" + w.draft() + "}"))));
		p.add(new Probe("POST", "/api/dossiers", "revocation", ABOVE, of((w, a) -> api("POST", "/api/dossiers", a, "{\"unitCode\":\""
				+ w.commune + "\",\"purpose\":\"REVOCATION\",\"level\":\"XA_NTM_NANG_CAO\"}"))));
		p.add(new Probe("POST", "/units/{code}/dossiers", "", UNIT_BODIES, of((w, a) -> page("/units/" + w.commune + "/dossiers", a)
			.param("purpose", "RECOGNITION").param("roundId", String.valueOf(w.draft())))));
		p.add(new Probe("POST", "/api/units/{code}/recognitions", "", ABOVE, of((w, a) -> api("POST", "/api/units/" + w.commune
				+ "/recognitions", a, "{\"level\":\"XA_NTM\",\"since\":\"2015-12-31\"}"))));
		for (String step : List.of("SELF_REPORT", "PROVINCE_VERIFICATION")) {
			Set<Actor> who = step.equals("SELF_REPORT") ? UNIT_BODIES : ABOVE;
			p.add(new Probe("POST", "/api/dossiers/{id}/steps/{step}/complete", step, who, of((w, a) -> api("POST", "/api/dossiers/"
					+ w.dossier() + "/steps/" + step + "/complete", a, "{\"version\":0}"))));
			p.add(new Probe("POST", "/dossiers/{id}/steps/{step}/complete", step, who, of((w, a) -> page("/dossiers/" + w.dossier()
					+ "/steps/" + step + "/complete", a).param("version", "0"))));
		}
		p.add(new Probe("PUT", "/api/dossiers/{id}/posting", "", UNIT_BODIES, of((w, a) -> api("PUT", "/api/dossiers/" + w.dossier()
				+ "/posting", a, "{\"version\":0,\"places\":\"Trụ sở UBND xã\",\"from\":\"2026-11-01\",\"to\":\"2026-11-15\"}"))));
		p.add(new Probe("POST", "/dossiers/{id}/posting", "", UNIT_BODIES, of((w, a) -> page("/dossiers/" + w.dossier() + "/posting", a)
			.param("version", "0").param("places", "Trụ sở UBND xã").param("postedFrom", "2026-11-01").param("postedTo", "2026-11-15"))));
		p.add(new Probe("POST", "/api/dossiers/{id}/readings", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/dossiers/" + w.dossier()
				+ "/readings", a, "{\"on\":\"2026-11-10\"}"))));
		p.add(new Probe("POST", "/dossiers/{id}/readings", "", UNIT_BODIES, of((w, a) -> page("/dossiers/" + w.dossier() + "/readings", a)
			.param("readOn", "2026-11-10"))));
		p.add(new Probe("POST", "/api/dossiers/{id}/comments", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/dossiers/" + w.dossier()
				+ "/comments", a, "{\"receivedOn\":\"2026-11-10\",\"author\":\"Ông A\",\"text\":\"Góp ý\"}"))));
		p.add(new Probe("POST", "/dossiers/{id}/comments", "", UNIT_BODIES, of((w, a) -> page("/dossiers/" + w.dossier() + "/comments", a)
			.param("receivedOn", "2026-11-10").param("author", "Ông A").param("text", "Góp ý"))));
		p.add(new Probe("POST", "/api/dossiers/{id}/comments/{commentId}/answer", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/dossiers/"
				+ w.dossier() + "/comments/" + w.comment + "/answer", a, "{\"version\":99,\"answer\":\"Tiếp thu\"}"))));
		p.add(new Probe("POST", "/dossiers/{id}/comments/{commentId}/answer", "", UNIT_BODIES, of((w, a) -> page("/dossiers/" + w.dossier()
				+ "/comments/" + w.comment + "/answer", a).param("version", "99").param("answer", "Tiếp thu"))));
		p.add(new Probe("POST", "/api/dossiers/{id}/documents", "", UNIT_BODIES, of((w, a) -> MockMvcRequestBuilders.multipart("/api/dossiers/"
				+ w.dossier() + "/documents").file(new MockMultipartFile("file", "bc.pdf", "application/pdf", "%PDF-1.4 thử".getBytes()))
			.param("step", "SELF_REPORT").param("kind", "BAO_CAO_KET_QUA").with(httpBasic(w.user(a), Fixtures.PASSWORD)))));
		p.add(new Probe("POST", "/dossiers/{id}/documents", "", UNIT_BODIES, of((w, a) -> MockMvcRequestBuilders.multipart("/dossiers/"
				+ w.dossier() + "/documents").file(new MockMultipartFile("file", "bc.pdf", "application/pdf", "%PDF-1.4 thử".getBytes()))
			.param("step", "SELF_REPORT").param("kind", "BAO_CAO_KET_QUA").with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))));
		Set<Actor> villageKeepers = EnumSet.of(Actor.ADMIN, Actor.OFFICER, Actor.OFFICE, Actor.VILLAGE);
		p.add(new Probe("POST", "/api/dossiers/{id}/ballots", "village 1", villageKeepers, of((w, a) -> api("POST", "/api/dossiers/"
				+ w.dossier() + "/ballots", a, "{\"villageCode\":\"" + w.village() + "\",\"householdRef\":\"" + Fixtures.uniqueCode("H")
				+ "\",\"answers\":{},\"overall\":true}"))));
		p.add(new Probe("POST", "/dossiers/{id}/ballots", "village 1", villageKeepers, of((w, a) -> page("/dossiers/" + w.dossier()
				+ "/ballots", a).param("village", w.village()).param("householdRef", Fixtures.uniqueCode("H")).param("overall", "Y"))));
		p.add(new Probe("PUT", "/api/dossiers/{id}/survey/households", "village 1", villageKeepers, of((w, a) -> api("PUT", "/api/dossiers/"
				+ w.dossier() + "/survey/households", a, "{\"" + w.village() + "\":40}"))));
		p.add(new Probe("POST", "/dossiers/{id}/survey/households", "village 1", villageKeepers, of((w, a) -> page("/dossiers/" + w.dossier()
				+ "/survey/households", a).param("h_" + w.village(), "40"))));
		p.add(new Probe("POST", "/api/dossiers/{id}/survey/import", "village 1", villageKeepers, of((w, a) -> MockMvcRequestBuilders
			.multipart("/api/dossiers/" + w.dossier() + "/survey/import").file(new MockMultipartFile("file", "p.xlsx",
					"application/octet-stream", new byte[] { 1 })).param("village", w.village()).with(httpBasic(w.user(a), Fixtures.PASSWORD)))));
		p.add(new Probe("POST", "/dossiers/{id}/survey/import", "village 1", villageKeepers, of((w, a) -> MockMvcRequestBuilders
			.multipart("/dossiers/" + w.dossier() + "/survey/import").file(new MockMultipartFile("file", "p.xlsx",
					"application/octet-stream", new byte[] { 1 })).param("village", w.village())
			.with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))));
		p.add(new Probe("POST", "/api/dossiers/{id}/close", "", UNIT_BODIES, of((w, a) -> api("POST", "/api/dossiers/" + w.dossier()
				+ "/close", a, "{\"version\":99,\"reason\":\"Rút để bổ sung\"}"))));
		p.add(new Probe("POST", "/dossiers/{id}/close", "", UNIT_BODIES, of((w, a) -> page("/dossiers/" + w.dossier() + "/close", a)
			.param("version", "99").param("reason", "Rút để bổ sung"))));
		p.add(new Probe("POST", "/procedures", "", ADMIN_ONLY, of((w, a) -> page("/procedures", a).param("yaml", "code: X"))));
		// ---- every account for itself ------------------------------------------------------------------------------------
		p.add(new Probe("POST", "/account/tokens", "", EVERYONE, of((w, a) -> page("/account/tokens", a).param("name", "thử").param("days", "30"))));
		p.add(new Probe("POST", "/account/tokens/{id}/revoke", "", EVERYONE, of((w, a) -> page("/account/tokens/999999999/revoke", a)))
			.onMadeUpRecord());
		p.add(new Probe("POST", "/api/me/tokens", "", EVERYONE, of((w, a) -> api("POST", "/api/me/tokens", a, "{\"name\":\"thử\"}"))));
		p.add(new Probe("POST", "/notifications/{id}/open", "", EVERYONE, of((w, a) -> page("/notifications/999999999/open", a))).onMadeUpRecord());
		p.add(new Probe("POST", "/notifications/{id}/read", "", EVERYONE, of((w, a) -> page("/notifications/999999999/read", a))).onMadeUpRecord());
		p.add(new Probe("POST", "/notifications/read-all", "", EVERYONE, of((w, a) -> page("/notifications/read-all", a))));
		p.add(new Probe("POST", "/directives/reminders", "", EVERYONE, of((w, a) -> page("/directives/reminders", a).param("email", "a@b.vn"))));
		p.add(new Probe("POST", "/directives/reminders/ical", "", EVERYONE, of((w, a) -> page("/directives/reminders/ical", a))));
		p.add(new Probe("POST", "/directives/reminders/ical/revoke", "", EVERYONE, of((w, a) -> page("/directives/reminders/ical/revoke", a))));
		p.add(new Probe("POST", "/documents/import", "upload for review: reads, writes nothing", EVERYONE, of((w, a) ->
				MockMvcRequestBuilders.multipart("/documents/import").file(new MockMultipartFile("file", "x.txt", "text/plain",
						"KẾ HOẠCH\nXây dựng nông thôn mới năm 2024".getBytes()))
					.with(user(accounts.loadUserByUsername(w.user(a)))).with(csrf()))));
		return p;
	}

	/** Routes whose calls need more than a row here, each with the test that checks its authorization. */
	static final List<Elsewhere> ELSEWHERE = List.of(
			new Elsewhere("POST", "/account/password", "self-service; AccountRevocationIntegrationTests"),
			new Elsewhere("POST", "/documents/import/save", "saves through the register, the receipts, the stated statuses and the "
					+ "funds, each authorized; DocumentImportIntegrationTests.aCommuneOfficerIsOfferedTheNoticeAsReceivedNeverAsItsIssuer, "
					+ "aStatusForAUnitOutsideTheReviewersJurisdiction…, IncomingDocumentImportIntegrationTests"),
			new Elsewhere("POST", "/assessments/import", "the import decides per unit and criteria; SecurityFindingsIntegrationTests"
					+ ".aSectorDepartmentCannotImportValuesOfOtherCriteria (API) and AssessmentImportIntegrationTests (page)"),
			new Elsewhere("POST", "/api/assessments/import", "SecurityFindingsIntegrationTests.aSectorDepartmentCannotImportValuesOfOtherCriteria"));

	@Test
	void everyWriteRouteHasAnEntry() {
		Set<String> covered = new TreeSet<>();
		probes().forEach(probe -> covered.add(probe.method() + " " + probe.pattern()));
		ELSEWHERE.forEach(route -> covered.add(route.method() + " " + route.pattern()));
		Set<String> writes = new TreeSet<>();
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			boolean ours = entry.getValue().getBeanType().getName().startsWith("vn.ntmtracker.");
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!ours) {
				continue;
			}
			for (RequestMethod method : methods) {
				if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
					continue;
				}
				info.getPatternValues().forEach(pattern -> writes.add(method.name() + " " + pattern));
			}
			assertThat(methods).as("a mapping without a method accepts writes: " + info).isNotEmpty();
		}
		assertThat(covered).as("write routes without a row in this table").containsAll(writes);
	}

	@Test
	void everyWriteIsAllowedExactlyToWhomItShouldBe() throws Exception {
		current = new World();
		List<String> wrong = new ArrayList<>();
		for (Probe probe : probes()) {
			for (Actor actor : Actor.values()) {
				RequestBuilder request = probe.call().apply(current, actor);
				var response = mvc.perform(request).andReturn().getResponse();
				int status = response.getStatus();
				boolean passed = status != 401 && !probe.refusal().contains(status);
				boolean expected = probe.allowed().contains(actor);
				if (passed != expected) {
					wrong.add(probe.method() + " " + probe.pattern() + (probe.variant().isEmpty() ? "" : " (" + probe.variant() + ")") + " as "
							+ actor + ": " + status + (expected ? " but should be allowed" : " but should be refused") + " — "
							+ abbreviate(response.getContentAsString()));
				}
			}
		}
		assertThat(wrong).as("calls decided wrongly").isEmpty();
	}

	/** A commune that moved from Thanh Hóa (38) to Hà Tĩnh (42) on 1/7/2025: each province writes only its own period. */
	@Test
	void aCommunesProvinceIsTheOneOfTheRecordsDate() throws Exception {
		current = new World();
		String moved = fixtures.movedCommune("38", "42");
		record Dated(String date, Actor actor, boolean allowed) {
		}
		List<String> wrong = new ArrayList<>();
		for (Dated d : List.of(new Dated("2024-12-31", Actor.OTHER_OFFICE, true), new Dated("2025-12-31", Actor.OTHER_OFFICE, false),
				new Dated("2024-12-31", Actor.OFFICE, false), new Dated("2025-12-31", Actor.OFFICE, true))) {
			int round = mvc.perform(api("POST", "/api/units/" + moved + "/assessments", d.actor(),
					"{\"setCode\":\"QD318-2022-XA-NTM\",\"asOf\":\"" + d.date() + "\"}")).andReturn().getResponse().getStatus();
			int funds = mvc.perform(api("POST", "/api/units/" + moved + "/funds", d.actor(),
					"{\"year\":" + d.date().substring(0, 4) + ",\"source\":\"NGAN_SACH_XA\",\"amount\":1000}")).andReturn().getResponse().getStatus();
			int plan = mvc.perform(api("POST", "/api/units/" + moved + "/plans", d.actor(),
					"{\"title\":\"Kế hoạch\",\"setCode\":\"QD318-2022-XA-NTM\",\"targetDate\":\"" + d.date() + "\"}")).andReturn().getResponse().getStatus();
			for (int status : List.of(round, funds, plan)) {
				if ((status != 403) != d.allowed()) {
					wrong.add(d + " → " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
	}
}
