package vn.ntmtracker.criteria;

/** What a set's thresholds are keyed by: 7 regions (2016–2025), 3 commune groups (2026–2030) or nothing. */
public enum ThresholdKeying {
	REGION, COMMUNE_GROUP, NONE
}
