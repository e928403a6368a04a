package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;

/**
 * Criteria statuses stated in documents ("xã đạt 3/20 tiêu chí" in a conclusion notice), noted in the unit's
 * assessment history. A note records what a document says; it never changes a round's figures.
 */
@Service
public class StatedStatuses {

	/** The level a stated status refers to, as documents name it. */
	public enum Level {
		NTM, NTM_NANG_CAO, NTM_KIEU_MAU, KDC_NTM_KIEU_MAU, THON_NTM;

		public String messageKey() {
			return "assessment.level." + name();
		}
	}

	/** "3/20 tiêu chí NTM nâng cao, theo Thông báo 06/TB-BCĐ ngày 12/3/2024". */
	public record StatedStatus(long id, String unitCode, LocalDate statedOn, Level level, int achieved, int total,
			String setCode, String source, String sourceLink, String createdBy, OffsetDateTime createdAt, List<Unmet> unmet) {

		public String score() {
			return achieved + "/" + total;
		}

		/** "1 (Quy hoạch), 2 (Giao thông), …" as the document names them. */
		public String unmetText() {
			return unmet.stream().map(u -> u.name() == null ? Integer.toString(u.number()) : u.number() + " (" + u.name() + ")")
				.collect(java.util.stream.Collectors.joining(", "));
		}
	}

	/** A criterion the document says is not met: its number in the status's set and its name as written. */
	public record Unmet(int number, String name) {
	}

	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;

	StatedStatuses(JdbcClient jdbc, AccessPolicy access, Authorization authorization, ApplicationEventPublisher events) {
		this.authorization = authorization;
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
	}

	/**
	 * Notes a status stated in a document. The writer must be able to write the unit's assessments; a status
	 * outside 0 ≤ achieved ≤ total is refused.
	 */
	@Transactional
	public long note(String unitCode, LocalDate statedOn, Level level, int achieved, int total, String setCode,
			String source, String sourceLink) {
		return note(unitCode, statedOn, level, achieved, total, setCode, source, sourceLink, List.of());
	}

	/**
	 * Notes a stated status with the criteria the document says are not met: each numbered within the total and named
	 * at most once. Their count is kept as written even when it does not add up with the score (documents count
	 * sub-criteria or older lists).
	 */
	@Transactional
	public long note(String unitCode, LocalDate statedOn, Level level, int achieved, int total, String setCode,
			String source, String sourceLink, List<Unmet> unmet) {
		authorization.require(vn.ntmtracker.security.Permission.RECORD_STATED_STATUS, Authorization.Target.unit(unitCode, statedOn));
		if (total <= 0 || achieved < 0 || achieved > total) {
			throw new AssessmentException("Số tiêu chí đạt " + achieved + "/" + total + " không hợp lệ");
		}
		if (statedOn == null || source == null || source.isBlank()) {
			throw new AssessmentException("Cần ngày và văn bản nguồn của số tiêu chí đạt");
		}
		java.util.Set<Integer> numbers = new java.util.HashSet<>();
		for (Unmet u : unmet) {
			if (u.number() < 1 || u.number() > total) {
				throw new AssessmentException("Tiêu chí chưa đạt số " + u.number() + " không có trong " + total + " tiêu chí");
			}
			if (!numbers.add(u.number())) {
				throw new AssessmentException("Tiêu chí chưa đạt số " + u.number() + " được ghi hai lần");
			}
			if (u.name() != null && u.name().length() > 200) {
				throw new AssessmentException("Tên tiêu chí chưa đạt số " + u.number() + " dài quá 200 ký tự");
			}
		}

		long id = jdbc.sql("""
				insert into assessment_stated_status (unit_code, stated_on, level, achieved, total, set_code, source,
				                                      source_link, created_by)
				values (:unit, :on, :level, :achieved, :total, :set, :source, :link, :user) returning id""")
			.param("unit", unitCode).param("on", statedOn).param("level", level.name()).param("achieved", achieved)
			.param("total", total).param("set", setCode).param("source", source.strip()).param("link", sourceLink)
			.param("user", access.currentUsername()).query(Long.class).single();
		for (Unmet u : unmet) {
			jdbc.sql("insert into assessment_stated_unmet (stated_status_id, criterion_number, name) values (:id, :number, :name)")
				.param("id", id).param("number", u.number()).param("name", u.name() == null || u.name().isBlank() ? null : u.name().strip())
				.update();
		}
		events.publishEvent(AuditEvent.of(Action.CREATE, "assessment_stated_status", Long.toString(id), unitCode, null,
				Map.of("statedOn", statedOn.toString(), "level", level.name(), "score", achieved + "/" + total,
						"source", source.strip(), "unmet", unmet.stream().map(Unmet::number).toList())));
		return id;
	}

	/** The unit's stated statuses, newest first. */
	public List<StatedStatus> of(String unitCode) {
		access.requireRead(unitCode);
		Map<Long, List<Unmet>> unmet = new java.util.HashMap<>();
		jdbc.sql("""
				select u.stated_status_id, u.criterion_number, u.name from assessment_stated_unmet u
				join assessment_stated_status s on s.id = u.stated_status_id where s.unit_code = :unit
				order by u.stated_status_id, u.criterion_number""")
			.param("unit", unitCode)
			.query(rs -> {
				unmet.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new Unmet(rs.getInt(2), rs.getString(3)));
			});
		return jdbc.sql("""
				select id, unit_code, stated_on, level, achieved, total, set_code, source, source_link, created_by, created_at
				from assessment_stated_status where unit_code = :unit order by stated_on desc, id desc""")
			.param("unit", unitCode)
			.query((rs, n) -> new StatedStatus(rs.getLong("id"), rs.getString("unit_code"),
					rs.getObject("stated_on", LocalDate.class), Level.valueOf(rs.getString("level")), rs.getInt("achieved"),
					rs.getInt("total"), rs.getString("set_code"), rs.getString("source"), rs.getString("source_link"),
					rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
					List.copyOf(unmet.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
	}
}
