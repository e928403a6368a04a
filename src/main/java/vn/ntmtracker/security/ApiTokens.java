package vn.ntmtracker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/**
 * Personal API tokens ({@code Authorization: Bearer ntm_…}), created and revoked by their owner. A token expires
 * (90 days unless another lifetime up to a year is chosen), is revoked with the owner's password change, and a
 * request authenticated by a token cannot create another one.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "ntm_";
	static final int DEFAULT_DAYS = 90;
	static final int MAX_DAYS = 365;
	/** last_used_at is refreshed at most this often, so that busy clients do not write on every call. */
	private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt,
			OffsetDateTime expiresAt) {
	}

	/** Creates a token valid for {@code days} (null: 90) and returns its secret, which is never shown again. */
	@Transactional
	public String create(CurrentUser user, String name, Integer days) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new IllegalArgumentException("Cần đặt tên cho khóa API (tối đa 100 ký tự)");
		}
		int lifetime = days == null ? DEFAULT_DAYS : days;
		if (lifetime < 1 || lifetime > MAX_DAYS) {
			throw new IllegalArgumentException("Thời hạn của khóa API từ 1 đến " + MAX_DAYS + " ngày");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("insert into api_token (user_id, name, token_hash, created_at, expires_at) values (:user, :name, :hash, :now, :expires)")
			.param("user", user.id()).param("name", name.strip()).param("hash", hash(token)).param("now", now)
			.param("expires", now.plusDays(lifetime)).update();
		events.publishEvent(AuditEvent.of(Action.CREATE, "api_token", user.username() + "/" + name.strip(), null, null,
				Map.of("name", name.strip(), "days", lifetime)));
		return token;
	}

	public List<Token> list(CurrentUser user) {
		return jdbc.sql("""
				select id, name, created_at, last_used_at, revoked_at, expires_at from api_token
				where user_id = :user order by created_at desc, id desc""")
			.param("user", user.id())
			.query((rs, i) -> new Token(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	@Transactional
	public void revoke(CurrentUser user, long id) {
		int updated = jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
			.param("now", OffsetDateTime.now(clock)).param("id", id).param("user", user.id()).update();
		if (updated > 0) {
			events.publishEvent(AuditEvent.of(Action.UPDATE, "api_token", Long.toString(id), null, null, Map.of("revoked", true)));
		}
	}

	/**
	 * The user a live token belongs to, with their grants as they are now, in one statement (which also notes the
	 * use, at most once a minute). Unknown, revoked or expired tokens and disabled users authenticate no one.
	 */
	Optional<CurrentUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc.sql("""
				with live as (
				    select t.id, t.user_id from api_token t
				    where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now),
				touched as (
				    update api_token a set last_used_at = :now from live
				    where a.id = live.id and (a.last_used_at is null or a.last_used_at < :stale))
				""" + UserAccounts.SELECT_USER + " join live on live.user_id = u.id where u.enabled")
			.param("hash", hash(token)).param("now", now).param("stale", now.minus(TOUCH_EVERY))
			.query(UserAccounts::mapUser).optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}
}
