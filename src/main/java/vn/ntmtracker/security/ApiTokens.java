package vn.ntmtracker.security;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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

/** Personal API tokens ({@code Authorization: Bearer ntm_…}), created and revoked by their owner. */
@Service
public class ApiTokens {

	static final String PREFIX = "ntm_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final UserAccounts accounts;
	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
	}

	public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
	}

	/** Creates a token and returns its secret, which is never shown again. */
	@Transactional
	public String create(CurrentUser user, String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("Cần đặt tên cho khóa API (tối đa 100 ký tự)");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("insert into api_token (user_id, name, token_hash) values (:user, :name, :hash)")
			.param("user", user.id()).param("name", name.trim()).param("hash", hash(token)).update();
		events.publishEvent(AuditEvent.of(Action.CREATE, "api_token", user.username() + "/" + name.trim(), null, null,
				Map.of("name", name.trim())));
		return token;
	}

	public List<Token> list(CurrentUser user) {
		return jdbc.sql("select id, name, created_at, last_used_at, revoked_at from api_token where user_id = :user order by created_at desc")
			.param("user", user.id())
			.query((rs, i) -> new Token(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	@Transactional
	public void revoke(CurrentUser user, long id) {
		int updated = jdbc.sql("update api_token set revoked_at = now() where id = :id and user_id = :user and revoked_at is null")
			.param("id", id).param("user", user.id()).update();
		if (updated > 0) {
			events.publishEvent(AuditEvent.of(Action.UPDATE, "api_token", Long.toString(id), null, null, Map.of("revoked", true)));
		}
	}

	/** The user a live token belongs to; an unknown, revoked or locked-out user's token authenticates no one. */
	Optional<CurrentUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Optional<String> username = jdbc.sql("""
				update api_token t set last_used_at = now() from app_user u
				where t.token_hash = :hash and t.revoked_at is null and u.id = t.user_id
				returning u.username""")
			.param("hash", hash(token)).query(String.class).optional();
		return username.flatMap(accounts::find).filter(user -> user.isEnabled() && user.isAccountNonLocked());
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
