package vn.ntmtracker;

/**
 * Work that must be complete before the application answers its first request: loading the criteria set files,
 * creating the first administrator, the demo data. Tasks run in their {@code @Order}, inside the context refresh
 * and before the web server opens its port, so no one can read a half-loaded system; a task that fails stops the
 * start.
 */
public interface StartupTask {

	void run() throws Exception;
}
