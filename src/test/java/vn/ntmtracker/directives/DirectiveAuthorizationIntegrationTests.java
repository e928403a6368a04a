package vn.ntmtracker.directives;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of the module called anonymously, from inside the caller's jurisdiction and from outside
 * it; sector departments see only their own directives and the criteria their grant names.
 */
@IntegrationTest
class DirectiveAuthorizationIntegrationTests {

	static final String PASSWORD = "ntm-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Reminders reminders;

	long directive(String ref, String leadCode) {
		return jdbc.sql("select d.id from directive d join organisation o on o.id = d.lead_id where d.ref = :ref and o.code = :org")
			.param("ref", ref).param("org", leadCode).query(Long.class).single();
	}

	long document(String issuerCode) {
		return jdbc.sql("select doc.id from document doc join organisation o on o.id = doc.issuer_id where o.code = :org order by doc.id limit 1")
			.param("org", issuerCode).query(Long.class).single();
	}

	static Stream<Arguments> reads() {
		return Stream.of(
				// A record by id outside the reach is answered as if it did not exist (404), so ids cannot be probed;
				// a unit outside the jurisdiction is refused (403): the unit tree is public.
				Arguments.of("/api/directives/{camquang}", "/api/directives/{banbo}", 404),
				Arguments.of("/api/directives?unit=HT-CAMQUANG", "/api/directives?unit=LC-BANBO", 403),
				Arguments.of("/api/requests?unit=HT-CAMQUANG", "/api/requests?unit=LC-BANBO", 403),
				Arguments.of("/api/directives/buckets?unit=HT-CAMQUANG", "/api/directives/buckets?unit=LC-BANBO", 403),
				Arguments.of("/api/directives/summary?unit=HT-CAMQUANG&by=UNIT", "/api/directives/summary?unit=42", 403),
				Arguments.of("/api/documents/{camquangDoc}", "/api/documents/{banboDoc}", 404),
				Arguments.of("/api/documents/{camquangDoc}/progress?asOf=2024-05-01", "/api/documents/{banboDoc}/progress", 404));
	}

	String resolve(String path) {
		return path.replace("{camquang}", String.valueOf(directive("1.2", "CQ-UBND")))
			.replace("{banbo}", String.valueOf(directive("(5)", "BB-BCD")))
			.replace("{camquangDoc}", String.valueOf(document("CX-BCD")))
			.replace("{banboDoc}", String.valueOf(document("TD-BTV")));
	}

