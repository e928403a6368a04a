package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import vn.ntmtracker.extraction.DeadlineWording;
import vn.ntmtracker.units.SearchKey;

/**
 * A deadline as written ({@code wording}, always kept) and as understood: the last day the work may be
 * finished on ({@code due}), or a recurrence that never falls due. A month, quarter or year runs to its
 * last day; "trước ngày 25/3/2024" is read as due on 25/3, as government task tracking counts it.
 */
record Deadline(Kind kind, String wording, LocalDate due, Recurrence recurrence) {

	enum Kind { NONE, DATE, MONTH, QUARTER, HALF_YEAR, YEAR, RECURRING }

	enum Recurrence { WEEKLY, MONTHLY, QUARTERLY, YEARLY, ONGOING }

	Deadline {
		if ((kind == Kind.NONE || kind == Kind.RECURRING) != (due == null)) {
			throw new IllegalArgumentException("due date must be given exactly for dated kinds: " + kind);
		}
		if ((kind == Kind.RECURRING) != (recurrence != null)) {
			throw new IllegalArgumentException("recurrence only for recurring deadlines");
		}
	}

	/**
	 * Reads the wording with the application's one deadline reader ({@link DeadlineWording}); {@code year} is the
	 * year of the document the directive belongs to, for "trước 30/6" and "cuối năm". Empty when unreadable.
	 */
	static Optional<Deadline> read(String wording, int year) {
		String kept = wording == null || wording.isBlank() ? null : SearchKey.clean(wording);
		return DeadlineWording.read(wording, year).map(reading -> new Deadline(Kind.valueOf(reading.kind().name()),
				kept, reading.due(), reading.recurrence() == null ? null : Recurrence.valueOf(reading.recurrence().name())));
	}

	static Deadline none() {
		return new Deadline(Kind.NONE, null, null, null);
	}

	static Deadline on(LocalDate day, String wording) {
		return new Deadline(Kind.DATE, wording, day, null);
	}

	static Deadline month(YearMonth month, String wording) {
		return new Deadline(Kind.MONTH, wording, month.atEndOfMonth(), null);
	}

	static Deadline quarter(int year, int quarter, String wording) {
		return new Deadline(Kind.QUARTER, wording, YearMonth.of(year, quarter * 3).atEndOfMonth(), null);
	}

	static Deadline year(int year, String wording) {
		return new Deadline(Kind.YEAR, wording, LocalDate.of(year, 12, 31), null);
	}

	static Deadline recurring(Recurrence recurrence, String wording) {
		return new Deadline(Kind.RECURRING, wording, null, recurrence);
	}

	/** Recurring work and work without a deadline can never be late. */
	boolean dated() {
		return due != null;
	}
}
