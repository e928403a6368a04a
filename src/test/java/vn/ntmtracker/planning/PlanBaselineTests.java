package vn.ntmtracker.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanBaselineTests {

	@Test
	void changesSinceApprovalNameNewTasksMovedDeadlinesAndChangedCosts() {
		PlanTask road = PlanRollupTests.task(1, 1, 2, LocalDate.of(2023, 9, 30), 0, Map.of(FundingSource.NGAN_SACH_XA, 100L));
		PlanTask school = PlanRollupTests.task(2, 1, 5, LocalDate.of(2023, 12, 31), 0, Map.of());
		List<Plans.TaskSnapshot> baseline = Plans.snapshot(List.of(road, school));
		PlanTask movedRoad = PlanRollupTests.task(1, 1, 2, LocalDate.of(2023, 11, 30), 0, Map.of(FundingSource.NGAN_SACH_XA, 150L));
		PlanTask added = PlanRollupTests.task(3, 1, 17, LocalDate.of(2023, 10, 31), 0, Map.of());
		assertThat(Plans.compare(baseline, List.of(movedRoad, school, added)))
			.extracting(Plans.BaselineChange::taskId, Plans.BaselineChange::what)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Thời hạn: 2023-09-30 → 2023-11-30"),
					org.assertj.core.groups.Tuple.tuple(1L, "Kinh phí: 100 → 150"),
					org.assertj.core.groups.Tuple.tuple(3L, "Nhiệm vụ mới sau phê duyệt"));
		assertThat(Plans.compare(baseline, List.of(road, school))).isEmpty();
	}
}
