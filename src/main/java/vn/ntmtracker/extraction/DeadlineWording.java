package vn.ntmtracker.extraction;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one deadline as officials write it — in a form field, in the review of an imported document, in an
 * extension — with the same rules the extractor uses on whole documents: "trước ngày 25/3/2024", "trước 30/6"
 * (the year of the document), "trong tháng 5/2023", "quý II/2023", "6 tháng đầu năm 2024", "cuối năm", "đến hết
 * năm 2024", "ngày 12 tháng 01 năm 2023", and recurring work without a due day ("hàng tuần", "hằng năm",
 * "thường xuyên"). There is one reader of deadlines in the application; this is its public face.
 */
public final class DeadlineWording {

	/** What the wording names; a month, quarter, half-year or year runs to its last day. */
	public enum Kind { NONE, DATE, MONTH, QUARTER, HALF_YEAR, YEAR, RECURRING }

	public enum Recurrence { WEEKLY, MONTHLY, QUARTERLY, YEARLY, ONGOING }

	/** {@code due} is set for dated kinds only, {@code recurrence} for recurring ones only. */
	public record Reading(Kind kind, LocalDate due, Recurrence recurrence) {
	}

	private DeadlineWording() {
	}

	/**
	 * Blank wording means no deadline; wording with neither a date nor a recurrence (or an impossible date such as
	 * 31/2) gives empty. {@code year} completes a day without a year ("trước 30/6") and "cuối năm": the year of the
	 * document the deadline belongs to.
	 */
	public static Optional<Reading> read(String wording, int year) {
		if (wording == null || wording.isBlank()) {
			return Optional.of(new Reading(Kind.NONE, null, null));
		}
		String text = Normalizer.normalize(wording, Normalizer.Form.NFC).strip();
		Optional<DeadlineParser.Dated> dated = DeadlineParser.readExpression(text, year);
		if (dated.isPresent()) {
			return Optional.of(new Reading(dated.get().kind(), dated.get().date(), null));
		}
		return DeadlineParser.recurrence(text).map(phrase -> new Reading(Kind.RECURRING, null, recurrenceOf(phrase)));
	}

	/** The most frequent cadence the phrase names: "hàng tháng, hàng quý" is monthly work. */
	private static Recurrence recurrenceOf(String phrase) {
		String lower = phrase.toLowerCase(Locale.ROOT);
		if (lower.contains("tuần")) {
			return Recurrence.WEEKLY;
		}
		if (lower.contains("tháng")) {
			return Recurrence.MONTHLY;
		}
		if (lower.contains("quý")) {
			return Recurrence.QUARTERLY;
		}
		if (lower.contains("năm")) {
			return Recurrence.YEARLY;
		}
		return Recurrence.ONGOING;
	}
}
