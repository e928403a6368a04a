package vn.ntmtracker.directives;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines as the directives module reads them, through the application's one reader (extraction's DeadlineWording). */
class DeadlineReadingTests {

	static final int DOCUMENT_YEAR = 2024;


	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"chậm nhất trước ngày 25/3/2024 | DATE | 2024-03-25",
			"hoàn thành trước ngày 30/6/2024 | DATE | 2024-06-30",
			"đến 30/4/2024 | DATE | 2024-04-30",
			"ngày 12 tháng 01 năm 2023 | DATE | 2023-01-12",
			"Hoàn thành Kế hoạch trong tháng 5/2023 | MONTH | 2023-05-31",
			"trong tháng 2/2024 | MONTH | 2024-02-29",
			"quý II/2023 | QUARTER | 2023-06-30",
			"Quý 4/2024 | QUARTER | 2024-12-31",
			"quý IV/2024 | QUARTER | 2024-12-31",
			"đến hết năm 2024 | YEAR | 2024-12-31",
			"TRUOC NGAY 25/3/2024 | DATE | 2024-03-25",
			// Wordings the extractor proposes on the import review; the directives module once refused or misread them.
			"trước 30/6 | DATE | 2024-06-30",
			"cuối năm | YEAR | 2024-12-31",
			"6 tháng đầu năm 2024 | HALF_YEAR | 2024-06-30",
			"6 tháng cuối năm 2023 | HALF_YEAR | 2023-12-31",
			"đến hết năm 2025 | YEAR | 2025-12-31" })
	void readsDatedWordingAndKeepsIt(String wording, Deadline.Kind kind, LocalDate due) {
		Deadline deadline = Deadline.read(wording, DOCUMENT_YEAR).orElseThrow();
		assertThat(deadline.kind()).isEqualTo(kind);
		assertThat(deadline.due()).isEqualTo(due);
		assertThat(deadline.wording()).isEqualTo(wording.strip());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "hàng tuần | WEEKLY", "thứ 7 hàng tuần | WEEKLY", "hàng tháng | MONTHLY",
			"hàng quý | QUARTERLY", "hàng năm | YEARLY", "hằng năm | YEARLY", "phát động phong trào thường xuyên | ONGOING" })
	void readsRecurrencesWithoutADueDay(String wording, Deadline.Recurrence recurrence) {
		Deadline deadline = Deadline.read(wording, DOCUMENT_YEAR).orElseThrow();
		assertThat(deadline.kind()).isEqualTo(Deadline.Kind.RECURRING);
		assertThat(deadline.recurrence()).isEqualTo(recurrence);
		assertThat(deadline.due()).isNull();
	}

	@Test
	void blankMeansNoDeadlineAndNonsenseIsRefused() {
		assertThat(Deadline.read("  ", DOCUMENT_YEAR).orElseThrow().kind()).isEqualTo(Deadline.Kind.NONE);
		assertThat(Deadline.read(null, DOCUMENT_YEAR).orElseThrow().kind()).isEqualTo(Deadline.Kind.NONE);
		assertThat(Deadline.read("sớm nhất có thể", DOCUMENT_YEAR)).isEmpty();
		assertThat(Deadline.read("trước ngày 31/2/2024", DOCUMENT_YEAR)).as("no 31 February").isEmpty();
	}

	@Test
	void aDayWithoutYearTakesTheDocumentsYear() {
		assertThat(Deadline.read("trước 30/6", 2023).orElseThrow().due()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(Deadline.read("cuối năm", 2023).orElseThrow().due()).isEqualTo(LocalDate.of(2023, 12, 31));
	}

	@Test
	void decomposedUnicodeReadsTheSame() {
		String nfd = java.text.Normalizer.normalize("trong tháng 5/2023", java.text.Normalizer.Form.NFD);
		assertThat(Deadline.read(nfd, DOCUMENT_YEAR).orElseThrow().due()).isEqualTo(LocalDate.of(2023, 5, 31));
	}
}
