package vn.ntmtracker.registers;

import java.time.LocalDate;

/**
 * How long an OCOP rating holds and when to act before it lapses. A certificate is valid for 36 months from its date
 * (criteria-facts §10 [R]: recalled, not verified in QĐ 148/QĐ-TTg); the nâng cao criteria count only valid
 * ratings. Re-evaluation is due 90 days before the last valid day — practice, so that the dossier is rated before the
 * rating lapses — and that is also when the warning starts.
 */
final class OcopValidity {

	static final int MONTHS = 36;
	static final int WARNING_DAYS = 90;

	private OcopValidity() {
	}

	/** The last day a certificate issued on {@code issuedOn} is valid. */
	static LocalDate validUntil(LocalDate issuedOn) {
		return issuedOn.plusMonths(MONTHS).minusDays(1);
	}

	static LocalDate reEvaluationDue(LocalDate validUntil) {
		return validUntil.minusDays(WARNING_DAYS);
	}

	/** Valid on a day: issued by then, not past its last day, not withdrawn by then. */
	static boolean validOn(LocalDate issuedOn, LocalDate validUntil, LocalDate withdrawnOn, LocalDate day) {
		return !day.isBefore(issuedOn) && !day.isAfter(validUntil) && (withdrawnOn == null || day.isBefore(withdrawnOn));
	}

	/** Valid on the day and lapsing within the warning period. */
	static boolean expiringOn(LocalDate issuedOn, LocalDate validUntil, LocalDate withdrawnOn, LocalDate day) {
		return validOn(issuedOn, validUntil, withdrawnOn, day) && !day.isBefore(reEvaluationDue(validUntil));
	}
}
