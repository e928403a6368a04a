package vn.ntmtracker.units;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read side of the unit tree: a unit as of a date, search, children, subtrees, ancestors and history.
 * Every list respects the {@link UnitScope} passed in.
 */
@Component
public class Units {

	/** Picks, among dated rows aliased {@code x}, the one valid on :asOf, else the latest before it, else the first. */
	private static final String AS_OF_ORDER = """
			order by case when x.valid_from <= :asOf and coalesce(x.valid_to, 'infinity'::date) >= :asOf then 0
			              when x.valid_from <= :asOf then 1 else 2 end,
			         case when x.valid_from <= :asOf then x.valid_from end desc nulls last, x.valid_from
			limit 1""";

	private static final String SELECT_UNIT = """
			select u.id, u.code, u.kind, u.valid_from, u.valid_to, u.official_code,
			       (select x.name from unit_name x where x.unit_id = u.id %1$s) as name,
			       par.code as parent_code,
			       (select x.name from unit_name x where x.unit_id = par.id %1$s) as parent_name,
			       (select x.path from unit_path x where x.unit_id = u.id %1$s) as path
			from unit u
			left join lateral (select x.parent_id from unit_parent x where x.unit_id = u.id %1$s) pl on true
			left join unit par on par.id = pl.parent_id
			""".formatted(AS_OF_ORDER);

