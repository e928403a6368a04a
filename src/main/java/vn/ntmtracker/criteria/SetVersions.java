package vn.ntmtracker.criteria;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which version of one set applies on a date. A round is judged against the version in force on its as-of date, so
 * a 2023 round of QĐ 318 keeps version 1 after version 2 (QĐ 211/QĐ-TTg, from 01/03/2024) is published.
 * <ul>
 * <li>Drafts never apply.</li>
 * <li>A version applies on D when {@code validFrom ≤ D ≤ validTo} (an open {@code validTo} runs on).</li>
 * <li>Among those, the highest version wins: an amendment ends the earlier version's validity from its own
 * {@code validFrom}, without editing the earlier (immutable) file.</li>
 * <li>A version listed in a later version's {@code corrects} applies on no date: its content was wrong (e.g. QĐ 1980
 * loaded with its signature date instead of its effective date 01/12/2016).</li>
 * </ul>
 * Retired versions still apply to dates inside their validity: the district sets were retired with the district level
 * on 01/07/2025, and a 2024 round of a huyện still reads them.
 */
public final class SetVersions {

	/** What the choice needs to know about one stored version. */
	public record Entry(int version, SetStatus status, LocalDate validFrom, LocalDate validTo, List<Integer> corrects) {

		public Entry {
			corrects = corrects == null ? List.of() : List.copyOf(corrects);
		}

		public static Entry of(CriteriaSetDefinition set, SetStatus status) {
			return new Entry(set.version(), status, set.validFrom(), set.validTo(), set.corrects());
		}
	}

	private SetVersions() {
	}

	/** The version that applies on {@code date}, if any. */
	public static Optional<Integer> versionOn(List<Entry> versions, LocalDate date) {
		Set<Integer> corrected = corrected(versions);
		return versions.stream()
			.filter(v -> usable(v, corrected))
			.filter(v -> v.validFrom() != null && !date.isBefore(v.validFrom()))
			.filter(v -> v.validTo() == null || !date.isAfter(v.validTo()))
			.map(Entry::version)
			.max(Integer::compare);
	}

	/**
	 * The last day a version applies: its {@code validTo}, or the day before a later version takes over, whichever
	 * comes first; empty when it runs on without end, or when it never applies (a draft or a corrected version).
	 */
	public static Optional<LocalDate> effectiveValidTo(List<Entry> versions, int version) {
		Set<Integer> corrected = corrected(versions);
		Entry own = versions.stream().filter(v -> v.version() == version).findFirst().orElse(null);
		if (own == null || !usable(own, corrected) || own.validFrom() == null) {
			return Optional.empty();
		}
		LocalDate end = own.validTo();
		for (Entry later : versions) {
			if (later.version() > version && usable(later, corrected) && later.validFrom() != null
					&& later.validFrom().isAfter(own.validFrom())) {
				LocalDate dayBefore = later.validFrom().minusDays(1);
				if (end == null || dayBefore.isBefore(end)) {
					end = dayBefore;
				}
			}
			else if (later.version() > version && usable(later, corrected) && later.validFrom() != null) {
				// A later version from the same day or earlier replaces this one entirely.
				return Optional.of(own.validFrom().minusDays(1));
			}
		}
		return Optional.ofNullable(end);
	}

	/** True when the version applies on at least one day. */
	public static boolean everApplies(List<Entry> versions, int version) {
		Set<Integer> corrected = corrected(versions);
		return versions.stream().anyMatch(v -> v.version() == version && usable(v, corrected)
				&& effectiveValidTo(versions, version).map(end -> !end.isBefore(v.validFrom())).orElse(true));
	}

	private static boolean usable(Entry entry, Set<Integer> corrected) {
		return entry.status() != SetStatus.DRAFT && !corrected.contains(entry.version());
	}

	private static Set<Integer> corrected(List<Entry> versions) {
		Set<Integer> corrected = new HashSet<>();
		versions.stream().filter(v -> v.status() != SetStatus.DRAFT).forEach(v -> corrected.addAll(v.corrects()));
		return corrected;
	}
}
