package vn.ntmtracker.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the real server shows (not MockMvc): headers, proxies, sessions, parameter limits and concurrent posts of
 * one session. Regressions of the probe's low findings.
 */
@IntegrationTest
class HttpHardeningIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	@Test
	void pagesForbidInlineScriptsAndStyles() throws Exception {
		HttpResponse<String> login = anonymous.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
	}

	@Test
	void behindATlsProxyRedirectsAreHttpsAndHstsIsSent() throws Exception {
		HttpResponse<Void> response = anonymous.send(HttpRequest.newBuilder(uri("/units")).header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "ntm.example.gov.vn").build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://ntm.example.gov.vn/");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void theOpenApiDocumentNeedsALogin() throws Exception {
		HttpResponse<Void> docs = anonymous.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(docs.statusCode()).isIn(302, 401);
	}

	/** A logged-in browser: cookies kept, the CSRF token read from the page it posts from. */
	private record Browser(HttpClient client) {

		String csrf(int port, String path) throws Exception {
			String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(token.find()).as("csrf field on " + path).isTrue();
			return token.group(1);
		}

		HttpResponse<String> post(int port, String path, String form) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	private Browser login(String username) throws Exception {
		Browser browser = new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build());
		String token = browser.csrf(port, "/login");
		HttpResponse<String> response = browser.post(port, "/login", "username=" + username + "&password=" + Fixtures.PASSWORD
				+ "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return browser;
	}

	/** A malformed parameter ("year=abc" typed into the address) is the reader's mistake, not "the system failed". */
	@Test
	void aMalformedParameterSaysTheRequestIsInvalidNotThatTheSystemFailed() throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		Browser browser = login(fixtures.user(Role.COMMUNE_OFFICER, commune));
		HttpResponse<String> page = browser.client().send(HttpRequest.newBuilder(uri("/units/" + commune + "/registers?year=abc")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Hệ thống gặp lỗi");
	}

	/** The import review posts many fields per item; a form of 3,000 parameters used to get a bare 400. */
	@Test
	void aFormWithThousandsOfFieldsIsRead() throws Exception {
		Browser browser = login(fixtures.user(Role.LEADER, "42"));
		String token = browser.csrf(port, "/account/tokens");
		StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&name=nhiều+trường&days=30");
		for (int i = 0; i < 3000; i++) {
			form.append("&extra_").append(i).append("=x");
		}
		HttpResponse<String> response = browser.post(port, "/account/tokens", form.toString());
		assertThat(response.statusCode()).isEqualTo(302);
	}

	/** Two posts of one session at the same moment, each saving a flash message, used to fail the second with a 500. */
	@Test
	void concurrentPostsOfOneSessionBothSucceed() throws Exception {
		Browser browser = login(fixtures.user(Role.LEADER, "42"));
		String token = browser.csrf(port, "/account/tokens");
		List<CompletableFuture<Integer>> posts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&name=song+song+" + i + "&days=30";
			posts.add(CompletableFuture.supplyAsync(() -> {
				try {
					return browser.post(port, "/account/tokens", form).statusCode();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		assertThat(posts.stream().map(CompletableFuture::join).toList()).containsOnly(302);
	}
}
