package vn.ntmtracker.extraction;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.ntmtracker.extraction.DeadlineWording.Kind;
import vn.ntmtracker.extraction.DeadlineWording.Reading;
import vn.ntmtracker.extraction.DeadlineWording.Recurrence;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineWordingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"trước ngày 25/3/2024 | 2023 | DATE | 2024-03-25",
			"trước 30/6 | 2024 | DATE | 2024-06-30",
			"chậm nhất ngày 15/7 | 2022 | DATE | 2022-07-15",
			"ngày 12 tháng 01 năm 2023 | 2024 | DATE | 2023-01-12",
			"trong tháng 5/2023 | 2023 | MONTH | 2023-05-31",
			"cuối tháng 11 năm 2024 | 2024 | MONTH | 2024-11-30",
			"quý II/2023 | 2023 | QUARTER | 2023-06-30",
			"6 tháng đầu năm 2024 | 2024 | HALF_YEAR | 2024-06-30",
			"cuối năm | 2023 | YEAR | 2023-12-31",
			"đến hết năm 2025 | 2024 | YEAR | 2025-12-31" })
	void readsTheDateAndTheKindOfPeriod(String wording, int year, Kind kind, LocalDate due) {
		assertThat(DeadlineWording.read(wording, year)).contains(new Reading(kind, due, null));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "thứ 7 hàng tuần | WEEKLY", "định kỳ hàng tháng | MONTHLY",
			"hằng quý | QUARTERLY", "hàng năm | YEARLY", "thường xuyên | ONGOING",
			"hàng tháng, hàng quý | MONTHLY" })
	void readsRecurringWorkWithoutADueDay(String wording, Recurrence recurrence) {
		assertThat(DeadlineWording.read(wording, 2024)).contains(new Reading(Kind.RECURRING, null, recurrence));
	}

	@Test
	void blankIsNoDeadlineAndUnreadableIsEmpty() {
		assertThat(DeadlineWording.read(" ", 2024)).contains(new Reading(Kind.NONE, null, null));
		assertThat(DeadlineWording.read("sớm nhất có thể", 2024)).isEmpty();
		assertThat(DeadlineWording.read("trước ngày 30/2/2024", 2024)).as("no 30 February").isEmpty();
		assertThat(DeadlineWording.read("chưa thường xuyên", 2024)).as("a shortcoming, not a cadence").isEmpty();
	}

	@Test
	void readsWhatTheExtractorProposes() {
		String text = "Hoàn thành việc chỉnh trang khuôn viên nhà văn hóa trước 30/6.";
		DeadlineParser.Deadline found = DeadlineParser.find(text, 2024).get(0);
		Optional<Reading> reread = DeadlineWording.read(found.text(), 2024);
		assertThat(reread.map(Reading::due)).contains(found.date());
	}
}
