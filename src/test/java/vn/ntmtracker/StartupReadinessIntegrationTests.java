package vn.ntmtracker;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application answers nothing before its start-up work is done: the very first answer of a starting demo
 * system already holds the complete demo data (seed 002's buckets as of 1/5/2024, which need the progress reports
 * loaded last), and the readiness probe is public.
 */
class StartupReadinessIntegrationTests {

	@Test
	void theFirstAnswerAfterStartHoldsTheCompleteDemoData() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String auth = "Basic " + Base64.getEncoder().encodeToString("vpdp-hatinh:ntm-demo".getBytes(StandardCharsets.UTF_8));
		HttpRequest buckets = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/directives/buckets?unit=HT-CAMQUANG&asOf=2024-05-01")).header("Authorization", auth).build();
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
			CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
					new SpringApplicationBuilder(NtmTrackerApplication.class).profiles("demo")
						.run("--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
								"--spring.datasource.username=postgres", "--spring.datasource.password=",
								"--server.port=" + port));
			HttpResponse<String> first = null;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			while (first == null && System.nanoTime() < deadline && !starting.isCompletedExceptionally()) {
				try {
					first = http.send(buckets, HttpResponse.BodyHandlers.ofString());
				}
				catch (ConnectException notListeningYet) {
					Thread.sleep(20);
				}
			}
			try (ConfigurableApplicationContext context = starting.get(180, TimeUnit.SECONDS)) {
				assertThat(first).as("an answer while starting").isNotNull();
				assertThat(first.statusCode()).isEqualTo(200);
				assertThat(first.body()).contains("\"notDue\":18", "\"inProgress\":9", "\"overdue\":2",
						"\"completedOnTime\":4", "\"completedLate\":1");
				HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
						URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(readiness.statusCode()).isEqualTo(200);
				assertThat(readiness.body()).contains("UP");
				// Anonymous visitors get no session (a row in spring_session each): checked on this fresh application,
				// because spring-security-test's csrf() swaps the shared context's CSRF repository for a session-based one.
				for (String path : java.util.List.of("/login", "/units", "/login?error")) {
					HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
							HttpResponse.BodyHandlers.ofString());
					assertThat(page.headers().allValues("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("SESSION="));
				}
				HttpResponse<String> other = http.send(HttpRequest.newBuilder(
						URI.create("http://localhost:" + port + "/actuator/env")).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(other.statusCode()).as("nothing else of actuator is public").isIn(401, 302, 404);
			}
		}
	}
}
