package vn.ntmtracker.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRulesTests {

	static final Plan PLAN = new Plan(1, "HT-CAMLINH", "Kế hoạch 2023", Tier.XA_NTM_NANG_CAO, "HT-2022-XA-NTM-NC", 1,
			LocalDate.of(2023, 12, 31), PlanStatus.DRAFT, null, null, null, null, "camlinh", 0);
	static final Set<Integer> CRITERIA = Set.of(1, 2, 5, 17, 20);
	static final Set<String> INDICATORS = Set.of("2.1", "17.1", "17.2");

	static TaskDraft task(BigDecimal volume, Long total, Map<FundingSource, Long> costs, LocalDate deadline) {
		return new TaskDraft(2, null, "Bê tông hóa đường trục thôn", TaskKind.WORKS, SiteClearance.IN_PROGRESS, volume, "km",
				LocalDate.of(2023, 3, 1), deadline, null, "UBND xã", null, null, total, costs);
	}

	@Test
	void acceptsATaskWhoseSharesAddUpToTheStatedTotal() {
		assertThat(TaskRules.check(task(new BigDecimal("2.5"), 3_000L, Map.of(FundingSource.NGAN_SACH_XA, 1_000L,
				FundingSource.NHAN_DAN, 2_000L), LocalDate.of(2023, 9, 30)), PLAN, CRITERIA, INDICATORS)).isEmpty();
	}

	@Test
	void refusesNegativeVolumeAndCostNamingEach() {
		assertThatThrownBy(() -> TaskRules.check(task(new BigDecimal("-1"), null, Map.of(FundingSource.NGAN_SACH_XA, -5L),
				LocalDate.of(2023, 9, 30)), PLAN, CRITERIA, INDICATORS))
			.isInstanceOfSatisfying(PlanException.class, ex -> assertThat(ex.problems())
				.anyMatch(p -> p.contains("Khối lượng không được âm"))
				.anyMatch(p -> p.contains("Ngân sách xã không được âm")));
	}

	@Test
	void refusesSharesThatDoNotAddUpToTheStatedTotal() {
		assertThatThrownBy(() -> TaskRules.check(task(BigDecimal.ONE, 3_000_000L, Map.of(FundingSource.NGAN_SACH_XA, 1_000_000L,
				FundingSource.NHAN_DAN, 1_500_000L), LocalDate.of(2023, 9, 30)), PLAN, CRITERIA, INDICATORS))
			.isInstanceOf(PlanException.class)
			.hasMessageContaining("2.500.000").hasMessageContaining("3.000.000");
	}

	@Test
	void warnsWithoutRefusingWhenTheDeadlineIsAfterThePlansTargetDate() {
		assertThat(TaskRules.check(task(BigDecimal.ONE, null, Map.of(), LocalDate.of(2024, 3, 31)), PLAN, CRITERIA, INDICATORS))
			.singleElement().asString().contains("31/3/2024").contains("31/12/2023");
	}

	@Test
	void refusesACriterionOrIndicatorTheSetDoesNotHave() {
		TaskDraft unknown = new TaskDraft(19, "17.9", "Nhiệm vụ", TaskKind.OTHER, null, null, null, null, null, null, null, null,
				null, null, null);
		assertThatThrownBy(() -> TaskRules.check(unknown, PLAN, CRITERIA, INDICATORS))
			.isInstanceOfSatisfying(PlanException.class, ex -> assertThat(ex.problems()).hasSize(2));
		TaskDraft mismatched = new TaskDraft(2, "17.1", "Nhiệm vụ", TaskKind.OTHER, null, null, null, null, null, null, null, null,
				null, null, null);
		assertThatThrownBy(() -> TaskRules.check(mismatched, PLAN, CRITERIA, INDICATORS)).hasMessageContaining("không thuộc tiêu chí số 2");
	}

	@Test
	void aRecurringDutyNeedsItsScheduleAndSiteClearanceIsForWorksOnly() {
		TaskDraft cleaning = new TaskDraft(17, null, "Vệ sinh đường làng", TaskKind.RECURRING, SiteClearance.IN_PROGRESS, null, null,
				null, null, " ", null, null, null, null, null);
		assertThatThrownBy(() -> TaskRules.check(cleaning, PLAN, CRITERIA, INDICATORS))
			.isInstanceOfSatisfying(PlanException.class, ex -> assertThat(ex.problems()).hasSize(2));
	}

	@Test
	void textIsStoredInNfc() {
		String decomposed = java.text.Normalizer.normalize("Hội Nông dân", java.text.Normalizer.Form.NFD);
		assertThat(TaskDraft.clean(" " + decomposed + " ")).isEqualTo("Hội Nông dân");
	}
}
