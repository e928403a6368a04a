package vn.ntmtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real physical replica: a Debian PostgreSQL primary, a standby made with {@code pg_basebackup -R} streaming from
 * it, and the application with {@code ntm.datasource.replica.url} pointing at the standby. The overview (a read-only
 * transaction) is served by the standby — shown by pausing its replay: a commune written through the application
 * is on the primary's pages and not yet in the overview — until the standby falls behind the primary's position of
 * the previous probe, when the overview is read from the primary instead (the staleness bound); once replay resumes
 * and the standby catches up, the overview is served by it again. Probes are made by the test (probe interval 0).
 */
class ReadReplicaIntegrationTests {

	static final String ADMIN_PASSWORD = "replica-admin-password-1";
	static final String SET = "QD318-2022-XA-NTM";
	static Path dir;
	static DebianPostgres primary;
	static DebianPostgres standby;
	static ConfigurableApplicationContext app;
	static HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startPrimaryStandbyAndApplication() throws Exception {
		Optional<Path> bin = DebianPostgres.binaries();
		Assumptions.assumeTrue(bin.isPresent(), "Debian's postgresql package is not installed (apt-get install -y postgresql); skipped");
		dir = Files.createTempDirectory("ops-replica-");
		primary = DebianPostgres.primary(bin.get(), dir);
		standby = primary.replica(dir);
		app = new SpringApplicationBuilder(NtmTrackerApplication.class)
			.run("--spring.datasource.url=" + primary.jdbcUrl(), "--spring.datasource.username=postgres",
					"--spring.datasource.password=" + primary.password(), "--ntm.datasource.replica.url=" + standby.jdbcUrl(),
					"--ntm.datasource.replica.probe-interval=PT0S", "--server.port=0", "--NTM_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
					"--spring.datasource.hikari.maximum-pool-size=5", "--ntm.datasource.replica.pool-size=3");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (standby != null) {
			standby.close();
		}
		if (primary != null) {
			primary.close();
		}
		if (dir != null) {
			DebianPostgres.deleteRecursively(dir);
		}
	}

	@Test
	void theOverviewIsReadFromTheStandbyWithinTheStalenessBound() throws Exception {
		ReadReplica replica = app.getBean(ReadReplica.class);
		String province = Fixtures.uniqueCode("RP-P");
		assertThat(post("code,name,kind,parent_code,valid_from,valid_to,region\n" + province + ",Tỉnh thử " + province + ",tỉnh,,2000-01-01,,BTB\n"))
			.isBetween(200, 201);
		awaitReplay();
		replica.probe();
		replica.probe();
		assertThat(replica.usable()).as(replica.state()).isTrue();
		long servedBefore = replica.servedByReplica();
		assertThat(overview(province)).contains("\"rows\":[]");
		assertThat(replica.servedByReplica()).isGreaterThan(servedBefore);

		// replay paused on the standby: a commune written now is on the primary only
		execute(standby, "select pg_wal_replay_pause()");
		String commune = Fixtures.uniqueCode("RP-X");
		assertThat(post("code,name,kind,parent_code,valid_from,valid_to,region,commune_group\n" + commune + ",Xã thử " + commune + ",xã,"
				+ province + ",2000-01-01,,BTB,2\n")).isBetween(200, 201);
		assertThat(get("/api/units/" + commune).statusCode()).as("pages that read the primary see it at once").isEqualTo(200);
		assertThat(overview(province)).as("the overview comes from the standby").doesNotContain(commune);

		// two probes later the standby is behind the primary's position of the previous probe: left aside
		replica.probe();
		replica.probe();
		assertThat(replica.usable()).as(replica.state()).isFalse();
		long primaryBefore = replica.servedByPrimary();
		assertThat(overview(province)).as("read from the primary while the standby is behind").contains(commune);
		assertThat(replica.servedByPrimary()).isGreaterThan(primaryBefore);

		execute(standby, "select pg_wal_replay_resume()");
		awaitReplay();
		replica.probe();
		replica.probe();
		assertThat(replica.usable()).as(replica.state()).isTrue();
		servedBefore = replica.servedByReplica();
		assertThat(overview(province)).contains(commune);
		assertThat(replica.servedByReplica()).isGreaterThan(servedBefore);
	}

	@Test
	void writesAlwaysGoToThePrimary() throws Exception {
		ReadReplica replica = app.getBean(ReadReplica.class);
		awaitReplay();
		replica.probe();
		replica.probe();
		String province = Fixtures.uniqueCode("RP-W");
		assertThat(post("code,name,kind,parent_code,valid_from,valid_to,region\n" + province + ",Tỉnh ghi " + province + ",tỉnh,,2000-01-01,,BTB\n"))
			.isBetween(200, 201);
		try (Connection c = primary.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from unit where code = '" + province + "'")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}

	// --- helpers

	/** Waits until the standby has replayed everything the primary has written so far. */
	private static void awaitReplay() throws Exception {
		String target = single(primary, "select pg_current_wal_lsn()::text");
		for (int i = 0; i < 1200; i++) {
			String replayed = single(standby, "select pg_last_wal_replay_lsn()::text");
			if (ReadReplica.lsn(replayed) >= ReadReplica.lsn(target)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the standby did not catch up with " + target);
	}

	private static String single(DebianPostgres server, String sql) throws SQLException {
		try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(DebianPostgres server, String sql) throws SQLException {
		try (Connection c = server.connect(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static String overview(String province) throws Exception {
		HttpResponse<String> response = get("/api/assessments/overview?unit=" + province + "&set=" + SET + "&asOf=2026-11-15");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static int post(String csv) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/api/units/import")).header("Authorization", basic())
			.header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic()).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static URI uri(String path) {
		return URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path);
	}
}
