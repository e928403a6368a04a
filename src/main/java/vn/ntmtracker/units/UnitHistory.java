package vn.ntmtracker.units;

import java.time.LocalDate;
import java.util.List;

/** Everything that changed about a unit over its life. */
public record UnitHistory(Unit unit, List<NamePeriod> names, List<ParentPeriod> parents,
		List<ClassificationPeriod> classifications, List<LineageEvent> events) {

	public record NamePeriod(String name, LocalDate validFrom, LocalDate validTo) {
	}

	public record ParentPeriod(String parentCode, String parentName, UnitKind parentKind, LocalDate validFrom,
			LocalDate validTo) {

		/** "huyện Cẩm Xuyên". */
		public String parentDisplayName() {
			return parentKind.withName(parentName);
		}
	}

	public record ClassificationPeriod(Region region, Integer communeGroup, boolean especiallyDisadvantaged,
			boolean safeZonePoorDistrict, LocalDate validFrom, LocalDate validTo) {
	}

	/** A merge, split or re-parenting this unit took part in, seen from this unit. */
	public record LineageEvent(String kind, LocalDate effectiveDate, String legalBasis, String note,
			List<UnitRef> predecessors, List<UnitRef> successors) {
	}

	public record UnitRef(String code, String name, UnitKind kind) {

		public String displayName() {
			return kind.withName(name);
		}
	}
}
