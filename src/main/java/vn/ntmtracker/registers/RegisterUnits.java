package vn.ntmtracker.registers;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitNotFoundException;
import vn.ntmtracker.units.Units;

/** Which villages a unit's registers cover on a date: the village itself, or the villages of its subtree. */
@Component
class RegisterUnits {

	static final int VILLAGE = 4;
	static final int COMMUNE = 3;

	private final Units units;

	RegisterUnits(Units units) {
		this.units = units;
	}

	Unit unit(String code, LocalDate on) {
		return units.find(code, on).orElseThrow(() -> new UnitNotFoundException(code));
	}

	/** Codes whose households count for the unit: a village alone, or every unit of the subtree (villages hold them). */
	List<String> villageCodes(String code, LocalDate on) {
		Unit unit = unit(code, on);
		if (unit.level() == VILLAGE) {
			return List.of(code);
		}
		return units.subtreeCodes(code, on);
	}

	/** The villages directly under a commune on a date (for a village: itself). */
	List<Unit> villages(String code, LocalDate on) {
		Unit unit = unit(code, on);
		if (unit.level() == VILLAGE) {
			return List.of(unit);
		}
		return units.subtree(code, on).stream().filter(u -> u.level() == VILLAGE).toList();
	}

	/** Village codes and their labels, in tree order. */
	java.util.Map<String, String> villageLabels(String code, LocalDate on) {
		java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
		villages(code, on).forEach(v -> labels.put(v.code(), label(v)));
		return labels;
	}

	/** "Thôn 2" for a village named so, "thôn Quang Trung" otherwise: the kind is not repeated. */
	static String label(Unit unit) {
		return unit.displayName();
	}

	/** The commune a unit belongs to (itself for a commune), on a date; empty above communes. */
	java.util.Optional<String> commune(String code, LocalDate on) {
		Unit unit = unit(code, on);
		if (unit.level() == COMMUNE) {
			return java.util.Optional.of(code);
		}
		if (unit.level() == VILLAGE) {
			return java.util.Optional.ofNullable(unit.parentCode());
		}
		return java.util.Optional.empty();
	}
}
