package vn.ntmtracker.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.BrowserSession;
import vn.ntmtracker.BrowserSupport;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Vietnamese everywhere in the Vietnamese UI" (issue 12 item 8): a commune officer and the province coordination
 * office walk the pages reachable by link (breadth first, each shape of page sampled a few times, as in
 * {@link WriteControlsBrowserTests}) and on each page the visible text — the body's rendered text, option texts and
 * button labels; {@code <code>} elements and hyphenated unit and set codes left out — has no unresolved message
 * ({@code ??key??}), no raw enum constant and no English error or UI words.
 */
@IntegrationTest
class VietnameseEverywhereBrowserTests {

	/** Not pages: files, the API, its documentation. */
	static final Pattern NOT_A_PAGE = Pattern.compile(
			"/(api|v3|swagger-ui|webjars|css|js|ical)(/.*)?|.*\\.(xlsx|ics|csv|pdf|docx|txt|png|jpg|json|yaml)|.*/attachments/.*|.*/file|/swagger-ui\\.html|/login|/logout");

	static final int MAX_PAGES = 220;
	static final int PER_SHAPE = 3;

	/** Enums whose constants could reach a page (infrastructure and file-layout enums left out). */
	static final List<String> PAGE_ENUMS = List.of("vn.ntmtracker.AuditEvent$Action", "vn.ntmtracker.planning.TaskKind",
			"vn.ntmtracker.planning.SiteClearance", "vn.ntmtracker.planning.TaskStatus", "vn.ntmtracker.planning.PlanStatus",
			"vn.ntmtracker.extraction.ExtractionDraft$DocType", "vn.ntmtracker.extraction.DeadlineWording$Kind",
			"vn.ntmtracker.extraction.DeadlineWording$Recurrence", "vn.ntmtracker.dossiers.Dossier$State",
			"vn.ntmtracker.dossiers.Dossier$StepStatus", "vn.ntmtracker.dossiers.CheckKind", "vn.ntmtracker.dossiers.Checklist$Status",
			"vn.ntmtracker.dossiers.StepKind", "vn.ntmtracker.dossiers.Side", "vn.ntmtracker.dossiers.Purpose",
			"vn.ntmtracker.web.notifications.Notifications$Kind", "vn.ntmtracker.web.imports.DocumentImport$Mode",
			"vn.ntmtracker.web.imports.DocumentImport$Choice", "vn.ntmtracker.web.imports.BodyResolver$Outcome",
			"vn.ntmtracker.assessment.RoundKind", "vn.ntmtracker.assessment.RevocationRule$Ground",
			"vn.ntmtracker.assessment.IndicatorStatus", "vn.ntmtracker.assessment.RoundStatus", "vn.ntmtracker.directives.Bucket",
			"vn.ntmtracker.directives.Directive$Kind", "vn.ntmtracker.directives.Directive$Status",
			"vn.ntmtracker.directives.Directive$EventKind", "vn.ntmtracker.directives.Document$Origin",
			"vn.ntmtracker.directives.Document$Kind", "vn.ntmtracker.directives.Document$Relation",
			"vn.ntmtracker.directives.Deadline$Kind", "vn.ntmtracker.directives.Deadline$Recurrence",
			"vn.ntmtracker.directives.Organisation$Kind", "vn.ntmtracker.criteria.ThresholdKeying",
			"vn.ntmtracker.criteria.RegisterBinding$Register", "vn.ntmtracker.criteria.RegisterBinding$Measure",
			"vn.ntmtracker.criteria.RegisterBinding$Rule", "vn.ntmtracker.criteria.ValueKind", "vn.ntmtracker.criteria.Crosswalk$Relation",
			"vn.ntmtracker.criteria.CommuneGroup", "vn.ntmtracker.criteria.CriteriaSetDiff$ChangeType", "vn.ntmtracker.criteria.Tier",
			"vn.ntmtracker.criteria.SetStatus", "vn.ntmtracker.criteria.Verification", "vn.ntmtracker.registers.OcopProducts$OwnerKind",
			"vn.ntmtracker.registers.ModelAreas$Kind", "vn.ntmtracker.registers.PovertyChange",
			"vn.ntmtracker.registers.PersonalDataPolicy$Access", "vn.ntmtracker.reports.ReportKind$Input",
			"vn.ntmtracker.reports.ReportDraft$Status", "vn.ntmtracker.security.Role", "vn.ntmtracker.security.Permission",
			"vn.ntmtracker.security.Permission$Kind");

