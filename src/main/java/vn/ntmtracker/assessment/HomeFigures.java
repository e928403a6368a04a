package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitScope;
import vn.ntmtracker.units.Units;

/**
 * What the home pages say about assessment, read from the rounds' stored totals and criterion letters in a few
 * indexed queries: a unit's standing per tier, rounds returned to me or waiting for my sign-off, and a province's
 * communes reaching each tier year by year. Everything is as the reader may see it.
 */
@Service
public class HomeFigures {

	/** A criterion by number and name. */
	/** A criterion not met; {@code incomplete} when its values are not all entered yet (not a verdict). */
	public record CriterionRef(int number, String name, boolean incomplete) {
	}

	/**
	 * A unit's standing at one tier: its latest signed-off round and the round in progress after it (either may be
	 * absent), and the criteria the most recent of the two does not meet.
	 */
	public record TierStanding(Tier tier, String setTitle, AssessmentRound signedOff, AssessmentRound open, List<CriterionRef> unmet) {

		public AssessmentRound latest() {
			return open != null ? open : signedOff;
		}
	}

	/** A round on a list of things to do. */
	public record RoundItem(long id, String unitCode, String unitName, LocalDate asOf, String setCode, String score,
			RoundStatus status, String reason) {
	}

	/** Communes of a tier, by year: how many had a signed-off round by 31/12 and how many of those met every criterion. */
	public record YearCount(int year, long assessed, long reached) {
	}

	private final JdbcClient jdbc;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final Assessments assessments;

