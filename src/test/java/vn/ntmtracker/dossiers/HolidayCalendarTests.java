package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Deadlines in working days skip weekends and the public holidays of the data file, and count swapped Saturdays. */
class HolidayCalendarTests {

	final HolidayCalendar calendar = HolidayCalendar.shipped();

	@Test
	void fifteenWorkingDaysSkipWeekends() {
		// Wednesday 28/9/2022 + 15 working days: three weekends skipped
		assertThat(calendar.plus(LocalDate.of(2022, 9, 28), 15, true)).isEqualTo(LocalDate.of(2022, 10, 19));
		assertThat(calendar.plus(LocalDate.of(2022, 9, 28), 15, false)).isEqualTo(LocalDate.of(2022, 10, 13));
	}

	@Test
	void tetIsNotAWorkingDay() {
		// Thursday 19/1/2023: Friday 20 and 23–26 are Tết, so the third working day is Tuesday 31/1
		assertThat(calendar.plus(LocalDate.of(2023, 1, 19), 3, true)).isEqualTo(LocalDate.of(2023, 1, 31));
		assertThat(calendar.workingDay(LocalDate.of(2023, 1, 25))).isFalse();
		assertThat(calendar.workingDay(LocalDate.of(2023, 1, 27))).isTrue();
	}

	@Test
	void aSaturdayWorkedInExchangeCounts() {
		assertThat(calendar.workingDay(LocalDate.of(2024, 5, 4))).isTrue();
		assertThat(calendar.workingDay(LocalDate.of(2024, 4, 29))).isFalse();
	}

	@Test
	void aYearWithoutDataFallsBackToTheFixedHolidaysAndSaysSo() {
		assertThat(calendar.knows(2031)).isFalse();
		assertThat(calendar.workingDay(LocalDate.of(2031, 9, 2))).as("Quốc khánh, a Tuesday").isFalse();
		assertThat(calendar.workingDay(LocalDate.of(2031, 9, 3))).isTrue();
		assertThat(calendar.estimated(LocalDate.of(2031, 8, 20), LocalDate.of(2031, 9, 10))).isTrue();
		assertThat(calendar.estimated(LocalDate.of(2022, 9, 28), LocalDate.of(2022, 10, 19))).isFalse();
	}
}
