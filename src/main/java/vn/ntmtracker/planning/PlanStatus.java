package vn.ntmtracker.planning;

/**
 * Draft until the body named approves it; a change to an approved plan makes it revised (compared with the
 * frozen baseline) until it is approved again.
 */
public enum PlanStatus {

	DRAFT, APPROVED, REVISED;

	PlanStatus approve() {
		if (this == APPROVED) {
			throw new PlanException("Kế hoạch đã được phê duyệt và chưa có thay đổi nào cần phê duyệt lại");
		}
		return APPROVED;
	}

	PlanStatus edit() {
		return this == APPROVED ? REVISED : this;
	}

	/** Approved at least once: a village plan in this state rolls up into the commune plan. */
	public boolean everApproved() {
		return this != DRAFT;
	}

	public String messageKey() {
		return "planning.status." + name();
	}
}
