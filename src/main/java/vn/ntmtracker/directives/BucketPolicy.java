package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.List;

/**
 * Which bucket a directive is in as of a day, from facts dated on or before that day only, so that any
 * past day can be replayed:
 * <ul>
 * <li>completed on or before the day: on time when finished no later than the deadline in force on the
 * completion day (an extension granted before then counts), otherwise late;</li>
 * <li>else overdue when the deadline in force on the day has passed (the due day itself is still in time);</li>
 * <li>else in progress within deadline when some work was reported (progress) on or before the day;</li>
 * <li>else not yet due: assigned, nothing reported yet, deadline still ahead or none at all.</li>
 * </ul>
 * Recurring work and work without a deadline are never overdue and complete on time.
 */
final class BucketPolicy {

	private BucketPolicy() {
	}

	/** What the policy needs to know; {@code deadlines} ordered by {@code effectiveFrom}, the first being the original. */
	record Facts(List<DeadlineChange> deadlines, LocalDate firstProgressOn, LocalDate completedOn) {

		Facts {
			if (deadlines.isEmpty()) {
				throw new IllegalArgumentException("a directive has at least its original deadline");
			}
			deadlines = List.copyOf(deadlines);
		}
	}

	static Bucket bucket(Facts facts, LocalDate asOf) {
		if (facts.completedOn() != null && !facts.completedOn().isAfter(asOf)) {
			Deadline atCompletion = deadlineOn(facts.deadlines(), facts.completedOn());
			boolean late = atCompletion.dated() && facts.completedOn().isAfter(atCompletion.due());
			return late ? Bucket.COMPLETED_LATE : Bucket.COMPLETED_ON_TIME;
		}
		Deadline current = deadlineOn(facts.deadlines(), asOf);
		if (current.dated() && asOf.isAfter(current.due())) {
			return Bucket.OVERDUE;
		}
		if (facts.firstProgressOn() != null && !facts.firstProgressOn().isAfter(asOf)) {
			return Bucket.IN_PROGRESS;
		}
		return Bucket.NOT_DUE;
	}

	/** The deadline in force on a day: the last one that took effect on or before it, else the original. */
	static Deadline deadlineOn(List<DeadlineChange> deadlines, LocalDate day) {
		DeadlineChange inForce = deadlines.get(0);
		for (DeadlineChange change : deadlines) {
			if (!change.effectiveFrom().isAfter(day)) {
				inForce = change;
			}
		}
		return inForce.deadline();
	}
}
