package vn.ntmtracker.criteria;

/** Whether a value was read in a public source ([V] in criteria-facts.md) or is recalled / a placeholder ([R], [?]). */
public enum Verification {

	VERIFIED("Đã xác minh"),
	PROVISIONAL("Tạm thời, chưa xác minh");

	private final String label;

	Verification(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
