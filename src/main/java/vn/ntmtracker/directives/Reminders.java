package vn.ntmtracker.directives;

import java.time.Clock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/**
 * Where a user's reminders go (an e-mail address) and their secret iCalendar token, of which only the
 * SHA-256 is stored: a stolen database does not reveal live feed addresses, and revoking deletes the hash.
 * Also answers "what is due for this user": open directives of their organisations with a dated deadline.
 */
@Component
class Reminders {

	static final int SOON_DAYS = 7;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final DirectiveQueries queries;
	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reminders(JdbcClient jdbc, Organisations organisations, DirectiveQueries queries, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.queries = queries;
		this.events = events;
	}

	record Subscription(String username, String email, boolean hasFeed) {
	}

	Subscription of(String username) {
		return jdbc.sql("select email, ical_token_hash is not null from reminder_subscription where username = :u")
			.param("u", username).query((rs, i) -> new Subscription(username, rs.getString(1), rs.getBoolean(2)))
			.optional().orElse(new Subscription(username, null, false));
	}

	@Transactional
	void setEmail(String username, String email) {
		String clean = email == null || email.isBlank() ? null : email.strip();
		if (clean != null && !clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new DirectiveRuleException("reminders.error.email");
		}
		Subscription before = of(username);
		jdbc.sql("""
				insert into reminder_subscription (username, email) values (:u, :email)
				on conflict (username) do update set email = :email, version = reminder_subscription.version + 1, updated_at = now()""")
			.param("u", username).param("email", clean).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "reminder_subscription", username, null,
				Map.of("email", String.valueOf(before.email())), Map.of("email", String.valueOf(clean))));
	}

	/** A new random token (the old one stops working); returned once, stored only as a hash. */
	@Transactional
	String newFeedToken(String username) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		jdbc.sql("""
				insert into reminder_subscription (username, ical_token_hash) values (:u, :hash)
				on conflict (username) do update set ical_token_hash = :hash, version = reminder_subscription.version + 1, updated_at = now()""")
			.param("u", username).param("hash", hash(token)).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "reminder_subscription", username, null, null, Map.of("icalToken", "created")));
		return token;
	}

	@Transactional
	void revokeFeed(String username) {
		jdbc.sql("update reminder_subscription set ical_token_hash = null, version = version + 1 where username = :u")
			.param("u", username).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "reminder_subscription", username, null, null, Map.of("icalToken", "revoked")));
	}

	Optional<String> userOfToken(String token) {
		if (token == null || !token.matches("[0-9a-f]{48}")) {
			return Optional.empty();
		}
		return jdbc.sql("select username from reminder_subscription where ical_token_hash = :hash")
			.param("hash", hash(token)).query(String.class).optional();
	}

	/** What the digest of a day holds for a user. */
	record Due(List<DirectiveRow> overdue, List<DirectiveRow> dueToday, List<DirectiveRow> dueSoon) {

		boolean isEmpty() {
			return overdue.isEmpty() && dueToday.isEmpty() && dueSoon.isEmpty();
		}

		int size() {
			return overdue.size() + dueToday.size() + dueSoon.size();
		}
	}

	/** Directives of the user's organisations (lead or cooperating) still open on the day, with a dated deadline in force. */
	List<DirectiveRow> openWork(String username, LocalDate day) {
		Set<Long> mine = organisations.membershipsOf(username);
		if (mine.isEmpty()) {
			return List.of();
		}
		return queries.find(new DirectiveFilter(null, null, null, true, null, null, null, null, day),
				new Reach(false, List.of(), mine), mine).stream()
			.filter(r -> r.due() != null && r.bucket() != Bucket.COMPLETED_ON_TIME && r.bucket() != Bucket.COMPLETED_LATE)
			.toList();
	}

	Due due(String username, LocalDate day) {
		List<DirectiveRow> overdue = new ArrayList<>();
		List<DirectiveRow> today = new ArrayList<>();
		List<DirectiveRow> soon = new ArrayList<>();
		for (DirectiveRow row : openWork(username, day)) {
			if (row.due().isBefore(day)) {
				overdue.add(row);
			}
			else if (row.due().isEqual(day)) {
				today.add(row);
			}
			else if (!row.due().isAfter(day.plusDays(SOON_DAYS))) {
				soon.add(row);
			}
		}
		return new Due(overdue, today, soon);
	}

	/** Users who could get a digest: an e-mail address and at least one organisation. */
	List<Subscription> subscribers() {
		return jdbc.sql("""
				select s.username, s.email, s.ical_token_hash is not null from reminder_subscription s
				where s.email is not null and exists (select 1 from user_organisation uo where uo.username = s.username)
				order by s.username""")
			.query((rs, i) -> new Subscription(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