	HomeFigures(JdbcClient jdbc, CriteriaCatalog catalog, Units units, AccessPolicy access, Authorization authorization,
			Assessments assessments) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.assessments = assessments;
	}

	/** The unit's standing per tier it has rounds of, highest tier last; cancelled rounds do not count. */
	public List<TierStanding> standings(String unitCode) {
		access.requireRead(unitCode);
		List<AssessmentRound> rounds = assessments.withStandings(jdbc.sql("""
				select * from assessment_round where unit_code = :unit and status <> 'CANCELLED' order by as_of desc, id desc""")
			.param("unit", unitCode).query(Assessments::mapRound).list());
		Map<Tier, AssessmentRound[]> byTier = new LinkedHashMap<>();
		for (AssessmentRound round : rounds) {
			AssessmentRound[] pair = byTier.computeIfAbsent(round.tier(), t -> new AssessmentRound[2]);
			if (round.status().signedOff()) {
				if (pair[0] == null) {
					pair[0] = round;
				}
			}
			else if (pair[0] == null && pair[1] == null) {
				pair[1] = round;
			}
		}
		List<TierStanding> standings = new ArrayList<>();
		byTier.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			AssessmentRound signedOff = entry.getValue()[0];
			AssessmentRound open = entry.getValue()[1];
			AssessmentRound latest = open != null ? open : signedOff;
			CriteriaSetDefinition set = catalog.definition(latest.setCode(), latest.setVersion());
			standings.add(new TierStanding(entry.getKey(), set.title(), signedOff, open, unmet(set, latest.statuses())));
		});
		return standings;
	}

	static List<CriterionRef> unmet(CriteriaSetDefinition set, String statuses) {
		List<CriterionRef> unmet = new ArrayList<>();
		for (int i = 0; i < set.criteria().size(); i++) {
			char code = statuses != null && i < statuses.length() ? statuses.charAt(i) : 'M';
			if (!CriterionCodes.achieved(code)) {
				unmet.add(new CriterionRef(set.criteria().get(i).number(), set.criteria().get(i).name(), code == 'M'));
			}
		}
		return unmet;
	}

	/** Whether any round was ever opened (a first-run step). */
	public boolean anyRound() {
		return jdbc.sql("select exists (select 1 from assessment_round)").query(Boolean.class).single();
	}

	/** Rounds returned for rework in the units I write for, most recent first. */
	public List<RoundItem> returned(LocalDate today) {
		return items(access.writeScope(), "'RETURNED'", today, 20);
	}

	/** Rounds waiting for a sign-off I may give: submitted ones to verify, verified ones to appraise. */
	public List<RoundItem> awaitingMe(LocalDate today) {
		List<RoundItem> waiting = new ArrayList<>();
		for (RoundItem item : items(access.writeScope(), "'SUBMITTED', 'VERIFIED'", today, 200)) {
			Permission permission = item.status() == RoundStatus.SUBMITTED ? Permission.VERIFY_ROUND : Permission.APPRAISE_ROUND;
			if (authorization.may(permission, Target.unit(item.unitCode(), item.asOf()))) {
				waiting.add(item);
			}
		}
		return waiting;
	}

	private List<RoundItem> items(UnitScope scope, String statuses, LocalDate today, int limit) {
		if (!scope.unrestricted() && scope.rootCodes().isEmpty()) {
			return List.of();
		}
		List<AssessmentRound> rounds = jdbc.sql("""
				select r.* from assessment_round r
				where r.status in (%s) and (:all or exists (
				      select 1 from units_v_line l join units_v_line root on l.path like root.path || '%%'
				      where l.unit_code = r.unit_code and root.unit_code = any(:roots)
				        and l.valid_from <= :today and coalesce(l.valid_to, 'infinity'::date) >= :today
				        and root.valid_from <= :today and coalesce(root.valid_to, 'infinity'::date) >= :today))
				order by r.updated_at desc, r.id desc limit :limit""".formatted(statuses))
			.param("all", scope.unrestricted()).param("roots", scope.rootCodes().toArray(String[]::new)).param("today", today)
			.param("limit", limit).query(Assessments::mapRound).list();
		Map<String, Unit> names = units.findAll(rounds.stream().map(AssessmentRound::unitCode).distinct().toList(), today);
		return rounds.stream().map(r -> new RoundItem(r.id(), r.unitCode(),
				Optional.ofNullable(names.get(r.unitCode())).map(Unit::displayName).orElse(r.unitCode()), r.asOf(), r.setCode(),
				r.scoreWithProvisional(), r.status(), r.status() == RoundStatus.RETURNED ? r.returnReason() : null)).toList();
	}

	/**
	 * For each year, the units of the tier's level under {@code rootCode} on 31/12 of that year: how many had a
	 * signed-off round of the tier by then, and how many of those latest rounds met every criterion. One query.
	 */
	public List<YearCount> trend(String rootCode, Tier tier, int fromYear, int toYear) {
		access.requireRead(rootCode);
		String prefix = rootPath(rootCode, LocalDate.of(toYear, 12, 31));
		if (prefix == null) {
			return List.of();
		}
		return jdbc.sql("""
				select y as year, count(r.id) as assessed, count(r.id) filter (where r.total > 0 and r.achieved = r.total) as reached
				from generate_series(:from, :to) y
				join units_v_line u on u.level = :level and u.path ~>=~ :prefix and u.path ~<~ :prefixEnd
				     and u.valid_from <= make_date(y, 12, 31) and coalesce(u.valid_to, 'infinity'::date) >= make_date(y, 12, 31)
				left join lateral (select r.id, r.achieved, r.total from assessment_round r
				     where r.unit_code = u.unit_code and r.tier = :tier and r.status in ('VERIFIED', 'APPRAISED')
				       and r.as_of <= make_date(y, 12, 31) order by r.as_of desc, r.id desc limit 1) r on true
				group by y order by y""")
			.param("from", fromYear).param("to", toYear).param("level", tier.unitLevel()).param("prefix", prefix)
			.param("prefixEnd", prefix + Character.MAX_VALUE).param("tier", tier.name())
			.query((rs, n) -> new YearCount(rs.getInt("year"), rs.getLong("assessed"), rs.getLong("reached"))).list();
	}

	/** The set the most recent signed-off round of the level under the root was judged by: what an overview should show. */
	public Optional<String> mainSet(String rootCode, int level, LocalDate today) {
		String prefix = rootPath(rootCode, today);
		if (prefix == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select r.set_code from assessment_round r join units_v_line u on u.unit_code = r.unit_code
				where r.status in ('VERIFIED', 'APPRAISED') and r.as_of <= :today and u.level = :level
				  and u.path ~>=~ :prefix and u.path ~<~ :prefixEnd
				  and u.valid_from <= r.as_of and coalesce(u.valid_to, 'infinity'::date) >= r.as_of
				order by r.as_of desc, r.id desc limit 1""")
			.param("today", today).param("level", level).param("prefix", prefix).param("prefixEnd", prefix + Character.MAX_VALUE)
			.query(String.class).optional();
	}

	private String rootPath(String rootCode, LocalDate today) {
		List<String> line = units.lineOn(rootCode, today);
		return line.isEmpty() ? null : "/" + String.join("/", line) + "/";
	}
}
