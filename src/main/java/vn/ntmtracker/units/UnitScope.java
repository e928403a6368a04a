package vn.ntmtracker.units;

import java.util.Set;

/**
 * Which part of the unit tree the current user may see: everything, or the subtrees rooted at some units.
 * Supplied by the security module through {@link UnitScopeProvider}, so that this module needs nothing from it.
 */
public record UnitScope(boolean unrestricted, Set<String> rootCodes) {

	public static final UnitScope ALL = new UnitScope(true, Set.of());
	public static final UnitScope NOTHING = new UnitScope(false, Set.of());

	public static UnitScope of(Set<String> rootCodes) {
		return new UnitScope(false, Set.copyOf(rootCodes));
	}
}
