package vn.ntmtracker.units;

import java.time.LocalDate;

/** A unit as of a date: its name and parent on that date. */
public record Unit(String code, String name, UnitKind kind, String parentCode, String parentName,
		LocalDate validFrom, LocalDate validTo, String path, boolean officialCode) {

	/** "xã Cẩm Quang". */
	public String displayName() {
		return kind.label() + " " + name;
	}

	public int level() {
		return kind.level();
	}
}
