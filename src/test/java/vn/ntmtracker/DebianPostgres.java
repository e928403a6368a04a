package vn.ntmtracker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from Debian's {@code postgresql} package (the binaries under /usr/lib/postgresql/N/bin, with
 * {@code pg_basebackup}, which the embedded bundle lacks), started by a test in a temporary directory on a free
 * loopback port with a generated scram password. PostgreSQL refuses to run as root: a root JVM runs it as Debian's
 * {@code postgres} account through {@code runuser}. {@link #binaries()} is empty where the package is missing
 * (.ci/run installs it).
 */
final class DebianPostgres implements AutoCloseable {

	private final Path bin;
	private final Path dataDir;
	private final int port;
	private final String password;
	private boolean running;

	private DebianPostgres(Path bin, Path dataDir, int port, String password) {
		this.bin = bin;
		this.dataDir = dataDir;
		this.port = port;
		this.password = password;
	}

	static Optional<Path> binaries() {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_basebackup")))
				.max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** A new primary: initdb, replication allowed from loopback (initdb's defaults), started. */
	static DebianPostgres primary(Path bin, Path parent) throws IOException {
		String password = newPassword();
		Path dir = parent.resolve("primary");
		Path pwfile = parent.resolve("pwfile");
		Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
		own(parent);
		run(List.of(bin.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=scram-sha-256",
				"--pwfile=" + pwfile, "-E", "UTF-8", "--locale=C"), null);
		Files.delete(pwfile);
		DebianPostgres server = new DebianPostgres(bin, dir, freePort(), password);
		server.start();
		return server;
	}

	/** A streaming replica of {@code primary}: pg_basebackup -R (standby.signal, primary_conninfo), started. */
	DebianPostgres replica(Path parent) throws IOException {
		Path dir = parent.resolve("replica");
		run(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
				"-D", dir.toString(), "-R", "-X", "stream", "--checkpoint=fast"), password);
		DebianPostgres replica = new DebianPostgres(bin, dir, freePort(), password);
		replica.start();
		return replica;
	}

	void start() throws IOException {
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", dataDir.resolveSibling(dataDir.getFileName() + ".log").toString(),
				"-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir.getParent(), "-w", "-t", "60", "start"), null);
		running = true;
	}

	void stop() {
		if (!running) {
			return;
		}
		try {
			run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), null);
		}
		catch (IOException ex) {
			// stopping anyway
		}
		running = false;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	String password() {
		return password;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", password);
	}

	@Override
	public void close() {
		stop();
	}

	static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// a leftover temporary directory
		}
	}

	private static boolean root() {
		return "root".equals(ProcessHandle.current().info().user().orElse(""));
	}

	/** Under a root JVM the directory must belong to the postgres account that runs the server. */
	private static void own(Path dir) throws IOException {
		if (root()) {
			run(List.of("chown", "-R", "postgres:postgres", dir.toString()), null, false);
		}
	}

	private static void run(List<String> command, String pgPassword) throws IOException {
		run(command, pgPassword, true);
	}

	private static void run(List<String> command, String pgPassword, boolean asPostgres) throws IOException {
		List<String> full = new ArrayList<>();
		if (asPostgres && root()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).directory(new java.io.File("/tmp"));
		if (pgPassword != null) {
			builder.environment().put("PGPASSWORD", pgPassword);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", full) + " failed: " + output.strip());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static String newPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 24; i++) {
			password.append((char) ('a' + random.nextInt(26)));
		}
		return password.toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
