package vn.ntmtracker.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/** Users and their grants: loading for login, lockout after repeated failures, creation, password change. */
@Service
public class UserAccounts implements UserDetailsService {

	static final int MAX_FAILURES = 5;
	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
	}

	@Override
	public CurrentUser loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	public java.util.Optional<CurrentUser> find(String username) {
		return jdbc.sql("""
				select id, username, display_name, password_hash, enabled, must_change_password,
				       locked_until is not null and locked_until > :now as locked
				from app_user where username = :username""")
			.param("username", username).param("now", OffsetDateTime.now(clock))
			.query((rs, i) -> new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
					rs.getBoolean("must_change_password"), grants(rs.getLong("id"))))
			.optional();
	}

	List<Grant> grants(long userId) {
		return jdbc.sql("select role, unit_code, criteria from role_grant where user_id = :id order by id")
			.param("id", userId)
			.query((rs, i) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2), criteria(rs.getString(3))))
			.list();
	}

	private static Set<String> criteria(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
	}

	public long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	@Transactional
	public long create(String username, String displayName, String rawPassword, boolean mustChangePassword,
			List<Grant> grants) {
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, must_change_password)
				values (:username, :name, :hash, :must) returning id""")
			.param("username", username).param("name", displayName).param("hash", passwords.encode(rawPassword))
			.param("must", mustChangePassword).query(Long.class).single();
		for (Grant grant : grants) {
			jdbc.sql("insert into role_grant (user_id, role, unit_code, criteria) values (:id, :role, :unit, :criteria)")
				.param("id", id).param("role", grant.role().name()).param("unit", grant.unitCode())
				.param("criteria", grant.criteria().isEmpty() ? null : String.join(",", grant.criteria())).update();
		}
		events.publishEvent(AuditEvent.of(Action.CREATE, "user", username, null, null, Map.of("username", username,
				"displayName", displayName, "grants", grants.stream().map(Grant::toString).toList())));
		return id;
	}

	@Transactional
	public void changePassword(String username, String newPassword) {
		jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = false, version = version + 1
				where username = :username""")
			.param("hash", passwords.encode(newPassword)).param("username", username).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "user", username, null, null, Map.of("password", "changed")));
	}

	public boolean passwordMatches(String username, String rawPassword) {
		return jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
			.query(String.class).optional().map(hash -> passwords.matches(rawPassword, hash)).orElse(false);
	}

	/** Five wrong passwords in a row lock the account for fifteen minutes. */
	@EventListener
	@Transactional
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal());
		jdbc.sql("""
				update app_user set failed_attempts = failed_attempts + 1,
				       locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
				where username = :username""")
			.param("max", MAX_FAILURES).param("until", OffsetDateTime.now(clock).plus(LOCKOUT))
			.param("username", username).update();
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :username and failed_attempts > 0")
			.param("username", event.getAuthentication().getName()).update();
	}

	Instant lockedUntil(String username) {
		return jdbc.sql("select locked_until from app_user where username = :u").param("u", username)
			.query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional()
			.map(t -> t == null ? null : t.toInstant()).orElse(null);
	}
}