	private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9._-]+");

	private final JdbcClient jdbc;

	private final Clock clock;

	Units(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(String code, LocalDate asOf) {
		return jdbc.sql(SELECT_UNIT + " where u.code = :code")
			.param("asOf", asOf)
			.param("code", code)
			.query(Units::mapUnit)
			.optional();
	}

	/** Many units at once, for imports: one query instead of one per code. */
	public java.util.Map<String, Unit> findAll(Collection<String> codes, LocalDate asOf) {
		if (codes.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<String, Unit> found = new java.util.HashMap<>();
		jdbc.sql(SELECT_UNIT + " where u.code = any(:codes)").param("asOf", asOf).param("codes", codes.toArray(String[]::new))
			.query(Units::mapUnit).list().forEach(unit -> found.put(unit.code(), unit));
		return found;
	}

	/** Which of the codes lie in the scope (see {@link #isWithin}), in one query. */
	public java.util.Set<String> within(Collection<String> codes, UnitScope scope) {
		if (scope.unrestricted()) {
			return java.util.Set.copyOf(codes);
		}
		String regex = scopeRegex(scope);
		if (regex == null || codes.isEmpty()) {
			return java.util.Set.of();
		}
		return java.util.Set.copyOf(jdbc.sql("""
				select distinct u.code from unit_path p join unit u on u.id = p.unit_id
				where u.code = any(:codes) and p.path ~ :scope""")
			.param("codes", codes.toArray(String[]::new)).param("scope", regex).query(String.class).list());
	}

	/** Classifications of many units as of a date. */
	public java.util.Map<String, Classification> classifications(Collection<String> codes, LocalDate asOf) {
		java.util.Map<String, Classification> result = new java.util.HashMap<>();
		if (codes.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select distinct on (u.code) u.code, x.region, x.commune_group, x.especially_disadvantaged, x.safe_zone_poor_district
				from unit_classification x join unit u on u.id = x.unit_id
				where u.code = any(:codes) and x.valid_from <= :asOf
				order by u.code, x.valid_from desc""")
			.param("codes", codes.toArray(String[]::new)).param("asOf", asOf)
			.query(rs -> {
				result.put(rs.getString(1), new Classification(rs.getString(2) == null ? null : Region.valueOf(rs.getString(2)),
						(Integer) rs.getObject(3), rs.getBoolean(4), rs.getBoolean(5)));
			});
		return result;
	}

	public Unit get(String code, LocalDate asOf) {
		return find(code, asOf).orElseThrow(() -> new UnitNotFoundException(code));
	}

	/** How many units the system knows (any date): zero on an empty system. */
	public long count() {
		return jdbc.sql("select count(*) from unit").query(Long.class).single();
	}

	public boolean exists(String code) {
		return jdbc.sql("select count(*) from unit where code = :code").param("code", code).query(Long.class).single() > 0;
	}

	/**
	 * Units whose current or former name (or code) contains the query, ignoring diacritics and case;
	 * optionally of one kind and valid on a date. Provinces first, then by name.
	 */
	public UnitPage search(String query, UnitKind kind, LocalDate validOn, UnitScope scope, int page, int size) {
		LocalDate asOf = validOn != null ? validOn : LocalDate.now(clock);
		String key = SearchKey.of(query);
		StringBuilder where = new StringBuilder(" where true");
		if (!key.isEmpty()) {
			where.append(" and (lower(u.code) = :key or exists (select 1 from unit_name n where n.unit_id = u.id and n.search_key like :pattern))");
		}
		if (kind != null) {
			where.append(" and u.kind = :kind");
		}
		if (validOn != null) {
			where.append(" and u.valid_from <= :asOf and coalesce(u.valid_to, 'infinity'::date) >= :asOf");
		}
		String scopeRegex = scopeRegex(scope);
		if (scopeRegex != null) {
			where.append(" and exists (select 1 from unit_path sp where sp.unit_id = u.id and sp.path ~ :scope)");
		}
		var count = jdbc.sql("select count(*) from unit u" + where);
		var select = jdbc.sql("select * from (" + SELECT_UNIT + where + ") r order by r.kind in ('TINH','THANH_PHO_TRUC_THUOC_TW') desc, "
				+ "length(r.path), r.name, r.code limit :limit offset :offset");
		for (var spec : List.of(count, select)) {
			spec.param("asOf", asOf);
			if (!key.isEmpty()) {
				spec.param("key", key).param("pattern", "%" + key.replace("%", "").replace("_", "") + "%");
			}
			if (kind != null) {
				spec.param("kind", kind.name());
			}
			if (scopeRegex != null) {
				spec.param("scope", scopeRegex);
			}
		}
		if (scopeRegex == null && !scope.unrestricted()) {
			return new UnitPage(List.of(), page, size, 0);
		}
		long total = count.query(Long.class).single();
		List<Unit> content = select.param("limit", size).param("offset", (long) page * size).query(Units::mapUnit).list();
		return new UnitPage(content, page, size, total);
	}

	/**
	 * For a unit field: units valid on {@code asOf} in the scope whose name (current or former, with or without its kind,
	 * diacritics and case ignored) contains the query, or whose code starts with it; optionally of some levels only. The
	 * exact name or code first, then names starting with the query, then by level and name.
	 */
	public List<Unit> pick(String query, LocalDate asOf, Collection<Integer> levels, UnitScope scope, int limit) {
		String key = SearchKey.of(query);
		String scopeRegex = scopeRegex(scope);
		if (scopeRegex == null && !scope.unrestricted()) {
			return List.of();
		}
		StringBuilder where = new StringBuilder(" where u.valid_from <= :asOf and coalesce(u.valid_to, 'infinity'::date) >= :asOf");
		if (!key.isEmpty()) {
			where.append(" and (lower(u.code) like :codePrefix or exists (select 1 from unit_name n where n.unit_id = u.id and n.search_key like :pattern))");
		}
		if (levels != null && !levels.isEmpty()) {
			where.append(" and u.level = any(:levels)");
		}
		if (scopeRegex != null) {
			where.append(" and exists (select 1 from unit_path sp where sp.unit_id = u.id and sp.path ~ :scope)");
		}
		var select = jdbc.sql("select * from (" + SELECT_UNIT + where + ") r order by length(r.path), r.name, r.code limit 200")
			.param("asOf", asOf);
		if (!key.isEmpty()) {
			String literal = key.replace("%", "").replace("_", "");
			select.param("codePrefix", literal + "%").param("pattern", "%" + literal + "%");
		}
		if (levels != null && !levels.isEmpty()) {
			select.param("levels", levels.toArray(Integer[]::new));
		}
		if (scopeRegex != null) {
			select.param("scope", scopeRegex);
		}
		java.util.Comparator<Unit> relevance = java.util.Comparator.comparingInt(unit -> relevance(unit, key));
		return select.query(Units::mapUnit).list().stream()
			.sorted(relevance.thenComparing(Unit::level).thenComparing(Unit::name).thenComparing(Unit::code))
			.limit(Math.max(1, limit)).toList();
	}

	/** 0 the code or the name itself, 1 a name starting with the query, 2 any other match. */
	private static int relevance(Unit unit, String key) {
		if (key.isEmpty()) {
			return 2;
		}
		String name = SearchKey.of(unit.name());
		String display = SearchKey.of(unit.displayName());
		if (unit.code().equalsIgnoreCase(key) || name.equals(key) || display.equals(key)) {
			return 0;
		}
		return name.startsWith(key) || display.startsWith(key) ? 1 : 2;
	}

	/**
	 * What a person typed into a unit field, as a unit code: a code stays as it is (any case); a name (diacritics, case
	 * and the kind ignored) becomes the code of the one unit in the scope valid on {@code asOf} that it names exactly, or
	 * that alone contains it. Empty when nothing or several units match.
	 */
	public Optional<String> resolve(String typed, LocalDate asOf, UnitScope scope) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> code = jdbc.sql("select code from unit where lower(code) = lower(:code) order by code = :code desc limit 1")
			.param("code", text).query(String.class).optional();
		if (code.isPresent()) {
			return code;
		}
		List<Unit> found = pick(text, asOf, null, scope, 20);
		List<Unit> exact = found.stream().filter(unit -> relevance(unit, SearchKey.of(text)) == 0).toList();
		if (exact.size() == 1) {
			return Optional.of(exact.get(0).code());
		}
		return exact.isEmpty() && found.size() == 1 ? Optional.of(found.get(0).code()) : Optional.empty();
	}

	/** Units directly under {@code code} on {@code asOf}, by name. */
	public List<Unit> children(String code, LocalDate asOf) {
		return jdbc.sql("select * from (" + SELECT_UNIT + """
				 where exists (select 1 from unit_parent c join unit p on p.id = c.parent_id
				               where c.unit_id = u.id and p.code = :code
				                 and c.valid_from <= :asOf and coalesce(c.valid_to, 'infinity'::date) >= :asOf)
				) r order by r.name, r.code""")
			.param("asOf", asOf)
			.param("code", code)
			.query(Units::mapUnit)
			.list();
	}

	/** Top of the tree as the user sees it: provinces, or the roots of a restricted scope. */
	public List<Unit> roots(LocalDate asOf, UnitScope scope) {
		if (scope.unrestricted()) {
			return jdbc.sql("select * from (" + SELECT_UNIT + """
					 where u.level = 1 and u.valid_from <= :asOf and coalesce(u.valid_to, 'infinity'::date) >= :asOf
					) r order by r.name""").param("asOf", asOf).query(Units::mapUnit).list();
		}
		return scope.rootCodes().stream().map(code -> find(code, asOf)).flatMap(Optional::stream)
			.sorted(java.util.Comparator.comparing(Unit::name)).toList();
	}

	/** The unit and everything under it on {@code asOf} (a prefix match on the materialised path). */
	public List<Unit> subtree(String code, LocalDate asOf) {
		Unit root = get(code, asOf);
		return jdbc.sql("select * from (" + SELECT_UNIT + """
				 where exists (select 1 from unit_path sp where sp.unit_id = u.id and sp.path like :prefix
				               and sp.valid_from <= :asOf and coalesce(sp.valid_to, 'infinity'::date) >= :asOf)
				) r order by length(r.path), r.name""")
			.param("asOf", asOf)
			.param("prefix", root.path() + "%")
			.query(Units::mapUnit)
			.list();
	}

	/** Codes of the unit's subtree on a date, without building full records; for roll-ups in other modules. */
	public List<String> subtreeCodes(String code, LocalDate asOf) {
		return jdbc.sql("""
				select distinct u.code from unit u join unit_path sp on sp.unit_id = u.id
				where sp.valid_from <= :asOf and coalesce(sp.valid_to, 'infinity'::date) >= :asOf
				  and sp.path like (select r.path from unit_path r join unit ru on ru.id = r.unit_id
				                    where ru.code = :code and r.valid_from <= :asOf
				                      and coalesce(r.valid_to, 'infinity'::date) >= :asOf limit 1) || '%'
				""").param("asOf", asOf).param("code", code).query(String.class).list();
	}

	/**
	 * The unit's subtree across the 2025 reform and mergers: the units under it on {@code asOf} — or, for a unit that
	 * no longer existed then (an abolished district), under it on its last day — and every unit merged into any of
	 * them before (their predecessors, recursively), whose records are the subtree's history. One query.
	 */
	public List<String> subtreeWithHistory(String code, LocalDate asOf) {
		return jdbc.sql("""
				with recursive root as (
				    select p.path, least(coalesce(p.valid_to, 'infinity'::date), :asOf) as day
				    from unit_path p join unit u on u.id = p.unit_id
				    where u.code = :code and p.valid_from <= :asOf
				    order by (coalesce(p.valid_to, 'infinity'::date) >= :asOf) desc, p.valid_from desc limit 1),
				members as (
				    select distinct u.id from unit u join unit_path sp on sp.unit_id = u.id cross join root
				    where sp.valid_from <= root.day and coalesce(sp.valid_to, 'infinity'::date) >= root.day
				      and sp.path like root.path || '%'),
				lineage(id) as (
				    select id from members
				    union
				    select l.predecessor_id from unit_lineage l join lineage s on s.id = l.successor_id)
				select u.code from lineage join unit u on u.id = lineage.id""")
			.param("code", code).param("asOf", asOf).query(String.class).list();
	}

	/** The units merged into this one, directly or through earlier mergers (oldest last). */
	public List<String> predecessors(String code) {
		return jdbc.sql("""
				with recursive lineage(id, depth) as (
				    select l.predecessor_id, 1 from unit_lineage l join unit s on s.id = l.successor_id
				    where s.code = :code and l.predecessor_id <> l.successor_id
				    union
				    select l.predecessor_id, lineage.depth + 1 from unit_lineage l join lineage on lineage.id = l.successor_id
				    where lineage.depth < 20 and l.predecessor_id <> l.successor_id)
				select u.code from lineage join unit u on u.id = lineage.id where u.code <> :code
				group by u.code order by min(lineage.depth), u.code""")
			.param("code", code).query(String.class).list();
	}

	/** The unit as it last stood: on {@code asOf} if it existed then, else on its last day (an abolished district). */
	public Optional<Unit> lastKnown(String code, LocalDate asOf) {
		return find(code, asOf);
	}

	/** Ancestors from the province down to the parent, on {@code asOf}. */
	public List<Unit> ancestors(String code, LocalDate asOf) {
		Unit unit = get(code, asOf);
		if (unit.path() == null) {
			return List.of();
		}
		List<String> codes = List.of(unit.path().substring(1).split("/"));
		List<Unit> result = new ArrayList<>();
		for (String ancestor : codes.subList(0, codes.size() - 1)) {
			find(ancestor, asOf).ifPresent(result::add);
		}
		return result;
	}

	/**
	 * The codes from the province down to the unit itself on {@code asOf} (the period valid on that day, else the
	 * last one before it); empty when the unit does not exist or had no position by then.
	 */
	public List<String> lineOn(String code, LocalDate asOf) {
		return jdbc.sql("select x.path from unit_path x join unit u on u.id = x.unit_id where u.code = :code and x.valid_from <= :asOf "
				+ AS_OF_ORDER.substring(AS_OF_ORDER.indexOf("order by")))
			.param("code", code).param("asOf", asOf).query(String.class).optional()
			.map(path -> List.of(path.substring(1).split("/"))).orElse(List.of());
	}

	/** {@link #lineOn} for many units in one query (one array parameter, whatever their number). */
	public java.util.Map<String, List<String>> linesOn(Collection<String> codes, LocalDate asOf) {
		java.util.Map<String, List<String>> lines = new java.util.HashMap<>();
		if (codes.isEmpty()) {
			return lines;
		}
		jdbc.sql("""
				select distinct on (u.code) u.code, x.path from unit_path x join unit u on u.id = x.unit_id
				where u.code = any(:codes) and x.valid_from <= :asOf
				order by u.code, (coalesce(x.valid_to, 'infinity'::date) >= :asOf) desc, x.valid_from desc""")
			.param("codes", codes.toArray(String[]::new)).param("asOf", asOf)
			.query(rs -> {
				lines.put(rs.getString(1), List.of(rs.getString(2).substring(1).split("/")));
			});
		return lines;
	}

	/**
	 * A number that grows with every committed write to the tree, a name, a classification or an event (a change stamp
	 * kept by triggers, migration V24): for caches and ETags of pages built on the tree.
	 */
	public long revision() {
		return jdbc.sql("select sum(n) from unit_stamp").query(Long.class).single();
	}

	/** Whether the unit lies, at any time, in the subtree of one of the scope's roots. */
	public boolean isWithin(String code, UnitScope scope) {
		if (scope.unrestricted()) {
			return true;
		}
		String regex = scopeRegex(scope);
		if (regex == null) {
			return false;
		}
		return jdbc.sql("""
				select count(*) from unit_path p join unit u on u.id = p.unit_id
				where u.code = :code and p.path ~ :scope""")
			.param("code", code).param("scope", regex).query(Long.class).single() > 0;
	}

	public Classification classification(String code, LocalDate asOf) {
		return jdbc.sql("""
				select x.region, x.commune_group, x.especially_disadvantaged, x.safe_zone_poor_district
				from unit_classification x join unit u on u.id = x.unit_id
				where u.code = :code
				""" + AS_OF_ORDER)
			.param("code", code).param("asOf", asOf)
			.query((rs, i) -> new Classification(
					rs.getString("region") == null ? null : Region.valueOf(rs.getString("region")),
					(Integer) rs.getObject("commune_group"), rs.getBoolean("especially_disadvantaged"),
					rs.getBoolean("safe_zone_poor_district")))
			.optional().orElse(Classification.NONE);
	}

	public UnitHistory history(String code) {
		Unit unit = get(code, LocalDate.now(clock));
		long id = jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
		var names = jdbc.sql("select name, valid_from, valid_to from unit_name where unit_id = :id order by valid_from")
			.param("id", id)
			.query((rs, i) -> new UnitHistory.NamePeriod(rs.getString(1), date(rs, 2), date(rs, 3)))
			.list();
		var parents = jdbc.sql("""
				select p.code, p.kind, l.valid_from, l.valid_to,
				       (select n.name from unit_name n where n.unit_id = p.id
				        order by (n.valid_from <= l.valid_from and coalesce(n.valid_to, 'infinity'::date) >= l.valid_from) desc,
				                 n.valid_from desc limit 1) as name
				from unit_parent l join unit p on p.id = l.parent_id
				where l.unit_id = :id order by l.valid_from""")
			.param("id", id)
			.query((rs, i) -> new UnitHistory.ParentPeriod(rs.getString("code"), rs.getString("name"),
					UnitKind.valueOf(rs.getString("kind")), date(rs, 3), date(rs, 4)))
			.list();
		var classifications = jdbc.sql("""
				select region, commune_group, especially_disadvantaged, safe_zone_poor_district, valid_from, valid_to
				from unit_classification where unit_id = :id order by valid_from""")
			.param("id", id)
			.query((rs, i) -> new UnitHistory.ClassificationPeriod(
					rs.getString(1) == null ? null : Region.valueOf(rs.getString(1)), (Integer) rs.getObject(2),
					rs.getBoolean(3), rs.getBoolean(4), date(rs, 5), date(rs, 6)))
			.list();
		List<Long> eventIds = jdbc.sql("""
				select distinct e.id, e.effective_date from unit_event e join unit_lineage l on l.event_id = e.id
				where l.predecessor_id = :id or l.successor_id = :id order by e.effective_date, e.id""")
			.param("id", id).query((rs, i) -> rs.getLong(1)).list();
		List<UnitHistory.LineageEvent> events = eventIds.stream().map(this::lineageEvent).toList();
		return new UnitHistory(unit, names, parents, classifications, events);
	}

	private UnitHistory.LineageEvent lineageEvent(long eventId) {
		record Link(UnitHistory.UnitRef predecessor, UnitHistory.UnitRef successor) {
		}
		var header = jdbc.sql("select kind, effective_date, legal_basis, note from unit_event where id = :id")
			.param("id", eventId)
			.query((rs, i) -> new Object[] { rs.getString(1), date(rs, 2), rs.getString(3), rs.getString(4) })
			.single();
		List<Link> links = jdbc.sql("""
				select p.code, p.kind, s.code, s.kind,
				       (select n.name from unit_name n where n.unit_id = p.id order by n.valid_from desc limit 1),
				       (select n.name from unit_name n where n.unit_id = s.id order by n.valid_from desc limit 1)
				from unit_lineage l join unit p on p.id = l.predecessor_id join unit s on s.id = l.successor_id
				where l.event_id = :id""")
			.param("id", eventId)
			.query((rs, i) -> new Link(
					new UnitHistory.UnitRef(rs.getString(1), rs.getString(5), UnitKind.valueOf(rs.getString(2))),
					new UnitHistory.UnitRef(rs.getString(3), rs.getString(6), UnitKind.valueOf(rs.getString(4)))))
			.list();
		return new UnitHistory.LineageEvent((String) header[0], (LocalDate) header[1], (String) header[2],
				(String) header[3], links.stream().map(Link::predecessor).distinct().toList(),
				links.stream().map(Link::successor).distinct().toList());
	}

	/** "/(38|42-CAMQUANG)/" matched against paths; null when the scope has no roots. */
	static String scopeRegex(UnitScope scope) {
		if (scope.unrestricted() || scope.rootCodes().isEmpty()) {
			return null;
		}
		Collection<String> codes = scope.rootCodes().stream().filter(code -> SAFE_CODE.matcher(code).matches()).toList();
		if (codes.isEmpty()) {
			return null;
		}
		return "/(" + codes.stream().map(code -> code.replace(".", "\\.")).collect(Collectors.joining("|")) + ")/";
	}

	private static Unit mapUnit(ResultSet rs, int row) throws SQLException {
		return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
				rs.getString("parent_code"), rs.getString("parent_name"), date(rs, "valid_from"), date(rs, "valid_to"),
				rs.getString("path"), rs.getBoolean("official_code"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}
}
