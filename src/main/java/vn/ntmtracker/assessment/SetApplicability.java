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
						+ " (" + validity(set.validFrom(), set.validTo()) + "), không áp dụng cho " + unit.displayName());
			}
		}
		if (set.validFrom() != null && asOf.isBefore(set.validFrom().minusYears(1))) {
			throw new AssessmentException("Ngày " + date(asOf) + " trước thời gian hiệu lực của bộ tiêu chí " + set.code()
					+ " (bộ này " + validity(set.validFrom(), set.validTo()) + ")");
		}
		if (set.validTo() != null && asOf.isAfter(set.validTo())) {
			throw new AssessmentException("Ngày " + date(asOf) + " sau khi phiên bản " + set.version() + " của bộ tiêu chí "
					+ set.code() + " hết hiệu lực (bộ này " + validity(set.validFrom(), set.validTo()) + ")");
		}
	}

	/** A version replaced before the date by the one in force then: why it no longer applies, or empty. */
	static java.util.Optional<String> superseded(CriteriaSetDefinition set, java.util.Optional<CriteriaSetDefinition> inForce,
			LocalDate on) {
		return inForce.filter(current -> current.version() > set.version())
			.map(current -> "Phiên bản " + set.version() + " của bộ tiêu chí " + set.code() + " không còn áp dụng vào ngày "
					+ date(on) + ": ngày đó áp dụng phiên bản " + current.version() + " ("
					+ validity(current.validFrom(), current.validTo()) + ")");
	}

	static String levelName(int level) {
		return switch (level) {
			case 1 -> "tỉnh";
			case 2 -> "huyện";
			case 3 -> "xã";
			default -> "thôn";
		};
	}

	/** "hiệu lực từ 1/1/2022 đến 31/12/2025", "hiệu lực từ 1/3/2024" for an open end. */
	static String validity(LocalDate from, LocalDate to) {
		if (from == null && to == null) {
			return "không ghi thời gian hiệu lực";
		}
		if (to == null) {
			return "hiệu lực từ " + date(from);
		}
		return "hiệu lực " + (from == null ? "" : "từ " + date(from) + " ") + "đến " + date(to);
	}

	static String date(LocalDate day) {
		return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
	}
}
