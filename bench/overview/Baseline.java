import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * The database-side baselines the HTTP figures are divided by, run over JDBC against the application's own embedded
 * PostgreSQL while the application is up (same stored rows, same run).
 *
 * <pre>
 *   java -cp &lt;classpath&gt; Baseline.java overview &lt;jdbcUrl&gt; &lt;password&gt; &lt;rootCode&gt; &lt;setCode&gt; &lt;asOf&gt; &lt;seconds&gt;
 *   java -cp &lt;classpath&gt; Baseline.java copy     &lt;jdbcUrl&gt; &lt;password&gt; &lt;unitCodePrefix&gt; &lt;asOf&gt;
 * </pre>
 *
 * overview: the minimal SQL — every commune of the subtree as of the date with its latest signed-off round of the set
 * up to that date and its criterion letters — executed back to back on one connection, every row and column read; then
 * the application's own statement (copied from AssessmentOverview.forEach, same planner setting) the same way, so the
 * share of the HTTP time spent in the database can be told apart. Prints p50/p95/p99 in ms and "RESULT key=value" lines.
 *
 * copy: the rounds the import wrote for the units with the prefix on the date, and their values, read back as CSV and
 * written again with COPY under new round ids (date 2099-12-31) into assessment_round and assessment_value — same
 * table, indexes, checks and foreign keys, one transaction, committed — then deleted again. Prints values/s.
 */
