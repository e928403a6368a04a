package vn.ntmtracker.criteria;

/**
 * A condition that is not an indicator (QĐ 319/QĐ-TTg for xã kiểu mẫu: already NTM nâng cao, income 10% above NC
 * communes, a smart-village model…); assessed as met / not met.
 */
public record Condition(String code, String text, Provenance provenance) {
}
