package vn.ntmtracker;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupTask} once, in order, in a lifecycle phase that ends before the embedded web server
 * starts ({@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}): the port opens only when the data is
 * complete. Application runners would run after the port has opened, which let the first requests see a system
 * whose demo data was still loading. The tasks run under the cluster lock {@code startup-tasks}: of several nodes
 * starting together on one database (after Flyway, which takes its own lock), one loads and the others wait.
 */
@Component
class StartupTasks implements SmartLifecycle {

	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1000;

	private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

	private final ObjectProvider<StartupTask> tasks;
	private final ClusterLocks locks;
	private volatile boolean running;

	StartupTasks(ObjectProvider<StartupTask> tasks, ClusterLocks locks) {
		this.tasks = tasks;
		this.locks = locks;
	}

	@Override
	public void start() {
		List<StartupTask> ordered = tasks.orderedStream().toList();
		long started = System.nanoTime();
		// Several nodes starting at once on one database: one does the work, the others wait and then find it done.
		locks.run("startup-tasks", () -> runAll(ordered));
		running = true;
		log.info("{} start-up task(s) done in {} ms", ordered.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private static void runAll(List<StartupTask> ordered) {
		for (StartupTask task : ordered) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Start-up task " + task.getClass().getSimpleName() + " failed: " + ex.getMessage(), ex);
			}
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
