package vn.ntmtracker.planning;

/** A task's state, which follows from the percent done reported. */
public enum TaskStatus {

	NOT_STARTED, IN_PROGRESS, DONE;

	static TaskStatus of(int percentDone) {
		return percentDone >= 100 ? DONE : percentDone > 0 ? IN_PROGRESS : NOT_STARTED;
	}

	public String messageKey() {
		return "planning.taskStatus." + name();
	}
}
