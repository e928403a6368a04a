package vn.ntmtracker.planning;

/** Giải phóng mặt bằng of a works task: seed 001 names it as what holds the landfill and the stadium back. */
public enum SiteClearance {

	NOT_NEEDED, NOT_STARTED, IN_PROGRESS, DONE;

	public String messageKey() {
		return "planning.clearance." + name();
	}
}
