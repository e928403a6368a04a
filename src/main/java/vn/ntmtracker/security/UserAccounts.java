package vn.ntmtracker.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/**
 * Users and their grants: loading for login and for every request (one query, one connection: the grants come
 * with the user), creation, password change. Changing the password moves the user's session epoch, which ends
 * their other sessions, and revokes their API tokens.
 */
@Service
public class UserAccounts implements UserDetailsService {

	/** The user with the grants, in one statement: no second query while the first holds a connection. */
	static final String SELECT_USER = """
			select u.id, u.username, u.display_name, u.password_hash, u.enabled, u.must_change_password, u.session_epoch,
			       (select string_agg(g.role || '|' || coalesce(g.unit_code, '') || '|' || coalesce(g.criteria, ''), E'\\n' order by g.id)
			        from role_grant g where g.user_id = u.id) as grants
			from app_user u""";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public CurrentUser loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	public Optional<CurrentUser> find(String username) {
		if (username == null || username.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT_USER + " where u.username = :username").param("username", username)
			.query(UserAccounts::mapUser).optional();
	}

	Optional<CurrentUser> find(long id) {
		return jdbc.sql(SELECT_USER + " where u.id = :id").param("id", id).query(UserAccounts::mapUser).optional();
	}

	static CurrentUser mapUser(ResultSet rs, int row) throws SQLException {
		return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				grants(rs.getString("grants")), rs.getInt("session_epoch"));
	}

	private static List<Grant> grants(String packed) {
		if (packed == null || packed.isEmpty()) {
			return List.of();
		}
		List<Grant> grants = new ArrayList<>();
		for (String line : packed.split("\n")) {
			String[] parts = line.split("\\|", -1);
			grants.add(new Grant(Role.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1], criteria(parts[2])));
		}
		return grants;
	}

	private static Set<String> criteria(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
	}

	/** Only the administrator created at first start exists, still with the one-time password printed in the log. */
	boolean firstStartPending() {
		return jdbc.sql("select count(*) = 1 and bool_and(must_change_password) from app_user").query(Boolean.class)
			.optional().orElse(false);
	}

	/** What user search matches: the username and the name without diacritics, lower-cased. */
	static String searchKey(String username, String displayName) {
		return vn.ntmtracker.units.SearchKey.of(username + " " + displayName);
	}

	/** Fills the search key of users written before it existed. */
	void fillSearchKeys() {
		jdbc.sql("select username, display_name from app_user where search_key is null")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list()
			.forEach(row -> jdbc.sql("update app_user set search_key = :key where username = :u")
				.param("key", searchKey(row[0], row[1])).param("u", row[0]).update());
	}

	public long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	/**
	 * Creates a user with its grants. Callers check a chosen password against {@link PasswordPolicy}; the demo
	 * password and generated one-time passwords are set as they are.
	 */
	@Transactional
	public long create(String username, String displayName, String rawPassword, boolean mustChangePassword,
			List<Grant> grants) {
		long id = jdbc.sql("""
				insert into app_user (username, display_name, search_key, password_hash, must_change_password)
				values (:username, :name, :key, :hash, :must) returning id""")
			.param("username", username).param("name", displayName).param("key", searchKey(username, displayName))
			.param("hash", passwords.encode(rawPassword))
			.param("must", mustChangePassword).query(Long.class).single();
		for (Grant grant : grants) {
			jdbc.sql("insert into role_grant (user_id, role, unit_code, criteria) values (:id, :role, :unit, :criteria)")
				.param("id", id).param("role", grant.role().name()).param("unit", grant.unitCode())
				.param("criteria", grant.criteria().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(grant.criteria())))
				.update();
		}
		events.publishEvent(AuditEvent.of(Action.CREATE, "user", username, null, null, Map.of("username", username,
				"displayName", displayName, "grants", grants.stream().map(g -> Map.of("role", g.role().name(), "unit",
						String.valueOf(g.unitCode()), "criteria", List.copyOf(new java.util.TreeSet<>(g.criteria())))).toList())));
		return id;
	}

	/**
	 * Sets a new password (checked by the caller against {@link PasswordPolicy}); ends the user's other sessions and
	 * revokes their API tokens. Returns the new session epoch, for the session that made the change to keep.
	 */
	@Transactional
	public int changePassword(String username, String newPassword) {
		int epoch = jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = false, version = version + 1,
				       session_epoch = session_epoch + 1
				where username = :username returning session_epoch""")
			.param("hash", passwords.encode(newPassword)).param("username", username).query(Integer.class).single();
		revokeTokens(username);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "user", username, null, null, Map.of("password", "changed")));
		return epoch;
	}

	/** Every API token of the user stops working now. */
	void revokeTokens(String username) {
		jdbc.sql("""
				update api_token set revoked_at = :now
				where revoked_at is null and user_id = (select id from app_user where username = :username)""")
			.param("now", java.time.OffsetDateTime.now(clock)).param("username", username).update();
	}

	public boolean passwordMatches(String username, String rawPassword) {
		return jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
			.query(String.class).optional().map(hash -> passwords.matches(rawPassword, hash)).orElse(false);
	}

	/** The epoch sessions of this user must carry; empty when the user no longer exists. */
	Optional<Integer> sessionEpoch(long userId) {
		return jdbc.sql("select session_epoch from app_user where id = :id").param("id", userId).query(Integer.class).optional();
	}
}
