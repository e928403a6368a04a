package vn.ntmtracker.assessment;

public enum CriterionStatus {

	DAT("Đạt"),
	CHUA_DAT("Chưa đạt");

	private final String label;

	CriterionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
