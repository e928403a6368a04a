package vn.ntmtracker;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set (SPRING_DATASOURCE_URL in production) the application uses that
 * PostgreSQL, runs its migrations there, creates the first administrator there, and starts no embedded one.
 */
class ExternalDatabaseTests {

	@Test
	void usesTheConfiguredPostgresInsteadOfStartingOne() throws Exception {
		Path unusedDir = Path.of("target", "must-not-exist-" + System.nanoTime());
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(NtmTrackerApplication.class)
					.properties("spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
							"spring.datasource.username=postgres", "spring.datasource.password=",
							"ntm.embedded-db.dir=" + unusedDir, "server.port=0", "NTM_ADMIN_PASSWORD=from-the-environment-1")
					.run()) {
			JdbcClient external_ = JdbcClient.create(external.getPostgresDatabase());
			assertThat(external_.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
				.isGreaterThanOrEqualTo(2);
			assertThat(external_.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
			assertThat(external_.sql("select must_change_password from app_user").query(Boolean.class).single()).isFalse();
			assertThat(Files.exists(unusedDir)).isFalse();
		}
	}
}
