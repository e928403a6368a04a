package vn.ntmtracker.assessment;

import java.time.LocalDate;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.units.Unit;

/**
 * Which criteria set may judge a unit on a date. A set judges units of its tier's level (QĐ 318/QĐ-TTg: xã sets judge
 * communes, QĐ 320: huyện sets districts; provincial village sets villages); a province's own set (Hà Tĩnh's 20
 * criteria) only that province's units; a draft nobody; a version only from a year before it came into force (rounds
 * preparing for a new set) until it was replaced.
 */
final class SetApplicability {

	private SetApplicability() {
	}

	static void check(CriteriaSetDefinition set, Unit unit, LocalDate asOf) {
		if (set.status() == SetStatus.DRAFT) {
			throw new AssessmentException("Bộ tiêu chí " + set.code() + " v" + set.version() + " còn là bản nháp, chưa dùng để đánh giá được");
		}
		int level = set.tier().unitLevel();
		if (level != unit.level()) {
			throw new AssessmentException("Bộ tiêu chí " + set.code() + " (" + set.tier().label() + ") không áp dụng cho "
					+ unit.displayName() + ": cần đơn vị cấp " + levelName(level));
		}
		if (set.scope() != null && !set.scope().national() && set.scope().provinceCode() != null) {
			String province = unit.path() == null ? null : unit.path().substring(1).split("/")[0];
			if (!set.scope().provinceCode().equals(province)) {
				throw new AssessmentException("Bộ tiêu chí " + set.code() + " chỉ áp dụng tại " + set.scope().provinceName()
						+ ", không áp dụng cho " + unit.displayName());
			}
		}
		if (set.validFrom() != null && asOf.isBefore(set.validFrom().minusYears(1))) {
			throw new AssessmentException("Ngày đánh giá " + date(asOf) + " trước thời gian hiệu lực của bộ tiêu chí " + set.code()
					+ " (từ " + date(set.validFrom()) + ")");
		}
		if (set.validTo() != null && asOf.isAfter(set.validTo())) {
			throw new AssessmentException("Ngày đánh giá " + date(asOf) + " sau khi phiên bản " + set.version() + " của bộ tiêu chí "
					+ set.code() + " hết hiệu lực (" + date(set.validTo()) + ")");
		}
	}

	static String levelName(int level) {
		return switch (level) {
			case 1 -> "tỉnh";
			case 2 -> "huyện";
			case 3 -> "xã";
			default -> "thôn";
		};
	}

	private static String date(LocalDate day) {
		return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
	}
}
