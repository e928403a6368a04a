package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.CriteriaStatus;
import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.UnmetCriterion;

/** Subjects, standings and unmet criteria as news reports write them. */
class StandingsInProseTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void communesListedAfterTheirCountAreTheSubjectsWithoutTheirDistricts() {
		ExtractionDraft draft = extractor.extractText("""
				Công nhận thêm xã đạt chuẩn nông thôn mới
				UBND tỉnh vừa công nhận 4 xã đạt chuẩn nông thôn mới, gồm: Hòa Sơn (Lương Sơn), Cao Dương, huyện Kim Bôi; Tú Sơn và Mông Hóa của thành phố Hòa Bình.
				""");
		assertThat(draft.subjectUnits()).containsExactly("xã Hòa Sơn", "xã Cao Dương", "xã Tú Sơn", "xã Mông Hóa");
	}

	@Test
	void examplesAndTownsAreNotSubjects() {
		ExtractionDraft draft = extractor.extractText("""
				Nông thôn mới toàn tỉnh
				Nhiều địa phương đạt nhiều tiêu chí nông thôn mới như các xã: Tân Hòa, Tân Lạc. Thị xã Sơn Tây và thị xã Phú Thọ đã hoàn thành nhiệm vụ.
				""");
		assertThat(draft.subjectUnits()).isEmpty();
	}

	@Test
	void severalCommunesWithTheirCountsInOneSentence() {
		ExtractionDraft draft = extractor.extractText("""
				Huyện họp xét đề nghị công nhận xã đạt chuẩn nông thôn mới năm 2018
				Qua kiểm tra, xã Phú Lâm đạt 18 tiêu chí, xã Phú Mỹ đạt 16 tiêu chí và xã phú Thành đạt 15 tiêu chí nông thôn mới.
				""");
		assertThat(draft.criteriaStatus()).containsExactly(new CriteriaStatus("xã Phú Lâm", 18, 19, Level.NTM),
				new CriteriaStatus("xã Phú Mỹ", 16, 19, Level.NTM), new CriteriaStatus("xã Phú Thành", 15, 19, Level.NTM));
	}

	@Test
	void communesNamedTogetherShareTheirCountAndAnAreaCountIsNoStatus() {
		ExtractionDraft draft = extractor.extractText("""
				Hai xã đủ điều kiện về đích nông thôn mới
				Theo báo cáo, xã Đông Sơn và Đông Hòa đã đạt 19/19 tiêu chí. Toàn huyện có 12 xã đạt 19 tiêu chí, các xã còn lại đạt 15 tiêu chí.
				""");
		assertThat(draft.criteriaStatus()).containsExactly(new CriteriaStatus("xã Đông Sơn", 19, 19, Level.NTM),
				new CriteriaStatus("xã Đông Hòa", 19, 19, Level.NTM));
	}

	@Test
	void aCountOfWhatIsMissingIsNotAStanding() {
		ExtractionDraft draft = extractor.extractText("""
				Xã Tân Lập còn khó khăn về nông thôn mới
				Năm 2021, xã Tân Lập chưa hoàn thành cả 2 tiêu chí là giáo dục và đào tạo, y tế.
				""");
		assertThat(draft.criteriaStatus()).isEmpty();
		assertThat(draft.unmetCriteria()).extracting(UnmetCriterion::name).contains("Y tế");
	}

	@Test
	void unmetCriteriaNamedAfterTheCueWithoutNumbers() {
		ExtractionDraft draft = extractor.extractText("""
				Xã Quảng Phú sau thẩm định nông thôn mới
				Đến tháng 10/2023, xã Quảng Phú còn thiếu tiêu chí nhà ở dân cư; xã chưa hoàn thành 2 tiêu chí là thu nhập và lao động.
				""");
		assertThat(draft.unmetCriteria()).containsExactly(new UnmetCriterion(9, "Nhà ở dân cư"),
				new UnmetCriterion(10, "Thu nhập"), new UnmetCriterion(12, "Lao động"));
	}

	@Test
	void bracketedNumbersAreTakenAndNotKeptInTheName() {
		ExtractionDraft draft = extractor.extractText("""
				Số: 40/BC-UBND
				Kỳ Sơn, ngày 10 tháng 11 năm 2022
				BÁO CÁO
				Kết quả xây dựng nông thôn mới xã Kỳ Sơn năm 2022
				I. KẾT QUẢ
				Các tiêu chí chưa đạt gồm: giao thông (TC 2), thu nhập (TC 10).
				Còn 2 tiêu chí chưa đạt chuẩn gồm:
				- Y tế;
				- Văn hóa.
				""");
		assertThat(draft.unmetCriteria()).containsExactly(new UnmetCriterion(2, "Giao thông"),
				new UnmetCriterion(10, "Thu nhập"), new UnmetCriterion(15, "Y tế"), new UnmetCriterion(16, "Văn hóa"));
	}

	@Test
	void criteriaThatAreMetAreNotUnmet() {
		assertThat(extractor.extractText("""
				Xã Quảng Phú đạt chuẩn tiêu chí giao thông
				Xã Quảng Phú đã hoàn thành tiêu chí giao thông và thủy lợi; các tiêu chí chưa đạt sẽ được rà soát.
				""").unmetCriteria()).isEmpty();
	}
}
