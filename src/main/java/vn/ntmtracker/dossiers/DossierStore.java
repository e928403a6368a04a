package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.Tier;

/**
 * Stores dossiers with their steps: loaded in two queries, saved with the version the user saw (a concurrent change
 * is refused with {@link OptimisticLockingFailureException}, answered 409).
 */
@Component
class DossierStore {

	private final JdbcClient jdbc;
	private final Procedures procedures;

	DossierStore(JdbcClient jdbc, Procedures procedures) {
		this.jdbc = jdbc;
		this.procedures = procedures;
	}

	long insert(Dossier d) {
		long id = jdbc.sql("""
				insert into dossier (unit_code, purpose, tier, target_year, procedure_code, procedure_version, set_code, set_version,
				                     source_round_id, recognition_id, state, opened_on, opened_by)
				values (:unit, :purpose, :tier, :year, :pcode, :pversion, :set, :setVersion, :round, :recognition, :state, :on, :by)
				returning id""")
			.param("unit", d.unitCode()).param("purpose", d.purpose().name()).param("tier", d.tier().name())
			.param("year", d.targetYear()).param("pcode", d.procedure().code()).param("pversion", d.procedure().version())
			.param("set", d.setCode()).param("setVersion", d.setVersion()).param("round", d.sourceRoundId())
			.param("recognition", d.recognitionId()).param("state", d.state().name()).param("on", d.openedOn())
			.param("by", d.openedBy()).query(Long.class).single();
		for (Dossier.Step step : d.steps()) {
			jdbc.sql("""
					insert into dossier_step (dossier_id, position, code, status, started_on, due_on)
					values (:id, :position, :code, :status, :started, :due)""")
				.param("id", id).param("position", step.position()).param("code", step.code()).param("status", step.status().name())
				.param("started", step.startedOn()).param("due", step.dueOn()).update();
		}
		return id;
	}

	Dossier load(long id) {
		List<Dossier.Step> steps = jdbc.sql("select * from dossier_step where dossier_id = :id order by position").param("id", id)
			.query((rs, i) -> new Dossier.Step(rs.getInt("position"), rs.getString("code"), Dossier.StepStatus.valueOf(rs.getString("status")),
					rs.getObject("started_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
					rs.getObject("completed_on", LocalDate.class), rs.getString("completed_by"), rs.getString("note")))
			.list();
		return jdbc.sql("select * from dossier where id = :id").param("id", id)
			.query((rs, i) -> new Dossier(rs.getLong("id"), rs.getString("unit_code"), Purpose.valueOf(rs.getString("purpose")),
					Tier.valueOf(rs.getString("tier")), rs.getInt("target_year"),
					procedures.get(rs.getString("procedure_code"), rs.getInt("procedure_version")), rs.getString("set_code"),
					rs.getInt("set_version"), rs.getLong("source_round_id"), (Long) rs.getObject("appraisal_round_id"),
					(Long) rs.getObject("recognition_id"), Dossier.State.valueOf(rs.getString("state")),
					rs.getObject("opened_on", LocalDate.class), rs.getString("opened_by"), rs.getObject("closed_on", LocalDate.class),
					rs.getString("close_reason"), rs.getInt("version"), steps))
			.optional().orElseThrow(() -> new DossierNotFoundException("hồ sơ", id));
	}

	/** Saves the dossier and its steps if nobody changed it since it was loaded; its version goes up by one. */
	void save(Dossier d) {
		int updated = jdbc.sql("""
				update dossier set state = :state, appraisal_round_id = :round, recognition_id = :recognition, closed_on = :closed,
				       close_reason = :reason, updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.param("state", d.state().name()).param("round", d.appraisalRoundId()).param("recognition", d.recognitionId())
			.param("closed", d.closedOn())
			.param("reason", d.closeReason()).param("id", d.id()).param("version", d.version()).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("dossier " + d.id() + " changed since version " + d.version());
		}
		for (Dossier.Step step : d.steps()) {
			jdbc.sql("""
					update dossier_step set status = :status, started_on = :started, due_on = :due, completed_on = :completed,
					       completed_by = :by, note = :note
					where dossier_id = :id and position = :position""")
				.param("status", step.status().name()).param("started", step.startedOn()).param("due", step.dueOn())
				.param("completed", step.completedOn()).param("by", step.completedBy()).param("note", step.note())
				.param("id", d.id()).param("position", step.position()).update();
		}
	}

	/** Bumps the version of a dossier whose records (posting, ballots, documents) changed, so that a stale page is refused. */
	void touch(long id, int expectedVersion) {
		int updated = jdbc.sql("update dossier set updated_at = now(), version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("dossier " + id + " changed since version " + expectedVersion);
		}
	}
}
