package vn.ntmtracker.web.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications table: one row per recipient, read per user. A row is written at most once per recipient and
 * dedupe key (a repeated daily scan adds nothing). Reading and marking touch only the current user's rows: another
 * user's notification answers as if it did not exist.
 */
@Component
public class Notifications {

	/** What a notification says; its text is {@code notification.<KIND>} with the stored arguments. */
	public enum Kind {
		ROUND_WAITING_VERIFICATION, ROUND_WAITING_APPRAISAL, ROUND_RETURNED, DIRECTIVE_ASSIGNED, REQUEST_ASSIGNED,
		DEADLINE_SOON, OVERDUE, REQUEST_ANSWERED, EXTENSION_GRANTED, OCOP_EXPIRING;

		public String messageKey() {
			return "notification." + name();
		}
	}

	public record Notice(long id, Kind kind, List<String> args, String link, OffsetDateTime createdAt, OffsetDateTime readAt) {

		public boolean unread() {
			return readAt == null;
		}
	}

	public record Page(List<Notice> content, int page, int size, long totalElements, long unread) {

		public int totalPages() {
			return (int) ((totalElements + size - 1) / size);
		}
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	Notifications(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Adds the notification for each recipient (each once); returns how many rows were new. */
	int notify(Collection<String> usernames, Kind kind, List<String> args, String link, String dedupeKey) {
		int added = 0;
		String packed = json.writeValueAsString(args);
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (String username : new TreeSet<>(usernames)) {
			added += jdbc.sql("""
					insert into notification (username, kind, args, link, dedupe_key, created_at)
					select :u, :kind, cast(:args as jsonb), :link, :key, :now where exists (select 1 from security_v_user where username = :u and enabled)
					on conflict (username, dedupe_key) do nothing""")
				.param("u", username).param("kind", kind.name()).param("args", packed).param("link", link)
				.param("key", dedupeKey).param("now", now).update();
		}
		return added;
	}

	long unread(String username) {
		return jdbc.sql("select count(*) from notification where username = :u and read_at is null").param("u", username)
			.query(Long.class).single();
	}

	Page page(String username, int page, int size) {
		long total = jdbc.sql("select count(*) from notification where username = :u").param("u", username).query(Long.class).single();
		List<Notice> content = jdbc.sql("""
				select id, kind, args::text, link, created_at, read_at from notification where username = :u
				order by created_at desc, id desc limit :limit offset :offset""")
			.param("u", username).param("limit", size).param("offset", (long) page * size)
			.query((rs, i) -> new Notice(rs.getLong(1), Kind.valueOf(rs.getString(2)), args(rs.getString(3)), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
			.list();
		return new Page(content, page, size, total, unread(username));
	}

	/** Marks one of the user's notifications read and returns its link; empty when the user has no such notification. */
	Optional<String> markRead(String username, long id) {
		return jdbc.sql("""
				update notification set read_at = coalesce(read_at, :now) where id = :id and username = :u returning coalesce(link, '')""")
			.param("now", OffsetDateTime.now(clock)).param("id", id).param("u", username).query(String.class).optional();
	}

	int markAllRead(String username) {
		return jdbc.sql("update notification set read_at = :now where username = :u and read_at is null")
			.param("now", OffsetDateTime.now(clock)).param("u", username).update();
	}

	private List<String> args(String packed) {
		return List.of(json.readValue(packed, String[].class));
	}
}
