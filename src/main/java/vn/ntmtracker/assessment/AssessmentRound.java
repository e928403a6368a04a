package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A round as stored, with its computed totals; also the JSON of the round lists. */
public record AssessmentRound(long id, String unitCode, String setCode, int setVersion, LocalDate asOf,
		RoundKind kind, RoundStatus status, int achieved, int total, int missingValues, boolean recognised,
		boolean atRisk, String riskText, String lostCriteria, String gainedCriteria, Long previousRoundId, Long openedFromId, String note, String returnReason,
		String createdBy, OffsetDateTime createdAt, String submittedBy, String verifiedBy, String appraisedBy,
		String returnedBy, int version, int provisionalCount) {

	/** "16/19". */
	public String score() {
		return achieved + "/" + total;
	}

	/** "16/19 (3 tạm tính)" when some results rest on provisional thresholds, else "16/19". */
	public String scoreWithProvisional() {
		return Evaluation.formatScore(achieved, total, provisionalCount);
	}

	public boolean regressed() {
		return lostCriteria != null && !lostCriteria.isBlank();
	}
}
