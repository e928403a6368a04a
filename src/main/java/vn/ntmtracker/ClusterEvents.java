package vn.ntmtracker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cache invalidation between the application nodes that share one PostgreSQL, through PostgreSQL's own
 * {@code LISTEN/NOTIFY} — no broker. A write that changes something nodes keep in memory calls
 * {@link #publish(String, String)} inside its transaction; PostgreSQL delivers the notification to every node
 * (this one included) when, and only if, the transaction commits, in commit order. Each node holds one connection
 * of its own (outside the pool) listening on the channel {@value #CHANNEL}, and turns each notification into a
 * {@link CacheInvalidated} event for the caches of its modules.
 *
 * <p>When the listening connection breaks (database restart, failover to the standby) the node reconnects with
 * growing pauses and, since notifications sent meanwhile are lost, publishes {@link CacheInvalidated#EVERYTHING}:
 * every cache starts over. {@link #sync()} is a barrier: it returns once every notification committed before the
 * call has been handled on this node (used by the two-node test; cheap enough for an administrator's page).
 */
@Component
public class ClusterEvents implements SmartLifecycle {

	static final String CHANNEL = "ntm_cluster";
	private static final String SYNC = "sync";
	private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final String url;
	private final String username;
	private final String password;
	private final String node = UUID.randomUUID().toString().substring(0, 8);
	private final Map<String, CompletableFuture<Void>> barriers = new ConcurrentHashMap<>();
	private final AtomicLong received = new AtomicLong();
	private volatile boolean running;
	private volatile boolean listening;
	private volatile Connection connection;
	private Thread thread;

	ClusterEvents(JdbcClient jdbc, ApplicationEventPublisher events, Environment environment) {
		this.jdbc = jdbc;
		this.events = events;
		this.url = environment.getProperty("spring.datasource.url");
		this.username = environment.getProperty("spring.datasource.username");
		this.password = environment.getProperty("spring.datasource.password");
	}

	/**
	 * Tells every node, once the current transaction commits (at once outside a transaction), that {@code key} of
	 * {@code topic} changed. Payloads are short: topic and key together stay far below PostgreSQL's 8,000 bytes.
	 */
	public void publish(String topic, String key) {
		if (topic.contains("\t") || (key != null && key.contains("\t"))) {
			throw new IllegalArgumentException("no tab in a cluster topic or key");
		}
		jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL)
			.param("payload", topic + "\t" + (key == null ? "" : key)).query(Object.class).optional();
	}

	/** Returns once this node has handled every notification committed before the call; fails after 30 s. */
	public void sync() {
		String token = node + "-" + UUID.randomUUID();
		CompletableFuture<Void> barrier = new CompletableFuture<>();
		barriers.put(token, barrier);
		try {
			publish(SYNC, token);
			barrier.get(30, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("cluster notifications are not arriving on node " + node
					+ (listening ? "" : " (not listening: database unreachable?)"), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			barriers.remove(token);
		}
	}

	/** Whether the listening connection is up (reported by the readiness probe's logs and the docs' checks). */
	public boolean listening() {
		return listening;
	}

	/** Notifications handled since start, sync barriers included. */
	public long received() {
		return received.get();
	}

	@Override
	public void start() {
		if (url == null) {
			log.warn("No spring.datasource.url: cache invalidation between nodes is off");
			return;
		}
		running = true;
		thread = new Thread(this::listenLoop, "ntm-cluster-listen");
		thread.setDaemon(true);
		thread.start();
		// Caches must not serve an entry another node changed before this one listened: wait for the first LISTEN.
		for (int i = 0; i < 300 && running && !listening; i++) {
			pause(100);
		}
	}

	@Override
	public void stop() {
		running = false;
		Thread listener = thread;
		if (listener != null) {
			try {
				listener.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		closeQuietly();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// Before the start-up tasks (which fill caches) and the web server; stopped after them.
		return StartupTasks.PHASE - 100;
	}

	private void listenLoop() {
		long pause = 200;
		boolean first = true;
		while (running) {
			try (Connection c = DriverManager.getConnection(url, username, password)) {
				connection = c;
				try (Statement statement = c.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				listening = true;
				if (!first) {
					log.info("Cluster notifications listening again; every cache starts over");
					events.publishEvent(new CacheInvalidated(CacheInvalidated.EVERYTHING, null));
				}
				first = false;
				pause = 200;
				PGConnection pg = c.unwrap(PGConnection.class);
				int idle = 0;
				while (running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications == null || notifications.length == 0) {
						if (++idle >= 20) {
							// A silently dropped connection delivers nothing: ask the server every 10 s.
							idle = 0;
							try (Statement statement = c.createStatement()) {
								statement.execute("select 1");
							}
						}
						continue;
					}
					idle = 0;
					for (PGNotification notification : notifications) {
						handle(notification.getParameter());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					log.warn("Cluster notifications: connection lost ({}); reconnecting in {} ms", ex.getMessage(), pause);
				}
			}
			finally {
				listening = false;
				connection = null;
			}
			if (running) {
				pause(pause);
				pause = Math.min(pause * 2, 10_000);
			}
		}
	}

	private void handle(String payload) {
		received.incrementAndGet();
		int tab = payload.indexOf('\t');
		String topic = tab < 0 ? payload : payload.substring(0, tab);
		String key = tab < 0 || tab == payload.length() - 1 ? null : payload.substring(tab + 1);
		if (SYNC.equals(topic)) {
			CompletableFuture<Void> barrier = key == null ? null : barriers.get(key);
			if (barrier != null) {
				barrier.complete(null);
			}
			return;
		}
		try {
			events.publishEvent(new CacheInvalidated(topic, key));
		}
		catch (RuntimeException ex) {
			log.warn("A cache listener failed on {} {}: {}", topic, key, ex.getMessage(), ex);
		}
	}

	private void closeQuietly() {
		Connection c = connection;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
