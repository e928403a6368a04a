package vn.ntmtracker.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing per account and source address (ASVS V2.2.1): the first five failures cost nothing, each
 * further one doubles the wait (1 min, 2, 4 … up to 1 h) for that account from that address only. Someone guessing
 * from one address therefore cannot lock the owner out from another, and a blocked login gets the same answer as a
 * wrong password, so that the answer tells nothing about the account. A success from the address clears its count.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 5;
	static final Duration FIRST_WAIT = Duration.ofMinutes(1);
	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean blocked(String username, String source) {
		return jdbc.sql("select blocked_until > :now from login_failure where username = :u and source = :s")
			.param("now", OffsetDateTime.now(clock)).param("u", key(username)).param("s", key(source))
			.query(Boolean.class).optional().orElse(false);
	}

	/** Committed on its own: the failed login's request rolls nothing back, and the count must survive it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(String username, String source) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int failures = jdbc.sql("""
				insert into login_failure (username, source, failures, last_failed_at) values (:u, :s, 1, :now)
				on conflict (username, source) do update set failures = login_failure.failures + 1, last_failed_at = :now
				returning failures""")
			.param("u", key(username)).param("s", key(source)).param("now", now).query(Integer.class).single();
		if (failures > FREE_FAILURES) {
			jdbc.sql("update login_failure set blocked_until = :until where username = :u and source = :s")
				.param("until", now.plus(wait(failures))).param("u", key(username)).param("s", key(source)).update();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void succeeded(String username, String source) {
		jdbc.sql("delete from login_failure where username = :u and source = :s").param("u", key(username))
			.param("s", key(source)).update();
	}

	/** The wait after the n-th failure in a row: nothing for the first five, then 1, 2, 4 … minutes, at most an hour. */
	static Duration wait(int failures) {
		if (failures <= FREE_FAILURES) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - FREE_FAILURES - 1, 10);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private static String key(String value) {
		String text = value == null ? "" : value;
		return text.length() > 64 ? text.substring(0, 64) : text;
	}
}
