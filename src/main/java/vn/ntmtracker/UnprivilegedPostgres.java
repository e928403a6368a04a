package vn.ntmtracker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * The same PostgreSQL 17 binaries zonky ships, run as uid 65534 (nobody) through {@code setpriv}. Needed when
 * the JVM runs as root where user namespaces are not allowed: initdb refuses to run as root, and zonky's own
 * way around that ({@code unshare -U}) is not available there.
 */
final class UnprivilegedPostgres {

	private static final Logger log = LoggerFactory.getLogger(UnprivilegedPostgres.class);
	static final String NOBODY = "65534";

	private final Path binaries;
	private final Path dataDir;
	private final int port;

	private UnprivilegedPostgres(Path binaries, Path dataDir, int port) {
		this.binaries = binaries;
		this.dataDir = dataDir;
		this.port = port;
	}

	/** True when this JVM is root and {@code unshare -U} does not work, so zonky cannot start PostgreSQL. */
	static boolean needed() {
		if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
			return false;
		}
		try {
			Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
			return !probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0;
		}
		catch (IOException | InterruptedException ex) {
			return true;
		}
	}

	static UnprivilegedPostgres start(Path dataDir, List<String> serverSettings) throws IOException {
		Path binaries = dataDir.resolveSibling("pg-bin-17");
		extractBinaries(binaries);
		Files.createDirectories(dataDir);
		run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dataDir.toString()));
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
		if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
			asNobody(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
					dataDir.toString(), "-E", "UTF-8", "--locale=C"));
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dataDir.toString()));
		for (String setting : serverSettings) {
			options.add("-c");
			options.add(setting);
		}
		asNobody(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-o", String.join(" ", options),
				"-l", dataDir.resolve("postgres.log").toString(), "-w", "-t", "60", "start"));
		log.info("PostgreSQL started as uid {} (no user namespaces for a root JVM) on port {}", NOBODY, port);
		return new UnprivilegedPostgres(binaries, dataDir, port);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	void stop() {
		try {
			asNobody(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
		}
		catch (IOException ex) {
			log.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	private static void asNobody(List<String> command) throws IOException {
		List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
		full.addAll(command);
		run(full);
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output.trim());
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
		try (InputStream resource = UnprivilegedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
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
