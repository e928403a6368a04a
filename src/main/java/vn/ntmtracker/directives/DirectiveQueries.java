package vn.ntmtracker.directives;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Units;

/**
 * Read side: directives within the user's reach with their bucket as of a day, and the roll-ups built from
 * them (bucket counts, summaries per assignee, issuer, unit and period, calendar). Buckets are always
 * computed by {@link BucketPolicy} in Java, so every view counts the same way.
 */
@Component
class DirectiveQueries {

	private static final String SELECT = """
			select d.id, d.document_id, doc.number as document_number, iss.name as issuer_name, d.kind, d.ref, d.text,
			       d.request_text, d.raised_by_unit, d.lead_id,
			       (select string_agg(lo.name, chr(31) order by l.position) from directive_lead_body l
			        join organisation lo on lo.id = l.organisation_id where l.directive_id = d.id) as lead_name,
			       (select string_agg(cast(l.organisation_id as text), ',' order by l.position) from directive_lead_body l
			        where l.directive_id = d.id) as lead_ids,
			       d.person, d.set_code,
			       d.criterion_number, d.assigned_on, d.status, d.completed_on, d.accepted_on, d.return_reason, d.version,
			       (select string_agg(o.name, '; ' order by o.name) from directive_cooperating c
			        join organisation o on o.id = c.organisation_id where c.directive_id = d.id) as cooperating,
			       (select string_agg(du.unit_code, ',' order by du.unit_code) from directive_unit du
			        where du.directive_id = d.id) as units,
			       (select min(e.on_date) from directive_event e where e.directive_id = d.id
			        and e.kind in ('PROGRESS', 'COMPLETED')) as first_progress
			from directive d join document doc on doc.id = d.document_id
			join organisation iss on iss.id = doc.issuer_id
			""";

	private final JdbcClient jdbc;
	private final DirectiveStore store;
	private final Units units;

	DirectiveQueries(JdbcClient jdbc, DirectiveStore store, Units units) {
		this.jdbc = jdbc;
		this.store = store;
		this.units = units;
	}

