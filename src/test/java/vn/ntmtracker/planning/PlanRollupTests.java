package vn.ntmtracker.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.Tier;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRollupTests {

	static final LocalDate TARGET = LocalDate.of(2023, 12, 31);
	static final Plan COMMUNE = plan(1, "HT-CAMLINH", PlanStatus.APPROVED, null);
	static final Map<Integer, String> NAMES = Map.of(1, "Quy hoạch", 2, "Giao thông", 5, "Giáo dục", 17, "Môi trường", 20, "An ninh");

	static Plan plan(long id, String unit, PlanStatus status, Long parent) {
		return new Plan(id, unit, "Kế hoạch", Tier.XA_NTM_NANG_CAO, "HT-2022-XA-NTM-NC", 1, TARGET, status, null, null, null,
				parent, "camlinh", 0);
	}

	static PlanTask task(long id, long plan, Integer criterion, LocalDate deadline, int percent, Map<FundingSource, Long> costs) {
		return new PlanTask(id, plan, criterion, null, "Nhiệm vụ " + id, TaskKind.OTHER, null, null, null,
				deadline == null ? null : deadline.minusMonths(2), deadline, null, null, null, null, null, costs,
				TaskStatus.of(percent), percent, 0);
	}

	@Test
	void gapsAreUnmetCriteriaWithoutATaskAndVillageTasksNeverCloseThem() {
		List<PlanTask> own = List.of(task(1, 1, 2, LocalDate.of(2023, 9, 30), 0, Map.of()),
				task(2, 1, 17, LocalDate.of(2023, 10, 31), 0, Map.of()));
		// village plans count criteria in their own set: its "criterion 1" is not the commune's criterion 1
		PlanRollup.VillagePlan village = new PlanRollup.VillagePlan(plan(2, "HT-CAMLINH-T6", PlanStatus.APPROVED, 1L), "Thôn 6",
				List.of(task(3, 2, 1, LocalDate.of(2023, 6, 30), 0, Map.of())));
		PlanRollup rollup = PlanRollup.of(COMMUNE, own, List.of(village), NAMES, Optional.of(List.of(1, 2, 5, 17, 20)),
				LocalDate.of(2023, 7, 1));
		assertThat(rollup.gaps()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.extracting("number").containsExactly(1, 5, 20);
		assertThat(PlanRollup.of(COMMUNE, own, List.of(), NAMES, Optional.empty(), LocalDate.of(2023, 7, 1)).gaps()).isEmpty();
	}

	@Test
	void onlyApprovedVillagePlansRollUpAndTheirCostsJoinTheSources() {
		List<PlanTask> own = List.of(task(1, 1, 2, LocalDate.of(2023, 9, 30), 0,
				Map.of(FundingSource.NGAN_SACH_XA, 1_000L, FundingSource.NHAN_DAN, 500L)));
		PlanRollup.VillagePlan approved = new PlanRollup.VillagePlan(plan(2, "HT-CAMLINH-T6", PlanStatus.APPROVED, 1L), "Thôn 6",
				List.of(task(3, 2, 1, LocalDate.of(2023, 6, 30), 0, Map.of(FundingSource.NHAN_DAN, 200L))));
		PlanRollup.VillagePlan draft = new PlanRollup.VillagePlan(plan(3, "HT-CAMLINH-T4", PlanStatus.DRAFT, 1L), "Thôn 4",
				List.of(task(4, 3, 1, LocalDate.of(2023, 6, 30), 0, Map.of(FundingSource.NHAN_DAN, 9_999L))));
		PlanRollup rollup = PlanRollup.of(COMMUNE, own, List.of(approved, draft), NAMES, Optional.empty(), LocalDate.of(2023, 7, 1));
		assertThat(rollup.villages()).extracting(PlanRollup.VillageTasks::unitName).containsExactly("Thôn 6");
		assertThat(rollup.costBySource()).containsEntry(FundingSource.NGAN_SACH_XA, 1_000L).containsEntry(FundingSource.NHAN_DAN, 700L);
		assertThat(rollup.totalCost()).isEqualTo(1_700L);
		assertThat(rollup.criteria()).singleElement().satisfies(c -> assertThat(c.cost()).isEqualTo(1_500L));
	}

	@Test
	void overdueTasksComeFirstWithinACriterion() {
		List<PlanTask> own = List.of(task(1, 1, 17, LocalDate.of(2023, 11, 30), 0, Map.of()),
				task(2, 1, 17, LocalDate.of(2023, 5, 31), 100, Map.of()),
				task(3, 1, 17, LocalDate.of(2023, 6, 15), 40, Map.of()));
		PlanRollup rollup = PlanRollup.of(COMMUNE, own, List.of(), NAMES, Optional.empty(), LocalDate.of(2023, 7, 1));
		assertThat(rollup.criteria().get(0).tasks()).extracting(PlanTask::id).containsExactly(3L, 1L, 2L);
		assertThat(rollup.schedule().overdue()).isEqualTo(1);
	}

	@Test
	void remainingWorkFitsOnlyWhenEveryOpenTaskEndsByTheTargetDate() {
		LocalDate july = LocalDate.of(2023, 7, 1);
		List<PlanTask> inTime = List.of(task(1, 1, 2, LocalDate.of(2023, 9, 30), 20, Map.of()),
				task(2, 1, 5, LocalDate.of(2024, 3, 31), 100, Map.of()));
		assertThat(PlanRollup.of(COMMUNE, inTime, List.of(), NAMES, Optional.empty(), july).schedule().fits()).isTrue();
		List<PlanTask> late = List.of(task(1, 1, 2, LocalDate.of(2023, 9, 30), 20, Map.of()),
				task(2, 1, 5, LocalDate.of(2024, 3, 31), 35, Map.of()));
		PlanRollup.Schedule schedule = PlanRollup.of(COMMUNE, late, List.of(), NAMES, Optional.empty(), july).schedule();
		assertThat(schedule.fits()).isFalse();
		assertThat(schedule.late()).extracting(PlanTask::id).containsExactly(2L);
		assertThat(schedule.latestDeadline()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(PlanRollup.of(COMMUNE, inTime, List.of(), NAMES, Optional.empty(), LocalDate.of(2024, 1, 15)).schedule().fits())
			.as("target date passed with work still open").isFalse();
	}

	@Test
	void timelineBarsStayWithinTheChartAndMarkTheTarget() {
		List<PlanTask> own = List.of(task(1, 1, 2, LocalDate.of(2023, 3, 31), 0, Map.of()),
				task(2, 1, 5, LocalDate.of(2024, 3, 31), 0, Map.of()));
		PlanRollup.Timeline timeline = PlanRollup.of(COMMUNE, own, List.of(), NAMES, Optional.empty(), LocalDate.of(2023, 7, 1)).timeline();
		assertThat(timeline.from()).isEqualTo(LocalDate.of(2023, 1, 31));
		assertThat(timeline.to()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(timeline.bars()).allSatisfy(b -> assertThat(b.left() + b.width()).isLessThanOrEqualTo(100.0));
		assertThat(timeline.bars().get(0).left()).isZero();
		assertThat(timeline.bars().get(1).late()).isTrue();
		assertThat(timeline.targetAt()).as("334 of 425 days").isEqualTo(78.6);
	}
}
