package vn.ntmtracker.units;

import java.time.LocalDate;

/** A unit as of a date: its name and parent on that date. */
public record Unit(String code, String name, UnitKind kind, String parentCode, String parentName,
		LocalDate validFrom, LocalDate validTo, String path, boolean officialCode) {

	/** "xã Cẩm Quang"; "Thôn 6" for a village whose name already says it (see {@link UnitKind#withName}). */
	public String displayName() {
		return kind.withName(name);
	}

	public int level() {
		return kind.level();
	}
}
