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

	/** Compiled plans follow the criteria cache across nodes ({@link vn.ntmtracker.ClusterEvents}). */
	@org.springframework.context.event.EventListener
	void on(vn.ntmtracker.CacheInvalidated event) {
		engine.forget(event);
	}

	AssessmentImport(JdbcClient jdbc, DataSource dataSource, CriteriaCatalog catalog, Units units, AccessPolicy access,
			Authorization authorization, Assessments assessments, ApplicationEventPublisher events) {
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
	public record Result(int created, List<AssessmentWorkbook.CellProblem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	@Transactional
	Result importWorkbook(InputStream input, LocalDate asOf, RoundKind kind) throws IOException {
		AssessmentWorkbook.Parsed parsed = AssessmentWorkbook.read(input, catalog::definition);
		if (!parsed.problems().isEmpty()) {
			return new Result(0, parsed.problems());
		}
		CriteriaSetDefinition set = catalog.definition(parsed.setCode(), parsed.setVersion());
		List<AssessmentWorkbook.CellProblem> problems = new ArrayList<>();
		List<String> codes = parsed.rows().stream().map(AssessmentWorkbook.UnitRow::unitCode).toList();
		Map<String, Unit> found = units.findAll(codes, asOf);
		Map<String, List<Integer>> touched = new java.util.LinkedHashMap<>();
		parsed.rows().forEach(row -> touched.put(row.unitCode(), Assessments.criteriaOf(set, row.values().keySet())));
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
		if (!problems.isEmpty()) {
			return new Result(0, problems);
		}
		var classifications = units.classifications(codes, asOf);
		List<Long> ids = jdbc.sql("select nextval('assessment_round_id_seq') from generate_series(1, :n)")
			.param("n", parsed.rows().size()).query(Long.class).list();
		String user = access.currentUsername();
		StringBuilder rounds = new StringBuilder();
		StringBuilder values = new StringBuilder();
		List<AuditEvent.Entry> audit = new ArrayList<>();
		for (int i = 0; i < parsed.rows().size(); i++) {
			AssessmentWorkbook.UnitRow row = parsed.rows().get(i);
			long id = ids.get(i);
			Map<String, IndicatorValue> typed = row.values();
			var c = classifications.getOrDefault(row.unitCode(), vn.ntmtracker.units.Classification.NONE);
			Evaluation evaluation = engine.evaluate(set, Assessments.toCriteria(c), asOf.getYear(), typed);
			long missing = evaluation.criteria().stream().flatMap(r -> r.rows().stream())
				.filter(r -> r.status() == IndicatorStatus.MISSING).count();
			csv(rounds, id, row.unitCode(), set.code(), set.version(), set.tier().name(), asOf, kind.name(), "DRAFT", evaluation.achieved(),
					evaluation.total(), evaluation.belowStandard(), missing, evaluation.provisionalCount(), CriterionCodes.encode(evaluation),
					user, user);
			for (var entry : typed.entrySet()) {
				var r = Rounds.row(id, entry.getKey(), entry.getValue(), null, user).getValues();
				csv(values, id, entry.getKey(), r.get("type"), r.get("bool"), r.get("num"), r.get("text"), user);
			}
			audit.add(new AuditEvent.Entry(AuditEvent.Action.CREATE, "assessment_round", Long.toString(id), row.unitCode(), null,
					Map.of("set", set.code() + " v" + set.version(), "asOf", asOf.toString(), "source", "xlsx", "score", evaluation.score())));
		}
		copy("assessment_round (id, unit_code, set_code, set_version, tier, as_of, kind, status, achieved, total, below_standard, missing_values, provisional_count, statuses, created_by, updated_by)", rounds);
		copy("assessment_value (round_id, indicator_code, value_type, bool_value, num_value, text_value, entered_by)", values);
		events.publishEvent(new AuditEvent(audit));
		return new Result(ids.size(), List.of());
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
