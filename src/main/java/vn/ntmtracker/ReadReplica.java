package vn.ntmtracker;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;

/**
 * A streaming replica (a physical standby) that serves the reads of read-only transactions — the overview, its ETag,
 * exports — while every write and every other read stays on the primary. Off unless {@code ntm.datasource.replica.url}
 * is set ({@link ReadReplicaConfiguration}).
 *
 * <p><b>Staleness bound.</b> Every {@code probe-interval} (5 s by default) the primary's current WAL position is
 * recorded, and the replica is used only while it has replayed at least the position the primary had at the
 * previous probe. So a read served by the replica sees every transaction committed on the primary more than two
 * probe intervals earlier (10 s by default); in practice replay follows within milliseconds on one LAN. A replica
 * that falls behind that, stops replaying or cannot be reached is left aside until it catches up: the reads go
 * to the primary meanwhile. A replica that was promoted (after a failover) is no longer in recovery and is used as
 * it is. A user who has just saved sees the save on the pages that read the primary at once; the overview may lag
 * by the bound above.
 */
public final class ReadReplica implements AutoCloseable {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(ReadReplica.class);

	private final DataSource primary;
	private final HikariDataSource replica;
	private final ScheduledExecutorService prober;
	private final AtomicLong servedByReplica = new AtomicLong();
	private final AtomicLong servedByPrimary = new AtomicLong();
	private volatile boolean usable;
	private volatile String state = "not probed yet";
	/** The primary's WAL position at the previous probe; null before the first. */
	private Long primaryAtPreviousProbe;

	ReadReplica(DataSource primary, HikariDataSource replica, Duration probeInterval) {
		this.primary = primary;
		this.replica = replica;
		if (probeInterval.isZero()) {
			this.prober = null;
		}
		else {
			this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "ntm-replica-probe");
				thread.setDaemon(true);
				return thread;
			});
			this.prober.scheduleWithFixedDelay(this::probe, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Compares the replica's replay position with the primary's; decides whether the next reads may use it. */
	public synchronized void probe() {
		Long primaryNow;
		try (Connection c = primary.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end::text")) {
			rs.next();
			primaryNow = lsn(rs.getString(1));
		}
		catch (SQLException ex) {
			primaryNow = null;
		}
		boolean ok;
		try (Connection c = replica.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text")) {
			rs.next();
			boolean inRecovery = rs.getBoolean(1);
			long replayed = lsn(rs.getString(2));
			if (!inRecovery) {
				ok = true;
				state = "promoted (not in recovery): used as it is";
			}
			else if (primaryAtPreviousProbe == null) {
				ok = false;
				state = "first probe: waiting for the next one";
			}
			else {
				ok = replayed >= primaryAtPreviousProbe;
				state = ok ? "in step (replayed " + hex(replayed) + ")"
						: "behind: replayed " + hex(replayed) + " < primary's " + hex(primaryAtPreviousProbe) + " one probe ago";
			}
		}
		catch (SQLException ex) {
			ok = false;
			state = "unreachable: " + ex.getMessage();
		}
		if (ok != usable) {
			log.info("Read replica {}: {}", ok ? "in use" : "left aside", state);
		}
		usable = ok;
		if (primaryNow != null) {
			primaryAtPreviousProbe = primaryNow;
		}
	}

	public boolean usable() {
		return usable;
	}

	public String state() {
		return state;
	}

	/** Connections handed to read-only transactions by the replica, and by the primary in its place. */
	public long servedByReplica() {
		return servedByReplica.get();
	}

	public long servedByPrimary() {
		return servedByPrimary.get();
	}

	/** The DataSource read-only transactions get their connection from. */
	DataSource router() {
		return new Router();
	}

	@Override
	public void close() {
		if (prober != null) {
			prober.shutdownNow();
		}
		replica.close();
	}

	static long lsn(String text) {
		int slash = text.indexOf('/');
		return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
	}

	private static String hex(long lsn) {
		return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xffffffffL).toUpperCase();
	}

	private final class Router implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			if (usable) {
				try {
					Connection connection = replica.getConnection();
					servedByReplica.incrementAndGet();
					return connection;
				}
				catch (SQLException ex) {
					usable = false;
					state = "unreachable: " + ex.getMessage();
					log.warn("Read replica left aside: {}", ex.getMessage());
				}
			}
			servedByPrimary.incrementAndGet();
			Connection connection = primary.getConnection();
			connection.setReadOnly(true);
			return connection;
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			if (type.isInstance(this)) {
				return type.cast(this);
			}
			throw new SQLException("not a wrapper of " + type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return type.isInstance(this);
		}
	}
}
