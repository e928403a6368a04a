package vn.ntmtracker.planning;

/** Công trình (with a site-clearance state), campaigns, recurring duties (weekly Saturday cleaning), other. */
public enum TaskKind {

	WORKS("Công trình"), CAMPAIGN("Phong trào, vận động"), RECURRING("Thường xuyên"), OTHER("Khác");

	private final String label;

	TaskKind(String label) {
		this.label = label;
	}

	/** The Vietnamese name, for files written outside a page (pages use {@link #messageKey()}). */
	public String label() {
		return label;
	}

	public String messageKey() {
		return "planning.kind." + name();
	}
}
