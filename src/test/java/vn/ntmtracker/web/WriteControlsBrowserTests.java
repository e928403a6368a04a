package vn.ntmtracker.web;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Show only what I may do": the read-only leader walks every page reachable from the menu and from the unit, round,
 * plan, directive and document pages (breadth first within the application, bounded) and finds no write control — no
 * enabled form sent by POST, no submit button outside a search form, no link to a page that exists to write. A commune
 * officer sees the write controls on their own commune and none on a commune they only read.
 *
 * <p>The user's own account (password, API keys, logout) and their own reminder settings are theirs to change and are
 * not counted.
 */
@IntegrationTest
class WriteControlsBrowserTests {

	/** Pages whose only purpose is a write: a link to one is a write control. */
	static final List<Pattern> WRITE_PAGES = List.of(
			Pattern.compile("/(units|documents|assessments)/import"),
			Pattern.compile("/units/[^/]+/households/import"),
			Pattern.compile("/documents/new"),
			Pattern.compile("/documents/\\d+/edit"),
			Pattern.compile("/plans/\\d+/tasks/new"),
			Pattern.compile("/tasks/\\d+/progress"),
			Pattern.compile("/criteria/[^/]+/(edit|indicator|publish)"),
			Pattern.compile("/assessments/\\d+/values/[^/]+/from-register"),
			Pattern.compile("/admin/users.*"));

	/** The user's own things, which every account may change. */
	static final Pattern OWN = Pattern.compile("/(logout|account/.*|directives/reminders.*|notifications.*)");

	/** Not pages: files, the API, its documentation. */
	static final Pattern NOT_A_PAGE = Pattern.compile(
			"/(api|v3|swagger-ui|webjars|css|js|ical)(/.*)?|.*\\.(xlsx|ics|csv|pdf|docx|txt|png|jpg|json)|.*/attachments/.*|.*/file|/swagger-ui\\.html|/login");

	static final int MAX_PAGES = 260;
	static final int PER_SHAPE = 3;

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	String base() {
		return "http://localhost:" + port;
	}

	record Finding(String page, String what) {
	}

	@Test
	void theReadOnlyLeaderFindsNoWriteControlOnAnyPageReachable() {
		Page leader = browser.newPage();
		BrowserSupport.login(leader, base(), "lanhdao-hatinh", "ntm-demo");
		List<String> seeds = new ArrayList<>(List.of("/", "/units/42", "/units/HT-CAMLINH", "/units/HT-CAMLINH/assessments",
				"/units/HT-CAMLINH/plans", "/units/HT-CAMLINH/registers", "/units/HT-CAMLINH/households",
				"/units/HT-CAMLINH/ocop", "/units/HT-CAMQUANG/ocop", "/units/HT-CAMLINH/model-areas",
				"/units/HT-CAMLINH/funds", "/units/HT-CAMLINH/committee", "/units/HT-CAMTHACH/funds",
				"/directives?mine=false", "/documents", "/organisations", "/directives/calendar", "/directives/summary",
				"/assessments/overview?unit=42&set=HT-2022-XA-NTM-NC&asOf=2024-06-30", "/plans", "/registers", "/tasks/mine",
				"/ocop/expiring", "/criteria", "/assessments/import"));
		jdbc.sql("select min(id) from assessment_round where unit_code like 'HT-CAM%' group by unit_code, status order by 1").query(Long.class).list()
			.forEach(id -> seeds.add("/assessments/" + id));
		jdbc.sql("select id from plan where unit_code like 'HT-CAM%' order by id limit 2").query(Long.class).list()
			.forEach(id -> seeds.add("/plans/" + id));
		jdbc.sql("select id from document order by id limit 2").query(Long.class).list().forEach(id -> seeds.add("/documents/" + id));
		jdbc.sql("select id from directive order by id limit 2").query(Long.class).list().forEach(id -> seeds.add("/directives/" + id));

		Walk walk = walk(leader, seeds);
		assertThat(walk.visited()).as("pages walked").hasSizeGreaterThan(40);
		assertThat(walk.visited()).as("the walk reached the pages of units, rounds, plans, directives and documents")
			.anyMatch(p -> p.startsWith("/assessments/")).anyMatch(p -> p.startsWith("/plans/"))
			.anyMatch(p -> p.startsWith("/directives/")).anyMatch(p -> p.startsWith("/documents/"))
			.anyMatch(p -> p.startsWith("/units/HT-"));
		assertThat(walk.findings()).as("write controls shown to a read-only leader (walked %d pages)", walk.visited().size())
			.isEmpty();
	}

