package vn.ntmtracker.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.ntmtracker.InputLimits;

/**
 * What a task must satisfy before it is saved: all problems are collected and the task is refused as a whole.
 * A deadline after the plan's target date is allowed — plans do slip — but comes back as a warning that the
 * page and the API show.
 */
final class TaskRules {

	private TaskRules() {
	}

	/** The warnings of an acceptable task; throws with every problem when it is not acceptable. */
	static List<String> check(TaskDraft task, Plan plan, Set<Integer> criteria, Set<String> indicators) {
		List<String> problems = new ArrayList<>();
		if (task.description() == null) {
			problems.add("Cần mô tả nội dung nhiệm vụ");
		}
		if (task.criterionNumber() != null && !criteria.contains(task.criterionNumber())) {
			problems.add("Bộ tiêu chí " + plan.setCode() + " không có tiêu chí số " + task.criterionNumber());
		}
		if (task.indicatorCode() != null) {
			if (!indicators.contains(task.indicatorCode())) {
				problems.add("Bộ tiêu chí " + plan.setCode() + " không có chỉ tiêu " + task.indicatorCode());
			}
			else if (task.criterionNumber() != null && !task.indicatorCode().startsWith(task.criterionNumber() + ".")) {
				problems.add("Chỉ tiêu " + task.indicatorCode() + " không thuộc tiêu chí số " + task.criterionNumber());
			}
		}
		if (task.volumeQuantity() != null && task.volumeQuantity().signum() < 0) {
			problems.add("Khối lượng không được âm (" + task.volumeQuantity().toPlainString() + ")");
		}
		if (task.volumeQuantity() != null && task.volumeQuantity().signum() > 0 && task.volumeUnit() == null) {
			problems.add("Cần ghi đơn vị tính của khối lượng (km, phòng học, hộ, m²…)");
		}
		List<String> money = new ArrayList<>();
		InputLimits.money("Tổng kinh phí", task.statedTotal(), money);
		for (Map.Entry<FundingSource, Long> share : task.costs().entrySet()) {
			InputLimits.money("Kinh phí nguồn " + share.getKey().label(), share.getValue(), money);
		}
		problems.addAll(money);
		InputLimits.text("Nội dung nhiệm vụ", task.description(), InputLimits.TEXT, problems);
		InputLimits.text("Cơ quan chủ trì", task.leadBody(), InputLimits.NAME, problems);
		InputLimits.text("Người phụ trách", task.leadPerson(), InputLimits.NAME, problems);
		InputLimits.text("Cơ quan phối hợp", task.cooperating(), InputLimits.TITLE, problems);
		InputLimits.text("Lịch lặp lại", task.recurrence(), InputLimits.NAME, problems);
		InputLimits.text("Đơn vị tính", task.volumeUnit(), 50, problems);
		InputLimits.date("Ngày bắt đầu", task.start(), problems);
		InputLimits.date("Thời hạn", task.deadline(), problems);
		// Amounts in range cannot overflow their sum; out of range they are already refused.
		if (money.isEmpty() && task.statedTotal() != null && !task.costs().isEmpty() && task.sharesTotal() != task.statedTotal()) {
			problems.add("Các nguồn vốn cộng lại " + money(task.sharesTotal()) + " đồng, khác tổng kinh phí đã ghi "
					+ money(task.statedTotal()) + " đồng");
		}
		if (task.start() != null && task.deadline() != null && task.deadline().isBefore(task.start())) {
			problems.add("Thời hạn hoàn thành trước ngày bắt đầu");
		}
		if (task.kind() != TaskKind.WORKS && task.siteClearance() != null && task.siteClearance() != SiteClearance.NOT_NEEDED) {
			problems.add("Giải phóng mặt bằng chỉ áp dụng cho nhiệm vụ loại công trình");
		}
		if (task.kind() == TaskKind.RECURRING && task.recurrence() == null) {
			problems.add("Nhiệm vụ thường xuyên cần ghi lịch lặp lại (ví dụ: thứ 7 hằng tuần)");
		}
		if (!problems.isEmpty()) {
			throw new PlanException(problems);
		}
		List<String> warnings = new ArrayList<>();
		if (task.deadline() != null && task.deadline().isAfter(plan.targetDate())) {
			warnings.add("Thời hạn " + date(task.deadline()) + " sau ngày mục tiêu của kế hoạch " + date(plan.targetDate())
					+ ": nhiệm vụ này không kịp cho mục tiêu");
		}
		return warnings;
	}

	static void checkPercent(int percent) {
		if (percent < 0 || percent > 100) {
			throw new PlanException("Tỷ lệ hoàn thành phải từ 0 đến 100%, không phải " + percent + "%");
		}
	}

	static String money(long amount) {
		return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
	}

	static String date(java.time.LocalDate date) {
		return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
	}
}
