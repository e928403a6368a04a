package vn.ntmtracker.units;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/**
 * Every change to the unit tree: imports, merges, splits and re-parenting. Each method is one transaction,
 * rebuilds the materialised paths it affects and leaves an audit entry per unit it touched.
 */
@Service
public class UnitWriter {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final ApplicationEventPublisher events;

	UnitWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.events = events;
	}

	/** Imports a CSV all-or-nothing; returns the errors (nothing written) or the number of units created. */
	@Transactional
	public ImportReport importCsv(Reader csv) throws IOException {
		UnitCsvImport.Result result = UnitCsvImport.read(csv, this::known);
		if (!result.ok()) {
			return new ImportReport(0, result.errors());
		}
		Map<String, List<UnitCsvImport.Row>> byCode = new LinkedHashMap<>();
		result.rows().forEach(row -> byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row));
		List<SqlParameterSource> units = new ArrayList<>();
		for (var entry : byCode.entrySet()) {
			List<UnitCsvImport.Row> rows = entry.getValue();
			LocalDate from = rows.stream().map(UnitCsvImport.Row::validFrom).min(LocalDate::compareTo).orElseThrow();
			LocalDate to = rows.stream().anyMatch(r -> r.validTo() == null) ? null
					: rows.stream().map(UnitCsvImport.Row::validTo).max(LocalDate::compareTo).orElseThrow();
			units.add(new MapSqlParameterSource().addValue("code", entry.getKey())
				.addValue("kind", rows.get(0).kind().name()).addValue("level", rows.get(0).kind().level())
				.addValue("official", entry.getKey().matches("\\d+")).addValue("from", from).addValue("to", to));
		}
		batch.batchUpdate("""
				insert into unit (code, kind, level, official_code, valid_from, valid_to)
				values (:code, :kind, :level, :official, :from, :to)""", units.toArray(SqlParameterSource[]::new));
		List<SqlParameterSource> names = new ArrayList<>();
		List<SqlParameterSource> parents = new ArrayList<>();
		List<SqlParameterSource> classes = new ArrayList<>();
		for (List<UnitCsvImport.Row> periods : byCode.values()) {
			for (UnitCsvImport.Row[] name : namePeriods(periods)) {
				names.add(new MapSqlParameterSource().addValue("code", name[0].code()).addValue("name", name[0].name())
					.addValue("key", SearchKey.of(name[0].kind().label() + " " + name[0].name()))
					.addValue("from", name[0].validFrom()).addValue("to", name[1].validTo()));
			}
		}
		for (UnitCsvImport.Row row : result.rows()) {
			if (row.parentCode() != null) {
				parents.add(new MapSqlParameterSource().addValue("code", row.code()).addValue("parent", row.parentCode())
					.addValue("from", row.validFrom()).addValue("to", row.validTo()));
			}
			if (row.classified()) {
				classes.add(new MapSqlParameterSource().addValue("code", row.code())
					.addValue("region", row.region() == null ? null : row.region().name())
					.addValue("group", row.communeGroup()).addValue("dbkk", row.especiallyDisadvantaged())
					.addValue("atk", row.safeZonePoorDistrict()).addValue("from", row.validFrom())
					.addValue("to", row.validTo()));
			}
		}
		batch.batchUpdate("""
				insert into unit_name (unit_id, name, search_key, valid_from, valid_to)
				select id, :name, :key, :from, :to from unit where code = :code""", names.toArray(SqlParameterSource[]::new));
		batch.batchUpdate("""
				insert into unit_parent (unit_id, parent_id, valid_from, valid_to)
				select u.id, p.id, :from, :to from unit u, unit p where u.code = :code and p.code = :parent""",
				parents.toArray(SqlParameterSource[]::new));
		batch.batchUpdate("""
				insert into unit_classification (unit_id, region, commune_group, especially_disadvantaged,
				                                 safe_zone_poor_district, valid_from, valid_to)
				select id, :region, :group, :dbkk, :atk, :from, :to from unit where code = :code""",
				classes.toArray(SqlParameterSource[]::new));
		rebuildPaths();
		events.publishEvent(new AuditEvent(result.rows().stream()
			.map(row -> new AuditEvent.Entry(Action.CREATE, "unit", row.code(), row.code(), null, Map.of(
					"code", row.code(), "name", row.name(), "kind", row.kind().name(),
					"parentCode", String.valueOf(row.parentCode()), "validFrom", row.validFrom().toString(),
					"validTo", String.valueOf(row.validTo()))))
			.toList()));
		return new ImportReport(byCode.size(), List.of());
	}

	/** Consecutive periods with the same name (split only by a change of parent) are one naming period. */
	private static List<UnitCsvImport.Row[]> namePeriods(List<UnitCsvImport.Row> periods) {
		List<UnitCsvImport.Row> sorted = new ArrayList<>(periods);
		sorted.sort(java.util.Comparator.comparing(UnitCsvImport.Row::validFrom));
		List<UnitCsvImport.Row[]> result = new ArrayList<>();
		for (UnitCsvImport.Row row : sorted) {
			UnitCsvImport.Row[] last = result.isEmpty() ? null : result.get(result.size() - 1);
			if (last != null && last[1].validTo() != null && last[0].name().equals(row.name())
					&& last[1].validTo().plusDays(1).equals(row.validFrom())) {
				last[1] = row;
			}
			else {
				result.add(new UnitCsvImport.Row[] { row, row });
			}
		}
		return result;
	}

	/**
	 * Merges the predecessors into the successor from {@code effective}: each predecessor other than the
	 * successor ends the day before, and its villages move under the successor. The lineage keeps history
	 * readable on both the old and the new boundaries (NQ 35/2023/UBTVQH15, Điều 17).
	 */
	@Transactional
	public void merge(List<String> predecessorCodes, String successorCode, LocalDate effective, String legalBasis,
			String note) {
		if (predecessorCodes.isEmpty()) {
			throw new UnitRuleException("Cần ít nhất một đơn vị được sáp nhập");
		}
		if (predecessorCodes.stream().allMatch(successorCode::equals)) {
			throw new UnitRuleException("Không sáp nhập đơn vị " + successorCode + " vào chính nó: cần ít nhất một đơn vị khác");
		}
		if (new java.util.HashSet<>(predecessorCodes).size() != predecessorCodes.size()) {
			throw new UnitRuleException("Một đơn vị được kể hai lần trong danh sách sáp nhập");
		}
		if (effective.isBefore(LocalDate.of(1945, 9, 2)) || effective.isAfter(LocalDate.of(2100, 12, 31))) {
			throw new UnitRuleException("Ngày hiệu lực của việc sáp nhập phải trong khoảng 1945–2100");
		}
		if (legalBasis != null && legalBasis.length() > 200 || note != null && note.length() > 4000) {
			throw new UnitRuleException("Căn cứ pháp lý dài tối đa 200 ký tự, ghi chú tối đa 4.000 ký tự");
		}
		long successor = idOf(successorCode);
		long event = insertEvent("MERGE", effective, legalBasis, note);
		LocalDate lastDay = effective.minusDays(1);
		for (String code : predecessorCodes) {
			long predecessor = idOf(code);
			link(event, predecessor, successor);
			if (predecessor == successor) {
				continue;
			}
			endUnit(predecessor, lastDay);
			for (long child : jdbc.sql("""
					select unit_id from unit_parent where parent_id = :id and valid_from <= :day
					and coalesce(valid_to, 'infinity'::date) >= :day""").param("id", predecessor).param("day", effective)
				.query(Long.class).list()) {
				moveUnder(child, successor, effective);
			}
			audit(code, "sáp nhập vào " + successorCode + " từ ngày " + day(effective));
		}
		rebuildPaths();
	}

	/** Moves a unit under a new parent from a date, e.g. a commune under its province on 1/7/2025. */
	@Transactional
	public void reparent(String code, String newParentCode, LocalDate effective, String legalBasis) {
		long unit = idOf(code);
		long parent = idOf(newParentCode);
		long event = insertEvent("REPARENT", effective, legalBasis, null);
		link(event, unit, unit);
		moveUnder(unit, parent, effective);
		rebuildPaths();
		audit(code, "trực thuộc " + newParentCode + " từ ngày " + day(effective));
	}

	/** Ends a unit (e.g. a district on 30/6/2025); its children must have been moved first. */
	@Transactional
	public void abolish(String code, LocalDate lastDay, String legalBasis) {
		long unit = idOf(code);
		long remaining = jdbc.sql("""
				select count(*) from unit_parent where parent_id = :id and coalesce(valid_to, 'infinity'::date) > :day""")
			.param("id", unit).param("day", lastDay).query(Long.class).single();
		if (remaining > 0) {
			throw new IllegalStateException("Còn " + remaining + " đơn vị trực thuộc " + code + " sau ngày " + UnitCsvImport.format(lastDay));
		}
		long event = insertEvent("ABOLISH", lastDay.plusDays(1), legalBasis, null);
		link(event, unit, unit);
		endUnit(unit, lastDay);
		rebuildPaths();
		audit(code, "giải thể sau ngày " + day(lastDay));
	}

	/** Adds or replaces the classification period of a unit starting on {@code from}. */
	@Transactional
	public void classify(String code, Classification classification, LocalDate from) {
		long unit = idOf(code);
		jdbc.sql("""
				update unit_classification set valid_to = :last where unit_id = :id and valid_from < :from
				and coalesce(valid_to, 'infinity'::date) >= :from""")
			.param("id", unit).param("from", from).param("last", from.minusDays(1)).update();
		jdbc.sql("delete from unit_classification where unit_id = :id and valid_from >= :from").param("id", unit)
			.param("from", from).update();
		jdbc.sql("""
				insert into unit_classification (unit_id, region, commune_group, especially_disadvantaged,
				                                 safe_zone_poor_district, valid_from)
				values (:id, :region, :group, :dbkk, :atk, :from)""")
			.param("id", unit).param("region", classification.region() == null ? null : classification.region().name())
			.param("group", classification.communeGroup()).param("dbkk", classification.especiallyDisadvantaged())
			.param("atk", classification.safeZonePoorDistrict()).param("from", from).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "unit_classification", code, code, null, classification));
		events.publishEvent(new UnitReclassified(code, from));
	}

	private void moveUnder(long unit, long parent, LocalDate effective) {
		jdbc.sql("""
				update unit_parent set valid_to = :last where unit_id = :id and valid_from < :day
				and coalesce(valid_to, 'infinity'::date) >= :day""")
			.param("id", unit).param("day", effective).param("last", effective.minusDays(1)).update();
		jdbc.sql("insert into unit_parent (unit_id, parent_id, valid_from) values (:id, :parent, :day)")
			.param("id", unit).param("parent", parent).param("day", effective).update();
	}

	private void endUnit(long unit, LocalDate lastDay) {
		for (String table : List.of("unit_name", "unit_parent", "unit_classification")) {
			jdbc.sql("update " + table + " set valid_to = :last where unit_id = :id and coalesce(valid_to, 'infinity'::date) > :last")
				.param("id", unit).param("last", lastDay).update();
		}
		jdbc.sql("update unit set valid_to = :last, version = version + 1 where id = :id").param("id", unit)
			.param("last", lastDay).update();
	}

	private long insertEvent(String kind, LocalDate effective, String legalBasis, String note) {
		return jdbc.sql("""
				insert into unit_event (kind, effective_date, legal_basis, note) values (:kind, :day, :basis, :note)
				returning id""")
			.param("kind", kind).param("day", effective).param("basis", legalBasis).param("note", note)
			.query(Long.class).single();
	}

	private void link(long event, long predecessor, long successor) {
		jdbc.sql("insert into unit_lineage (event_id, predecessor_id, successor_id) values (:e, :p, :s) on conflict do nothing")
			.param("e", event).param("p", predecessor).param("s", successor).update();
	}

	private long idOf(String code) {
		return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).optional()
			.orElseThrow(() -> new UnitNotFoundException(code));
	}

	private UnitCsvImport.KnownUnit known(String code) {
		return jdbc.sql("select code, kind, valid_from, valid_to from unit where code = :code").param("code", code)
			.query((rs, i) -> new UnitCsvImport.KnownUnit(rs.getString(1), UnitKind.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
			.optional().orElse(null);
	}

	/** 1/7/2025: the audit log shows the change as written, in Vietnamese. */
	private static String day(java.time.LocalDate date) {
		return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
	}

	private void audit(String code, String change) {
		events.publishEvent(AuditEvent.of(Action.UPDATE, "unit", code, code, null, Map.of("change", change)));
	}

	/**
	 * Recomputes every unit's dated path from the parent links: a recursive walk from the provinces that
	 * intersects each link's period with its parent's path period. Fast enough to run whole at national
	 * scale (tens of thousands of rows), and a whole rebuild cannot leave stale descendants behind.
	 */
	void rebuildPaths() {
		jdbc.sql("delete from unit_path").update();
		jdbc.sql("""
				insert into unit_path (unit_id, path, depth, valid_from, valid_to)
				with recursive p (unit_id, path, depth, during) as (
				    select u.id, '/' || u.code || '/', 0, daterange(u.valid_from, u.valid_to, '[]')
				    from unit u where u.level = 1
				  union all
				    select l.unit_id, p.path || c.code || '/', p.depth + 1,
				           p.during * daterange(l.valid_from, l.valid_to, '[]')
				    from p
				    join unit_parent l on l.parent_id = p.unit_id
				    join unit c on c.id = l.unit_id
				    where p.during && daterange(l.valid_from, l.valid_to, '[]') and p.depth < 8
				)
				select unit_id, path, depth, lower(during), upper(during) - 1 from p where not isempty(during)
				""").update();
	}

	/** Result of an import: units created, or the errors that stopped it. */
	public record ImportReport(int created, List<ImportError> errors) {

		public boolean ok() {
			return errors.isEmpty();
		}
	}
}
