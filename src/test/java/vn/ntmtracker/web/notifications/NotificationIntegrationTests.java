package vn.ntmtracker.web.notifications;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications as the people concerned get them: a round submitted reaches the level above and not the unit, a
 * returned round its submitter; a directive reaches the members of its bodies; the daily scan announces deadlines within
 * three days and overdue work once, however often it runs; each user reads and marks only their own.
 */
@IntegrationTest
class NotificationIntegrationTests {

	static final String SET = "HT-2022-XA-NTM-NC";

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
	DeadlineScan scan;

	record Stored(long id, String kind, String args, String link, boolean read) {
	}

	List<Stored> of(String username) {
		return jdbc.sql("select id, kind, args::text, link, read_at is not null from notification where username = :u order by id")
			.param("u", username).query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.list();
	}

	MockHttpServletRequestBuilder api(String method, String path, String username, String body) {
		return MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
			.with(httpBasic(username, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	int version(long round) {
		return jdbc.sql("select version from assessment_round where id = :id").param("id", round).query(Integer.class).single();
	}

	@Test
	void aSubmittedRoundReachesTheLevelAboveAndAReturnedOneItsSubmitter() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "42");
		String otherOffice = fixtures.user(Role.COORDINATION, "38");
		String leader = fixtures.user(Role.LEADER, "42");
		long round = rounds.draft(officer, commune, SET, LocalDate.of(2024, 6, 30), Set.of(17));
		body(api("POST", "/api/assessments/" + round + "/submit", officer, "{\"version\":" + version(round) + "}"));
		assertThat(of(office)).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("ROUND_WAITING_VERIFICATION");
			assertThat(n.link()).isEqualTo("/assessments/" + round);
			assertThat(n.args()).contains("30/6/2024");
		});
		assertThat(of(otherOffice)).isEmpty();
		assertThat(of(leader)).isEmpty();
		assertThat(of(officer)).isEmpty();

