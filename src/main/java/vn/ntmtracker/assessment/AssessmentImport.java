package vn.ntmtracker.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Imports a filled assessment workbook all or nothing: every row and cell is checked first (structure,
 * formulas, types, units, jurisdiction, the set fitting each unit); then all rounds, values and results are
 * written in one transaction with PostgreSQL COPY, so thousands of rows take seconds.
 */
@Service
class AssessmentImport {

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final Assessments assessments;
	private final ApplicationEventPublisher events;
	private final EvaluationEngine engine = new EvaluationEngine();
	private final NamedParameterJdbcTemplate batch;

	/** Compiled plans follow the criteria cache across nodes ({@link vn.ntmtracker.ClusterEvents}). */
	@org.springframework.context.event.EventListener
	void on(vn.ntmtracker.CacheInvalidated event) {
		engine.forget(event);
	}

	AssessmentImport(JdbcClient jdbc, DataSource dataSource, CriteriaCatalog catalog, Units units, AccessPolicy access,
			Authorization authorization, Assessments assessments, ApplicationEventPublisher events, NamedParameterJdbcTemplate batch) {
		this.batch = batch;
		this.authorization = authorization;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.assessments = assessments;
		this.events = events;
	}

	/** Public, with public accessors: the upload page reads it (a package-private record made the page answer 500). */
	public record Result(int created, int updated, List<Imported> rounds, List<AssessmentWorkbook.CellProblem> problems) {

		public static Result refused(List<AssessmentWorkbook.CellProblem> problems) {
			return new Result(0, 0, List.of(), problems);
		}

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	/** A round the file wrote: new, or the unit's draft of the same set, date and kind brought up to the file. */
	public record Imported(long id, String unitCode, String unitName, String score, boolean updated) {
	}

	/** A round already there for the unit, set, date and kind. */
	private record Existing(long id, RoundStatus status) {
	}