	@Test
	void aCommuneOfficerSeesWriteControlsOnTheirCommuneAndNoneOnOneTheyOnlyRead() {
		String own = fixtures.commune("42", "BTB", 1);
		String other = fixtures.commune("42", "BTB", 1);
		String username = Fixtures.uniqueCode("u").toLowerCase(java.util.Locale.ROOT);
		// An officer of one commune who also reads the province (as a member of a provincial body would).
		accounts.create(username, "Cán bộ kiểm thử " + username, Fixtures.PASSWORD, false,
				List.of(new Grant(Role.COMMUNE_OFFICER, own, Set.of()), new Grant(Role.LEADER, other, Set.of())));
		Page officer = browser.newPage();
		BrowserSupport.login(officer, base(), username, Fixtures.PASSWORD);
		for (String page : List.of("/units/%s/assessments", "/units/%s/plans", "/units/%s/funds", "/units/%s/committee")) {
			officer.navigate(base() + page.formatted(own));
			assertThat(controls(officer)).as("write controls on the officer's own commune: " + page).isNotEmpty();
			officer.navigate(base() + page.formatted(other));
			assertThat(officer.title()).doesNotContain("403").doesNotContain("404");
			assertThat(controls(officer)).as("write controls on a commune the officer only reads: " + page).isEmpty();
		}
		officer.navigate(base() + "/units/" + own + "/assessments");
		assertThat(officer.locator("#open-round").count()).isEqualTo(1);
		officer.navigate(base() + "/units/" + other + "/assessments");
		assertThat(officer.locator("#open-round").count()).isZero();
	}

	record Walk(Set<String> visited, List<Finding> findings) {
	}

	Walk walk(Page page, List<String> seeds) {
		Deque<String> queue = new ArrayDeque<>(seeds);
		Set<String> seen = new LinkedHashSet<>(seeds);
		Set<String> visited = new LinkedHashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		List<Finding> findings = new ArrayList<>();
		while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
			String path = queue.poll();
			String shape = shape(path);
			if (shapes.merge(shape, 1, Integer::sum) > PER_SHAPE) {
				continue;
			}
			Response response;
			try {
				response = page.navigate(base() + path);
			}
			catch (com.microsoft.playwright.PlaywrightException ex) {
				// a link answered with a file (a download) rather than a page: not a page to walk
				if (ex.getMessage() != null && ex.getMessage().contains("Download is starting")) {
					continue;
				}
				throw ex;
			}
			visited.add(path);
			if (response == null || response.status() >= 400 || !page.url().startsWith(base())) {
				continue;
			}
			controls(page).forEach(what -> findings.add(new Finding(path, what)));
			@SuppressWarnings("unchecked")
			List<String> links = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href]'))"
					+ ".map(a => a.href).filter(h => h.startsWith(location.origin)).map(h => h.substring(location.origin.length))");
			for (String link : links) {
				String target = link.replaceAll("#.*$", "");
				String targetPath = target.replaceAll("\\?.*$", "");
				if (target.isEmpty() || target.contains("lang=") || NOT_A_PAGE.matcher(targetPath).matches()
						|| OWN.matcher(targetPath).matches()) {
					continue;
				}
				if (WRITE_PAGES.stream().anyMatch(p -> p.matcher(targetPath).matches())) {
					findings.add(new Finding(path, "link to " + target));
					continue;
				}
				if (seen.add(target)) {
					queue.add(target);
				}
			}
		}
		System.out.println("Walked " + visited.size() + " pages, " + findings.size() + " write controls");
		findings.forEach(f -> System.out.println("WRITE CONTROL " + f.page() + " :: " + f.what()));
		return new Walk(visited, findings);
	}

	/** Unit codes and ids alike count as one shape, so the walk samples each kind of page a few times. */
	static String shape(String path) {
		String p = path.replaceAll("\\?.*$", "");
		StringBuilder shape = new StringBuilder();
		for (String segment : p.split("/")) {
			if (!segment.isEmpty()) {
				shape.append('/').append(segment.matches(".*[0-9A-Z].*") ? "*" : segment);
			}
		}
		String query = path.contains("?") ? path.substring(path.indexOf('?') + 1).replaceAll("=[^&]*", "") : "";
		return shape + "?" + query;
	}

	/** The write controls on the page: POST forms and their buttons (the user's own account excepted). */
	@SuppressWarnings("unchecked")
	static List<String> controls(Page page) {
		return (List<String>) page.evaluate("""
				() => {
				  const own = /^\\/(logout|account\\/.*|directives\\/reminders.*|notifications.*)$/;
				  const found = [];
				  const pathOf = f => new URL(f.action, location.href).pathname;
				  for (const f of document.querySelectorAll('form')) {
				    const post = (f.getAttribute('method') || 'get').toLowerCase() === 'post';
				    if (!post || own.test(pathOf(f))) continue;
				    const enabled = Array.from(f.elements).some(e => !e.matches(':disabled') && e.type !== 'hidden' && e.tagName !== 'FIELDSET');
				    if (enabled) found.push('form ' + (f.id ? '#' + f.id + ' ' : '') + 'POST ' + pathOf(f));
				  }
				  for (const b of document.querySelectorAll('button, input[type=submit]')) {
				    const type = (b.getAttribute('type') || 'submit').toLowerCase();
				    if (type !== 'submit' || b.matches(':disabled')) continue;
				    const f = b.form;
				    if (f && (f.getAttribute('method') || 'get').toLowerCase() !== 'post') continue;
				    if (f && own.test(pathOf(f))) continue;
				    found.push('submit button "' + (b.textContent || b.value).trim() + '"' + (f ? ' of ' + pathOf(f) : ''));
				  }
				  return found;
				}""");
	}
}
