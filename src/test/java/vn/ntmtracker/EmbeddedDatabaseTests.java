package vn.ntmtracker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database survives what happens to it on a real machine: a second application started on the
 * same directory is refused with a clear message, and after {@code kill -9} of the JVM (whose postmaster
 * outlives it) the next start stops the orphan and finds the data intact, with fsync on.
 */
class EmbeddedDatabaseTests {

	@Test
	void refusesASecondProcessThenRecoversAfterKillDashNine() throws Exception {
		Path dir = Path.of("target", "probe-pg-" + System.nanoTime()).toAbsolutePath();
		Process probe = startProbe(dir);
		try {
			assertThatThrownBy(() -> EmbeddedDatabase.start(dir, false))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("already using the embedded database in " + dir)
				.hasMessageContaining("pid " + probe.pid());

			probe.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			long orphan = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
			assertThat(ProcessHandle.of(orphan)).as("postmaster outlives the killed JVM").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

			EmbeddedDatabase restarted = EmbeddedDatabase.start(dir, false);
			try (var connection = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", restarted.password());
					var statement = connection.createStatement()) {
				var rows = statement.executeQuery("select count(*) from probe");
				rows.next();
				assertThat(rows.getLong(1)).as("row written before kill -9").isEqualTo(1);
				var fsync = statement.executeQuery("show fsync");
				fsync.next();
				assertThat(fsync.getString(1)).isEqualTo("on");
				var commit = statement.executeQuery("show synchronous_commit");
				commit.next();
				assertThat(commit.getString(1)).isEqualTo("on");
			}
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("orphan stopped").isFalse();
		}
		finally {
			probe.destroyForcibly();
		}
	}

	/**
	 * Where a root JVM has no user namespaces, initdb refuses to run as root; the database then runs as uid
	 * 65534. Forced here, because this machine does allow user namespaces.
	 */
	@Test
	void runsPostgresAsNobodyWhenAskedAndKeepsItsData() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(ProcessHandle.current().info().user().orElse("")),
				"only meaningful when the tests run as root");
		Path dir = Path.of("/tmp", "ntm-nobody-pg-" + System.nanoTime());
		EmbeddedDatabase database = EmbeddedDatabase.start(dir, false, EmbeddedDatabase.RunAs.NOBODY);
		try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
				var statement = connection.createStatement()) {
			statement.execute("create table kept (x int)");
			statement.execute("insert into kept values (42)");
			var fsync = statement.executeQuery("show fsync");
			fsync.next();
			assertThat(fsync.getString(1)).isEqualTo("on");
		}
		long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(postmaster).flatMap(p -> p.info().user())).hasValueSatisfying(
				user -> assertThat(user).isIn("nobody", "65534"));
	}

	/**
	 * Regression: the embedded database trusted every local account (any OS user connected as superuser, read the
	 * password hashes and the sessions, ran COPY … TO PROGRAM). Now the data directory is private, the password lives
	 * in a file only this user reads, and a connection without it is refused, from any account.
	 */
	@Test
	void noLocalAccountGetsInWithoutThePassword() throws Exception {
		Path dir = Path.of("target", "access-pg-" + System.nanoTime()).toAbsolutePath();
		EmbeddedDatabase database = EmbeddedDatabase.start(dir, false);
		Path passwordFile = PostgresServer.passwordFile(dir);
		assertThat(java.nio.file.Files.getPosixFilePermissions(passwordFile))
			.isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		assertThat(java.nio.file.Files.getPosixFilePermissions(dir))
			.isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		assertThat(java.nio.file.Files.readString(dir.resolve("pg_hba.conf")).lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))).allMatch(line -> line.strip().endsWith("scram-sha-256"));
		assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", ""))
			.isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password");
		assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guess"))
			.isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password authentication failed");
		try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password())) {
			assertThat(connection.isValid(5)).isTrue();
		}
		boolean root = "root".equals(ProcessHandle.current().info().user().orElse(""));
		boolean psql = new ProcessBuilder("sh", "-c", "command -v psql").start().waitFor() == 0;
		org.junit.jupiter.api.Assumptions.assumeTrue(root && psql, "another OS account needs root and a psql client");
		int port = database.server().port();
		for (List<String> attempt : List.of(
				List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-w", "-c", "select 1"),
				List.of("psql", "-h", dir.toString(), "-p", Integer.toString(port), "-U", "postgres", "-w", "-c", "select 1"))) {
			java.util.List<String> command = new java.util.ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534",
					"--clear-groups", "--"));
			command.addAll(attempt);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor()).as("uid 65534: " + String.join(" ", attempt) + " → " + output).isNotZero();
			assertThat(output).containsAnyOf("password", "Permission denied", "No such file");
		}
	}

	/** A data directory an earlier version created with trust is switched to passwords at its next start. */
	@Test
	void aTrustingDataDirectoryFromBeforeGetsAPassword() throws Exception {
		Path dir = Path.of("target", "legacy-pg-" + System.nanoTime()).toAbsolutePath();
		PostgresServer first = PostgresServer.start(dir, PostgresServer.Launch.forThisJvm(), List.of());
		try (var connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", first.password());
				var statement = connection.createStatement()) {
			statement.execute("create table kept (x int)");
			statement.execute("insert into kept values (7)");
		}
		first.stop();
		Path hba = dir.resolve("pg_hba.conf");
		Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
		Files.delete(PostgresServer.passwordFile(dir));

		PostgresServer second = PostgresServer.start(dir, PostgresServer.Launch.forThisJvm(), List.of());
		try {
			assertThat(Files.readString(hba).lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
				.isNotEmpty().allMatch(line -> line.strip().endsWith("scram-sha-256"));
			assertThatThrownBy(() -> DriverManager.getConnection(second.jdbcUrl(), "postgres", ""))
				.isInstanceOf(java.sql.SQLException.class);
			try (var connection = DriverManager.getConnection(second.jdbcUrl(), "postgres", second.password());
					var statement = connection.createStatement()) {
				var rows = statement.executeQuery("select x from kept");
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(7);
			}
		}
		finally {
			second.stop();
		}
	}

	private static Process startProbe(Path dir) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedDatabaseProbe.class.getName(), dir.toString()))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
		String line;
		StringBuilder seen = new StringBuilder();
		while ((line = output.readLine()) != null) {
			seen.append(line).append('\n');
			if (line.equals("READY")) {
				Thread drain = new Thread(() -> output.lines().forEach(l -> { }));
				drain.setDaemon(true);
				drain.start();
				return process;
			}
		}
		throw new IllegalStateException("probe did not start:\n" + seen);
	}
}
