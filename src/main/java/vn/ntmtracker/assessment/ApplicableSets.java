package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaCatalog.ApplicableSet;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * What every criteria-set field offers: the sets that may judge a unit on a date — national sets and the unit's own
 * province's (a Hà Tĩnh set is never offered to a Thanh Hóa commune), of a tier of the unit's level, each in the version
 * in force that day. The pages list these ({@code ${@applicableSets.forUnit(unit.code(), today)}}); what is sent is
 * checked again by {@link SetApplicability}, which names the set's validity when it refuses.
 */
@Component("applicableSets")
public class ApplicableSets {

	private final CriteriaCatalog catalog;
	private final Units units;

	ApplicableSets(CriteriaCatalog catalog, Units units) {
		this.catalog = catalog;
		this.units = units;
	}

	/** The sets that may judge the unit itself on the date. */
	public List<ApplicableSet> forUnit(String unitCode, LocalDate on) {
		return units.find(unitCode, on).map(unit -> forLevel(unitCode, on, unit.level())).orElse(List.of());
	}

	/** The sets of units of {@code level} in the unit's province on the date (e.g. the village sets for a commune). */
	public List<ApplicableSet> forLevel(String unitCode, LocalDate on, int level) {
		List<String> line = units.lineOn(unitCode, on);
		if (line.isEmpty()) {
			return List.of();
		}
		String province = line.get(0);
		List<ApplicableSet> sets = new ArrayList<>();
		Arrays.stream(Tier.values()).filter(tier -> tier.unitLevel() == level)
			.forEach(tier -> sets.addAll(catalog.applicableSets(province, tier, on)));
		return sets;
	}

	/**
	 * The sets for the units of an area (the area itself and every level under it) in its province on the date, for a
	 * set field beside an area field (overview, import template).
	 */
	public List<ApplicableSet> withinArea(String unitCode, LocalDate on) {
		int level = units.find(unitCode, on).map(Unit::level).orElse(1);
		List<ApplicableSet> sets = new ArrayList<>();
		for (int l = level; l <= 4; l++) {
			sets.addAll(forLevel(unitCode, on, l));
		}
		return sets;
	}

	/** An option of a set field: the code sent, the text shown. */
	public record Option(String code, int version, String label, boolean current) {
	}

	public List<Option> options(List<ApplicableSet> sets) {
		return sets.stream().map(s -> new Option(s.ref().code(), s.ref().version(), describe(s), s.current())).toList();
	}

	/**
	 * Why no version of the set {@code setCode} may judge the unit on the date (the version in force that day, else the
	 * one nearest), or empty when one may: for fields that hold a set code only.
	 */
	public Optional<String> refusal(String setCode, String unitCode, LocalDate on) {
		Optional<Unit> unit = units.find(unitCode, on);
		if (unit.isEmpty()) {
			return Optional.of("Không tìm thấy đơn vị “" + unitCode + "”");
		}
		List<Integer> versions = catalog.versions(setCode);
		if (versions.isEmpty()) {
			return Optional.of("Không có bộ tiêu chí " + setCode);
		}
		CriteriaSetDefinition set = catalog.versionOn(setCode, on).or(() -> catalog.current(setCode))
			.orElseGet(() -> catalog.definition(setCode, versions.get(versions.size() - 1)));
		return refusal(set, unit.get(), on);
	}

	/** "QD318-2022-XA-NTM v2 — Bộ tiêu chí … (toàn quốc, hiệu lực 1/3/2024 – nay)" for an option. */
	public String describe(ApplicableSet set) {
		return set.ref().code() + " v" + set.ref().version() + " — " + set.title() + " ("
				+ (set.provincial() ? set.provinceName() : "toàn quốc") + ", " + SetApplicability.validity(set.validFrom(), set.validTo())
				+ ")";
	}

	/**
	 * Why the set may not judge the unit on the date, in Vietnamese with the set's validity (see {@link SetApplicability}),
	 * or empty when it may; for modules that keep their own exception (plans, registers).
	 */
	public Optional<String> refusal(CriteriaSetDefinition set, Unit unit, LocalDate on) {
		try {
			SetApplicability.check(set, unit, on);
			return superseded(set, on);
		}
		catch (AssessmentException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	Optional<String> superseded(CriteriaSetDefinition set, LocalDate on) {
		return SetApplicability.superseded(set, catalog.versionOn(set.code(), on), on);
	}
}
