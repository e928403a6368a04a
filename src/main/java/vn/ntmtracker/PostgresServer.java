package vn.ntmtracker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 binaries zonky ships, run by the application itself with its data directory private (0700) and
 * every connection, TCP or Unix socket, asked for a password (scram-sha-256). The password is generated at the first
 * start and kept beside the data directory in a file only the application's user can read ({@code pg.password},
 * 0600): no other local account can connect, read password hashes or sessions, or run {@code COPY … TO PROGRAM}.
 * initdb refuses to run as root: a root JVM runs PostgreSQL in a user namespace ({@code unshare -U}, as zonky does,
 * keeping the files the JVM's), or as uid 65534 through {@code setpriv} where user namespaces are not allowed.
 * A data directory created by an earlier version with {@code trust} is switched to passwords at its next start.
 */
final class PostgresServer {

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
	static final String NOBODY_UID = "65534";
	static final String USER = "postgres";
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	/** How PostgreSQL's processes are started. */
	enum Launch {
		/** As the JVM's own (non-root) user. */
		DIRECT,
		/** A root JVM, in a new user namespace: PostgreSQL sees itself as unprivileged, the files stay root's (0700). */
		UNSHARE,
		/** A root JVM without user namespaces: as uid 65534, which then owns the data directory. */
		NOBODY;

		static Launch forThisJvm() {
			if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
				return DIRECT;
			}
			try {
				Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
				return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? UNSHARE : NOBODY;
			}
			catch (IOException ex) {
				return NOBODY;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return NOBODY;
			}
		}

		List<String> prefix() {
			return switch (this) {
				case DIRECT -> List.of();
				case UNSHARE -> List.of("unshare", "-U");
				case NOBODY -> List.of("setpriv", "--reuid=" + NOBODY_UID, "--regid=" + NOBODY_UID, "--clear-groups", "--");
			};
		}
	}

	private final Path binaries;
	private final Path dataDir;
	private final Launch launch;
	private final int port;
	private final String password;

	private PostgresServer(Path binaries, Path dataDir, Launch launch, int port, String password) {
		this.binaries = binaries;
		this.dataDir = dataDir;
		this.launch = launch;
		this.port = port;
		this.password = password;
	}

	static PostgresServer start(Path dataDir, Launch launch, List<String> serverSettings) throws IOException {
		Path binaries = dataDir.resolveSibling("pg-bin-17");
		extractBinaries(binaries);
		Files.createDirectories(dataDir);
		if (launch == Launch.NOBODY) {
			run(List.of("chown", "-R", NOBODY_UID + ":" + NOBODY_UID, dataDir.toString()));
		}
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
		Path passwordFile = passwordFile(dataDir);
		boolean initialised = Files.exists(dataDir.resolve("PG_VERSION"));
		String password;
		if (!initialised) {
			password = newPassword(passwordFile);
			initdb(binaries, dataDir, launch, password);
		}
		else if (trusts(dataDir)) {
			password = Files.exists(passwordFile) ? read(passwordFile) : newPassword(passwordFile);
			requirePasswords(binaries, dataDir, launch, serverSettings, password);
		}
		else if (Files.exists(passwordFile)) {
			password = read(passwordFile);
		}
		else {
			throw new IllegalStateException("The embedded database in " + dataDir + " asks for a password, but its password file "
					+ passwordFile + " is missing. Restore that file (from the backup of this machine) or point the application at the "
					+ "database with SPRING_DATASOURCE_URL/USERNAME/PASSWORD.");
		}
		int port = freePort();
		pgCtl(binaries, dataDir, launch, port, serverSettings, "start");
		log.info("PostgreSQL started ({}) on 127.0.0.1:{} with data in {}, password in {}", launch, port, dataDir, passwordFile);
		return new PostgresServer(binaries, dataDir, launch, port, password);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	String password() {
		return password;
	}

	int port() {
		return port;
	}

	Path binaries() {
		return binaries;
	}

	void stop() {
		try {
			as(launch, List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
		}
		catch (IOException ex) {
			log.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	static Path passwordFile(Path dataDir) {
		return dataDir.resolveSibling(dataDir.getFileName() + ".password");
	}

	private static void initdb(Path binaries, Path dataDir, Launch launch, String password) throws IOException {
		// initdb reads the password from a file; it exists only while initdb runs, readable by PostgreSQL's user alone.
		Path pwfile = Files.createTempFile("ntm-pg-", ".pw");
		try {
			Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
			Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
			if (launch == Launch.NOBODY) {
				run(List.of("chown", NOBODY_UID + ":" + NOBODY_UID, pwfile.toString()));
			}
			as(launch, List.of(binaries.resolve("bin/initdb").toString(), "--auth=scram-sha-256", "--pwfile=" + pwfile,
					"-U", USER, "-D", dataDir.toString(), "-E", "UTF-8", "--locale=C"));
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
	}

	/** A directory initialised with {@code trust} (before passwords were required) is switched over once. */
	private static boolean trusts(Path dataDir) throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		try (Stream<String> lines = Files.lines(hba)) {
			return lines.map(String::strip).filter(line -> !line.startsWith("#") && !line.isEmpty())
				.anyMatch(line -> line.endsWith("trust"));
		}
	}

	private static void requirePasswords(Path binaries, Path dataDir, Launch launch, List<String> settings, String password)
			throws IOException {
		log.warn("The embedded database in {} still lets local accounts in without a password (trust); switching it to "
				+ "scram-sha-256 passwords", dataDir);
		int port = freePort();
		pgCtl(binaries, dataDir, launch, port, settings, "start");
		try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, "");
				var statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("alter role " + USER + " password '" + password.replace("'", "''") + "'");
		}
		catch (SQLException ex) {
			throw new IOException("could not set the database password: " + ex.getMessage(), ex);
		}
		finally {
			as(launch, List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
		}
		Path hba = dataDir.resolve("pg_hba.conf");
		List<String> lines = new ArrayList<>();
		for (String line : Files.readAllLines(hba)) {
			String stripped = line.strip();
			lines.add(!stripped.startsWith("#") && stripped.endsWith("trust")
					? line.substring(0, line.lastIndexOf("trust")) + "scram-sha-256" : line);
		}
		Files.write(hba, lines, StandardOpenOption.TRUNCATE_EXISTING);
	}

	private static void pgCtl(Path binaries, Path dataDir, Launch launch, int port, List<String> settings, String action)
			throws IOException {
		// Listening on loopback only; the Unix socket lives in the private data directory.
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dataDir.toString()));
		for (String setting : settings) {
			options.add("-c");
			options.add(setting);
		}
		as(launch, List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-o", String.join(" ", options),
				"-l", dataDir.resolve("postgres.log").toString(), "-w", "-t", "60", action));
	}

	private static String newPassword(Path file) throws IOException {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, password.toString(), StandardCharsets.UTF_8);
		return password.toString();
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void as(Launch launch, List<String> command) throws IOException {
		List<String> full = new ArrayList<>(launch.prefix());
		full.addAll(command);
		run(full);
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output.strip());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted: " + String.join(" ", command), ex);
		}
	}

	/** Unpacks the binaries zonky ships, once; readable and executable by everyone so that nobody can run them. */
	private static void extractBinaries(Path target) throws IOException {
		if (Files.exists(target.resolve(".complete"))) {
			return;
		}
		try (InputStream resource = PostgresServer.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
			if (resource == null) {
				throw new IOException("PostgreSQL binaries for linux x86_64 are not on the classpath");
			}
			try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(resource)))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					Path path = target.resolve(entry.getName()).normalize();
					if (!path.startsWith(target)) {
						throw new IOException("unexpected path in the binaries archive: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(path);
					}
					else if (entry.isSymbolicLink()) {
						Files.createDirectories(path.getParent());
						Files.deleteIfExists(path);
						Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
					}
					else {
						Files.createDirectories(path.getParent());
						Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
						Files.setPosixFilePermissions(path, PosixFilePermissions.fromString((entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
					}
				}
			}
		}
		try (Stream<Path> paths = Files.walk(target)) {
			for (Path path : paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}
		Files.writeString(target.resolve(".complete"), "ok");
	}
}
