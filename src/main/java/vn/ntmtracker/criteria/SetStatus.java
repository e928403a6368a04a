package vn.ntmtracker.criteria;

/** Lifecycle of a set version: a published version is immutable; new content is a new version. */
public enum SetStatus {

	DRAFT("Bản nháp"),
	PUBLISHED("Đã ban hành"),
	RETIRED("Hết hiệu lực");

	private final String label;

	SetStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
