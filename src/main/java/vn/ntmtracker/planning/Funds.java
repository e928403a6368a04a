package vn.ntmtracker.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.InputLimits;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;

/**
 * Funds actually mobilised (vốn huy động), by unit, year and source, as reports like seed 001 list them, and
 * how they compare with the planned cost of the tasks by source.
 */
@Service
public class Funds {

	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;

	private final Clock clock;

	Funds(JdbcClient jdbc, AccessPolicy access, Authorization authorization, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.authorization = authorization;
		this.events = events;
	}

	record FundInput(Integer year, FundingSource source, Long amount, Long taskId, Integer criterionNumber, String note) {
	}

	record FundEntry(long id, int year, FundingSource source, long amount, Long taskId, String taskDescription,
			Integer criterionNumber, String note, String createdBy) {
	}

	/** The yearly total and its split by source, in đồng; sources without an entry are left out. */
	public record Summary(long total, Map<FundingSource, Long> bySource) {
	}

	record SourceComparison(FundingSource source, long planned, long actual) {

		public long difference() {
			return actual - planned;
		}
	}

	/** Funds of a year are the unit's as it stood at the end of that year (or today, for the current year). */
	private LocalDate yearEnd(int year) {
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate today = LocalDate.now(clock);
		return end.isAfter(today) ? today : end;
	}

	@Transactional
	public long record(String unitCode, FundInput input) {
		authorization.require(Permission.RECORD_FUNDS, Target.unit(unitCode,
				input.year() == null || input.year() < 2000 || input.year() > 2100 ? LocalDate.now(clock) : yearEnd(input.year())));
		List<String> problems = new ArrayList<>();
		if (input.year() == null || input.year() < 2000 || input.year() > LocalDate.now(clock).getYear() + 5) {
			problems.add("Năm không hợp lệ: " + input.year());
		}
		if (input.source() == null) {
			problems.add("Cần chọn nguồn vốn");
		}
		if (input.amount() == null) {
			problems.add("Cần số tiền (đồng)");
		}
		InputLimits.money("Số tiền huy động", input.amount(), problems);
		InputLimits.text("Ghi chú", input.note(), InputLimits.TEXT, problems);
		if (input.taskId() != null && jdbc.sql("""
				select count(*) from plan_task t join plan p on p.id = t.plan_id where t.id = :task and p.unit_code = :unit""")
			.param("task", input.taskId()).param("unit", unitCode).query(Long.class).single() == 0) {
			problems.add("Nhiệm vụ số " + input.taskId() + " không thuộc kế hoạch của đơn vị " + unitCode);
		}
		if (!problems.isEmpty()) {
			throw new PlanException(problems);
		}
		long id = jdbc.sql("""
				insert into fund_entry (unit_code, year, source, amount, task_id, criterion_number, note, created_by)
				values (:unit, :year, :source, :amount, :task, :criterion, :note, :user) returning id""")
			.param("unit", unitCode).param("year", input.year()).param("source", input.source().name())
			.param("amount", input.amount()).param("task", input.taskId()).param("criterion", input.criterionNumber())
			.param("note", TaskDraft.clean(input.note())).param("user", access.currentUsername()).query(Long.class).single();
		events.publishEvent(AuditEvent.of(Action.CREATE, "fund_entry", Long.toString(id), unitCode, null,
				Map.of("year", input.year(), "source", input.source().name(), "amount", input.amount())));
		return id;
	}

	/**
	 * Records funds a document says were mobilised (an imported report's funding table), with the document named in the
	 * note; the same rules as an entry typed in.
	 */
	@Transactional
	public long recordMobilised(String unitCode, int year, FundingSource source, long amount, String note) {
		return record(unitCode, new FundInput(year, source, amount, null, null, note));
	}

	/** Whether the current user may record the unit's funds of that year. */
	public boolean mayRecord(String unitCode, int year) {
		return authorization.may(Permission.RECORD_FUNDS, Target.unit(unitCode,
				year < 2000 || year > 2100 ? LocalDate.now(clock) : yearEnd(year)));
	}

	public Summary summary(String unitCode, int year) {
		access.requireRead(unitCode);
		Map<FundingSource, Long> bySource = new EnumMap<>(FundingSource.class);
		jdbc.sql("select source, sum(amount) as amount from fund_entry where unit_code = :unit and year = :year group by source")
			.param("unit", unitCode).param("year", year)
			.query(rs -> {
				bySource.put(FundingSource.valueOf(rs.getString("source")), rs.getLong("amount"));
			});
		return new Summary(bySource.values().stream().mapToLong(Long::longValue).sum(), bySource);
	}

	List<FundEntry> entries(String unitCode, int year) {
		access.requireRead(unitCode);
		return jdbc.sql("""
				select f.*, t.description from fund_entry f left join plan_task t on t.id = f.task_id
				where f.unit_code = :unit and f.year = :year order by f.source, f.id""")
			.param("unit", unitCode).param("year", year)
			.query((rs, row) -> new FundEntry(rs.getLong("id"), rs.getInt("year"), FundingSource.valueOf(rs.getString("source")),
					rs.getLong("amount"), (Long) rs.getObject("task_id"), rs.getString("description"),
					(Integer) rs.getObject("criterion_number"), rs.getString("note"), rs.getString("created_by")))
			.list();
	}

	List<Integer> years(String unitCode) {
		access.requireRead(unitCode);
		return jdbc.sql("select distinct year from fund_entry where unit_code = :unit order by year desc")
			.param("unit", unitCode).query(Integer.class).list();
	}

	/**
	 * Planned: the estimated cost of the unit's tasks due in the year (the plan's target date when a task has
	 * no deadline); actual: the funds mobilised that year. Every source with either figure is listed.
	 */
	List<SourceComparison> plannedVsActual(String unitCode, int year) {
		Map<FundingSource, Long> planned = new EnumMap<>(FundingSource.class);
		jdbc.sql("""
				select c.source, sum(c.amount) as amount from plan_task_cost c join plan_task t on t.id = c.task_id
				join plan p on p.id = t.plan_id
				where p.unit_code = :unit and extract(year from coalesce(t.deadline, p.target_date)) = :year
				group by c.source""")
			.param("unit", unitCode).param("year", year)
			.query(rs -> {
				planned.put(FundingSource.valueOf(rs.getString("source")), rs.getLong("amount"));
			});
		Map<FundingSource, Long> actual = summary(unitCode, year).bySource();
		Map<FundingSource, SourceComparison> rows = new LinkedHashMap<>();
		for (FundingSource source : FundingSource.values()) {
			if (planned.containsKey(source) || actual.containsKey(source)) {
				rows.put(source, new SourceComparison(source, planned.getOrDefault(source, 0L), actual.getOrDefault(source, 0L)));
			}
		}
		return List.copyOf(rows.values());
	}
}