	/** Every matching directive in reach, overdue first, then open ones by deadline, completed last. */
	List<DirectiveRow> find(DirectiveFilter filter, Reach reach, java.util.Set<Long> myOrganisations) {
		Reach.Sql reachSql = reach.toSql();
		StringBuilder where = new StringBuilder(" where ").append(reachSql.condition());
		Map<String, Object> params = new LinkedHashMap<>(reachSql.params());
		String key = SearchKey.of(filter.query());
		if (!key.isEmpty()) {
			where.append(" and (d.search_key like :pattern or exists (select 1 from organisation so join directive_lead_body sl on sl.organisation_id = so.id where sl.directive_id = d.id and so.search_key like :pattern))");
			params.put("pattern", "%" + key.replace("%", "").replace("_", "") + "%");
		}
		if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
			// the unit's subtree then and now: a merged commune's predecessors, an abolished district's former communes
			List<String> subtree = new ArrayList<>(units.subtreeWithHistory(filter.unitCode(), filter.asOf()));
			if (subtree.isEmpty()) {
				subtree.add(filter.unitCode());
			}
			where.append(" and exists (select 1 from directive_unit fu where fu.directive_id = d.id and fu.unit_code = any(:subtree))");
			params.put("subtree", subtree.toArray(String[]::new));
		}
		if (filter.organisationId() != null) {
			where.append(" and (exists (select 1 from directive_lead_body fl where fl.directive_id = d.id and fl.organisation_id = :org) or exists (select 1 from directive_cooperating fc where fc.directive_id = d.id and fc.organisation_id = :org))");
			params.put("org", filter.organisationId());
		}
		if (filter.mine()) {
			where.append(" and (exists (select 1 from directive_lead_body ml where ml.directive_id = d.id and ml.organisation_id in (:mine)) or exists (select 1 from directive_cooperating mc where mc.directive_id = d.id and mc.organisation_id in (:mine)))");
			params.put("mine", myOrganisations.isEmpty() ? List.of(-1L) : List.copyOf(myOrganisations));
		}
		if (filter.criterionNumber() != null && !filter.criterionNumber().isBlank()) {
			where.append(" and d.criterion_number = :criterion");
			params.put("criterion", filter.criterionNumber().strip());
		}
		if (filter.documentId() != null) {
			where.append(" and d.document_id = :document");
			params.put("document", filter.documentId());
		}
		else {
			// A corrected document's directives stay on its page but leave work lists and counts: its correction's count.
			where.append(" and doc.superseded_by is null");
		}
		where.append(" and d.assigned_on <= :asOf");
		params.put("asOf", filter.asOf());
		List<Raw> raws = jdbc.sql(SELECT + where).params(params).query(DirectiveQueries::raw).list();
		Map<Long, List<DeadlineChange>> deadlines = store.deadlines(raws.stream().map(Raw::id).toList());
		List<DirectiveRow> rows = new ArrayList<>();
		for (Raw raw : raws) {
			DirectiveRow row = raw.toRow(deadlines.getOrDefault(raw.id(), List.of()), filter.asOf());
			if (filter.bucket() != null && row.bucket() != filter.bucket()) {
				continue;
			}
			if (filter.dueIn() != null && (row.due() == null || !YearMonth.from(row.due()).equals(filter.dueIn()))) {
				continue;
			}
			rows.add(row);
		}
		rows.sort(ORDER);
		return rows;
	}

	/**
	 * One directive as of a day, whatever its assignment date; {@link DirectiveNotFoundException} when it
	 * does not exist or lies outside the reach (the same answer, so that ids cannot be probed).
	 */
	DirectiveRow one(long id, Reach reach, LocalDate asOf) {
		Reach.Sql reachSql = reach.toSql();
		Map<String, Object> params = new LinkedHashMap<>(reachSql.params());
		params.put("id", id);
		Raw raw = jdbc.sql(SELECT + " where d.id = :id and " + reachSql.condition()).params(params)
			.query(DirectiveQueries::raw).optional().orElse(null);
		if (raw == null) {
			store.load(id);
			throw new DirectiveNotFoundException(id);
		}
		return raw.toRow(store.deadlines(List.of(id)).getOrDefault(id, List.of()), asOf);
	}

	static final Comparator<DirectiveRow> ORDER = Comparator
		.comparing((DirectiveRow r) -> switch (r.bucket()) {
			case OVERDUE -> 0;
			case IN_PROGRESS, NOT_DUE -> 1;
			default -> 2;
		})
		.thenComparing(DirectiveRow::due, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(DirectiveRow::documentId)
		.thenComparing(DirectiveRow::id);

	static BucketCounts count(List<DirectiveRow> rows) {
		BucketCounts counts = BucketCounts.ZERO;
		for (DirectiveRow row : rows) {
			counts = counts.plus(row.bucket());
		}
		return counts;
	}

	/** One line of a summary: a group (assignee, issuer, unit or period) and its bucket counts. */
	record SummaryLine(String key, String label, BucketCounts counts) {
	}

	enum GroupBy { ASSIGNEE, ISSUER, UNIT, PERIOD }

	/** Counts per group, largest total first; a directive targeting several units counts once in each. */
	List<SummaryLine> summary(List<DirectiveRow> rows, GroupBy by, LocalDate asOf) {
		Function<DirectiveRow, List<String[]>> keys = switch (by) {
			// A joint lead counts once for each of its lead bodies, as a directive counts once in each of its units.
			case ASSIGNEE -> row -> row.leads().stream().map(lead -> new String[] { String.valueOf(lead.id()), lead.name() }).toList();
			case ISSUER -> row -> List.<String[]>of(new String[] { row.issuerName(), row.issuerName() });
			case UNIT -> row -> row.unitCodes().stream()
				.map(code -> new String[] { code, units.find(code, asOf).map(u -> u.name()).orElse(code) }).toList();
			case PERIOD -> row -> List.<String[]>of(period(row));
		};
		Map<String, SummaryLine> lines = new LinkedHashMap<>();
		for (DirectiveRow row : rows) {
			for (String[] key : keys.apply(row)) {
				SummaryLine line = lines.getOrDefault(key[0], new SummaryLine(key[0], key[1], BucketCounts.ZERO));
				lines.put(key[0], new SummaryLine(key[0], key[1], line.counts().plus(row.bucket())));
			}
		}
		Comparator<SummaryLine> order = by == GroupBy.PERIOD ? Comparator.comparing(SummaryLine::key)
				: Comparator.comparing((SummaryLine l) -> -l.counts().total()).thenComparing(SummaryLine::label);
		return lines.values().stream().sorted(order).toList();
	}

	/** Directives with a dated deadline in force, by due day, for a month's calendar. */
	Map<LocalDate, List<DirectiveRow>> calendar(List<DirectiveRow> rows) {
		Map<LocalDate, List<DirectiveRow>> days = new TreeMap<>();
		for (DirectiveRow row : rows) {
			if (row.due() != null) {
				days.computeIfAbsent(row.due(), d -> new ArrayList<>()).add(row);
			}
		}
		return days;
	}

	private static String[] period(DirectiveRow row) {
		if (row.due() == null) {
			return new String[] { "9999-99", "—" };
		}
		YearMonth month = YearMonth.from(row.due());
		return new String[] { month.toString(), month.getMonthValue() + "/" + month.getYear() };
	}

	List<Event> events(long directiveId) {
		return jdbc.sql("select id, kind, on_date, note, percent, by_user, at from directive_event where directive_id = :id order by on_date, id")
			.param("id", directiveId)
			.query((rs, i) -> new Event(rs.getLong(1), Directive.EventKind.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6),
					rs.getObject(7, java.time.OffsetDateTime.class)))
			.list();
	}

	record Event(long id, Directive.EventKind kind, LocalDate on, String note, Integer percent, String byUser,
			java.time.OffsetDateTime at) {
	}

	private record Raw(long id, long documentId, String documentNumber, String issuerName, Directive.Kind kind, String ref,
			String text, String requestText, String raisedByUnit, long leadId, List<Long> leadIds, List<String> leadNames,
			String cooperating, String person, List<String> unitCodes, String setCode, String criterionNumber, LocalDate assignedOn,
			Directive.Status status, LocalDate completedOn, LocalDate acceptedOn, String returnReason, int version,
			LocalDate firstProgress) {

		DirectiveRow toRow(List<DeadlineChange> deadlines, LocalDate asOf) {
			List<DeadlineChange> history = deadlines.isEmpty()
					? List.of(new DeadlineChange(Deadline.none(), assignedOn, null)) : deadlines;
			Bucket bucket = BucketPolicy.bucket(new BucketPolicy.Facts(history, firstProgress, completedOn), asOf);
			Deadline inForce = BucketPolicy.deadlineOn(history, asOf);
			boolean extended = inForce != history.get(0).deadline();
			return new DirectiveRow(id, documentId, documentNumber, issuerName, kind, ref, text, requestText, raisedByUnit,
					leadId, leadIds, String.join("; ", leadNames), leadNames, cooperating, person, unitCodes, setCode, criterionNumber, assignedOn, inForce.kind(),
					inForce.wording(), inForce.due(), extended, status, completedOn, acceptedOn, returnReason, bucket,
					version);
		}
	}

	private static List<String> names(String list) {
		return list == null ? List.of() : List.of(list.split("\u001f"));
	}

	private static List<Long> ids(String list, long fallback) {
		return list == null || list.isBlank() ? List.of(fallback) : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
	}

	private static Raw raw(ResultSet rs, int row) throws SQLException {
		String unitList = rs.getString("units");
		return new Raw(rs.getLong("id"), rs.getLong("document_id"), rs.getString("document_number"),
				rs.getString("issuer_name"), Directive.Kind.valueOf(rs.getString("kind")), rs.getString("ref"),
				rs.getString("text"), rs.getString("request_text"), rs.getString("raised_by_unit"), rs.getLong("lead_id"),
				ids(rs.getString("lead_ids"), rs.getLong("lead_id")), names(rs.getString("lead_name")), rs.getString("cooperating"), rs.getString("person"),
				unitList == null ? List.of() : Arrays.asList(unitList.split(",")), rs.getString("set_code"),
				rs.getString("criterion_number"), rs.getObject("assigned_on", LocalDate.class),
				Directive.Status.valueOf(rs.getString("status")), rs.getObject("completed_on", LocalDate.class),
				rs.getObject("accepted_on", LocalDate.class), rs.getString("return_reason"), rs.getInt("version"),
				rs.getObject("first_progress", LocalDate.class));
	}
}
