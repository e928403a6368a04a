package vn.ntmtracker.assessment;

public enum IndicatorStatus {

	ACHIEVED("Đạt"),
	NOT_ACHIEVED("Không đạt"),
	NOT_APPLICABLE("Không áp dụng"),
	MISSING("Chưa có số liệu");

	private final String label;

	IndicatorStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
