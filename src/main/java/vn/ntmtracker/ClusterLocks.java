package vn.ntmtracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Work that one node at a time may do, among all the nodes on one database: PostgreSQL session advisory locks
 * ({@code pg_advisory_lock(19019, hashtext(name))}) held on a pool connection for the duration of the work. The kernel
 * of the database releases them when the holder's connection ends, so a node killed mid-work blocks nobody.
 * Scheduled jobs use {@link #tryRun}: a node that finds the job running elsewhere skips it (the jobs also keep
 * their own per-item guards, such as {@code digest_sent}, so a late second run sends nothing twice). Start-up work
 * uses {@link #run}: the second node waits for the first, then finds the work done.
 */
@Component
public class ClusterLocks {

	/** The first key of every advisory lock the application takes; Flyway uses its own. */
	static final int NAMESPACE = 19019;
	private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

	private final DataSource dataSource;

	ClusterLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs {@code work} unless another node holds {@code name}; returns whether it ran. */
	public boolean tryRun(String name, Runnable work) {
		return locked(name, false, work);
	}

	/** Waits until no other node holds {@code name}, then runs {@code work} holding it. */
	public void run(String name, Runnable work) {
		locked(name, true, work);
	}

	private boolean locked(String name, boolean wait, Runnable work) {
		// A connection of its own, outside any transaction: the lock outlives the work's own transactions.
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("no database connection for the cluster lock " + name + ": " + ex.getMessage(), ex);
		}
		try {
			connection.setAutoCommit(true);
			if (!acquire(connection, name, wait)) {
				log.info("{}: running on another node, skipped here", name);
				return false;
			}
			try {
				work.run();
				return true;
			}
			finally {
				try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
					unlock.setInt(1, NAMESPACE);
					unlock.setString(2, name);
					unlock.execute();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cluster lock " + name + ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static boolean acquire(Connection connection, String name, boolean wait) throws SQLException {
		// pg_advisory_lock returns void: its row says nothing, returning at all means the lock is held.
		String sql = wait ? "select pg_advisory_lock(?, hashtext(?))::text" : "select pg_try_advisory_lock(?, hashtext(?))";
		try (PreparedStatement lock = connection.prepareStatement(sql)) {
			lock.setInt(1, NAMESPACE);
			lock.setString(2, name);
			try (ResultSet rs = lock.executeQuery()) {
				return rs.next() && (wait || rs.getBoolean(1));
			}
		}
	}
}