public class Baseline {

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection(args[1], "postgres", args[2])) {
			switch (args[0]) {
				case "overview" -> overview(connection, args[3], args[4], args[5], Integer.parseInt(args[6]));
				case "copy" -> copy(connection, args[3], args[4]);
				default -> throw new IllegalArgumentException(args[0]);
			}
		}
	}

	static void overview(Connection connection, String root, String set, String asOf, int seconds) throws Exception {
		// -DappSql=<file>: measure that statement (same ?1 asOf, ?2 set, ?3 prefix, ?4 prefix end) instead of the copy below.
		String path;
		try (PreparedStatement ps = connection.prepareStatement(
				"select p.path from unit_path p join unit u on u.id = p.unit_id where u.code = ? order by p.valid_from desc limit 1")) {
			ps.setString(1, root);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				path = rs.getString(1);
			}
		}
		String minimal = """
				select u.code, r.id, r.as_of, r.status, r.statuses
				from unit_path p join unit u on u.id = p.unit_id
				left join lateral (select r.id, r.as_of, r.status, r.statuses from assessment_round r
				                   where r.unit_code = u.code and r.set_code = '%2$s' and r.as_of <= date '%3$s'
				                     and r.status in ('VERIFIED', 'APPRAISED')
				                   order by r.as_of desc, r.id desc limit 1) r on true
				where p.path like '%1$s%%' and u.level = 3
				  and p.valid_from <= date '%3$s' and coalesce(p.valid_to, 'infinity'::date) >= date '%3$s'
				""".formatted(path.replace("'", "''"), set, asOf);
		System.out.println("minimal SQL:\n" + minimal);
		connection.setAutoCommit(true);
		try (Statement st = connection.createStatement()) {
			measure("minimal_sql", seconds, () -> {
				try (ResultSet rs = st.executeQuery(minimal)) {
					return drain(rs);
				}
			});
			try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + minimal)) {
				System.out.println("EXPLAIN ANALYZE (minimal SQL):");
				while (rs.next()) {
					System.out.println("  " + rs.getString(1));
				}
			}
		}
		// The application's statement, as AssessmentOverview.forEach sends it (signed-off rounds only), with its
		// per-transaction planner setting; named parameters bound positionally.
		String app = System.getProperty("appSql") != null ? java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("appSql")))
				: """
				select u.unit_code, u.kind, n.name, pn.name as parent_name,
				       r.id, r.as_of, r.status, r.achieved, r.total, r.provisional_count, r.statuses, r.set_code, r.set_version, r.tier,
				       p.id as previous_id, p.set_code as previous_set, p.set_version as previous_version, p.as_of as previous_as_of,
				       p.statuses as previous_statuses,
				       r.id is not null and exists (select 1 from assessment_round a where a.unit_code = u.unit_code and a.tier = r.tier
				            and a.status = 'APPRAISED' and a.achieved = a.total and a.as_of < r.as_of and a.id <> r.id) as recognised
				from units_v_line u
				left join lateral (select x.name from units_v_name x where x.unit_code = u.unit_code and x.valid_from <= ?1
				                   order by x.valid_from desc limit 1) n on true
				left join lateral (select pl.parent_code from units_v_parent pl where pl.unit_code = u.unit_code
				                   and pl.valid_from <= ?1 and coalesce(pl.valid_to, 'infinity'::date) >= ?1 offset 0) pl on true
				left join lateral (select x.name from units_v_name x where x.unit_code = pl.parent_code and x.valid_from <= ?1
				                   order by x.valid_from desc limit 1) pn on true
				left join lateral (select r.* from assessment_round r where r.unit_code = u.unit_code and r.set_code = ?2
				                   and r.as_of <= ?1 and r.status in ('VERIFIED', 'APPRAISED')
				                   order by r.as_of desc, r.id desc limit 1) r on true
				left join lateral (select p.* from assessment_round p where r.id is not null and p.unit_code = u.unit_code
				                   and p.tier = r.tier and p.status in ('VERIFIED', 'APPRAISED') and p.as_of < r.as_of and p.id <> r.id
				                   order by p.as_of desc, p.id desc limit 1) p on true
				where u.path ~>=~ ?3 and u.path ~<~ ?4 and u.level = 3
				  and u.valid_from <= ?1 and coalesce(u.valid_to, 'infinity'::date) >= ?1
				order by n.name, u.unit_code""";
		List<String> order = new ArrayList<>();
		StringBuilder jdbcSql = new StringBuilder();
		var m = java.util.regex.Pattern.compile("\\?(\\d)").matcher(app);
		while (m.find()) {
			order.add(m.group(1));
			m.appendReplacement(jdbcSql, "?");
		}
		m.appendTail(jdbcSql);
		connection.setAutoCommit(false);
		try (Statement setting = connection.createStatement(); PreparedStatement ps = connection.prepareStatement(jdbcSql.toString())) {
			for (int i = 0; i < order.size(); i++) {
				switch (order.get(i)) {
					case "1" -> ps.setObject(i + 1, java.time.LocalDate.parse(asOf));
					case "2" -> ps.setString(i + 1, set);
					case "3" -> ps.setString(i + 1, path);
					case "4" -> ps.setString(i + 1, path + Character.MAX_VALUE);
					default -> throw new IllegalStateException();
				}
			}
			measure("app_sql", seconds, () -> {
				setting.execute("set local plan_cache_mode = force_custom_plan");
				int rows;
				try (ResultSet rs = ps.executeQuery()) {
					rows = drain(rs);
				}
				connection.commit();
				return rows;
			});
			setting.execute("set local plan_cache_mode = force_custom_plan");
			String explain = "explain (analyze, buffers) " + jdbcSql;
			try (PreparedStatement ex = connection.prepareStatement(explain)) {
				for (int i = 0; i < order.size(); i++) {
					ex.setObject(i + 1, switch (order.get(i)) {
						case "1" -> java.time.LocalDate.parse(asOf);
						case "2" -> set;
						case "3" -> path;
						default -> path + Character.MAX_VALUE;
					});
				}
				try (ResultSet rs = ex.executeQuery()) {
					System.out.println("EXPLAIN ANALYZE (application statement):");
					while (rs.next()) {
						System.out.println("  " + rs.getString(1));
					}
				}
			}
			connection.commit();
		}
	}

	interface Run {
		int once() throws Exception;
	}

	/** Warm-up for a third of the time (at least 2 s), then executions back to back for the given seconds. */
	static void measure(String name, int seconds, Run run) throws Exception {
		long warmEnd = System.nanoTime() + Math.max(2, seconds / 3) * 1_000_000_000L;
		int rows = 0;
		while (System.nanoTime() < warmEnd) {
			rows = run.once();
		}
		List<Long> samples = new ArrayList<>();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < end) {
			long t0 = System.nanoTime();
			run.once();
			samples.add(System.nanoTime() - t0);
		}
		long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%s: %d rows, %d executions, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", name, rows, sorted.length,
				pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
		System.out.printf("RESULT %s_rows=%d%nRESULT %s_p50_ms=%.2f%nRESULT %s_p95_ms=%.2f%n", name, rows, name, pct(sorted, 50), name,
				pct(sorted, 95));
	}

	static double pct(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

	static int drain(ResultSet rs) throws Exception {
		ResultSetMetaData md = rs.getMetaData();
		int rows = 0;
		while (rs.next()) {
			for (int c = 1; c <= md.getColumnCount(); c++) {
				rs.getString(c);
			}
			rows++;
		}
		return rows;
	}

	static void copy(Connection connection, String prefix, String asOf) throws Exception {
		var api = connection.unwrap(PGConnection.class).getCopyAPI();
		connection.setAutoCommit(true);
		String where = "unit_code like '" + prefix.replace("'", "''") + "%' and as_of = date '" + asOf + "' and status <> 'CANCELLED'";
		StringWriter rounds = new StringWriter();
		api.copyOut("copy (select id, unit_code, set_code, set_version, tier, kind, status, achieved, total, below_standard, missing_values,"
				+ " provisional_count, statuses, created_by, updated_by from assessment_round where " + where + " order by id) to stdout (format csv)",
				rounds);
		StringWriter values = new StringWriter();
		api.copyOut("copy (select round_id, indicator_code, value_type, bool_value, num_value, text_value, entered_by from assessment_value"
				+ " where round_id in (select id from assessment_round where " + where + ") order by round_id) to stdout (format csv)", values);
		String[] roundLines = rounds.toString().split("\n");
		String[] valueLines = values.toString().split("\n");
		long base;
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("select max(id) + 1000000 from assessment_round")) {
			rs.next();
			base = rs.getLong(1);
		}
		// new ids: old id + offset; the CSV's first field is the id / round_id
		StringBuilder newRounds = new StringBuilder();
		for (String line : roundLines) {
			int comma = line.indexOf(',');
			String[] rest = line.substring(comma + 1).split(",", 5);
			// id, unit_code, set_code, set_version, tier, <as_of inserted>, kind, ...
			newRounds.append(Long.parseLong(line.substring(0, comma)) + base).append(',').append(rest[0]).append(',').append(rest[1])
				.append(',').append(rest[2]).append(',').append(rest[3]).append(",2099-12-31,").append(rest[4]).append('\n');
		}
		StringBuilder newValues = new StringBuilder(values.getBuffer().length() + valueLines.length * 4);
		for (String line : valueLines) {
			int comma = line.indexOf(',');
			newValues.append(Long.parseLong(line.substring(0, comma)) + base).append(line, comma, line.length()).append('\n');
		}
		String roundCols = "assessment_round (id, unit_code, set_code, set_version, tier, as_of, kind, status, achieved, total, below_standard,"
				+ " missing_values, provisional_count, statuses, created_by, updated_by)";
		String valueCols = "assessment_value (round_id, indicator_code, value_type, bool_value, num_value, text_value, entered_by)";
		connection.setAutoCommit(false);
		long t0 = System.nanoTime();
		long r = api.copyIn("copy " + roundCols + " from stdin (format csv)", new StringReader(newRounds.toString()));
		long t1 = System.nanoTime();
		long v = api.copyIn("copy " + valueCols + " from stdin (format csv)", new StringReader(newValues.toString()));
		long t2 = System.nanoTime();
		connection.commit();
		long t3 = System.nanoTime();
		connection.setAutoCommit(true);
		try (Statement st = connection.createStatement()) {
			st.executeUpdate("delete from assessment_round where as_of = date '2099-12-31'");
		}
		double valuesOnly = (t2 - t1) / 1e9;
		double all = (t3 - t0) / 1e9;
		System.out.printf("COPY %d rounds %.3f s, %d values %.3f s (%.0f values/s), commit %.3f s; rounds+values+commit %.3f s (%.0f values/s)%n",
				r, (t1 - t0) / 1e9, v, valuesOnly, v / valuesOnly, (t3 - t2) / 1e9, all, v / all);
		System.out.printf("RESULT copy_values=%d%nRESULT copy_values_s=%.3f%nRESULT copy_all_s=%.3f%n", v, valuesOnly, all);
	}
}
