package vn.ntmtracker.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user-visible string exists in Vietnamese (default) and English. */
class I18nMessagesTests {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> vi = new TreeSet<>(load("messages.properties").stringPropertyNames());
		Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
		Set<String> missingInEnglish = new TreeSet<>(vi);
		missingInEnglish.removeAll(en);
		Set<String> missingInVietnamese = new TreeSet<>(en);
		missingInVietnamese.removeAll(vi);
		assertThat(missingInEnglish).as("keys missing in messages_en.properties").isEmpty();
		assertThat(missingInVietnamese).as("keys missing in messages.properties").isEmpty();
	}

	@Test
	void noMessageIsBlank() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(file);
			assertThat(properties.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(properties.getProperty(key)).as(file + ": " + key).isNotBlank());
		}
	}
}
