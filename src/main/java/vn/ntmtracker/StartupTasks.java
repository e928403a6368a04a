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
 * whose demo data was still loading.
 */
@Component
class StartupTasks implements SmartLifecycle {

	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1000;

	private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

	private final ObjectProvider<StartupTask> tasks;
	private volatile boolean running;

	StartupTasks(ObjectProvider<StartupTask> tasks) {
		this.tasks = tasks;
	}

	@Override
	public void start() {
		List<StartupTask> ordered = tasks.orderedStream().toList();
		long started = System.nanoTime();
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
		running = true;
		log.info("{} start-up task(s) done in {} ms", ordered.size(), (System.nanoTime() - started) / 1_000_000);
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
