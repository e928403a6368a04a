package vn.ntmtracker.security;

import java.io.Serializable;
import java.util.Set;

/** A role on a unit subtree ({@code unitCode} null = nationwide), optionally limited to some criteria. */
public record Grant(Role role, String unitCode, Set<String> criteria) implements Serializable {

	public boolean nationwide() {
		return unitCode == null;
	}

	/** A sector department limited to some criteria sees only those; "SET:17" or "*:17" entries. */
	public boolean coversCriterion(String setCode, String number) {
		return criteria.isEmpty() || criteria.contains(setCode + ":" + number) || criteria.contains("*:" + number);
	}
}
