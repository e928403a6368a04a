package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class BucketPolicyTests {

	static final LocalDate ASSIGNED = LocalDate.of(2024, 3, 12);
	static final LocalDate DUE = LocalDate.of(2024, 3, 25);

	static BucketPolicy.Facts dated(LocalDate due, LocalDate progress, LocalDate completed) {
		return new BucketPolicy.Facts(List.of(new DeadlineChange(Deadline.on(due, "trước ngày " + due), ASSIGNED, null)),
				progress, completed);
	}

	@Test
	void openWithNothingReportedIsNotYetDue() {
		assertThat(BucketPolicy.bucket(dated(DUE, null, null), ASSIGNED)).isEqualTo(Bucket.NOT_DUE);
	}

	@Test
	void dueTodayIsStillWithinDeadline() {
		assertThat(BucketPolicy.bucket(dated(DUE, null, null), DUE)).isEqualTo(Bucket.NOT_DUE);
		assertThat(BucketPolicy.bucket(dated(DUE, ASSIGNED, null), DUE)).isEqualTo(Bucket.IN_PROGRESS);
	}

	@Test
	void theDayAfterTheDeadlineIsOverdueWithOrWithoutProgress() {
		assertThat(BucketPolicy.bucket(dated(DUE, null, null), DUE.plusDays(1))).isEqualTo(Bucket.OVERDUE);
		assertThat(BucketPolicy.bucket(dated(DUE, ASSIGNED, null), DUE.plusDays(1))).isEqualTo(Bucket.OVERDUE);
	}

	@Test
	void progressCountsOnlyFromTheDayItWasReported() {
		LocalDate reported = LocalDate.of(2024, 3, 20);
		assertThat(BucketPolicy.bucket(dated(DUE, reported, null), reported.minusDays(1))).isEqualTo(Bucket.NOT_DUE);
		assertThat(BucketPolicy.bucket(dated(DUE, reported, null), reported)).isEqualTo(Bucket.IN_PROGRESS);
	}

	@Test
	void completedOnTheDeadlineDayIsOnTimeAndTheDayAfterIsLate() {
		assertThat(BucketPolicy.bucket(dated(DUE, null, DUE), DUE)).isEqualTo(Bucket.COMPLETED_ON_TIME);
		assertThat(BucketPolicy.bucket(dated(DUE, null, DUE.plusDays(1)), DUE.plusDays(1))).isEqualTo(Bucket.COMPLETED_LATE);
	}

	@Test
	void aCompletionAfterTheDayAskedForDoesNotCountYet() {
		LocalDate completed = DUE.plusDays(10);
		assertThat(BucketPolicy.bucket(dated(DUE, null, completed), DUE.plusDays(1))).isEqualTo(Bucket.OVERDUE);
		assertThat(BucketPolicy.bucket(dated(DUE, null, completed), completed)).isEqualTo(Bucket.COMPLETED_LATE);
	}

	@Test
	void anExtensionMovesTheDeadlineFromTheDayItWasGranted() {
		LocalDate granted = LocalDate.of(2024, 3, 28);
		LocalDate extended = LocalDate.of(2024, 4, 15);
		var facts = new BucketPolicy.Facts(List.of(
				new DeadlineChange(Deadline.on(DUE, "trước ngày 25/3/2024"), ASSIGNED, null),
				new DeadlineChange(Deadline.on(extended, "trước ngày 15/4/2024"), granted, "lý do")), null, null);
		assertThat(BucketPolicy.bucket(facts, LocalDate.of(2024, 3, 27))).as("late before the extension was granted")
			.isEqualTo(Bucket.OVERDUE);
		assertThat(BucketPolicy.bucket(facts, granted)).isEqualTo(Bucket.NOT_DUE);
		assertThat(BucketPolicy.bucket(facts, extended.plusDays(1))).isEqualTo(Bucket.OVERDUE);
		var completedWithinExtension = new BucketPolicy.Facts(facts.deadlines(), null, LocalDate.of(2024, 4, 12));
		assertThat(BucketPolicy.bucket(completedWithinExtension, LocalDate.of(2024, 5, 1))).isEqualTo(Bucket.COMPLETED_ON_TIME);
	}

	@Test
	void recurringWorkAndWorkWithoutDeadlineAreNeverOverdue() {
		for (Deadline deadline : List.of(Deadline.recurring(Deadline.Recurrence.WEEKLY, "hàng tuần"),
				Deadline.recurring(Deadline.Recurrence.ONGOING, "thường xuyên"), Deadline.none())) {
			var open = new BucketPolicy.Facts(List.of(new DeadlineChange(deadline, ASSIGNED, null)), ASSIGNED, null);
			assertThat(BucketPolicy.bucket(open, LocalDate.of(2030, 1, 1))).isEqualTo(Bucket.IN_PROGRESS);
			var closed = new BucketPolicy.Facts(open.deadlines(), ASSIGNED, LocalDate.of(2029, 1, 1));
			assertThat(BucketPolicy.bucket(closed, LocalDate.of(2030, 1, 1))).isEqualTo(Bucket.COMPLETED_ON_TIME);
		}
	}

	@Test
	void aMonthDeadlineRunsToTheLastDayOfTheMonth() {
		var facts = new BucketPolicy.Facts(List.of(new DeadlineChange(
				Deadline.month(YearMonth.of(2023, 5), "trong tháng 5/2023"), ASSIGNED, null)), null, null);
		assertThat(BucketPolicy.bucket(facts, LocalDate.of(2023, 5, 31))).isEqualTo(Bucket.NOT_DUE);
		assertThat(BucketPolicy.bucket(facts, LocalDate.of(2023, 6, 1))).isEqualTo(Bucket.OVERDUE);
	}

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 10);
	}

	/** For 300 random directives per seed, as of random days: every directive is in exactly one bucket, and counting agrees. */
	@ParameterizedTest
	@MethodSource("seeds")
	void theFiveBucketsPartitionAnySetOfDirectivesOnAnyDay(long seed) {
		Random random = new Random(seed);
		List<BucketPolicy.Facts> directives = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			directives.add(randomFacts(random));
		}
		for (int day = 0; day < 20; day++) {
			LocalDate asOf = ASSIGNED.plusDays(random.nextInt(800) - 30);
			BucketCounts counts = BucketCounts.ZERO;
			EnumSet<Bucket> seen = EnumSet.noneOf(Bucket.class);
			for (BucketPolicy.Facts facts : directives) {
				Bucket bucket = BucketPolicy.bucket(facts, asOf);
				assertThat(bucket).isNotNull();
				counts = counts.plus(bucket);
				seen.add(bucket);
				assertInvariants(facts, asOf, bucket);
			}
			assertThat(counts.total()).isEqualTo(directives.size());
			long summed = 0;
			for (Bucket b : Bucket.values()) {
				summed += counts.count(b);
			}
			assertThat(summed).isEqualTo(300);
		}
	}

	private static void assertInvariants(BucketPolicy.Facts facts, LocalDate asOf, Bucket bucket) {
		boolean completed = facts.completedOn() != null && !facts.completedOn().isAfter(asOf);
		assertThat(bucket == Bucket.COMPLETED_ON_TIME || bucket == Bucket.COMPLETED_LATE).isEqualTo(completed);
		Deadline inForce = BucketPolicy.deadlineOn(facts.deadlines(), asOf);
		if (bucket == Bucket.OVERDUE) {
			assertThat(inForce.dated()).isTrue();
			assertThat(asOf).isAfter(inForce.due());
		}
		if (!inForce.dated()) {
			assertThat(bucket).isNotIn(Bucket.OVERDUE, Bucket.COMPLETED_LATE);
		}
	}

	private static BucketPolicy.Facts randomFacts(Random random) {
		List<DeadlineChange> changes = new ArrayList<>();
		int kind = random.nextInt(4);
		LocalDate due = ASSIGNED.plusDays(random.nextInt(300));
		Deadline original = switch (kind) {
			case 0 -> Deadline.none();
			case 1 -> Deadline.recurring(Deadline.Recurrence.values()[random.nextInt(4)], "định kỳ");
			case 2 -> Deadline.month(YearMonth.from(due), "trong tháng");
			default -> Deadline.on(due, "trước ngày");
		};
		changes.add(new DeadlineChange(original, ASSIGNED, null));
		if (original.dated() && random.nextBoolean()) {
			LocalDate granted = ASSIGNED.plusDays(random.nextInt(300));
			changes.add(new DeadlineChange(Deadline.on(original.due().plusDays(1 + random.nextInt(90)), "gia hạn"), granted, "lý do"));
		}
		LocalDate progress = random.nextBoolean() ? ASSIGNED.plusDays(random.nextInt(400)) : null;
		LocalDate completed = random.nextInt(3) == 0 ? ASSIGNED.plusDays(random.nextInt(500)) : null;
		return new BucketPolicy.Facts(changes, progress, completed);
	}
}
