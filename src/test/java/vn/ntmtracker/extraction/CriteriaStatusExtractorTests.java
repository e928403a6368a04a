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
}
