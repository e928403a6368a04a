package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

import vn.ntmtracker.criteria.Tier;

/**
 * A round as read: its own stored totals and criterion letters ({@code statuses}), and what it means beside the other
 * rounds of the unit — the previous signed-off round, criteria lost and gained, recognition and revocation risk —
 * computed at the moment it is read ({@link Standings}). Also the JSON of the round lists.
 */
public record AssessmentRound(long id, String unitCode, String setCode, int setVersion, Tier tier, LocalDate asOf,
		RoundKind kind, RoundStatus status, int achieved, int total, int missingValues, int provisionalCount, String statuses,
		boolean recognised, boolean atRisk, String riskText, String lostCriteria, String gainedCriteria, Long previousRoundId,
		Long openedFromId, String note, String returnReason, String createdBy, OffsetDateTime createdAt, String submittedBy,
		String verifiedBy, String appraisedBy, String returnedBy, String cancelledBy, String cancelReason, int version) {

	/** "16/19". */
	public String score() {
		return achieved + "/" + total;
	}

	/** "16/19 (3 tạm tính)" when some results rest on provisional thresholds, else "16/19". */
	public String scoreWithProvisional() {
		return Evaluation.formatScore(achieved, total, provisionalCount);
	}

	/** The numbers of the criteria this round did not achieve, from its stored letters (what was signed off). */
	public java.util.List<Integer> unmetCriteria(vn.ntmtracker.criteria.CriteriaSetDefinition set) {
		return CriterionCodes.decode(set, statuses, asOf.getYear()).unmetCriteria();
	}

	public boolean regressed() {
		return lostCriteria != null && !lostCriteria.isBlank();
	}

	Standings.Facts facts() {
		return new Standings.Facts(id, unitCode, setCode, setVersion, tier.name(), asOf, statuses);
	}

	/** This round with its standing among the unit's other rounds. */
	AssessmentRound with(Standings.Standing standing) {
		return new AssessmentRound(id, unitCode, setCode, setVersion, tier, asOf, kind, status, achieved, total, missingValues,
				provisionalCount, statuses, standing.recognised(), standing.atRisk(),
				standing.risk() == null ? null : standing.risk().describe(), join(standing.lost()), join(standing.gained()),
				standing.previousId(), openedFromId, note, returnReason, createdBy, createdAt, submittedBy, verifiedBy, appraisedBy,
				returnedBy, cancelledBy, cancelReason, version);
	}

	private static String join(java.util.List<Integer> numbers) {
		return numbers.isEmpty() ? null : numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
	}
}
