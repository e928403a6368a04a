package vn.ntmtracker.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitKind;
import vn.ntmtracker.units.Units;

/**
 * The subtree overview: for every unit of the set's level under a district or province, its latest round of the set
 * as of a date — signed-off rounds only unless drafts are asked for — with its criterion letters, the previous
 * signed-off round it is compared with and whether it was recognised on the round's date ({@link Standings#RECOGNISED}:
 * the recognition history, else an earlier appraised round), in one query; regression and revocation
 * risk are derived per row from those letters, the same way the round page derives them ({@link Standings}).
 */
@Component
public class AssessmentOverview {

	private final JdbcClient jdbc;
	private final TransactionTemplate readOnly;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final Standings standings;

	AssessmentOverview(JdbcClient jdbc, TransactionTemplate transactions, CriteriaCatalog catalog, Units units, AccessPolicy access,
			Standings standings) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.standings = standings;
	}

	/** One criterion's result in a row; {@code provisional}: it rests on a threshold not yet verified. */
	public record Cell(String status, boolean basically, boolean overridden, boolean incomplete, boolean provisional) {

		public boolean achieved() {
			return "DAT".equals(status);
		}

		static Cell of(char code) {
			boolean ok = CriterionCodes.achieved(code);
			return new Cell(ok ? "DAT" : "CHUA_DAT", code == 'B', code == 'O' || code == 'X', code == 'M', code == 'P' || code == 'Q');
		}

		/** The compact letter of the API: D đạt, B cơ bản đạt, X chưa đạt. */
		char letter() {
			return !achieved() ? 'X' : basically ? 'B' : 'D';
		}
	}

	public record Row(String unitCode, String unitName, UnitKind kind, String parentName, Long roundId, LocalDate asOf,
			RoundStatus status, int achieved, int total, int provisionalCount, boolean recognised, boolean atRisk, String lostCriteria,
			Map<Integer, Cell> cells) {

		public boolean assessed() {
			return roundId != null;
		}

		/** "xã Cẩm Quang", "Thôn 6". */
		public String displayName() {
			return kind.withName(unitName);
		}

		public boolean reachedTier() {
			return assessed() && total > 0 && achieved == total;
		}

		public boolean regressed() {
			return lostCriteria != null && !lostCriteria.isBlank();
		}

		public boolean signedOff() {
			return status != null && status.signedOff();
		}

		public String score() {
			return assessed() ? Evaluation.formatScore(achieved, total, provisionalCount) : "";
		}
	}

	public record Overview(Unit root, CriteriaSetDefinition set, LocalDate asOf, boolean signedOffOnly, List<Row> rows,
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

	/** What an overview is of, checked and resolved. */
	public record Scope(Unit root, CriteriaSetDefinition set, LocalDate asOf, boolean signedOffOnly) {
	}

	public Scope scope(String rootCode, String setCode, LocalDate asOf, boolean signedOffOnly) {
		access.requireRead(rootCode);
		Unit root = units.get(rootCode, asOf);
		CriteriaSetDefinition set = catalog.versionOn(setCode, asOf).or(() -> catalog.current(setCode))
			.orElseThrow(() -> new AssessmentException("Không có bộ tiêu chí " + setCode));
		return new Scope(root, set, asOf, signedOffOnly);
	}

	public Overview of(String rootCode, String setCode, LocalDate asOf, boolean signedOffOnly, String filter, String sort) {
		Scope scope = scope(rootCode, setCode, asOf, signedOffOnly);
		List<Row> rows = new ArrayList<>();
		forEach(scope, rows::add);
		Map<Integer, Integer> perCriterion = new TreeMap<>();
		scope.set().criteria().forEach(c -> perCriterion.put(c.number(), 0));
		rows.forEach(row -> row.cells().forEach((number, cell) -> {
			if (cell.achieved()) {
				perCriterion.merge(number, 1, Integer::sum);
			}
		}));
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
		return new Overview(scope.root(), scope.set(), asOf, signedOffOnly, rows, perCriterion);
	}

	/**
	 * Every row of the overview, in name order, handed over as the database returns it (the API streams them). One
	 * statement; the subtree is a range on the materialised path, planned for the values at hand each time. Every
	 * lookup per unit is an index probe for that unit only: the parent is a lateral ({@code offset 0} keeps the planner
	 * from pulling it up into a hash join over every parent link of the country), and "recognised before" probes the
	 * partial index {@code assessment_round_recognised}.
	 */
	public void forEach(Scope scope, Consumer<Row> consumer) {
		String prefix = scope.root().path();
		String statusFilter = scope.signedOffOnly() ? " and r.status in ('VERIFIED', 'APPRAISED')" : " and r.status <> 'CANCELLED'";
		CriteriaSetDefinition set = scope.set();
		readOnly.executeWithoutResult(tx -> {
			// A generic plan estimates the subtree at a handful of rows whatever its size: plan this query for its values.
			jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
			jdbc.sql("""
					select u.unit_code, u.kind, n.name, pn.name as parent_name,
					       r.id, r.as_of, r.status, r.achieved, r.total, r.provisional_count, r.statuses, r.set_code, r.set_version, r.tier,
					       p.id as previous_id, p.set_code as previous_set, p.set_version as previous_version, p.as_of as previous_as_of,
					       p.statuses as previous_statuses,
					       r.id is not null and """ + Standings.RECOGNISED + """
					       as recognised
					from units_v_line u
					left join lateral (select x.name from units_v_name x where x.unit_code = u.unit_code and x.valid_from <= :asOf
					                   order by x.valid_from desc limit 1) n on true
					left join lateral (select pl.parent_code from units_v_parent pl where pl.unit_code = u.unit_code
					                   and pl.valid_from <= :asOf and coalesce(pl.valid_to, 'infinity'::date) >= :asOf offset 0) pl on true
					left join lateral (select x.name from units_v_name x where x.unit_code = pl.parent_code and x.valid_from <= :asOf
					                   order by x.valid_from desc limit 1) pn on true
					left join lateral (select r.* from assessment_round r where r.unit_code = u.unit_code and r.set_code = :set
					                   and r.as_of <= :asOf""" + statusFilter + """
					                   order by r.as_of desc, r.id desc limit 1) r on true
					left join lateral (select p.* from assessment_round p where r.id is not null and p.unit_code = u.unit_code
					                   and p.tier = r.tier and p.status in ('VERIFIED', 'APPRAISED') and p.as_of < r.as_of and p.id <> r.id
					                   order by p.as_of desc, p.id desc limit 1) p on true
					where u.path ~>=~ :prefix and u.path ~<~ :prefixEnd and u.level = :level
					  and u.valid_from <= :asOf and coalesce(u.valid_to, 'infinity'::date) >= :asOf
					order by n.name, u.unit_code""")
				.param("prefix", prefix).param("prefixEnd", prefix + Character.MAX_VALUE).param("asOf", scope.asOf())
				.param("set", set.code()).param("level", set.tier().unitLevel())
				.query(rs -> {
					Long roundId = (Long) rs.getObject("id");
					Row row;
					if (roundId == null) {
						row = new Row(rs.getString("unit_code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
								rs.getString("parent_name"), null, null, null, 0, 0, 0, false, false, null, Map.of());
					}
					else {
						Standings.Facts facts = new Standings.Facts(roundId, rs.getString("unit_code"), rs.getString("set_code"),
								rs.getInt("set_version"), rs.getString("tier"), rs.getObject("as_of", LocalDate.class), rs.getString("statuses"));
						Long previousId = (Long) rs.getObject("previous_id");
						Standings.Facts previous = previousId == null ? null : new Standings.Facts(previousId, facts.unitCode(),
								rs.getString("previous_set"), rs.getInt("previous_version"), facts.tier(),
								rs.getObject("previous_as_of", LocalDate.class), rs.getString("previous_statuses"));
						Standings.Standing standing = standings.standing(facts, previous, null, rs.getBoolean("recognised"));
						row = new Row(facts.unitCode(), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_name"),
								roundId, facts.asOf(), RoundStatus.valueOf(rs.getString("status")), rs.getInt("achieved"), rs.getInt("total"),
								rs.getInt("provisional_count"), standing.recognised(), standing.atRisk(),
								standing.lost().isEmpty() ? null : String.join(",", standing.lost().stream().map(String::valueOf).toList()),
								cells(catalog.definition(facts.setCode(), facts.setVersion()), facts.statuses()));
					}
					consumer.accept(row);
				});
		});
	}

	private static Map<Integer, Cell> cells(CriteriaSetDefinition set, String statuses) {
		Map<Integer, Cell> cells = new LinkedHashMap<>();
		for (int i = 0; i < set.criteria().size(); i++) {
			cells.put(set.criteria().get(i).number(), Cell.of(statuses != null && i < statuses.length() ? statuses.charAt(i) : 'M'));
		}
		return cells;
	}

	/**
	 * A tag that changes whenever anything the overview shows may have changed — any round written anywhere, the unit
	 * tree, the recognition history (recognised, at risk) — so that an unchanged overview can be answered "304 Not
	 * Modified" after a few index lookups.
	 */
	public String etag(Scope scope, Object viewer) {
		// Read where the rows are read (the replica, when one is configured), so that the tag describes the rows sent.
		String key = readOnly.execute(tx -> etagKey(scope, viewer));
		try {
			return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 12)
					+ "\"";
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String etagKey(Scope scope, Object viewer) {
		Map<String, Object> stamp = jdbc.sql("""
				select (select sum(n) from assessment_round_stamp) as rounds,
				       (select stamp from dossiers_v_recognition_stamp) as recognitions""")
			.query((rs, i) -> Map.<String, Object>of("rounds", rs.getLong("rounds"), "recognitions", rs.getLong("recognitions"))).single();
		return stamp + "|" + units.revision() + "|" + scope.root().code() + "|" + scope.set().code() + "/" + scope.set().version()
				+ "|" + scope.asOf() + "|" + scope.signedOffOnly() + "|" + viewer;
	}

	static char letter(Cell cell) {
		return cell == null ? '-' : cell.letter();
	}
}