	@Transactional
	Result importWorkbook(InputStream input, LocalDate asOf, RoundKind kind) throws IOException {
		AssessmentWorkbook.Parsed parsed = AssessmentWorkbook.read(input, catalog::definition);
		if (!parsed.problems().isEmpty()) {
			return Result.refused(parsed.problems());
		}
		CriteriaSetDefinition set = catalog.definition(parsed.setCode(), parsed.setVersion());
		List<AssessmentWorkbook.CellProblem> problems = new ArrayList<>();
		List<String> codes = parsed.rows().stream().map(AssessmentWorkbook.UnitRow::unitCode).toList();
		Map<String, Unit> found = units.findAll(codes, asOf);
		Map<String, List<Integer>> touched = new java.util.LinkedHashMap<>();
		var coverage = CriteriaCoverage.index(set);
		parsed.rows().forEach(row -> touched.put(row.unitCode(), coverage.apply(row.values().keySet())));
		Map<String, Authorization.Decision> decisions = authorization.decideEach(Permission.IMPORT_VALUES, asOf, set.code(), touched);
		Set<String> seen = new HashSet<>();
		for (AssessmentWorkbook.UnitRow row : parsed.rows()) {
			String cell = "A" + row.rowNumber();
			Unit unit = found.get(row.unitCode());
			if (unit == null) {
				problems.add(new AssessmentWorkbook.CellProblem(AssessmentWorkbook.DATA, cell, "Không có đơn vị mã " + row.unitCode()));
			}
			else if (!decisions.get(row.unitCode()).allowed()) {
				problems.add(new AssessmentWorkbook.CellProblem(AssessmentWorkbook.DATA, cell, "Không được nhập số liệu cho "
						+ unit.displayName() + ": " + authorization.explain(decisions.get(row.unitCode()))));
			}
			else {
				try {
					assessments.checkApplies(set, unit, asOf);
				}
				catch (AssessmentException ex) {
					problems.add(new AssessmentWorkbook.CellProblem(AssessmentWorkbook.DATA, cell, ex.getMessage()));
				}
			}
			if (!seen.add(row.unitCode())) {
				problems.add(new AssessmentWorkbook.CellProblem(AssessmentWorkbook.DATA, cell, "Đơn vị " + row.unitCode() + " xuất hiện hai lần"));
			}
		}
		Map<String, Existing> existing = new HashMap<>();
		jdbc.sql("""
				select id, unit_code, status from assessment_round
				where set_code = :set and as_of = :asOf and kind = :kind and status <> 'CANCELLED' and unit_code = any(:codes)
				order by id""")
			.param("set", set.code()).param("asOf", asOf).param("kind", kind.name()).param("codes", codes.toArray(String[]::new))
			.query(rs -> {
				existing.put(rs.getString("unit_code"), new Existing(rs.getLong("id"), RoundStatus.valueOf(rs.getString("status"))));
			});
		for (AssessmentWorkbook.UnitRow row : parsed.rows()) {
			Existing there = existing.get(row.unitCode());
			if (there != null && !there.status().editable()) {
				problems.add(new AssessmentWorkbook.CellProblem(AssessmentWorkbook.DATA, "A" + row.rowNumber(), "Đơn vị " + row.unitCode()
						+ " đã có kỳ đánh giá #" + there.id() + " ngày " + asOf.getDayOfMonth() + "/" + asOf.getMonthValue() + "/"
						+ asOf.getYear() + " theo bộ " + set.code() + " ở trạng thái \"" + there.status().label()
						+ "\": tệp không ghi đè kỳ đã nộp; hãy để cấp trên trả lại kỳ đó, hoặc chọn ngày đánh giá khác"));
			}
		}
		if (!problems.isEmpty()) {
			return Result.refused(problems);
		}
		var classifications = units.classifications(codes, asOf);
		List<AssessmentWorkbook.UnitRow> fresh = parsed.rows().stream().filter(r -> !existing.containsKey(r.unitCode())).toList();
		List<Long> ids = fresh.isEmpty() ? List.of() : jdbc.sql("select nextval('assessment_round_id_seq') from generate_series(1, :n)")
			.param("n", fresh.size()).query(Long.class).list();
		Map<String, Long> idOf = new HashMap<>();
		for (int i = 0; i < fresh.size(); i++) {
			idOf.put(fresh.get(i).unitCode(), ids.get(i));
		}
		existing.forEach((code, there) -> idOf.put(code, there.id()));
		String user = access.currentUsername();
		StringBuilder rounds = new StringBuilder();
		StringBuilder values = new StringBuilder();
		List<MapSqlParameterSource> updates = new ArrayList<>();
		List<AuditEvent.Entry> audit = new ArrayList<>();
		List<Imported> imported = new ArrayList<>();
		for (AssessmentWorkbook.UnitRow row : parsed.rows()) {
			long id = idOf.get(row.unitCode());
			boolean update = existing.containsKey(row.unitCode());
			Map<String, IndicatorValue> typed = row.values();
			var c = classifications.getOrDefault(row.unitCode(), vn.ntmtracker.units.Classification.NONE);
			Evaluation evaluation = engine.evaluate(set, Assessments.toCriteria(c), asOf.getYear(), typed);
			long missing = Rounds.missing(evaluation);
			if (update) {
				updates.add(new MapSqlParameterSource().addValue("id", id).addValue("version", set.version())
					.addValue("achieved", evaluation.achieved()).addValue("total", evaluation.total())
					.addValue("below", evaluation.belowStandard()).addValue("missing", missing)
					.addValue("provisional", evaluation.provisionalCount()).addValue("statuses", CriterionCodes.encode(evaluation))
					.addValue("user", user));
			}
			else {
				csv(rounds, id, row.unitCode(), set.code(), set.version(), set.tier().name(), asOf, kind.name(), "DRAFT", evaluation.achieved(),
						evaluation.total(), evaluation.belowStandard(), missing, evaluation.provisionalCount(), CriterionCodes.encode(evaluation),
						user, user);
			}
			String roundId = Long.toString(id);
			for (var entry : typed.entrySet()) {
				valueCsv(values, roundId, entry.getKey(), entry.getValue(), user);
			}
			audit.add(new AuditEvent.Entry(update ? AuditEvent.Action.UPDATE : AuditEvent.Action.CREATE, "assessment_round",
					Long.toString(id), row.unitCode(), null,
					Map.of("set", set.code() + " v" + set.version(), "asOf", asOf.toString(), "source", "xlsx", "score", evaluation.score())));
			Unit unit = found.get(row.unitCode());
			imported.add(new Imported(id, row.unitCode(), unit.displayName(), evaluation.score(), update));
		}
		if (!existing.isEmpty()) {
			// the file is the draft's values now: what it leaves empty is cleared, judgements stay
			jdbc.sql("delete from assessment_value where round_id = any(:ids)")
				.param("ids", existing.values().stream().map(Existing::id).toArray(Long[]::new)).update();
			batch.batchUpdate("""
					update assessment_round set set_version = :version, achieved = :achieved, total = :total, below_standard = :below,
					    missing_values = :missing, provisional_count = :provisional, statuses = :statuses, version = version + 1,
					    updated_by = :user, updated_at = now()
					where id = :id""", updates.toArray(MapSqlParameterSource[]::new));
		}
		if (!rounds.isEmpty()) {
			copy("assessment_round (id, unit_code, set_code, set_version, tier, as_of, kind, status, achieved, total, below_standard, missing_values, provisional_count, statuses, created_by, updated_by)", rounds);
		}
		copy("assessment_value (round_id, indicator_code, value_type, bool_value, num_value, text_value, entered_by)", values);
		events.publishEvent(new AuditEvent(audit));
		return new Result(fresh.size(), existing.size(), imported, List.of());
	}

	private void copy(String target, StringBuilder csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy " + target + " from stdin (format csv)", new StringReader(csv.toString()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the imported rounds: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One value row as {@link Rounds#row} stores it (type, yes/no, number, text), written straight into the COPY text. */
	static void valueCsv(StringBuilder out, String roundId, String code, IndicatorValue value, String user) {
		Rounds.Stored stored = Rounds.Stored.of(value);
		quoted(out.append(roundId).append(','), code).append(',').append(stored.type()).append(',');
		if (stored.bool() != null) {
			out.append(stored.bool().booleanValue());
		}
		out.append(',');
		if (stored.num() != null) {
			out.append(stored.num().toString());
		}
		out.append(',');
		if (stored.text() != null) {
			quoted(out, stored.text());
		}
		quoted(out.append(','), user).append('\n');
	}

	private static StringBuilder quoted(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == '"') {
				out.append('"');
			}
			out.append(ch);
		}
		return out.append('"');
	}

	private static void csv(StringBuilder out, Object... fields) {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			Object field = fields[i];
			if (field != null) {
				String text = field.toString();
				out.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
		}
		out.append('\n');
	}
}
