package vn.ntmtracker.directives;

/** The five buckets government task tracking reports directives in. */
public enum Bucket {

	NOT_DUE, IN_PROGRESS, OVERDUE, COMPLETED_ON_TIME, COMPLETED_LATE;

	public String messageKey() {
		return "bucket." + name();
	}

	public String cssClass() {
		return "bucket-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
