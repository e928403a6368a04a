package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitKind;
import vn.ntmtracker.units.Units;

/**
 * The subtree overview: for every unit of the set's level under a district or province, its latest round of
 * that set as of a date and the stored result of each criterion — two queries, no evaluation at read time.
 */
@Component
public class AssessmentOverview {

	private final NamedParameterJdbcTemplate jdbc;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;

	AssessmentOverview(NamedParameterJdbcTemplate jdbc, CriteriaCatalog catalog, Units units, AccessPolicy access) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
	}

	public record Cell(String status, boolean basically, boolean overridden, boolean incomplete) {

		public boolean achieved() {
			return "DAT".equals(status);
		}
	}

	public record Row(String unitCode, String unitName, UnitKind kind, String parentName, Long roundId,
			LocalDate asOf, RoundStatus status, int achieved, int total, boolean recognised, boolean atRisk,
			String lostCriteria, Map<Integer, Cell> cells) {

		public boolean assessed() {
			return roundId != null;
		}

		public boolean reachedTier() {
			return assessed() && total > 0 && achieved == total;
		}

		public boolean regressed() {
			return lostCriteria != null && !lostCriteria.isBlank();
		}

		public String score() {
			return assessed() ? achieved + "/" + total : "";
		}
	}

	public record Overview(Unit root, CriteriaSetDefinition set, LocalDate asOf, List<Row> rows,
			Map<Integer, Integer> achievedPerCriterion) {

		public long assessed() {
			return rows.stream().filter(Row::assessed).count();
		}

		public long reachedTier() {
			return rows.stream().filter(Row::reachedTier).count();
		}

		public long atRisk() {
			return rows.stream().filter(Row::atRisk).count();
		}

		public long regressed() {
			return rows.stream().filter(Row::regressed).count();
		}
	}

	public Overview of(String rootCode, String setCode, LocalDate asOf, boolean signedOffOnly, String filter, String sort) {
		access.requireRead(rootCode);
		Unit root = units.get(rootCode, asOf);
		CriteriaSetDefinition set = catalog.versionOn(setCode, asOf).or(() -> catalog.current(setCode))
			.orElseThrow(() -> new AssessmentException("Không có bộ tiêu chí " + setCode));
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("prefix", root.path() + "%")
			.addValue("asOf", asOf).addValue("set", set.code()).addValue("level", Assessments.levelOf(set.tier()));
		String statusFilter = signedOffOnly ? " and r.status in ('VERIFIED', 'APPRAISED')" : "";
		List<Row> rows = new ArrayList<>(jdbc.query("""
				select u.code, u.kind,
				       (select n.name from unit_name n where n.unit_id = u.id and n.valid_from <= :asOf
				        order by n.valid_from desc limit 1) as name,
				       (select n.name from unit_parent l join unit_name n on n.unit_id = l.parent_id
				        where l.unit_id = u.id and l.valid_from <= :asOf and coalesce(l.valid_to, 'infinity'::date) >= :asOf
				          and n.valid_from <= :asOf order by n.valid_from desc limit 1) as parent_name,
				       r.id, r.as_of, r.status, r.achieved, r.total, r.recognised, r.at_risk, r.lost_criteria
				from unit u
				join unit_path p on p.unit_id = u.id and p.path like :prefix
				     and p.valid_from <= :asOf and coalesce(p.valid_to, 'infinity'::date) >= :asOf
				left join lateral (
				     select r.* from assessment_round r
				     where r.unit_code = u.code and r.set_code = :set and r.as_of <= :asOf""" + statusFilter + """
				     order by r.as_of desc, r.id desc limit 1) r on true
				where u.level = :level
				order by name""", params, (rs, i) -> new Row(rs.getString("code"), rs.getString("name"),
						UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_name"), (Long) rs.getObject("id"),
						rs.getObject("as_of", LocalDate.class),
						rs.getString("status") == null ? null : RoundStatus.valueOf(rs.getString("status")),
						rs.getInt("achieved"), rs.getInt("total"), rs.getBoolean("recognised"), rs.getBoolean("at_risk"),
						rs.getString("lost_criteria"), new HashMap<>())));
		Map<Long, Row> byRound = new HashMap<>();
		rows.stream().filter(Row::assessed).forEach(row -> byRound.put(row.roundId(), row));
		Map<Integer, Integer> perCriterion = new TreeMap<>();
		set.criteria().forEach(c -> perCriterion.put(c.number(), 0));
		if (!byRound.isEmpty()) {
			jdbc.query("select * from assessment_criterion_result where round_id in (:ids)",
					new MapSqlParameterSource("ids", byRound.keySet()), rs -> {
						Cell cell = new Cell(rs.getString("status"), rs.getBoolean("basically"), rs.getBoolean("overridden"),
								rs.getBoolean("incomplete"));
						int number = rs.getInt("criterion_number");
						byRound.get(rs.getLong("round_id")).cells().put(number, cell);
						if (cell.achieved()) {
							perCriterion.merge(number, 1, Integer::sum);
						}
					});
		}
		if ("risk".equals(filter)) {
			rows.removeIf(row -> !row.atRisk());
		}
		else if ("regressed".equals(filter)) {
			rows.removeIf(row -> !row.regressed());
		}
		else if ("unassessed".equals(filter)) {
			rows.removeIf(Row::assessed);
		}
		else if ("reached".equals(filter)) {
			rows.removeIf(row -> !row.reachedTier());
		}
		if ("score".equals(sort)) {
			rows.sort(java.util.Comparator.comparingInt((Row row) -> row.assessed() ? row.achieved() : -1).reversed()
				.thenComparing(Row::unitName));
		}
		else if ("scoreAsc".equals(sort)) {
			rows.sort(java.util.Comparator.comparingInt((Row row) -> row.assessed() ? row.achieved() : Integer.MAX_VALUE)
				.thenComparing(Row::unitName));
		}
		return new Overview(root, set, asOf, rows, perCriterion);
	}
}
