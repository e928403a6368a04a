package vn.ntmtracker;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per browser test class: {@code @RegisterExtension static final BrowserSession browser =
 * new BrowserSession();}. Skips the class with a notice when Chromium is missing (see {@link BrowserSupport}).
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

	private BrowserSupport browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		browser = BrowserSupport.launch();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browser != null) {
			browser.close();
		}
	}

	public Page newPage() {
		return browser.newPage();
	}
}
