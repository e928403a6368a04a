package vn.ntmtracker.directives;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineParserTests {

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
			"TRUOC NGAY 25/3/2024 | DATE | 2024-03-25" })
	void readsDatedWordingAndKeepsIt(String wording, Deadline.Kind kind, LocalDate due) {
		Deadline deadline = DeadlineParser.parse(wording).orElseThrow();
		assertThat(deadline.kind()).isEqualTo(kind);
		assertThat(deadline.due()).isEqualTo(due);
		assertThat(deadline.wording()).isEqualTo(wording.strip());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "hàng tuần | WEEKLY", "hàng tháng | MONTHLY", "hàng quý | QUARTERLY",
			"phát động phong trào thường xuyên | ONGOING" })
	void readsRecurrencesWithoutADueDay(String wording, Deadline.Recurrence recurrence) {
		Deadline deadline = DeadlineParser.parse(wording).orElseThrow();
		assertThat(deadline.kind()).isEqualTo(Deadline.Kind.RECURRING);
		assertThat(deadline.recurrence()).isEqualTo(recurrence);
		assertThat(deadline.due()).isNull();
	}

	@Test
	void blankMeansNoDeadlineAndNonsenseIsRefused() {
		assertThat(DeadlineParser.parse("  ").orElseThrow().kind()).isEqualTo(Deadline.Kind.NONE);
		assertThat(DeadlineParser.parse(null).orElseThrow().kind()).isEqualTo(Deadline.Kind.NONE);
		assertThat(DeadlineParser.parse("sớm nhất có thể")).isEmpty();
		assertThat(DeadlineParser.parse("trước ngày 31/2/2024")).as("no 31 February").isEmpty();
	}

	@Test
	void decomposedUnicodeReadsTheSame() {
		String nfd = java.text.Normalizer.normalize("trong tháng 5/2023", java.text.Normalizer.Form.NFD);
		assertThat(DeadlineParser.parse(nfd).orElseThrow().due()).isEqualTo(LocalDate.of(2023, 5, 31));
	}
}
