package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.CriteriaStatus;
import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.UnmetCriterion;

class CriteriaStatusExtractorTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	private ExtractionDraft read(String body) {
		return extractor.extractText("BÁO CÁO\nKết quả xây dựng nông thôn mới xã Tân Lập năm 2024\n" + body);
	}

	@Test
	void readsTheCommuneCount() {
		assertThat(read("Đến nay, xã cơ bản đạt 9/19 tiêu chí.").criteriaStatus())
			.containsExactly(new CriteriaStatus("xã Tân Lập", 9, 19, Level.NTM));
	}

	@Test
	void scoresVillageCountsAndProvinceTotalsAreNotStatus() {
		assertThat(read("Điểm hài lòng đạt 96,5/100 điểm; 9/9 thôn có kế hoạch. Toàn tỉnh có 120/150 xã đạt chuẩn. "
				+ "Bình quân toàn huyện đạt 17/19 tiêu chí.").criteriaStatus()).isEmpty();
	}

	@Test
	void aTargetIsNotAStatus() {
		assertThat(read("Xã Tân Lập hiện đạt 16/19 tiêu chí; phấn đấu đạt 19/19 tiêu chí trong năm 2024.").criteriaStatus())
			.containsExactly(new CriteriaStatus("xã Tân Lập", 16, 19, Level.NTM));
	}

	@Test
	void villageStatusHasTheVillageLevel() {
		assertThat(read("Thôn Đồng Tâm đạt 9/10 tiêu chí thôn nông thôn mới.").criteriaStatus())
			.containsExactly(new CriteriaStatus("thôn Đồng Tâm", 9, 10, Level.THON_NTM));
	}

	@Test
	void stateLevelFromTheNamedSet() {
		assertThat(read("Xã Tân Lập duy trì 19/19 tiêu chí xã nông thôn mới, đạt 12/19 tiêu chí nông thôn mới nâng cao.")
			.criteriaStatus()).containsExactly(new CriteriaStatus("xã Tân Lập", 19, 19, Level.NTM),
					new CriteriaStatus("xã Tân Lập", 12, 19, Level.NTM_NANG_CAO));
	}

	@Test
	void listsUnmetCriteriaWithTheirNumbers() {
		assertThat(read("Một số tiêu chí chưa đạt như: Tiêu chí số 1 (Quy hoạch); Tiêu chí số 14 (Y tế).").unmetCriteria())
			.containsExactly(new UnmetCriterion(1, "Quy hoạch"), new UnmetCriterion(14, "Y tế"));
	}

	@Test
	void unmetCriterionWithoutNumberKeepsNullUnlessTheDocumentsSetFixesIt() {
		// "Hộ nghèo" was criterion 11 of the 2016–2020 set only; a 2023 document cannot mean that set.
		ExtractionDraft draft = extractor.extractText("BÁO CÁO\nKết quả xây dựng nông thôn mới năm 2023\n"
				+ "Các tiêu chí chưa đạt gồm: Hộ nghèo và Giao thông.");
		assertThat(draft.unmetCriteria()).containsExactly(new UnmetCriterion(null, "Hộ nghèo"),
				new UnmetCriterion(2, "Giao thông"));
	}

	@Test
	void aListNamingSomeCriteriaByNumberKeepsThoseNamedWithoutOne() {
		// Document order; Thu nhập is 10 in the 2021–2025 NTM set; "Hạ tầng số" is in no set, so its number stays null.
		assertThat(read("Còn 3 tiêu chí chưa đạt: Thu nhập, tiêu chí số 17 (Môi trường và an toàn thực phẩm) và Hạ tầng số.")
			.unmetCriteria()).containsExactly(new UnmetCriterion(10, "Thu nhập"),
					new UnmetCriterion(17, "Môi trường và an toàn thực phẩm"), new UnmetCriterion(null, "Hạ tầng số"));
		// What follows the enumeration is no criterion: a new clause after ';', a lower-case clause, a body.
		assertThat(read("Các tiêu chí chưa đạt: tiêu chí số 2 (Giao thông), Hạ tầng số; Tập trung khắc phục trong năm.")
			.unmetCriteria()).containsExactly(new UnmetCriterion(2, "Giao thông"), new UnmetCriterion(null, "Hạ tầng số"));
		assertThat(read("Các tiêu chí chưa đạt: tiêu chí số 2 (Giao thông), phấn đấu hoàn thành, UBND xã chỉ đạo.")
			.unmetCriteria()).containsExactly(new UnmetCriterion(2, "Giao thông"));
	}

	@Test
	void aListOfNamesOnlyKeepsKnownNamesAndWordsAroundNumbersAreNoCriteria() {
		assertThat(read("Các tiêu chí chưa đạt gồm: Thu nhập và Nhà văn hóa thôn.").unmetCriteria())
			.containsExactly(new UnmetCriterion(10, "Thu nhập"));
		assertThat(read("Hoàn thành 02 tiêu chí còn lại: Đó là tiêu chí số 5: Trường học, tiêu chí số 15: Y tế.").unmetCriteria())
			.containsExactly(new UnmetCriterion(5, "Trường học"), new UnmetCriterion(15, "Y tế"));
	}

	@Test
	void itemsUnderAnIntroductionOfTheUnmetCriteriaAreUnmet() {
		assertThat(read("""
				Phân công các thành viên Ban Chỉ đạo phụ trách các tiêu chí còn chưa đạt như sau:
				- Đồng chí Phó Chủ tịch UBND xã phụ trách tiêu chí số 10 (Thu nhập);
				- Y tế: Trạm Y tế xã vận động Nhân dân tham gia bảo hiểm y tế.
				Các thôn duy trì tiêu chí số 2 (Giao thông).
				""").unmetCriteria()).containsExactly(new UnmetCriterion(10, "Thu nhập"), new UnmetCriterion(15, "Y tế"));
		// "Not met or with much work left" introduces more than the unmet criteria.
		assertThat(read("""
				Tập trung vào các tiêu chí chưa đạt chuẩn, các tiêu chí còn nhiều khối lượng công việc. Cụ thể:
				- Tiêu chí số 2 (Giao thông): cứng hóa đường trục thôn.
				""").unmetCriteria()).isEmpty();
	}
}
