package vn.ntmtracker.directives;

import java.util.EnumMap;
import java.util.Map;

/** How many directives fall in each bucket; the JSON shape of {@code GET /api/directives/buckets}. */
record BucketCounts(long notDue, long inProgress, long overdue, long completedOnTime, long completedLate) {

	static final BucketCounts ZERO = new BucketCounts(0, 0, 0, 0, 0);

	BucketCounts plus(Bucket bucket) {
		return switch (bucket) {
			case NOT_DUE -> new BucketCounts(notDue + 1, inProgress, overdue, completedOnTime, completedLate);
			case IN_PROGRESS -> new BucketCounts(notDue, inProgress + 1, overdue, completedOnTime, completedLate);
			case OVERDUE -> new BucketCounts(notDue, inProgress, overdue + 1, completedOnTime, completedLate);
			case COMPLETED_ON_TIME -> new BucketCounts(notDue, inProgress, overdue, completedOnTime + 1, completedLate);
			case COMPLETED_LATE -> new BucketCounts(notDue, inProgress, overdue, completedOnTime, completedLate + 1);
		};
	}

	public long total() {
		return notDue + inProgress + overdue + completedOnTime + completedLate;
	}

	public long count(Bucket bucket) {
		return switch (bucket) {
			case NOT_DUE -> notDue;
			case IN_PROGRESS -> inProgress;
			case OVERDUE -> overdue;
			case COMPLETED_ON_TIME -> completedOnTime;
			case COMPLETED_LATE -> completedLate;
		};
	}

	/** Whole percent of the total, 0 when there is nothing. */
	public long percent(Bucket bucket) {
		return total() == 0 ? 0 : Math.round(100.0 * count(bucket) / total());
	}

	Map<Bucket, Long> asMap() {
		Map<Bucket, Long> map = new EnumMap<>(Bucket.class);
		for (Bucket bucket : Bucket.values()) {
			map.put(bucket, count(bucket));
		}
		return map;
	}
}
