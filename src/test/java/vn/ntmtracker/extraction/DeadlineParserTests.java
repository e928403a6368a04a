package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.DeadlineParser.Deadline;

class DeadlineParserTests {

	private static Deadline only(String text, int year) {
		List<Deadline> found = DeadlineParser.find(text, year);
		assertThat(found).as("deadlines in \"%s\"", text).hasSize(1);
		return found.get(0);
	}

	@Test
	void parsesBeforeDateWithItsWording() {
		Deadline d = only("cập nhật Khung kế hoạch hoàn thành chậm nhất trước ngày 25/3/2024.", 2024);
		assertThat(d.date()).isEqualTo(LocalDate.of(2024, 3, 25));
		assertThat(d.text()).isEqualTo("trước ngày 25/3/2024");
	}

	@Test
	void parsesSpelledOutDate() {
		Deadline d = only("hướng dẫn xã hoàn thiện hồ sơ trước ngày 12 tháng 01 năm 2023", 2023);
		assertThat(d.date()).isEqualTo(LocalDate.of(2023, 1, 12));
		assertThat(d.text()).isEqualTo("trước ngày 12 tháng 01 năm 2023");
	}

	@Test
	void parsesMonthDeadlineToLastDayOfMonth() {
		Deadline d = only("(Hoàn thành Kế hoạch trong tháng 5/2023).", 2023);
		assertThat(d.date()).isEqualTo(LocalDate.of(2023, 5, 31));
		assertThat(d.text()).isEqualTo("trong tháng 5/2023");
		assertThat(only("hoàn thành trong tháng 2/2024", 2024).date()).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void parsesQuarterDeadlineToQuarterEnd() {
		assertThat(only("hoàn thành trong quý II/2023", 2023).date()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(only("xong trước quý IV năm 2025", 2025).date()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(DeadlineParser.parseExpression("quý III/2023", 0)).contains(LocalDate.of(2023, 9, 30));
	}

	@Test
	void parsesYearDeadlinesToYearEnd() {
		assertThat(only("hoàn thành các tiêu chí còn lại trong năm 2024", 2024).date())
			.isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(only("quyết tâm đến hết năm 2024 xây dựng xã", 2023).text()).isEqualTo("đến hết năm 2024");
		assertThat(only("(đảm bảo năm 2024 hoàn thành tiêu chí)", 2023).date()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(only("hoàn thành trong 6 tháng đầu năm 2024", 2024).date()).isEqualTo(LocalDate.of(2024, 6, 30));
	}

	@Test
	void dayWithoutYearTakesDocumentYear() {
		Deadline d = only("Các tiêu chí đã hoàn thành lập hồ sơ trình huyện trước 30/3.", 2022);
		assertThat(d.date()).isEqualTo(LocalDate.of(2022, 3, 30));
		assertThat(d.text()).isEqualTo("trước 30/3");
	}

	@Test
	void supersededDeadlineGivesWayToTheNewOne() {
		Deadline d = only("thời hạn trước ngày 31/3/2024 nay được lùi thời hạn đến ngày 30/6/2024", 2024);
		assertThat(d.date()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(only("hoàn thành ngày 15/8/2024 thay vì ngày 30/6/2024", 2024).date())
			.isEqualTo(LocalDate.of(2024, 8, 15));
	}

	@Test
	void meetingAndReferenceDatesAreNotDeadlines() {
		assertThat(DeadlineParser.find("Ngày 12/3/2024, Thường trực Ban Chỉ đạo huyện tổ chức làm việc với xã", 2024))
			.isEmpty();
		assertThat(DeadlineParser.find("Thực hiện Thông báo số 381-TB/HU ngày 7/4/2023 của Ban Thường vụ", 2023)).isEmpty();
	}

	@Test
	void reportingCutOffsAndStartDatesAreNotDeadlines() {
		assertThat(DeadlineParser.find("Số liệu tính đến ngày 30/9/2025.", 2025)).isEmpty();
		assertThat(DeadlineParser.find("khắc phục kịp thời ngay từ đầu quý II năm 2023", 2023)).isEmpty();
	}

	@Test
	void recognitionYearIsATargetNotADeadline() {
		assertThat(DeadlineParser.find("hoàn thành các chỉ tiêu để được công nhận xã nông thôn mới vào năm 2022", 2022))
			.isEmpty();
		assertThat(DeadlineParser.find("hoàn thành chỉ tiêu kế hoạch năm 2024", 2024)).isEmpty();
	}

	@Test
	void criteriaCountsAreNotDates() {
		assertThat(DeadlineParser.find("đến nay đạt 10/10 tiêu chí", 2024)).isEmpty();
		assertThat(DeadlineParser.find("Quyết định số 39/2022/QĐ-UBND", 2024)).isEmpty();
	}

	@Test
	void recurringWordingIsKeptWithoutADate() {
		assertThat(DeadlineParser.recurrence("chỉnh trang khuôn viên của hộ vào thứ 7 hàng tuần do Mặt trận phát động"))
			.contains("thứ 7 hàng tuần");
		assertThat(DeadlineParser.recurrence("Định kỳ hàng tuần báo cáo kết quả")).contains("Định kỳ hàng tuần");
		assertThat(DeadlineParser.recurrence("đánh giá kết quả theo từng tháng, quý")).contains("theo từng tháng, quý");
		assertThat(DeadlineParser.recurrence("phải thường xuyên bám sát cơ sở")).contains("thường xuyên");
		assertThat(DeadlineParser.recurrence("công tác vệ sinh môi trường chưa thường xuyên")).isEmpty();
		assertThat(DeadlineParser.recurrence("gắn với đời sống hàng ngày của người dân")).isEmpty();
	}

	@Test
	void periodicWordingKeepsItsPeriod() {
		assertThat(DeadlineParser.recurrence("tổng hợp kết quả, báo cáo định kỳ 3 tháng một lần")).contains("định kỳ 3 tháng một lần");
		assertThat(DeadlineParser.recurrence("Định kỳ 06 tháng sơ kết, rút kinh nghiệm")).contains("Định kỳ 06 tháng");
		assertThat(DeadlineParser.recurrence("báo cáo định kỳ hằng quý về Văn phòng Điều phối")).contains("định kỳ hằng quý");
		// "6 tháng đầu năm" is a half-year, not a period of the recurrence.
		assertThat(DeadlineParser.recurrence("gửi báo cáo định kỳ 6 tháng đầu năm")).contains("định kỳ");
	}

	@Test
	void aReportingCutOffIsNotADeadline() {
		List<DeadlineParser.Deadline> d = DeadlineParser.find(
				"Báo cáo kết quả thực hiện (số lượng cập nhật đến hết tháng 9/2022) gửi Sở trước ngày 05/10/2022", 2022);
		assertThat(d).extracting(DeadlineParser.Deadline::date).containsExactly(java.time.LocalDate.of(2022, 10, 5));
		assertThat(DeadlineParser.find("Các xã cập nhật tiến độ lên phần mềm đến hết tháng 9/2022", 2022)).isEmpty();
		assertThat(DeadlineParser.find("Các xã hoàn thành cập nhật hồ sơ trước ngày 30/9/2022", 2022)).isNotEmpty();
	}

	@Test
	void thePeriodOfAProgrammeIsNotADeadline() {
		assertThat(DeadlineParser.find("Triển khai Đề án phát triển nông nghiệp hữu cơ đến năm 2025", 2023)).isEmpty();
		assertThat(DeadlineParser.find("Hoàn thành Đề án phát triển nông nghiệp hữu cơ trước năm 2025", 2023)).isNotEmpty();
		assertThat(DeadlineParser.find("Đầu tư đường giao thông nội đồng đến năm 2025", 2023)).isNotEmpty();
	}
}
