package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.units.SearchKey;

/**
 * Loads and saves the directive aggregate. A save names the version it read: when someone else saved in
 * between, nothing is written and an optimistic locking failure is thrown.
 */
@Component
class DirectiveStore {

	private final JdbcClient jdbc;

	DirectiveStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Directive load(long id) {
		Directive directive = jdbc.sql("""
				select d.*, (select min(e.on_date) from directive_event e where e.directive_id = d.id
				             and e.kind in ('PROGRESS', 'COMPLETED')) as first_progress
				from directive d where d.id = :id""")
			.param("id", id)
			.query((rs, i) -> new Directive(rs.getLong("id"), rs.getLong("document_id"),
					Directive.Kind.valueOf(rs.getString("kind")),
					new Directive.Wording(rs.getString("ref"), rs.getString("text"), rs.getString("request_text"),
							rs.getString("raised_by_unit"), rs.getString("person")),
					leads(id, rs.getLong("lead_id")), cooperating(id), targets(id), rs.getString("set_code"),
					rs.getString("criterion_number"), rs.getObject("assigned_on", LocalDate.class),
					rs.getBoolean("evidence_required"), deadlines(List.of(id)).getOrDefault(id, List.of()),
					rs.getInt("version"), rs.getObject("first_progress", LocalDate.class),
					Directive.Status.valueOf(rs.getString("status")), rs.getObject("completed_on", LocalDate.class),
					rs.getString("evidence"), rs.getObject("accepted_on", LocalDate.class), rs.getString("return_reason")))
			.optional().orElseThrow(() -> new DirectiveNotFoundException(id));
		return directive;
	}

	long insert(Directive directive, String username) {
		Directive.Wording w = directive.wording();
		long id = jdbc.sql("""
				insert into directive (document_id, kind, ref, text, request_text, raised_by_unit, lead_id, person,
				                       set_code, criterion_number, assigned_on, evidence_required, search_key, created_by)
				values (:doc, :kind, :ref, :text, :request, :raisedBy, :lead, :person, :set, :number, :assigned,
				        :evidence, :key, :user) returning id""")
			.param("doc", directive.documentId()).param("kind", directive.kind().name()).param("ref", w.ref())
			.param("text", w.text()).param("request", w.requestText()).param("raisedBy", w.raisedByUnit())
			.param("lead", directive.leadId()).param("person", w.person()).param("set", directive.setCode())
			.param("number", directive.criterionNumber()).param("assigned", directive.assignedOn())
			.param("evidence", directive.evidenceRequired())
			.param("key", SearchKey.of(String.join(" ", nonNull(w.ref()), w.text(), nonNull(w.requestText()), nonNull(w.person()))))
			.param("user", username).query(Long.class).single();
		int position = 0;
		for (long organisation : directive.leadIds()) {
			jdbc.sql("insert into directive_lead_body (directive_id, organisation_id, position) values (:id, :org, :position)")
				.param("id", id).param("org", organisation).param("position", position++).update();
		}
		for (long organisation : directive.cooperatingIds()) {
			jdbc.sql("insert into directive_cooperating (directive_id, organisation_id) values (:id, :org)")
				.param("id", id).param("org", organisation).update();
		}
		for (String unit : directive.targetUnits()) {
			jdbc.sql("insert into directive_unit (directive_id, unit_code) values (:id, :unit)").param("id", id)
				.param("unit", unit).update();
		}
		insertDeadlines(id, directive.deadlines(), 0, username);
		return id;
	}

	/** Saves the state and new deadlines, appends the event and returns its id. */
	long save(Directive directive, Directive.Event event, String username) {
		int updated = jdbc.sql("""
				update directive set status = :status, completed_on = :completed, evidence = :evidence,
				       accepted_on = :accepted, return_reason = :returned, version = version + 1
				where id = :id and version = :version""")
			.param("status", directive.status().name()).param("completed", directive.completedOn())
			.param("evidence", directive.evidence()).param("accepted", directive.acceptedOn())
			.param("returned", directive.returnReason()).param("id", directive.id())
			.param("version", directive.version()).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("directive " + directive.id() + " version " + directive.version());
		}
		int stored = jdbc.sql("select count(*) from directive_deadline where directive_id = :id")
			.param("id", directive.id()).query(Integer.class).single();
		insertDeadlines(directive.id(), directive.deadlines(), stored, username);
		return jdbc.sql("""
				insert into directive_event (directive_id, kind, on_date, note, percent, by_user)
				values (:id, :kind, :on, :note, :percent, :user) returning id""")
			.param("id", directive.id()).param("kind", event.kind().name()).param("on", event.on())
			.param("note", event.note()).param("percent", event.percent()).param("user", username)
			.query(Long.class).single();
	}

	private void insertDeadlines(long id, List<DeadlineChange> deadlines, int from, String username) {
		for (int seq = from; seq < deadlines.size(); seq++) {
			DeadlineChange change = deadlines.get(seq);
			Deadline deadline = change.deadline();
			jdbc.sql("""
					insert into directive_deadline (directive_id, seq, kind, wording, due_date, recurrence, effective_from,
					                                reason, changed_by)
					values (:id, :seq, :kind, :wording, :due, :recurrence, :from, :reason, :user)""")
				.param("id", id).param("seq", seq).param("kind", deadline.kind().name()).param("wording", deadline.wording())
				.param("due", deadline.due())
				.param("recurrence", deadline.recurrence() == null ? null : deadline.recurrence().name())
				.param("from", change.effectiveFrom()).param("reason", change.reason()).param("user", username).update();
		}
	}

	/** Deadline histories of many directives at once, each ordered as it grew. */
	Map<Long, List<DeadlineChange>> deadlines(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		record Row(long directiveId, DeadlineChange change) {
		}
		return jdbc.sql("""
				select directive_id, kind, wording, due_date, recurrence, effective_from, reason
				from directive_deadline where directive_id in (:ids) order by directive_id, seq""")
			.param("ids", ids)
			.query((rs, i) -> new Row(rs.getLong(1), new DeadlineChange(new Deadline(Deadline.Kind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5) == null ? null : Deadline.Recurrence.valueOf(rs.getString(5))),
					rs.getObject(6, LocalDate.class), rs.getString(7))))
			.list().stream()
			.collect(java.util.stream.Collectors.groupingBy(Row::directiveId, java.util.LinkedHashMap::new,
					java.util.stream.Collectors.mapping(Row::change, java.util.stream.Collectors.toList())));
	}

	/** The lead bodies in the order the document names them (the lead column alone for a row written before them). */
	private List<Long> leads(long id, long lead) {
		List<Long> leads = jdbc.sql("select organisation_id from directive_lead_body where directive_id = :id order by position")
			.param("id", id).query(Long.class).list();
		return leads.isEmpty() ? List.of(lead) : leads;
	}

	private Set<Long> cooperating(long id) {
		return new HashSet<>(jdbc.sql("select organisation_id from directive_cooperating where directive_id = :id")
			.param("id", id).query(Long.class).list());
	}

	private Set<String> targets(long id) {
		return new HashSet<>(jdbc.sql("select unit_code from directive_unit where directive_id = :id")
			.param("id", id).query(String.class).list());
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}
}
