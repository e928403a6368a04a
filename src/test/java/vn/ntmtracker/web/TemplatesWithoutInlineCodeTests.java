package vn.ntmtracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Content Security Policy allows no inline script and no inline style (SecurityConfig): a template carrying either
 * renders a page whose script silently does not run (a chart that never draws) or whose style is dropped.
 */
class TemplatesWithoutInlineCodeTests {

	private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle=\"");
	private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\son[a-z]+=\"");
	private static final Pattern SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");

	@Test
	void noTemplateHasInlineScriptStyleOrEventHandlers() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				for (Pattern pattern : List.of(STYLE_ATTRIBUTE, EVENT_ATTRIBUTE, SCRIPT)) {
					Matcher matcher = pattern.matcher(html);
					while (matcher.find()) {
						found.add(file + ": " + matcher.group().strip());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		assertThat(STYLE_ATTRIBUTE.matcher("<div style=\"x\">").find()).isTrue();
		assertThat(EVENT_ATTRIBUTE.matcher("<a onclick=\"x()\">").find()).isTrue();
		assertThat(SCRIPT.matcher("<script th:inline=\"javascript\">").find()).isTrue();
		assertThat(SCRIPT.matcher("<script th:src=\"@{/js/app.js}\" defer></script>").find()).isFalse();
	}
}
