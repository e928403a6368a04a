package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Directive;

class DirectiveExtractorTests {

	private static final String HEAD = """
			Số: 10/TB-UBND
			Hương Sơn, ngày 05 tháng 3 năm 2024
			THÔNG BÁO
			Kết luận về xây dựng xã Sơn Kim đạt chuẩn nông thôn mới năm 2024
			""";

	private final DocumentExtractor extractor = new DocumentExtractor();

	private List<Directive> directives(String body) {
		return extractor.extractText(HEAD + body).directives();
	}

	@Test
	void leadBodyIsTheAssigneeNotTheCooperatingOnes() {
		List<Directive> d = directives("""
				Ủy ban nhân dân huyện yêu cầu:
				- Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch rà soát biên chế trước ngày 30/4/2024.
				- Phối hợp phòng Kinh tế - Hạ tầng, Điện lực huyện xử lý vi phạm hành lang lưới điện.
				""");
		assertThat(d).extracting(Directive::assignee).containsExactly("Phòng Nội vụ", null);
	}

	@Test
	void labelNamesTheAssignee() {
		List<Directive> d = directives("""
				Ủy ban nhân dân huyện yêu cầu:
				- Phòng Kinh tế HT: thẩm định, tham mưu phê duyệt quy hoạch trước ngày 15/7/2024.
				""");
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.assignee()).isEqualTo("Phòng Kinh tế - Hạ tầng");
			assertThat(x.text()).startsWith("thẩm định");
			assertThat(x.deadline()).isEqualTo(LocalDate.of(2024, 7, 15));
		});
	}

	@Test
	void sectionHeadingAssignsItsItems() {
		List<Directive> d = directives("""
				Yêu cầu như sau:
				1. Ủy ban nhân dân xã Sơn Kim:
				- Rà soát khung kế hoạch trước ngày 25/3/2024.
				2. Hội Nông dân huyện:
				- Hướng dẫn hội viên cải tạo vườn hộ.
				""");
		assertThat(d).extracting(Directive::assignee)
			.containsExactly("Ủy ban nhân dân xã Sơn Kim", "Hội Nông dân huyện");
	}

	@Test
	void itemWithSeveralDeadlinesBecomesOneDirectivePerDeadline() {
		List<Directive> d = directives("""
				Yêu cầu:
				- Các tiêu chí đã hoàn thành lập hồ sơ trước 30/3/2024, các tiêu chí chưa hoàn thành báo cáo đến 30/6/2024, chậm nhất đến 30/9/2024 hoàn chỉnh hồ sơ.
				""");
		assertThat(d).extracting(Directive::deadline)
			.containsExactly(LocalDate.of(2024, 3, 30), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30));
	}

	@Test
	void subItemsInheritTheDeadlineOfTheirIntroduction() {
		List<Directive> d = directives("""
				Ủy ban nhân dân huyện yêu cầu:
				Chỉ đạo các phòng hỗ trợ xã hoàn thành các tiêu chí trước ngày 30/10/2024, cụ thể:
				- Phòng Nội vụ: hướng dẫn cải cách hành chính.
				- Phòng Tài chính - KH: hướng dẫn thu ngân sách, xong trước ngày 15/6/2024.
				""");
		assertThat(d).extracting(Directive::deadline)
			.containsExactly(LocalDate.of(2024, 10, 30), LocalDate.of(2024, 10, 30), LocalDate.of(2024, 6, 15));
	}

	@Test
	void recurringTaskHasNoDeadlineButKeepsItsWording() {
		List<Directive> d = directives("""
				Yêu cầu:
				- Các thôn ra quân vệ sinh môi trường vào thứ 7 hàng tuần.
				""");
		assertThat(d).singleElement().satisfies(x -> {
			assertThat(x.deadline()).isNull();
			assertThat(x.deadlineText()).isEqualTo("thứ 7 hàng tuần");
		});
	}

	@Test
	void backgroundSectionsHoldNoDirectives() {
		List<Directive> d = directives("""
				I. KẾT QUẢ ĐẠT ĐƯỢC
				- Hoàn thành 5 km đường giao thông trước ngày 30/12/2023.
				II. NHIỆM VỤ
				- Giao Ban Quản lý dự án huyện hoàn thành đường trục xã trước ngày 30/9/2024.
				""");
		assertThat(d).singleElement().extracting(Directive::assignee).isEqualTo("Ban Quản lý dự án huyện");
	}

	@Test
	void criterionNamedWithoutNumberResolvesOnlyWhenUnambiguous() {
		List<Directive> nangCao = new DocumentExtractor().extractText("""
				THÔNG BÁO
				Kết luận về xây dựng xã Sơn Kim đạt chuẩn nông thôn mới nâng cao năm 2024
				Yêu cầu:
				- Y tế: nâng tỷ lệ tham gia bảo hiểm y tế.
				- Hướng dẫn xã nâng chất lượng tiêu chí Giao thông.
				""").directives();
		// Y tế is 14 in the nâng cao set (15 in the NTM sets); Giao thông is 2 everywhere.
		assertThat(nangCao).extracting(Directive::criterion).containsExactly(14, 2);
		List<Directive> ntm2016 = new DocumentExtractor().extractText("""
				THÔNG BÁO
				Kết luận về xây dựng xã nông thôn mới
				Yêu cầu:
				- Hướng dẫn xã nâng chất lượng tiêu chí Y tế trước ngày 30/6/2019.
				""").directives();
		assertThat(ntm2016).singleElement().extracting(Directive::criterion).isEqualTo(15);
		List<Directive> after2025 = new DocumentExtractor().extractText("""
				THÔNG BÁO
				Kết luận về xây dựng xã nông thôn mới năm 2026
				Ngày 10/3/2026 làm việc. Yêu cầu:
				- Hướng dẫn xã nâng chất lượng tiêu chí Y tế trước ngày 30/6/2026.
				""").directives();
		assertThat(after2025).singleElement().extracting(Directive::criterion).isNull();
	}

	@Test
	void spanPointsAtTheDirectiveInTheNormalisedText() {
		ExtractionDraft draft = extractor.extractText(HEAD + """
				Yêu cầu:
				- Giao Phòng Nội vụ rà soát biên chế trước ngày 30/4/2024.
				""");
		Directive d = draft.directives().get(0);
		assertThat(draft.text().substring(d.span().start(), d.span().end())).isEqualTo(d.text());
	}

	@Test
	void requestsAreToldApartFromDirectivesAndKeepWhatWasAsked() {
		List<Directive> d = directives("""
				II. Nhiệm vụ thời gian tới
				- Giao Phòng Nội vụ rà soát biên chế trước ngày 30/4/2024.
				III. Về các kiến nghị, đề xuất của xã
				- Bổ sung kinh phí làm đường: Giao Phòng Tài chính - Kế hoạch chủ trì tham mưu trước ngày 15/5/2024.
				- Đề nghị hỗ trợ xi măng: Giao Phòng Kinh tế - Hạ tầng chủ trì rà soát.
				""");
		assertThat(d).extracting(Directive::request)
			.containsExactly(null, "Bổ sung kinh phí làm đường", "Đề nghị hỗ trợ xi măng");
		assertThat(d.get(1).handling()).isEqualTo("Giao Phòng Tài chính - Kế hoạch chủ trì tham mưu trước ngày 15/5/2024");
		assertThat(d.get(1).assignee()).isEqualTo("Phòng Tài chính - Kế hoạch");
		assertThat(d.get(0).handling()).isEqualTo(d.get(0).text());
	}

	@Test
	void requestWithoutALabelIsTheWholeItemAndIsAddressedToItsBody() {
		List<Directive> d = directives("""
				II. Nhiệm vụ trọng tâm
				- Giao Phòng Nội vụ rà soát biên chế trước ngày 30/4/2024.
				- Đề nghị Huyện đoàn hỗ trợ xã xây dựng công trình thanh niên.
				III. Kiến nghị
				- Kiến nghị với UBND tỉnh sớm phân bổ vốn sự nghiệp năm 2024.
				- Đề nghị Phòng TN&MT huyện hướng dẫn xã lập hồ sơ đất đai.
				- Đề nghị hỗ trợ 200 tấn xi măng làm đường thôn.
				- Đề nghị bố trí vốn đối ứng: Giao Phòng Tài chính - Kế hoạch chủ trì tham mưu.
				""");
		assertThat(d).extracting(Directive::assignee)
			.containsExactly("Phòng Nội vụ", "Huyện đoàn", "Ủy ban nhân dân tỉnh", "Phòng Tài nguyên và Môi trường huyện",
					null, "Phòng Tài chính - Kế hoạch");
		// A plain directive is no request; a request without "…:" is its whole text, and handling() is that text.
		assertThat(d.get(0).request()).isNull();
		for (Directive x : d.subList(1, 5)) {
			assertThat(x.request()).isEqualTo(x.text());
			assertThat(x.handling()).isEqualTo(x.text());
		}
		assertThat(d.get(5).request()).isEqualTo("Đề nghị bố trí vốn đối ứng");
		assertThat(d.get(5).handling()).isEqualTo("Giao Phòng Tài chính - Kế hoạch chủ trì tham mưu");
	}

	@Test
	void aFundingHeadingEndsTheOperativePartButAFundingSubHeadingDoesNot() {
		List<Directive> d = directives("""
				II. NHIỆM VỤ, GIẢI PHÁP
				2.1 Huy động các nguồn vốn cho giao thông nông thôn
				- Các thôn vận động Nhân dân góp ngày công làm đường trước ngày 30/9/2024.
				2.2 Kinh phí thực hiện
				Tổng kinh phí 2 tỷ đồng, gồm:
				- Ngân sách xã: 1,5 tỷ đồng trong năm 2024;
				- Nhân dân đóng góp: 500 triệu đồng.
				2.3 Kiểm tra, giám sát
				- Ban Thanh tra nhân dân xã kiểm tra chất lượng công trình hàng tháng.
				III. NGUỒN VỐN THỰC HIỆN
				Ngân sách xã bố trí 1,5 tỷ đồng trong năm 2024; Nhân dân đóng góp 500 triệu đồng.
				""");
		// A funding sub-heading pauses the operative part until the next heading of its rank.
		assertThat(d).extracting(Directive::assignee).containsExactly("Các thôn", "Ban Thanh tra nhân dân xã");
	}

	@Test
	void genericExecutionFormulasAreNotDirectives() {
		List<Directive> d = directives("""
				III. TỔ CHỨC THỰC HIỆN
				- Phòng Nội vụ căn cứ nhiệm vụ được giao tổ chức thực hiện việc rà soát biên chế xã.
				- Các thôn căn cứ nhiệm vụ được giao tổ chức thực hiện trước ngày 15/5/2024.
				- Phòng Kinh tế - Hạ tầng căn cứ nhiệm vụ được giao tổ chức thực hiện; hướng dẫn xã lập hồ sơ tiêu chí Giao thông.
				Các phòng, ban chuyên môn căn cứ chức năng, nhiệm vụ được giao, chủ động triển khai thực hiện; nếu có vướng mắc, phản ánh về Văn phòng Ủy ban nhân dân huyện./.
				Trong quá trình tổ chức thực hiện, nếu có phát sinh, các đơn vị báo cáo về Ủy ban nhân dân huyện để xem xét./.
				""");
		// The first three order something (a task, a deadline); the closing formula orders nothing new.
		assertThat(d).extracting(Directive::assignee)
			.containsExactly("Phòng Nội vụ", "Các thôn", "Phòng Kinh tế - Hạ tầng");
	}

	@Test
	void articlesOfADecisionAreMarkersAndItsExecutionClauseIsNoDirective() {
		List<Directive> d = new DocumentExtractor().extractText("""
				Số: 30/QĐ-UBND
				Tân Lập, ngày 02 tháng 4 năm 2024
				QUYẾT ĐỊNH
				Về việc giao nhiệm vụ xây dựng nông thôn mới xã Tân Lập năm 2024
				QUYẾT ĐỊNH:
				Điều 1. Giao nhiệm vụ cho các ban, ngành, cụ thể:
				a) Phó Hiệu trưởng Trường Mầm non Tân Lập chủ trì sửa chữa phòng học trước ngày 31/7/2024.
				b) Điều chỉnh quy hoạch khu trung tâm xã trong quý III/2024.
				Điều 2. Ban Quản lý xây dựng nông thôn mới xã tổng hợp kết quả trước ngày 15/12/2024.
				Điều 3. Chánh Văn phòng HĐND và UBND xã, các ban, ngành và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
				""").directives();
		assertThat(d).extracting(Directive::text)
			.containsExactly("Phó Hiệu trưởng Trường Mầm non Tân Lập chủ trì sửa chữa phòng học trước ngày 31/7/2024",
					"Điều chỉnh quy hoạch khu trung tâm xã trong quý III/2024",
					"Ban Quản lý xây dựng nông thôn mới xã tổng hợp kết quả trước ngày 15/12/2024");
		assertThat(d.get(0).assignee()).isEqualTo("Phó Hiệu trưởng Trường Mầm non Tân Lập");
	}

	@Test
	void peopleNamedOnlyAsAssignedElsewhereAreNoAssignee() {
		List<Directive> d = directives("""
				Yêu cầu:
				- Các thành viên được phân công báo cáo kết quả trước ngày 30/6/2024.
				- Các đồng chí được phân công phụ trách các thôn thường xuyên bám sát cơ sở.
				""");
		assertThat(d).extracting(Directive::assignee)
			.containsExactly(null, "Các đồng chí được phân công phụ trách các thôn");
	}
}
