package vn.ntmtracker.security;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.AuditEvent;

/**
 * Writes audit events in the transaction of the change they describe (a synchronous listener), and reads
 * them back for administrators.
 */
@Component
public class AuditLog {

	static final ZoneId VIETNAM = vn.ntmtracker.TimeConfiguration.VIETNAM;

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final JsonMapper json;
	private final AccessPolicy access;

	AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json, AccessPolicy access) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.access = access;
	}

	@EventListener
	void record(AuditEvent event) {
		String username = access.currentUsername();
		SqlParameterSource[] rows = event.entries().stream()
			.map(entry -> new MapSqlParameterSource().addValue("user", username)
				.addValue("action", entry.action().name()).addValue("type", entry.entityType())
				.addValue("id", entry.entityId()).addValue("unit", entry.unitCode())
				.addValue("before", entry.before() == null ? null : json.writeValueAsString(entry.before()))
				.addValue("after", entry.after() == null ? null : json.writeValueAsString(entry.after())))
			.toArray(SqlParameterSource[]::new);
		batch.batchUpdate("""
				insert into audit_log (username, action, entity_type, entity_id, unit_code, before, after)
				values (:user, :action, :type, :id, :unit, cast(:before as jsonb), cast(:after as jsonb))""", rows);
	}

	public record Entry(long id, OffsetDateTime at, String username, String action, String entityType,
			String entityId, String unitCode, String before, String after) {
	}

	public record Filter(String username, String unitCode, String entityType, String entityId, LocalDate from,
			LocalDate to) {
	}

	public record Page(List<Entry> content, int page, int size, long totalElements) {

		public int totalPages() {
			return (int) ((totalElements + size - 1) / size);
		}
	}

	public Page search(Filter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (filter.username() != null && !filter.username().isBlank()) {
			where.append(" and username = :user");
			params.addValue("user", filter.username().trim());
		}
		if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
			where.append(" and unit_code = :unit");
			params.addValue("unit", filter.unitCode().trim());
		}
		if (filter.entityType() != null && !filter.entityType().isBlank()) {
			where.append(" and entity_type = :type");
			params.addValue("type", filter.entityType().trim());
		}
		if (filter.entityId() != null && !filter.entityId().isBlank()) {
			where.append(" and entity_id = :id");
			params.addValue("id", filter.entityId().trim());
		}
		if (filter.from() != null) {
			where.append(" and at >= :from");
			params.addValue("from", filter.from().atStartOfDay(VIETNAM).toOffsetDateTime());
		}
		if (filter.to() != null) {
			where.append(" and at < :to");
			params.addValue("to", filter.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
		}
		long total = batch.queryForObject("select count(*) from audit_log" + where, params, Long.class);
		params.addValue("limit", size).addValue("offset", (long) page * size);
		List<Entry> content = batch.query("select * from audit_log" + where + " order by at desc, id desc limit :limit offset :offset",
				params, (rs, i) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
						rs.getString("username"), rs.getString("action"), rs.getString("entity_type"),
						rs.getString("entity_id"), rs.getString("unit_code"), rs.getString("before"),
						rs.getString("after")));
		return new Page(content, page, size, total);
	}

	/**
	 * The latest changes others made to the given units (a commune and its villages), for "what changed while I was
	 * away" on a home page; the caller decides the units are the reader's.
	 */
	public List<Entry> recentByOthers(java.util.Collection<String> unitCodes, String me, int limit) {
		if (unitCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from audit_log where unit_code = any(:units) and username <> :me and action <> 'READ'
				order by at desc, id desc limit :limit""")
			.param("units", unitCodes.toArray(String[]::new)).param("me", me == null ? "" : me).param("limit", limit)
			.query((rs, i) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
					rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("unit_code"),
					rs.getString("before"), rs.getString("after")))
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
	}
}
