package vn.ntmtracker;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Every "today" and "now" in the code comes from this bean, so that the same
 * question about a date gets the same answer on any day, and demos and tests can pin the date:
 * {@code ntm.clock.fixed=2024-05-01T08:00:00+07:00} stops the clock at that instant. Days are counted in Vietnam's
 * time zone whatever the server's zone is. Timestamps a row is stamped with when it is written (created_at,
 * audit times) are the database's transaction time; business dates (deadlines, overdue, lockouts, expiries,
 * the default "as of" of every page) come from here.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Logger log = LoggerFactory.getLogger(TimeConfiguration.class);

	@Bean
	Clock clock(@Value("${ntm.clock.fixed:}") String fixed) {
		if (fixed == null || fixed.isBlank()) {
			return Clock.system(VIETNAM);
		}
		try {
			OffsetDateTime instant = OffsetDateTime.parse(fixed.trim());
			log.warn("The clock is pinned at {} (ntm.clock.fixed): every 'today' is that day", instant);
			return Clock.fixed(instant.toInstant(), VIETNAM);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("ntm.clock.fixed must be a date and time with its offset, such as "
					+ "2024-05-01T08:00:00+07:00; got '" + fixed + "'", ex);
		}
	}
}
