package vn.ntmtracker.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The steering committee (Ban chỉ đạo) of a commune: members with their roles, who answers for which criteria
 * and villages (seed 004 §2.1), and each member's weekly report for the monthly/quarterly review (§2.5, §2.7).
 */
@Service
public class Committee {

	private final JdbcClient jdbc;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;

	private final Clock clock;

	Committee(JdbcClient jdbc, Units units, AccessPolicy access, Authorization authorization, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.events = events;
	}

	record Member(long id, String unitCode, String name, String role, List<Integer> criteria, List<String> villages) {
	}

	record WeeklyReport(long id, long memberId, String memberName, LocalDate weekStart, String done, String problems) {

		public boolean needsSteering() {
			return problems != null && !problems.isBlank();
		}
	}

	List<Member> members(String unitCode) {
		access.requireRead(unitCode);
		Map<Long, List<Integer>> criteria = new LinkedHashMap<>();
		Map<Long, List<String>> villages = new LinkedHashMap<>();
		jdbc.sql("""
				select a.* from committee_assignment a join committee_member m on m.id = a.member_id
				where m.unit_code = :unit order by a.criterion_number nulls last, a.village_code""")
			.param("unit", unitCode).query(rs -> {
				long member = rs.getLong("member_id");
				if (rs.getObject("criterion_number") != null) {
					criteria.computeIfAbsent(member, k -> new ArrayList<>()).add(rs.getInt("criterion_number"));
				}
				if (rs.getString("village_code") != null) {
					villages.computeIfAbsent(member, k -> new ArrayList<>()).add(rs.getString("village_code"));
				}
			});
		return jdbc.sql("select * from committee_member where unit_code = :unit order by id").param("unit", unitCode)
			.query((rs, row) -> new Member(rs.getLong("id"), unitCode, rs.getString("name"), rs.getString("role"),
					criteria.getOrDefault(rs.getLong("id"), List.of()), villages.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	List<WeeklyReport> reports(String unitCode) {
		access.requireRead(unitCode);
		return jdbc.sql("""
				select r.*, m.name from committee_weekly_report r join committee_member m on m.id = r.member_id
				where m.unit_code = :unit order by r.week_start desc, m.id""")
			.param("unit", unitCode)
			.query((rs, row) -> new WeeklyReport(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name"),
					rs.getObject("week_start", LocalDate.class), rs.getString("done"), rs.getString("problems")))
			.list();
	}

	@Transactional
	public long addMember(String unitCode, String name, String role) {
		authorization.require(Permission.EDIT_COMMITTEE, Target.unit(unitCode, LocalDate.now(clock)));
		String cleanName = TaskDraft.clean(name);
		String cleanRole = TaskDraft.clean(role);
		if (cleanName == null || cleanRole == null) {
			throw new PlanException("Cần họ tên và chức danh trong Ban chỉ đạo");
		}
		List<String> problems = new java.util.ArrayList<>();
		vn.ntmtracker.InputLimits.text("Họ tên", cleanName, vn.ntmtracker.InputLimits.NAME, problems);
		vn.ntmtracker.InputLimits.text("Chức danh", cleanRole, vn.ntmtracker.InputLimits.NAME, problems);
		if (!problems.isEmpty()) {
			throw new PlanException(problems);
		}
		long id = jdbc.sql("insert into committee_member (unit_code, name, role, created_by) values (:unit, :name, :role, :user) returning id")
			.param("unit", unitCode).param("name", cleanName).param("role", cleanRole).param("user", access.currentUsername())
			.query(Long.class).single();
		events.publishEvent(AuditEvent.of(Action.CREATE, "committee_member", Long.toString(id), unitCode, null,
				Map.of("name", cleanName, "role", cleanRole)));
		return id;
	}

	/** A member answers for a criterion, a village (a unit directly under the committee's commune), or both. */
	@Transactional
	public void assign(long memberId, Integer criterion, String villageCode) {
		String unitCode = memberUnit(memberId);
		authorization.require(Permission.EDIT_COMMITTEE, Target.unit(unitCode, LocalDate.now(clock)));
		String village = TaskDraft.clean(villageCode);
		if (criterion == null && village == null) {
			throw new PlanException("Cần chọn tiêu chí hoặc thôn được phân công");
		}
		if (village != null && units.children(unitCode, LocalDate.now(clock)).stream().map(Unit::code).noneMatch(village::equals)) {
			throw new PlanException("Thôn " + village + " không thuộc đơn vị " + unitCode);
		}
		jdbc.sql("insert into committee_assignment (member_id, criterion_number, village_code) values (:member, :criterion, :village)")
			.param("member", memberId).param("criterion", criterion).param("village", village).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("criterion", criterion);
		after.put("village", village);
		events.publishEvent(AuditEvent.of(Action.CREATE, "committee_assignment", Long.toString(memberId), unitCode, null, after));
	}

	/** One report per member and week (the week of any date given, from Monday); a second one replaces the first. */
	@Transactional
	public void report(long memberId, LocalDate week, String done, String problems) {
		String unitCode = memberUnit(memberId);
		authorization.require(Permission.EDIT_COMMITTEE, Target.unit(unitCode, week == null ? LocalDate.now(clock) : week));
		String cleanDone = TaskDraft.clean(done);
		if (cleanDone == null) {
			throw new PlanException("Cần ghi kết quả đã làm trong tuần");
		}
		List<String> limits = new java.util.ArrayList<>();
		vn.ntmtracker.InputLimits.text("Kết quả trong tuần", cleanDone, vn.ntmtracker.InputLimits.TEXT, limits);
		vn.ntmtracker.InputLimits.text("Khó khăn", problems, vn.ntmtracker.InputLimits.TEXT, limits);
		vn.ntmtracker.InputLimits.date("Tuần", week, limits);
		if (!limits.isEmpty()) {
			throw new PlanException(limits);
		}
		LocalDate monday = (week == null ? LocalDate.now(clock) : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		jdbc.sql("""
				insert into committee_weekly_report (member_id, week_start, done, problems, created_by)
				values (:member, :week, :done, :problems, :user)
				on conflict (member_id, week_start) do update set done = excluded.done, problems = excluded.problems,
				    created_by = excluded.created_by, created_at = now()""")
			.param("member", memberId).param("week", monday).param("done", cleanDone)
			.param("problems", TaskDraft.clean(problems)).param("user", access.currentUsername()).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("week", monday.toString());
		after.put("done", cleanDone);
		after.put("problems", TaskDraft.clean(problems));
		events.publishEvent(AuditEvent.of(Action.UPDATE, "committee_weekly_report", memberId + "/" + monday, unitCode, null, after));
	}

	private String memberUnit(long memberId) {
		return jdbc.sql("select unit_code from committee_member where id = :id").param("id", memberId).query(String.class)
			.optional().orElseThrow(() -> new PlanNotFoundException("thành viên Ban chỉ đạo", memberId));
	}
}
