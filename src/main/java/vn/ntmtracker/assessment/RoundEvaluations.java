package vn.ntmtracker.assessment;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.ntmtracker.StartupTask;
import vn.ntmtracker.units.UnitReclassified;

/**
 * Keeps every round's own totals fresh when an input changes outside the round: a unit's classification (its region,
 * commune group, ĐBKK status decide thresholds) re-evaluates the unit's open rounds at once; and, before the first
 * request, rounds written before the criterion letters were stored get them.
 */
@Component
@Order(35)
class RoundEvaluations implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(RoundEvaluations.class);

	private final Assessments assessments;
	private final JdbcClient jdbc;

	RoundEvaluations(Assessments assessments, JdbcClient jdbc) {
		this.assessments = assessments;
		this.jdbc = jdbc;
	}

	/** Runs inside the reclassifying transaction: the new classification and the rounds it changes commit together. */
	@EventListener
	void on(UnitReclassified event) {
		int count = assessments.reevaluateOpenRounds(event.unitCode(), event.from());
		if (count > 0) {
			log.info("{} open round(s) of {} re-evaluated after its classification changed from {}", count, event.unitCode(), event.from());
		}
	}

	@Override
	public void run() {
		List<Long> stale = jdbc.sql("select id from assessment_round where statuses is null").query(Long.class).list();
		stale.forEach(assessments::refresh);
		if (!stale.isEmpty()) {
			log.info("{} round(s) re-evaluated to store their criterion results", stale.size());
		}
	}
}
