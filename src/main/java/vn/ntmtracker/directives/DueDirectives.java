package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open directives and requests whose deadline in force on a day falls on or before a later day: what is overdue and
 * what comes due soon, for notifications. Recurring work and work without a dated deadline are never listed (as in
 * {@link BucketPolicy}); completed work waiting for acceptance is no longer due.
 */
@Component
public class DueDirectives {

	private final JdbcClient jdbc;

	DueDirectives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Due(long directiveId, Directive.Kind kind, String text, long leadId, Set<Long> cooperatingIds, LocalDate due) {
	}

	/** Open on {@code day}, assigned by then, with a dated deadline in force on {@code day} that is no later than {@code until}. */
	public List<Due> openDueBy(LocalDate day, LocalDate until) {
		return jdbc.sql("""
				select d.id, d.kind, d.text, d.lead_id, dl.due_date,
				       (select string_agg(c.organisation_id::text, ',') from directive_cooperating c where c.directive_id = d.id) as cooperating
				from directive d
				join lateral (select x.due_date from directive_deadline x where x.directive_id = d.id and x.effective_from <= :day
				              order by x.seq desc limit 1) dl on true
				where d.status = 'OPEN' and d.assigned_on <= :day and dl.due_date is not null and dl.due_date <= :until
				order by dl.due_date, d.id""")
			.param("day", day).param("until", until)
			.query((rs, i) -> new Due(rs.getLong(1), Directive.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
					rs.getString(6) == null ? Set.of() : Arrays.stream(rs.getString(6).split(",")).map(Long::valueOf).collect(Collectors.toSet()),
					rs.getObject(5, LocalDate.class)))
			.list();
	}
}
