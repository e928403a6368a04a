package vn.ntmtracker.planning;

/** Công trình (with a site-clearance state), campaigns, recurring duties (weekly Saturday cleaning), other. */
public enum TaskKind {

	WORKS, CAMPAIGN, RECURRING, OTHER;

	public String messageKey() {
		return "planning.kind." + name();
	}
}
