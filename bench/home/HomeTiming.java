import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Home page response times as a signed-in user sees them, on the loopback (so network time is negligible and the
 * figure is the server's): signs in through the login form (CSRF token from the page), then asks GET {path} N times
 * after a warm-up and prints p50/p95/max.
 *   java HomeTiming.java http://127.0.0.1:18082 username password / 50
 */
public class HomeTiming {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String username = args[1];
		String password = args[2];
		String path = args.length > 3 ? args[3] : "/";
		int n = args.length > 4 ? Integer.parseInt(args[4]) : 50;
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		String to = signedIn.headers().firstValue("Location").orElse("");
		if (to.contains("error")) {
			throw new IllegalStateException("login refused for " + username);
		}
		HttpRequest home = HttpRequest.newBuilder(URI.create(base + path)).build();
		int bytes = 0;
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> page = http.send(home, HttpResponse.BodyHandlers.ofString());
			if (page.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + page.statusCode() + " to " + username);
			}
			bytes = page.body().length();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			http.send(home, HttpResponse.BodyHandlers.ofString());
			millis.add((System.nanoTime() - t0) / 1e6);
		}
		Collections.sort(millis);
		System.out.printf("RESULT home %s %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests, %d chars)%n", username, path,
				millis.get(n / 2), millis.get((int) Math.ceil(n * 0.95) - 1), millis.get(n - 1), n, bytes);
	}
}
