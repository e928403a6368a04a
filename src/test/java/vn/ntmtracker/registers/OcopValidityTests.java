package vn.ntmtracker.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class OcopValidityTests {

	static final LocalDate ISSUED = LocalDate.of(2024, 6, 20);

	@Test
	void aCertificateHoldsThirtySixMonths() {
		LocalDate last = OcopValidity.validUntil(ISSUED);
		assertThat(last).isEqualTo(LocalDate.of(2027, 6, 19));
		assertThat(OcopValidity.validOn(ISSUED, last, null, ISSUED.minusDays(1))).isFalse();
		assertThat(OcopValidity.validOn(ISSUED, last, null, ISSUED)).isTrue();
		assertThat(OcopValidity.validOn(ISSUED, last, null, last)).isTrue();
		assertThat(OcopValidity.validOn(ISSUED, last, null, last.plusDays(1))).isFalse();
		assertThat(OcopValidity.validOn(ISSUED, last, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1))).as("withdrawn").isFalse();
	}

	@Test
	void theWarningStartsNinetyDaysBeforeTheLastValidDay() {
		LocalDate last = OcopValidity.validUntil(ISSUED);
		assertThat(OcopValidity.reEvaluationDue(last)).isEqualTo(LocalDate.of(2027, 3, 21));
		assertThat(OcopValidity.expiringOn(ISSUED, last, null, LocalDate.of(2027, 3, 20))).isFalse();
		assertThat(OcopValidity.expiringOn(ISSUED, last, null, LocalDate.of(2027, 3, 21))).isTrue();
		assertThat(OcopValidity.expiringOn(ISSUED, last, null, last)).isTrue();
		assertThat(OcopValidity.expiringOn(ISSUED, last, null, last.plusDays(1))).as("lapsed, no longer a warning").isFalse();
	}
}
