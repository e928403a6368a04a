package vn.ntmtracker.directives;

/** The five buckets government task tracking reports directives in. */
enum Bucket {

	NOT_DUE, IN_PROGRESS, OVERDUE, COMPLETED_ON_TIME, COMPLETED_LATE;

	String messageKey() {
		return "bucket." + name();
	}

	String cssClass() {
		return "bucket-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
