package vn.ntmtracker.criteria;

/**
 * Published after a draft version of a criteria set is published (inside the publishing transaction), so that other
 * modules can react, e.g. re-evaluate draft assessment rounds that should move to the new version.
 */
public record CriteriaSetPublished(String code, int version) {
}
