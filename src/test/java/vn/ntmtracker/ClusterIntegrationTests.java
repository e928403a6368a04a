package vn.ntmtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.assessment.ValueInput;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.Threshold;
import vn.ntmtracker.security.Role;

/**
 * Two application nodes on one PostgreSQL, as behind a load balancer: both started at the same moment on an empty
 * database (Flyway and the start-up work run once), then a login made on one node is valid on the other, a criteria
 * set retired or published on one node is what the other's next page and evaluation use (cache invalidation through
 * LISTEN/NOTIFY), a unit merged or a file uploaded on one node is on the other at once, and scheduled work takes a
 * lock the other node then skips. The database is a fresh one in the test JVM's embedded PostgreSQL; the test owns
 * all its data.
 */
class ClusterIntegrationTests {

	static final String ADMIN_PASSWORD = "cluster-admin-password-1";
	static ConfigurableApplicationContext a;
	static ConfigurableApplicationContext b;
	static JdbcClient db;
	static HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startTwoNodesTogether() throws Exception {
		EmbeddedDatabase server = EmbeddedDatabase.start(Path.of("target/test-pg").toAbsolutePath().normalize(), true);
		String database = "cluster_" + Fixtures.uniqueCode("db").replace('-', '_').toLowerCase();
		JdbcClient admin = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(server.jdbcUrl(),
				server.username(), server.password()));
		admin.sql("create database " + database).update();
		String url = server.jdbcUrl().replace("/postgres", "/" + database);
		db = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, server.username(), server.password()));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			// Spring Boot's logging set-up is JVM-wide (system properties): two nodes initialising it at the same instant
			// in one JVM can read each other's half-set properties ("Unknown format CONSOLE_LOG_STRUCTURED_FORMAT_IS_
			// UNDEFINED", seen once in CI). The second node starts once the first has its logging — everything after
			// (Flyway, start-up work, the web server) still runs at the same time on both.
			CountDownLatch firstLogging = new CountDownLatch(1);
			List<Future<ConfigurableApplicationContext>> nodes = List.of(
					pool.submit(() -> node(url, server, go, firstLogging)),
					pool.submit(() -> {
						firstLogging.await(5, TimeUnit.MINUTES);
						return node(url, server, go, new CountDownLatch(1));
					}));
			go.countDown();
			a = nodes.get(0).get(5, TimeUnit.MINUTES);
			b = nodes.get(1).get(5, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdown();
		}
	}

	static ConfigurableApplicationContext node(String url, EmbeddedDatabase server, CountDownLatch go, CountDownLatch logging)
			throws InterruptedException {
		go.await();
		// Command-line arguments: they win over application.yml (server.port: ${PORT:8080}).
		return new SpringApplicationBuilder(NtmTrackerApplication.class)
			.listeners(event -> {
				if (event instanceof org.springframework.boot.context.event.ApplicationPreparedEvent) {
					logging.countDown();
				}
			})
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + server.username(),
					"--spring.datasource.password=" + server.password(), "--server.port=0", "--NTM_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
					"--spring.datasource.hikari.maximum-pool-size=5");
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	void twoNodesStartingTogetherOnAnEmptyDatabaseMigrateAndLoadOnce() {
		assertThat(db.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single()).isZero();
		assertThat(db.sql("select count(*) from (select version from flyway_schema_history where version is not null group by version having count(*) > 1) d")
			.query(Long.class).single()).isZero();
		assertThat(db.sql("select count(*) from app_user where username = 'admin'").query(Long.class).single()).isEqualTo(1);
		assertThat(db.sql("select count(*) from criteria_set_version where source_file is not null").query(Long.class).single())
			.isEqualTo(db.sql("select count(distinct source_file) from criteria_set_version where source_file is not null").query(Long.class).single())
			.isPositive();
		assertThat(a.getBean(ClusterEvents.class).listening()).isTrue();
		assertThat(b.getBean(ClusterEvents.class).listening()).isTrue();
	}

	@Test
	void aLoginOnOneNodeIsValidOnTheOther() throws Exception {
		String province = province();
		String user = a.getBean(Fixtures.class).user(Role.COORDINATION, province);
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(a, "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
		String csrfCookie = cookie(form, "XSRF-TOKEN");
		String token = match(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri(a, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "XSRF-TOKEN=" + csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Fixtures.PASSWORD + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String session = cookie(login, "SESSION");

		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(b, "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		HttpResponse<String> home = http.send(HttpRequest.newBuilder(uri(b, "/")).header("Cookie", "SESSION=" + session).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(user);
	}

	@Test
	void aSetRetiredOnOneNodeIsRetiredOnTheOthersNextPage() throws Exception {
		String code = Fixtures.uniqueCode("CL-RET");
		CriteriaCatalog catalogA = a.getBean(CriteriaCatalog.class);
		TestRounds roundsA = a.getBean(TestRounds.class);
		roundsA.as("admin", () -> {
			catalogA.derive("QD318-2022-XA-NTM", 2, code, null, null, null);
			return catalogA.publish(code, 1, catalogA.stored(code, 1).orElseThrow().rowVersion());
		});
		// node B reads (and keeps) the published version
		assertThat(api(b, "GET", "/api/criteria-sets/" + code + "?version=1", null, null).body()).contains("\"status\":\"PUBLISHED\"");

		roundsA.as("admin", () -> {
			catalogA.retire(code, 1, catalogA.stored(code, 1).orElseThrow().rowVersion());
			return null;
		});
		b.getBean(ClusterEvents.class).sync();
		assertThat(api(b, "GET", "/api/criteria-sets/" + code + "?version=1", null, null).body()).contains("\"status\":\"RETIRED\"");
	}

	@Test
	void aCorrectedSetPublishedOnOneNodeIsWhatTheOthersNextEvaluationUses() {
		String code = Fixtures.uniqueCode("CL-PUB");
		CriteriaCatalog catalogA = a.getBean(CriteriaCatalog.class);
		TestRounds roundsA = a.getBean(TestRounds.class);
		TestRounds roundsB = b.getBean(TestRounds.class);
		Assessments assessmentsB = b.getBean(Assessments.class);
		roundsA.as("admin", () -> {
			catalogA.derive("QD318-2022-XA-NTM", 2, code, null, null, null);
			return catalogA.publish(code, 1, catalogA.stored(code, 1).orElseThrow().rowVersion());
		});
		String commune = a.getBean(Fixtures.class).commune(province(), "BTB", 0);
		String officer = a.getBean(Fixtures.class).user(Role.COMMUNE_OFFICER, commune);
		// the round is opened and filled on node B, which compiles its plan for version 1
		long round = roundsB.draft(officer, commune, code, LocalDate.of(2024, 6, 30), Set.of());
		roundsB.as(officer, () -> {
			assessmentsB.saveValues(round, Map.of("10", new ValueInput.Raw("999", "Cục Thống kê")), assessmentsB.round(round).version());
			return null;
		});
		assertThat(incomeAchieved(b, officer, round)).isTrue();

		// node A publishes a corrected income threshold no commune reaches
		roundsA.as("admin", () -> catalogA.edit(code, 1, catalogA.stored(code, 1).orElseThrow().rowVersion(), set -> {
			Indicator income = set.indicator("10").orElseThrow();
			return set.withIndicator(income.withThresholds(
					List.of(Threshold.general(new BigDecimal(1000), income.thresholds().get(0).provenance()))));
		}, "test"));
		roundsA.as("admin", () -> catalogA.publish(code, 2, catalogA.stored(code, 2).orElseThrow().rowVersion()));
		b.getBean(ClusterEvents.class).sync();

		assertThat(roundsB.as(officer, () -> assessmentsB.round(round)).setVersion()).isEqualTo(2);
		assertThat(incomeAchieved(b, officer, round)).isFalse();
	}

	@Test
	void aUnitMergedOnOneNodeIsOnTheOthersNextPageAtOnce() throws Exception {
		String province = province();
		String first = Fixtures.uniqueCode("CL-M1");
		String second = Fixtures.uniqueCode("CL-M2");
		String successor = Fixtures.uniqueCode("CL-MS");
		HttpResponse<String> imported = api(a, "POST", "/api/units/import", "text/csv",
				"code,name,kind,parent_code,valid_from,valid_to\n"
						+ first + ",Xã Một " + first + ",xã," + province + ",2000-01-01,\n"
						+ second + ",Xã Hai " + second + ",xã," + province + ",2000-01-01,\n"
						+ successor + ",Xã Mới " + successor + ",xã," + province + ",2025-07-01,\n"
						+ first + "-T1,Thôn Một,thôn," + first + ",2000-01-01,\n");
		assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
		assertThat(api(b, "GET", "/api/units/" + first, null, null).statusCode()).as("a write on A is read on B at once").isEqualTo(200);
		assertThat(api(b, "GET", "/api/units/" + successor + "/children?asOf=2025-07-01", null, null).body()).doesNotContain(first + "-T1");

		HttpResponse<String> merged = api(a, "POST", "/api/units/merges", "application/json",
				"{\"predecessors\":[\"" + first + "\",\"" + second + "\"],\"successor\":\"" + successor
						+ "\",\"effectiveDate\":\"2025-07-01\",\"legalBasis\":\"Nghị quyết thử\",\"note\":\"Sáp nhập thử\"}");
		assertThat(merged.statusCode()).as(merged.body()).isBetween(200, 201);

		assertThat(api(b, "GET", "/api/units/" + first + "/history", null, null).body()).contains(successor);
		assertThat(api(b, "GET", "/api/units/" + successor + "/children?asOf=2025-07-01", null, null).body()).contains(first + "-T1");
	}

	@Test
	void aFileUploadedOnOneNodeIsDownloadedFromTheOther() throws Exception {
		String province = province();
		HttpResponse<String> organisation = api(a, "POST", "/api/organisations", "application/json",
				"{\"code\":\"" + Fixtures.uniqueCode("CL-ORG") + "\",\"kind\":\"PEOPLES_COMMITTEE\",\"name\":\"UBND thử\",\"unitCode\":\""
						+ province + "\"}");
		assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
		String text = "Kế hoạch thử nghiệm hai nút " + Fixtures.uniqueCode("f") + "\n";
		HttpResponse<String> document = api(a, "POST", "/api/documents", "application/json",
				"{\"kind\":\"PLAN\",\"number\":\"01/KH-UBND\",\"issuedOn\":\"2026-11-01\",\"issuerId\":"
						+ match(organisation.body(), "\"id\":(\\d+)") + ",\"subject\":\"Kế hoạch thử\",\"unitCodes\":[\"" + province
						+ "\"],\"attachment\":{\"fileName\":\"ke-hoach.txt\",\"contentBase64\":\""
						+ Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\"}}");
		assertThat(document.statusCode()).as(document.body()).isEqualTo(201);
		String id = match(document.body(), "\"document\":\\{\"id\":(\\d+)");
		String attachment = match(document.body(), "\"attachments\":\\[\\{\"id\":(\\d+)");

		HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(uri(b, "/api/documents/" + id + "/attachments/" + attachment))
			.header("Authorization", basic()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(text);
	}

	@Test
	void scheduledWorkHeldByOneNodeIsSkippedByTheOther() throws Exception {
		String job = Fixtures.uniqueCode("job");
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Boolean> onA = pool.submit(() -> a.getBean(ClusterLocks.class).tryRun(job, () -> {
				holding.countDown();
				await(release);
			}));
			await(holding);
			boolean[] ranOnB = { false };
			assertThat(b.getBean(ClusterLocks.class).tryRun(job, () -> ranOnB[0] = true)).isFalse();
			assertThat(ranOnB[0]).isFalse();
			release.countDown();
			assertThat(onA.get(1, TimeUnit.MINUTES)).isTrue();
			assertThat(b.getBean(ClusterLocks.class).tryRun(job, () -> ranOnB[0] = true)).isTrue();
			assertThat(ranOnB[0]).isTrue();
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	// --- helpers

	/** A province of the test's own, written on node A. */
	static String province() {
		String code = Fixtures.uniqueCode("CL-P");
		try {
			HttpResponse<String> response = api(a, "POST", "/api/units/import", "text/csv",
					"code,name,kind,parent_code,valid_from,valid_to,region\n" + code + ",Tỉnh thử " + code + ",tỉnh,,2000-01-01,,BTB\n");
			assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return code;
	}

	private static boolean incomeAchieved(ConfigurableApplicationContext node, String user, long round) {
		return node.getBean(TestRounds.class).as(user, () -> node.getBean(Assessments.class).view(round)).evaluation().criteria().stream()
			.filter(c -> c.number() == 10).findFirst().orElseThrow().achieved();
	}

	static HttpResponse<String> api(ConfigurableApplicationContext node, String method, String path, String contentType, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).header("Authorization", basic());
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", contentType + "; charset=UTF-8").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	static URI uri(ConfigurableApplicationContext node, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.filter(v -> !v.isEmpty()).findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().allValues("Set-Cookie")));
	}

	private static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("no " + regex + " in " + text);
		}
		return matcher.group(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(1, TimeUnit.MINUTES)) {
				throw new AssertionError("latch not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}
}
