package vn.ntmtracker;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and points the datasource at it when no {@code spring.datasource.url}
 * is configured, so that {@code ./mvnw spring-boot:run} works on a machine with only a JDK.
 * Runs after the config files and environment variables have been read.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "ntm.embedded-db.enabled";
	static final String DIR = "ntm.embedded-db.dir";
	static final String CLEAN = "ntm.embedded-db.clean-on-start";
	/** {@code auto} (default) or {@code nobody}: run PostgreSQL as uid 65534 even where zonky could run it. */
	static final String RUN_AS = "ntm.embedded-db.run-as";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty(ENABLED, Boolean.class, true)) {
			return;
		}
		Path dir = Path.of(environment.getProperty(DIR, "data/pg")).toAbsolutePath().normalize();
		boolean clean = environment.getProperty(CLEAN, Boolean.class, false);
		EmbeddedDatabase.RunAs runAs = EmbeddedDatabase.RunAs.valueOf(environment.getProperty(RUN_AS, "auto").toUpperCase(java.util.Locale.ROOT));
		EmbeddedDatabase database = EmbeddedDatabase.start(dir, clean, runAs);
		environment.getPropertySources().addFirst(new MapPropertySource("ntmEmbeddedPostgres", Map.of(
				"spring.datasource.url", database.jdbcUrl(),
				"spring.datasource.username", database.username(),
				"spring.datasource.password", database.password())));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
