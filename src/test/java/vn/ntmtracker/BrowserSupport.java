package vn.ntmtracker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright; Playwright never downloads a browser here. When no Chromium is
 * installed the browser tests are skipped with a visible notice (CI installs it, see .ci/run).
 */
public final class BrowserSupport implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;
	private final Browser browser;

	private BrowserSupport(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static BrowserSupport launch() {
		if (!Files.isExecutable(CHROMIUM)) {
			System.out.println("NOTICE: browser tests SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)");
			Assumptions.abort("no Chromium at " + CHROMIUM);
		}
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
					"--disable-sync")));
		return new BrowserSupport(playwright, browser);
	}

	public Page newPage() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("vi-VN")).newPage();
		page.setDefaultTimeout(15_000);
		return page;
	}

	public static Page login(Page page, String baseUrl, String username, String password) {
		page.navigate(baseUrl + "/login");
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
		page.waitForURL(baseUrl + "/");
		return page;
	}

	public static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}