	/** Constants that are also ordinary Vietnamese (uppercased headings) or abbreviations used in the Vietnamese text. */
	static final Set<String> NOT_ENUM_WORDS = Set.of("NTM", "TM", "KT", "TL", "PDF", "DOCX", "XLSX", "JPEG", "PNG", "HTML");

	static final Pattern ENUM_LIKE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");

	static final Pattern ENGLISH = Pattern.compile("(?<![\\p{L}\\p{N}])(not|exception|error|errors|invalid|must|required|unknown|failed"
			+ "|cannot|null|the|please|should|denied|forbidden|missing|already|expected|found|does|with|from|and)(?![\\p{L}\\p{N}])",
			Pattern.CASE_INSENSITIVE);

	/** Unit, set, procedure and document codes: hyphenated upper-case tokens (HT-CAMQUANG, QD318-2022-XA-NTM). */
	/** File names are what users uploaded (data, not labels): "BAO_CAO_KET_QUA.pdf" is a name, not an enum shown. */
	static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N}_()+-]+(?:\\.[\\p{L}\\p{N}_()+-]+)*\\.(?i:pdf|docx?|xlsx?|txt|jpe?g|png|csv)(?![\\p{L}\\p{N}])");

	static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z0-9]+(?:[-./][A-Z0-9]+)+(?![\\p{L}\\p{N}])");

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String base() {
		return "http://localhost:" + port;
	}

	record Finding(String page, String what) {
	}

	record Walk(Set<String> visited, List<Finding> findings) {
	}

	@Test
	void aCommuneOfficerSeesVietnameseOnEveryPageReachable() {
		Page officer = browser.newPage();
		BrowserSupport.login(officer, base(), "camquang", "ntm-demo");
		Walk walk = walk(officer, seeds("HT-CAMQUANG"));
		assertThat(walk.visited()).as("pages walked").hasSizeGreaterThan(30);
		assertThat(walk.findings()).as("English, raw enum constants or unresolved messages shown to a commune officer (walked %d pages): %s",
				walk.visited().size(), walk.findings().stream().map(Finding::toString).collect(Collectors.joining("\n", "\n", "")))
			.isEmpty();
	}

	@Test
	void theProvinceCoordinationOfficeSeesVietnameseOnEveryPageReachable() {
		Page office = browser.newPage();
		BrowserSupport.login(office, base(), "vpdp-hatinh", "ntm-demo");
		Walk walk = walk(office, seeds("HT-CAMLINH"));
		assertThat(walk.visited()).as("pages walked").hasSizeGreaterThan(30);
		assertThat(walk.findings()).as("English, raw enum constants or unresolved messages shown to the coordination office (walked %d pages): %s",
				walk.visited().size(), walk.findings().stream().map(Finding::toString).collect(Collectors.joining("\n", "\n", "")))
			.isEmpty();
	}

	/**
	 * The administrator sees the sources ({@code .sources}: provenance notes, left out of the check) and walks from the
	 * pages only they and the dossier's province reach: dossiers, procedures, accounts, the audit log.
	 */
	@Test
	void theAdministratorSeesVietnameseOutsideTheSources() {
		Page admin = browser.newPage();
		BrowserSupport.login(admin, base(), "admin", "ntm-demo");
		List<String> seeds = new ArrayList<>(List.of("/dossiers", "/procedures", "/criteria/crosswalks", "/admin/users",
				"/admin/users/import", "/admin/audit", "/units/import", "/reports/templates", "/criteria"));
		jdbc.sql("select id from dossier order by id limit 3").query(Long.class).list().forEach(id -> {
			seeds.add("/dossiers/" + id);
			seeds.add("/dossiers/" + id + "/survey");
		});
		Walk walk = walk(admin, seeds);
		assertThat(walk.visited()).as("pages walked").hasSizeGreaterThan(30);
		assertThat(walk.findings()).as("English, raw enum constants or unresolved messages shown to the administrator (walked %d pages): %s",
				walk.visited().size(), walk.findings().stream().map(Finding::toString).collect(Collectors.joining("\n", "\n", "")))
			.isEmpty();
	}

	/** The check itself: what it must find, and Vietnamese text with codes it must leave alone. */
	@Test
	void theCheckFindsUnresolvedMessagesEnumConstantsAndEnglishButNotVietnameseOrCodes() {
		Set<String> words = enumWords();
		assertThat(words).contains("DRAFT", "VERIFIED", "WORKS", "CAMPAIGN", "CREATE", "UPDATE", "SAME").doesNotContain("NTM", "XA");
		assertThat(check("??assessment.status.DRAFT_vi??", words)).anyMatch(f -> f.startsWith("unresolved"));
		assertThat(check("Trạng thái: DRAFT", words)).anyMatch(f -> f.contains("DRAFT"));
		assertThat(check("Loại: BAO_CAO_KET_QUA_XA", words)).anyMatch(f -> f.contains("BAO_CAO_KET_QUA_XA"));
		// a file name is what a user uploaded, not a label: "Tệp: BAO_CAO_KET_QUA.pdf" passes, the bare code does not
		assertThat(check("Tệp: BAO_CAO_KET_QUA.pdf, anh_hien_truong.JPG", words)).isEmpty();
		assertThat(check("Tệp BAO_CAO_KET_QUA đã lưu", words)).anyMatch(f -> f.contains("BAO_CAO_KET_QUA"));
		assertThat(check("Round not found", words)).anyMatch(f -> f.contains("\"not\""));
		assertThat(check("IllegalArgumentException: Invalid value", words)).isNotEmpty();
		assertThat(check("KẾ HOẠCH XÂY DỰNG NTM xã Cẩm Quang HT-CAMQUANG theo QD318-2022-XA-NTM: đạt 15/19 tiêu chí, "
				+ "chưa đạt; ngày 01/05/2024 — Không có dữ liệu?", words)).isEmpty();
	}

	List<String> seeds(String unit) {
		List<String> seeds = new ArrayList<>(List.of("/", "/units/" + unit, "/units/" + unit + "/assessments",
				"/units/" + unit + "/plans", "/units/" + unit + "/registers", "/units/" + unit + "/households",
				"/units/" + unit + "/ocop", "/units/" + unit + "/model-areas", "/units/" + unit + "/funds",
				"/units/" + unit + "/committee", "/units/" + unit + "/dossiers", "/directives", "/documents", "/organisations",
				"/directives/calendar", "/directives/summary", "/plans", "/registers", "/tasks/mine", "/ocop/expiring", "/criteria",
				"/reports", "/dossiers", "/notifications"));
		seeds.addAll(List.of("/units", "/procedures", "/criteria/crosswalks", "/reports/templates", "/admin/audit", "/admin/users",
				"/units/import", "/criteria/upload", "/criteria/QD51-2025-XA-NTM/edit?version=2"));
		jdbc.sql("select min(id) from assessment_round where unit_code like 'HT-CAM%' group by unit_code, status order by 1").query(Long.class).list()
			.forEach(id -> seeds.add("/assessments/" + id));
		jdbc.sql("select h.id from household h where h.village_code like ? order by h.id limit 2").param(unit + "%").query(Long.class).list()
			.forEach(id -> seeds.add("/households/" + id));
		jdbc.sql("select id from plan where unit_code = ? order by id limit 2").param(unit).query(Long.class).list()
			.forEach(id -> seeds.add("/plans/" + id));
		jdbc.sql("select id from dossier order by id limit 3").query(Long.class).list().forEach(id -> {
			seeds.add("/dossiers/" + id);
			seeds.add("/dossiers/" + id + "/survey");
		});
		jdbc.sql("select id from document order by id limit 2").query(Long.class).list().forEach(id -> seeds.add("/documents/" + id));
		jdbc.sql("select id from directive order by id limit 2").query(Long.class).list().forEach(id -> seeds.add("/directives/" + id));
		// pages that answer with an error (a shape of their own: the query differs): their text is Vietnamese too
		seeds.addAll(List.of("/assessments/999999?probe", "/units/KHONG-CO-DON-VI?probe", "/plans/abc?probe",
				"/documents/999999?probe", "/directives/999999?probe", "/dossiers/999999?probe", "/households/999999?probe",
				"/directives/calendar?month=abc", "/assessments/overview?asOf=abc", "/units/" + unit + "/registers?year=abc"));
		return seeds;
	}

	Walk walk(Page page, List<String> seeds) {
		Set<String> enumWords = enumWords();
		Deque<String> queue = new ArrayDeque<>(seeds);
		Set<String> seen = new LinkedHashSet<>(seeds);
		Set<String> visited = new LinkedHashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		List<Finding> findings = new ArrayList<>();
		while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
			String path = queue.poll();
			if (shapes.merge(WriteControlsBrowserTests.shape(path), 1, Integer::sum) > PER_SHAPE) {
				continue;
			}
			Response response;
			try {
				response = page.navigate(base() + path);
			}
			catch (PlaywrightException ex) {
				// a link answered with a file (a download) rather than a page: not a page to walk
				if (ex.getMessage() != null && ex.getMessage().contains("Download is starting")) {
					continue;
				}
				throw ex;
			}
			visited.add(path);
			if (response == null || !page.url().startsWith(base())) {
				continue;
			}
			if (response.status() >= 400) {
				System.out.println("ANSWERED " + response.status() + " " + path + " :: " + visibleText(page).replaceAll("\\s+", " "));
			}
			check(visibleText(page), enumWords).forEach(what -> findings.add(new Finding(path, what)));
			if (response.status() >= 400) {
				continue;
			}
			@SuppressWarnings("unchecked")
			List<String> links = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href]'))"
					+ ".map(a => a.href).filter(h => h.startsWith(location.origin)).map(h => h.substring(location.origin.length))");
			for (String link : links) {
				String target = link.replaceAll("#.*$", "");
				String targetPath = target.replaceAll("\\?.*$", "");
				if (target.isEmpty() || target.contains("lang=") || NOT_A_PAGE.matcher(targetPath).matches()) {
					continue;
				}
				if (seen.add(target)) {
					queue.add(target);
				}
			}
		}
		System.out.println("Walked " + visited.size() + " pages, " + findings.size() + " findings");
		visited.forEach(p -> System.out.println("WALKED " + p));
		findings.forEach(f -> System.out.println("NOT VIETNAMESE " + f.page() + " :: " + f.what()));
		return new Walk(visited, findings);
	}

	/** The rendered text of the page (every {@code <details>} opened), option texts, button labels, placeholders and titles, without {@code <code>} elements and the administrator's sources. */
	@SuppressWarnings("unchecked")
	static String visibleText(Page page) {
		List<String> parts = (List<String>) page.evaluate("""
				() => {
				  document.querySelectorAll('details').forEach(d => d.open = true);
				  const codes = Array.from(document.querySelectorAll('code, pre, .sources'));
				  const saved = codes.map(c => c.style.display);
				  codes.forEach(c => c.style.display = 'none');
				  const out = [document.body.innerText];
				  codes.forEach((c, i) => c.style.display = saved[i]);
				  for (const o of document.querySelectorAll('option')) out.push(o.textContent);
				  for (const b of document.querySelectorAll('button, input[type=submit], input[type=button]')) out.push(b.textContent || b.value || '');
				  for (const e of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
				    if (e.closest('code, pre, .sources')) continue;
				    for (const a of ['placeholder', 'title', 'aria-label']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
				  }
				  return out;
				}""");
		return String.join("\n", parts);
	}

	static List<String> check(String text, Set<String> enumWords) {
		String stripped = CODE.matcher(FILE_NAME.matcher(text).replaceAll(" ")).replaceAll(" ");
		Set<String> found = new TreeSet<>();
		Matcher unresolved = Pattern.compile("\\?\\?[^\\s?]*\\?\\?|\\?\\?").matcher(stripped);
		while (unresolved.find()) {
			found.add("unresolved message: " + context(stripped, unresolved.start(), unresolved.end()));
		}
		Matcher enumLike = ENUM_LIKE.matcher(stripped);
		while (enumLike.find()) {
			found.add("raw enum-like token " + enumLike.group() + ": " + context(stripped, enumLike.start(), enumLike.end()));
		}
		Matcher words = Pattern.compile("(?<![\\p{L}\\p{N}_])[A-Z]{2,}(?![\\p{L}\\p{N}_])").matcher(stripped);
		while (words.find()) {
			if (enumWords.contains(words.group())) {
				found.add("raw enum constant " + words.group() + ": " + context(stripped, words.start(), words.end()));
			}
		}
		Matcher english = ENGLISH.matcher(stripped);
		while (english.find()) {
			found.add("English \"" + english.group() + "\": " + context(stripped, english.start(), english.end()));
		}
		return new ArrayList<>(found);
	}

	static String context(String text, int start, int end) {
		return text.substring(Math.max(0, start - 50), Math.min(text.length(), end + 50)).replaceAll("\\s+", " ").trim();
	}

	/** Single-word constants of the enums that reach pages (the multi-word ones the enum-like pattern finds). */
	static Set<String> enumWords() {
		return PAGE_ENUMS.stream().flatMap(name -> {
			try {
				return Arrays.stream(Class.forName(name).getEnumConstants()).map(c -> ((Enum<?>) c).name());
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}).filter(n -> !n.contains("_") && n.length() >= 2 && !NOT_ENUM_WORDS.contains(n)).collect(Collectors.toCollection(TreeSet::new));
	}

}
