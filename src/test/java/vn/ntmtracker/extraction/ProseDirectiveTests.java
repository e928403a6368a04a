package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Directive;

/** Orders written in prose (news reports, letters) and the wording that only looks like one. */
class ProseDirectiveTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	private List<Directive> directives(String text) {
		return extractor.extractText(text).directives();
	}

	@Test
	void theBodyAskedIsTheLeadNotTheOneWhoAsks() {
		List<Directive> d = directives("""
				Sáng 4/5, đoàn công tác của tỉnh kiểm tra xã Tân Phú về xây dựng nông thôn mới.
				Kết quả cho thấy xã đã đạt nhiều tiêu chí. Phó Chủ tịch UBND tỉnh đề nghị Phòng Nông nghiệp huyện hướng dẫn xã hoàn thiện hồ sơ.
				""");
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.assignee()).isEqualTo("Phòng Nông nghiệp huyện");
			assertThat(x.text()).startsWith("Phó Chủ tịch UBND tỉnh đề nghị");
		});
	}

	@Test
	void reportedActionsAndNounsAreNoOrders() {
		assertThat(directives("""
				Ủy ban nhân dân huyện đã chỉ đạo các xã rà soát tiêu chí trong quý I.
				Hội đồng xem xét hồ sơ đề nghị công nhận xã Tân Phú đạt chuẩn nông thôn mới.
				Ban Chỉ đạo huyện họp đánh giá kết quả xây dựng nông thôn mới.
				""")).isEmpty();
	}

	@Test
	void aDutyNamesItsBodiesBeforeTheVerb() {
		List<Directive> d = directives("""
				Tỉnh công nhận thêm hai xã đạt chuẩn nông thôn mới.
				Theo quyết định, UBND huyện Yên Lập và các xã được công nhận có trách nhiệm giữ vững các tiêu chí đã đạt.
				""");
		assertThat(d).extracting(Directive::assignee).containsExactly("Ủy ban nhân dân huyện Yên Lập và các xã được công nhận");
		assertThat(directives("""
				Xây dựng nông thôn mới là trách nhiệm của cả hệ thống chính trị và người dân.
				""")).isEmpty();
	}

	@Test
	void aBodyThatMustActIsTheLeadButAnExhortationToReachTheStandardIsNot() {
		List<Directive> d = directives("""
				Kết luận buổi làm việc về nông thôn mới, Bí thư Huyện ủy lưu ý, các phòng, ban cần hỗ trợ xã hoàn thiện hồ sơ trước ngày 15/11/2022.
				""");
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.assignee()).isEqualTo("Các phòng, ban");
			assertThat(x.deadline()).isEqualTo(LocalDate.of(2022, 11, 15));
		});
		assertThat(directives("""
				Thời gian không còn nhiều, các xã cần nỗ lực phấn đấu để về đích nông thôn mới năm 2022.
				""")).isEmpty();
	}

	@Test
	void anInlineListGivesEachBodyItsOwnTask() {
		List<Directive> d = directives("""
				Chủ tịch UBND huyện yêu cầu các xã tập trung những việc sau: xã Hòa Lạc hoàn thiện chợ nông thôn; xã Hòa Hiệp nâng cấp trường học; đối với xã Hòa Tân làm tốt vệ sinh môi trường.
				""");
		assertThat(d).extracting(Directive::assignee).containsExactly("Xã Hòa Lạc", "Xã Hòa Hiệp", "Xã Hòa Tân");
	}

	@Test
	void aSentenceThatOnlyGivesTheDeadlineBelongsToTheOrderBeforeIt() {
		List<Directive> d = directives("""
				UBND tỉnh vừa có văn bản giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư cân đối vốn cho các xã. Hoàn thành, báo cáo UBND tỉnh trước ngày 10/9/2021.
				""");
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.assignee()).isEqualTo("Sở Tài chính");
			assertThat(x.deadline()).isEqualTo(LocalDate.of(2021, 9, 10));
		});
	}

	@Test
	void aRecurringDutyMayOpenWithItsPeriod() {
		List<Directive> d = directives("""
				Hội nghị thống nhất các giải pháp; Hàng tháng các thôn báo cáo tiến độ về Ban Chỉ đạo xã.
				""");
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.assignee()).isEqualTo("Các thôn");
			assertThat(x.deadlineText()).isEqualTo("Hàng tháng");
		});
	}

	@Test
	void whoChairedAMeetingLeadsNoTask() {
		assertThat(directives("""
				Đồng chí Trần Văn B, Phó Chủ tịch UBND huyện chủ trì hội nghị sơ kết xây dựng nông thôn mới.
				""")).isEmpty();
	}

	@Test
	void anAreaWideCountToReachIsNotATask() {
		List<Directive> d = extractor.extractText("""
				Số: 12/KH-UBND
				Đức Thọ, ngày 10 tháng 1 năm 2024
				KẾ HOẠCH
				Xây dựng nông thôn mới năm 2024
				II. NHIỆM VỤ
				1. Toàn huyện phấn đấu có thêm 3 xã đạt chuẩn nông thôn mới nâng cao.
				2. Phòng Nông nghiệp hướng dẫn các xã lập hồ sơ trước ngày 30/6/2024.
				""").directives();
		assertThat(d).extracting(Directive::assignee).containsExactly("Phòng Nông nghiệp");
	}

	@Test
	void decisionArticlesThatApproveOrIssueOrderNothing() {
		List<Directive> d = extractor.extractText("""
				Số: 88/QĐ-UBND
				Hương Khê, ngày 02 tháng 3 năm 2023
				QUYẾT ĐỊNH
				Phê duyệt Đề án phát triển sản xuất đến năm 2025
				QUYẾT ĐỊNH:
				Điều 1. Phê duyệt Đề án phát triển sản xuất xã Hương Trà đến năm 2025 (có Đề án kèm theo).
				Điều 2. Giao Phòng Nông nghiệp và PTNT chủ trì, phối hợp với UBND xã Hương Trà triển khai Đề án.
				Điều 3. Các ông (bà): Chánh Văn phòng HĐND và UBND huyện, Trưởng
				""").directives();
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.assignee()).isEqualTo("Phòng Nông nghiệp và Phát triển nông thôn");
			assertThat(x.deadline()).isNull();
		});
	}

	@Test
	void aPageReproducingALetterTakesTheLettersNumberDateAndIssuer() {
		ExtractionDraft draft = extractor.extractText("""
				Đôn đốc báo cáo nông thôn mới (12/08/2020)
				Văn bản số 321/VPĐP-KH ngày 10/8/2020 của Văn phòng Điều phối nông thôn mới tỉnh gửi UBND các huyện về việc báo cáo tiến độ. Nội dung cụ thể như sau:
				Đề nghị UBND các huyện báo cáo kết quả thực hiện trước ngày 20/8/2020.
				""");
		assertThat(draft.number()).isEqualTo("321/VPĐP-KH");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2020, 8, 10));
		assertThat(draft.issuer()).isEqualTo("Văn phòng Điều phối nông thôn mới tỉnh");
		assertThat(extractor.extractText("""
				Tỉnh ban hành văn bản mới (12/08/2020)
				Văn bản số 321/VPĐP-KH ngày 10/8/2020 của Văn phòng Điều phối tỉnh gửi các huyện đã được triển khai.
				""").number()).isNull();
	}
}
