package vn.ntmtracker;

import java.nio.file.Path;
import java.sql.DriverManager;

/** Started as a separate JVM by {@link EmbeddedDatabaseTests}: opens the database, writes a row, waits to be killed. */
public final class EmbeddedDatabaseProbe {

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), false);
		try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
				var statement = connection.createStatement()) {
			statement.execute("create table if not exists probe (written_at timestamptz default now())");
			statement.execute("insert into probe default values");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(600_000);
	}
}
