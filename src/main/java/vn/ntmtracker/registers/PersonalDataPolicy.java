package vn.ntmtracker.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.units.Units;

/**
 * Who may see the personal data of the household register (names, identity numbers, addresses): Nghị định
 * 13/2023/NĐ-CP asks that personal data be processed only by those whose task needs it, to the extent it needs. Here
 * that is the commune and the village that keep the register:
 * <ul>
 * <li>{@link Access#NAMES}: a commune officer or village board granted on the unit itself, or — for a village — on its
 * commune today. They see household lists (names masked) and, one household at a time, its detail (every view is
 * audited); they may export with a stated purpose.</li>
 * <li>{@link Access#COUNTS}: everyone else who may read the unit (district, province, sector departments, leaders and
 * administrators): counts, rates and trends, never a household. A household they ask for does not exist for them.</li>
 * <li>{@link Access#NONE}: outside the user's reach.</li>
 * </ul>
 */
@Component
class PersonalDataPolicy {

	enum Access { NONE, COUNTS, NAMES }

	private final AccessPolicy access;
	private final Units units;
	private final Clock clock;

	PersonalDataPolicy(AccessPolicy access, Units units, Clock clock) {
		this.access = access;
		this.units = units;
		this.clock = clock;
	}

	Access of(String unitCode) {
		CurrentUser user = access.currentUser().orElse(null);
		if (user == null || !access.canRead(unitCode)) {
			return Access.NONE;
		}
		LocalDate today = LocalDate.now(clock);
		boolean village = units.find(unitCode, today).map(u -> u.level() == 4).orElse(false);
		return decide(user, units.lineOn(unitCode, today), village);
	}

	boolean names(String unitCode) {
		return of(unitCode) == Access.NAMES;
	}

	/** Refuses a unit whose households the user may not list: 403 outside the reach, and for counts-only readers. */
	void requireNames(String unitCode) {
		Access level = of(unitCode);
		if (level == Access.NONE) {
			access.requireRead(unitCode);
		}
		if (level != Access.NAMES) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Chỉ cán bộ xã và ban phát triển thôn của đơn vị được xem danh sách hộ; bạn xem được số liệu tổng hợp");
		}
	}

	/**
	 * The decision for a user and the unit's line of codes from the province down to the unit: names only for a commune
	 * or village role granted on the unit, or on the commune of a village; never on a district or a province, never
	 * nationwide.
	 */
	static Access decide(CurrentUser user, List<String> line, boolean village) {
		if (line.isEmpty()) {
			return Access.COUNTS;
		}
		String unit = line.get(line.size() - 1);
		String commune = village && line.size() >= 2 ? line.get(line.size() - 2) : null;
		for (Grant grant : user.grants()) {
			if (grant.nationwide() || grant.role() != Role.COMMUNE_OFFICER && grant.role() != Role.VILLAGE_BOARD) {
				continue;
			}
			if (grant.unitCode().equals(unit) || grant.unitCode().equals(commune)) {
				return Access.NAMES;
			}
		}
		return Access.COUNTS;
	}

	/** "Nguyễn Văn An" → "N. V. A.": initials, enough to tell rows apart on a list, not to identify a person. */
	static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		StringBuilder masked = new StringBuilder();
		for (String word : name.strip().split("\\s+")) {
			if (!masked.isEmpty()) {
				masked.append(' ');
			}
			masked.appendCodePoint(word.codePointAt(0)).append('.');
		}
		return masked.toString();
	}

	/** "001203004567" → "•••••••••567". */
	static String maskIdNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 4) {
			return idNumber == null ? null : "•••";
		}
		return "•".repeat(idNumber.length() - 3) + idNumber.substring(idNumber.length() - 3);
	}
}
