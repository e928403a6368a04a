package vn.ntmtracker.criteria;

/** A group of criteria, e.g. "I" — "Quy hoạch". */
public record CriterionGroup(String code, String name) {
}
