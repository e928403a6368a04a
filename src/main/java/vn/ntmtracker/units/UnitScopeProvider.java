package vn.ntmtracker.units;

/** Tells the unit queries what the current user may see. */
public interface UnitScopeProvider {

	UnitScope current();
}
