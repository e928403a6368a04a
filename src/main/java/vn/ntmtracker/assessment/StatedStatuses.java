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
			String setCode, String source, String sourceLink, String createdBy, OffsetDateTime createdAt) {

		public String score() {
			return achieved + "/" + total;
		}
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
		authorization.require(vn.ntmtracker.security.Permission.RECORD_STATED_STATUS, Authorization.Target.unit(unitCode, statedOn));
		if (total <= 0 || achieved < 0 || achieved > total) {
			throw new AssessmentException("Số tiêu chí đạt " + achieved + "/" + total + " không hợp lệ");
		}
		if (statedOn == null || source == null || source.isBlank()) {
			throw new AssessmentException("Cần ngày và văn bản nguồn của số tiêu chí đạt");
		}
		long id = jdbc.sql("""
				insert into assessment_stated_status (unit_code, stated_on, level, achieved, total, set_code, source,
				                                      source_link, created_by)
				values (:unit, :on, :level, :achieved, :total, :set, :source, :link, :user) returning id""")
			.param("unit", unitCode).param("on", statedOn).param("level", level.name()).param("achieved", achieved)
			.param("total", total).param("set", setCode).param("source", source.strip()).param("link", sourceLink)
			.param("user", access.currentUsername()).query(Long.class).single();
		events.publishEvent(AuditEvent.of(Action.CREATE, "assessment_stated_status", Long.toString(id), unitCode, null,
				Map.of("statedOn", statedOn.toString(), "level", level.name(), "score", achieved + "/" + total,
						"source", source.strip())));
		return id;
	}

	/** The unit's stated statuses, newest first. */
	public List<StatedStatus> of(String unitCode) {
		access.requireRead(unitCode);
		return jdbc.sql("""
				select id, unit_code, stated_on, level, achieved, total, set_code, source, source_link, created_by, created_at
				from assessment_stated_status where unit_code = :unit order by stated_on desc, id desc""")
			.param("unit", unitCode)
			.query((rs, n) -> new StatedStatus(rs.getLong("id"), rs.getString("unit_code"),
					rs.getObject("stated_on", LocalDate.class), Level.valueOf(rs.getString("level")), rs.getInt("achieved"),
					rs.getInt("total"), rs.getString("set_code"), rs.getString("source"), rs.getString("source_link"),
					rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}
}