		body(api("POST", "/api/assessments/" + round + "/return", office, "{\"version\":" + version(round)
				+ ",\"reason\":\"Thiếu biên bản kiểm tra môi trường\"}"));
		assertThat(of(officer)).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("ROUND_RETURNED");
			assertThat(n.args()).contains("Thiếu biên bản kiểm tra môi trường");
		});
		String page = mvc.perform(get("/notifications").with(user(accounts.loadUserByUsername(officer)))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("bị trả lại: Thiếu biên bản kiểm tra môi trường").contains("id=\"bell-count\">1<");
	}

	@Test
	void aVerifiedRoundWaitsForTheAppraisersAbove() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String verifier = fixtures.user(Role.COORDINATION, "42");
		long round = rounds.draft(officer, commune, SET, LocalDate.of(2024, 6, 30), Set.of(17));
		body(api("POST", "/api/assessments/" + round + "/submit", officer, "{\"version\":" + version(round) + "}"));
		String appraiser = fixtures.user(Role.COORDINATION, "42");
		body(api("POST", "/api/assessments/" + round + "/verify", verifier, "{\"version\":" + version(round) + "}"));
		assertThat(of(appraiser)).extracting(Stored::kind).containsExactly("ROUND_WAITING_APPRAISAL");
		assertThat(of(verifier)).extracting(Stored::kind).containsExactly("ROUND_WAITING_VERIFICATION");
	}

	/** A commune with its People's Committee and one member; returns {commune, member, officer, organisation id}. */
	String[] communeWithBody() throws Exception {
		String commune = fixtures.commune("42", "BTB", 0);
		String member = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		long ubnd = body(api("POST", "/api/organisations", "admin", "{\"code\":\"" + commune + "-UBND\",\"kind\":\"PEOPLES_COMMITTEE\","
				+ "\"name\":\"UBND xã " + commune + "\",\"unitCode\":\"" + commune + "\"}")).get("id").asLong();
		jdbc.sql("insert into user_organisation (username, organisation_id) values (:u, :o)").param("u", member).param("o", ubnd).update();
		return new String[] { commune, member, officer, String.valueOf(ubnd) };
	}

	long directive(String[] world, String issuedOn, String deadline) throws Exception {
		long document = body(api("POST", "/api/documents", "admin", "{\"kind\":\"PLAN\",\"issuedOn\":\"" + issuedOn + "\",\"issuerId\":"
				+ world[3] + ",\"subject\":\"Kế hoạch kiểm thử\",\"unitCodes\":[\"" + world[0] + "\"]}")).get("document").get("id").asLong();
		return body(api("POST", "/api/documents/" + document + "/directives", "admin", "{\"text\":\"Hoàn thành rãnh thoát nước thôn 3\","
				+ "\"leadId\":" + world[3] + ",\"unitCodes\":[\"" + world[0] + "\"],\"deadline\":\"" + deadline + "\"}")).get("id").asLong();
	}

	@Test
	void aDirectiveReachesTheMembersOfItsLeadBodyAndTheDailyScanItsDeadlineOnce() throws Exception {
		String[] world = communeWithBody();
		long id = directive(world, "2026-09-20", "trước ngày 5/10/2026");
		assertThat(of(world[1])).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("DIRECTIVE_ASSIGNED");
			assertThat(n.args()).contains("Hoàn thành rãnh thoát nước thôn 3").contains("5/10/2026");
			assertThat(n.link()).isEqualTo("/directives/" + id);
		});
		// the body has a member: the other officers of the commune are not told
		assertThat(of(world[2])).isEmpty();

		assertThat(scan.scan(LocalDate.of(2026, 10, 1))).isNotNull();
		assertThat(of(world[1])).extracting(Stored::kind).containsExactly("DIRECTIVE_ASSIGNED");
		assertThat(scan.scan(LocalDate.of(2026, 10, 2))).isNotNull();
		assertThat(of(world[1])).extracting(Stored::kind).containsExactly("DIRECTIVE_ASSIGNED", "DEADLINE_SOON");
		assertThat(scan.scan(LocalDate.of(2026, 10, 2))).as("the day was scanned already").isNull();
		assertThat(scan.scan(LocalDate.of(2026, 10, 4))).isNotNull();
		assertThat(scan.scan(LocalDate.of(2026, 10, 5))).isNotNull();
		assertThat(of(world[1])).extracting(Stored::kind).containsExactly("DIRECTIVE_ASSIGNED", "DEADLINE_SOON");
		assertThat(scan.scan(LocalDate.of(2026, 10, 6))).isNotNull();
		assertThat(scan.scan(LocalDate.of(2026, 10, 7))).isNotNull();
		assertThat(of(world[1])).extracting(Stored::kind).containsExactly("DIRECTIVE_ASSIGNED", "DEADLINE_SOON", "OVERDUE");
		assertThat(of(world[1]).get(2).args()).contains("5/10/2026");
	}

	@Test
	void anExtensionAndAnAnsweredRequestAreAnnounced() throws Exception {
		String[] world = communeWithBody();
		long id = directive(world, "2026-09-21", "trước ngày 30/9/2026");
		int version = jdbc.sql("select version from directive where id = :id").param("id", id).query(Integer.class).single();
		body(api("POST", "/api/directives/" + id + "/extensions", "admin", "{\"version\":" + version
				+ ",\"deadline\":\"trước ngày 31/12/2026\",\"grantedOn\":\"2026-09-25\",\"reason\":\"Mưa bão\"}"));
		assertThat(of(world[1])).extracting(Stored::kind).containsExactly("DIRECTIVE_ASSIGNED", "EXTENSION_GRANTED");
		assertThat(of(world[1]).get(1).args()).contains("31/12/2026");

		// a request raised by a second commune, handled by the first commune's committee
		String raiser = fixtures.commune("42", "BTB", 0);
		String raiserOfficer = fixtures.user(Role.COMMUNE_OFFICER, raiser);
		long document = body(api("POST", "/api/documents", "admin", "{\"kind\":\"CONCLUSION_NOTICE\",\"issuedOn\":\"2026-09-22\",\"issuerId\":"
				+ world[3] + ",\"subject\":\"Thông báo kết luận\",\"unitCodes\":[\"" + world[0] + "\",\"" + raiser + "\"]}")).get("document").get("id").asLong();
		long request = body(api("POST", "/api/documents/" + document + "/directives", "admin", "{\"kind\":\"REQUEST\",\"text\":\"Xem xét hỗ trợ xi măng\","
				+ "\"requestText\":\"Đề nghị hỗ trợ 200 tấn xi măng\",\"raisedByUnit\":\"" + raiser + "\",\"leadId\":" + world[3]
				+ ",\"unitCodes\":[\"" + raiser + "\"],\"deadline\":\"trước ngày 31/10/2026\"}")).get("id").asLong();
		assertThat(of(world[1])).extracting(Stored::kind).contains("REQUEST_ASSIGNED");
		body(api("POST", "/api/directives/" + request + "/completion", world[1], "{\"on\":\"2026-10-10\",\"evidence\":\"Đã cấp 200 tấn\"}"));
		assertThat(of(raiserOfficer)).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("REQUEST_ANSWERED");
			assertThat(n.args()).contains("Đề nghị hỗ trợ 200 tấn xi măng");
		});
	}

	@Test
	void eachUserReadsAndMarksOnlyTheirOwn() throws Exception {
		String[] world = communeWithBody();
		long first = directive(world, "2026-09-23", "trước ngày 31/12/2026");
		directive(world, "2026-09-23", "trước ngày 31/12/2026");
		List<Stored> mine = of(world[1]);
		assertThat(mine).hasSize(2).noneMatch(Stored::read);
		var stranger = user(accounts.loadUserByUsername(world[2]));
		mvc.perform(post("/notifications/" + mine.get(0).id() + "/read").with(stranger).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/notifications/" + mine.get(0).id() + "/open").with(stranger).with(csrf())).andExpect(status().isNotFound());
		assertThat(of(world[1])).noneMatch(Stored::read);

		var me = user(accounts.loadUserByUsername(world[1]));
		mvc.perform(post("/notifications/" + mine.get(0).id() + "/open").with(me).with(csrf())).andExpect(redirectedUrl("/directives/" + first));
		assertThat(of(world[1])).extracting(Stored::read).containsExactly(true, false);
		mvc.perform(post("/notifications/read-all").with(me).with(csrf())).andExpect(redirectedUrl("/notifications"));
		assertThat(of(world[1])).allMatch(Stored::read);
		String page = mvc.perform(get("/notifications").with(me)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("0 chưa đọc / 2 thông báo").doesNotContain("id=\"bell-count\"");
	}

	@Test
	void anOcopCertificateEnteringItsLastNinetyDaysIsAnnouncedOnceToWhoKeepsTheRegister() throws Exception {
		String commune = fixtures.commune("42", "BTB", 1);
		String officer = fixtures.user(vn.ntmtracker.security.Role.COMMUNE_OFFICER, commune);
		String elsewhere = fixtures.user(vn.ntmtracker.security.Role.COMMUNE_OFFICER, fixtures.commune("42", "BTB", 1));
		// issued 11/6/2019: valid for three years, until 10/6/2022; the warning starts 90 days before, on 12/3/2022
		body(api("POST", "/api/units/" + commune + "/ocop", officer, """
				{"name":"Nước mắm Cẩm Nhượng","ownerName":"HTX","ownerKind":"COOPERATIVE","category":"Thực phẩm",
				 "certificateNumber":"OCOP-2019-7","issuedOn":"2019-06-11","stars":3}"""));
		assertThat(scan.scan(LocalDate.of(2022, 3, 11))).isNotNull();
		assertThat(of(officer)).isEmpty();
		assertThat(scan.scan(LocalDate.of(2022, 3, 12))).isNotNull();
		assertThat(of(officer)).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("OCOP_EXPIRING");
			assertThat(n.args()).contains("Nước mắm Cẩm Nhượng").contains("10/6/2022").contains("\"90\"");
			assertThat(n.link()).isEqualTo("/ocop/expiring?unit=" + commune);
		});
		assertThat(scan.scan(LocalDate.of(2022, 3, 13))).isNotNull();
		assertThat(of(officer)).as("once per certificate and deadline").hasSize(1);
		assertThat(of(elsewhere)).as("another commune's officer").isEmpty();
	}
}