	@ParameterizedTest
	@MethodSource("reads")
	void communeOfficerReadsOwnCommuneOnly(String inScope, String outOfScope, int refused) throws Exception {
		mvc.perform(get(resolve(inScope))).andExpect(status().isUnauthorized());
		mvc.perform(get(resolve(inScope)).with(httpBasic("camquang", PASSWORD))).andExpect(status().isOk());
		mvc.perform(get(resolve(outOfScope)).with(httpBasic("camquang", PASSWORD))).andExpect(status().is(refused));
		mvc.perform(get(resolve(outOfScope)).with(httpBasic("admin", PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void listsNeedLoginAndHoldOnlyWhatIsInReach() throws Exception {
		for (String path : List.of("/api/directives", "/api/documents", "/api/organisations", "/api/requests")) {
			mvc.perform(get(path)).andExpect(status().isUnauthorized());
			mvc.perform(get(path).with(httpBasic("camquang", PASSWORD))).andExpect(status().isOk());
		}
		mvc.perform(get("/api/documents").with(httpBasic("camquang", PASSWORD)))
			.andExpect(jsonPath("$.content[*].issuerName", everyItem(is("Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên"))));
		mvc.perform(get("/api/directives").param("mine", "false").with(httpBasic("banbo", PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(11));
	}

	@Test
	void sectorDepartmentSeesOnlyItsCriterion() throws Exception {
		// As of 1/5/2024: only seed 002, whatever other tests have added since.
		mvc.perform(get("/api/directives").param("unit", "HT-CAMQUANG").param("asOf", "2024-05-01")
				.with(httpBasic("so-nnmt-hatinh", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[*].criterionNumber", everyItem(is("17"))));
		mvc.perform(get("/api/directives/" + directive("1.2", "CQ-UBND")).with(httpBasic("so-nnmt-hatinh", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void districtDepartmentSeesItsOwnDirectivesPlusItsCriteria() throws Exception {
		// Phòng KT-HT: its own (2.1a–c lead; 1.5 and requests 5.2, 5.5 cooperating) plus criteria 1, 2, 4 (1.4).
		mvc.perform(get("/api/directives").param("unit", "HT-CAMQUANG").param("asOf", "2024-05-01")
				.with(httpBasic("pktht-camxuyen", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(7));
		mvc.perform(get("/api/directives/" + directive("2.3", "CX-TNMT")).with(httpBasic("pktht-camxuyen", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/directives").param("mine", "true").param("asOf", "2024-05-01")
				.with(httpBasic("pktht-camxuyen", PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(6));
	}

	@Test
	void writesNeedTheRightBody() throws Exception {
		long open = directive("1.11", "CQ-UBND");
		String progress = "{\"on\":\"2024-06-01\",\"note\":\"tiến độ\"}";
		mvc.perform(post("/api/directives/" + open + "/progress").contentType(MediaType.APPLICATION_JSON).content(progress))
			.andExpect(status().isUnauthorized());
		// Outside the reach: answered as if the directive did not exist.
		mvc.perform(post("/api/directives/" + open + "/progress").with(httpBasic("banbo", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(progress)).andExpect(status().isNotFound());
		mvc.perform(post("/api/directives/" + open + "/progress").with(httpBasic("lanhdao-hatinh", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(progress)).andExpect(status().isForbidden());
		// A sector department does not see directives outside its criterion either.
		mvc.perform(post("/api/directives/" + open + "/progress").with(httpBasic("so-nnmt-hatinh", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(progress)).andExpect(status().isNotFound());
		for (String action : List.of("extensions", "acceptance", "return", "completion")) {
			mvc.perform(post("/api/directives/" + open + "/" + action).with(httpBasic("banbo", PASSWORD))
					.contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2024-06-01\"}")).andExpect(status().isNotFound());
			mvc.perform(post("/api/directives/" + open + "/" + action).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isUnauthorized());
		}
		long camquangDoc = document("CX-BCD");
		String directive = "{\"text\":\"x\",\"leadId\":1,\"unitCodes\":[\"HT-CAMQUANG\"]}";
		mvc.perform(post("/api/documents/" + camquangDoc + "/directives").with(httpBasic("camquang", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(directive)).andExpect(status().isForbidden());
		mvc.perform(post("/api/documents/" + camquangDoc + "/links").with(httpBasic("camquang", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"relation\":\"CITES\",\"targetId\":1}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/documents/" + camquangDoc).with(httpBasic("camquang", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isForbidden());
		long bcd = jdbc.sql("select id from organisation where code = 'CX-BCD'").query(Long.class).single();
		mvc.perform(post("/api/documents").with(httpBasic("camquang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"PLAN\",\"issuedYear\":2024,\"issuerId\":" + bcd + ",\"subject\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/organisations").with(httpBasic("camquang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"X-LC\",\"kind\":\"OTHER\",\"name\":\"x\",\"unitCode\":\"LC-BANBO\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/organisations/" + bcd).with(httpBasic("camquang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"kind\":\"OTHER\",\"name\":\"x\"}")).andExpect(status().isForbidden());
	}

	@Test
	void pagesRedirectAnonymousUsersAndRespectJurisdiction() throws Exception {
		long camquang = directive("1.2", "CQ-UBND");
		long banbo = directive("(5)", "BB-BCD");
		for (String page : List.of("/directives", "/directives/" + camquang, "/directives/calendar", "/directives/summary",
				"/documents", "/documents/new", "/documents/" + document("CX-BCD"), "/organisations", "/directives/reminders")) {
			mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
			mvc.perform(get(page).with(user(accounts.loadUserByUsername("camquang")))).andExpect(status().isOk());
		}
		var officer = user(accounts.loadUserByUsername("camquang"));
		mvc.perform(get("/directives/" + banbo).with(officer)).andExpect(status().isNotFound());
		mvc.perform(get("/documents/" + document("TD-BTV")).with(officer)).andExpect(status().isNotFound());
		mvc.perform(get("/directives/summary").param("unit", "LC-BANBO").with(officer)).andExpect(status().isForbidden());
		mvc.perform(post("/directives/" + banbo + "/progress").with(officer).with(csrf()).param("version", "0")
				.param("on", "2024-06-01").param("note", "x")).andExpect(status().isForbidden());
		mvc.perform(get("/directives/summary").param("unit", "42").param("asOf", "2024-05-01")
				.with(user(accounts.loadUserByUsername("lanhdao-hatinh")))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Phòng Kinh tế - Hạ tầng huyện Cẩm Xuyên")));
	}

	@Test
	void calendarFeedOpensOnlyWithALiveToken() throws Exception {
		String token = reminders.newFeedToken("camquang");
		mvc.perform(get("/ical/" + token + ".ics")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("BEGIN:VEVENT")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("DTSTART;VALUE=DATE:20240515")));
		mvc.perform(get("/ical/" + "0".repeat(48) + ".ics")).andExpect(status().isNotFound());
		reminders.revokeFeed("camquang");
		mvc.perform(get("/ical/" + token + ".ics")).andExpect(status().isNotFound());
	}

	/**
	 * The district coordinator of Cẩm Xuyên (abolished 30/6/2025) opens the summary by assignee today and sees the
	 * directives of its former communes, not zeros; the API answers the same for the district.
	 */
	@Test
	void anAbolishedDistrictsSummaryDefaultsToItsFormerCommunesToday() throws Exception {
		var coordinator = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("vpdp-camxuyen"));
		String page = mvc.perform(get("/directives/summary").with(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"former-unit\"", "UBND xã Cẩm Quang");
		mvc.perform(get("/api/directives/summary").param("unit", "HT-CAMXUYEN").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total.overdue")
				.value(org.hamcrest.Matchers.greaterThan(0)));
	}
}
