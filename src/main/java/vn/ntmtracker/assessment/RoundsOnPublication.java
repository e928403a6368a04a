package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.CriteriaSetPublished;
import vn.ntmtracker.criteria.PublicationImpact;
import vn.ntmtracker.units.Units;

/**
 * A corrected version of a criteria set judges the rounds still in progress on its dates: the confirmation page names
 * them before publishing, and publishing moves them in the same transaction (QĐ 17.5 of the criteria issue: signed-off
 * rounds never change and keep showing the version they were signed off on).
 */
@Component
class RoundsOnPublication implements PublicationImpact {

	private static final Logger log = LoggerFactory.getLogger(RoundsOnPublication.class);

	/** The confirmation page names this many rounds, then counts the rest. */
	static final int NAMED = 100;

	private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy");

	private final Assessments assessments;
	private final JdbcClient jdbc;
	private final Units units;

	RoundsOnPublication(Assessments assessments, JdbcClient jdbc, Units units) {
		this.assessments = assessments;
		this.jdbc = jdbc;
		this.units = units;
	}

	@Override
	public List<String> of(CriteriaSetDefinition draft) {
		record Open(long id, String unitCode, LocalDate asOf, int setVersion, RoundStatus status) {
		}
		List<Open> open = jdbc.sql("""
				select id, unit_code, as_of, set_version, status from assessment_round
				where set_code = :code and set_version < :version and status in ('DRAFT', 'RETURNED')
				  and as_of >= :from and (cast(:to as date) is null or as_of <= :to)
				order by as_of, id""")
			.param("code", draft.code()).param("version", draft.version()).param("from", draft.validFrom())
			.param("to", draft.validTo())
			.query((rs, n) -> new Open(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
					RoundStatus.valueOf(rs.getString(5))))
			.list();
		List<String> lines = new ArrayList<>();
		for (Open round : open.subList(0, Math.min(NAMED, open.size()))) {
			String unit = units.find(round.unitCode(), round.asOf()).map(u -> u.displayName()).orElse(round.unitCode());
			lines.add("Kỳ #" + round.id() + " — " + unit + ", ngày " + round.asOf().format(DATE) + " (" + round.status().label()
					+ "): phiên bản " + round.setVersion() + " → " + draft.version());
		}
		if (open.size() > NAMED) {
			lines.add("và " + (open.size() - NAMED) + " kỳ khác");
		}
		return lines;
	}

	/** Inside the publishing transaction: the version and the rounds it now judges commit together. */
	@EventListener
	void on(CriteriaSetPublished event) {
		int moved = assessments.moveOpenRoundsTo(event.code(), event.version());
		if (moved > 0) {
			log.info("{} open round(s) moved to {} v{} on its publication", moved, event.code(), event.version());
		}
	}
}
