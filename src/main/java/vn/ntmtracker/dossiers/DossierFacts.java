package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.ntmtracker.assessment.RoundKind;
import vn.ntmtracker.assessment.RoundStatus;
import vn.ntmtracker.criteria.Tier;

/**
 * Everything the rules of a dossier look at, read at once: the rounds it rests on, what its steps recorded, the survey
 * counted, the unit's recognitions and, for a revocation, the risk. The rules ({@link Checklist},
 * {@link StepCompletionPolicy}) are pure functions of it.
 */
record DossierFacts(RoundFacts sourceRound, RoundFacts appraisalRound, List<DossierRecords.DocumentRow> documents,
		Optional<DossierRecords.Posting> posting, List<DossierRecords.Reading> readings, List<DossierRecords.Comment> comments,
		Optional<DossierRecords.Meeting> meeting, Optional<DossierRecords.Council> council, Optional<DossierRecords.Decision> decision,
		SatisfactionTally.Result survey, List<Recognition> recognitions, RevocationFacts revocation) {

	/** A round as the rules see it; {@code unmet} lists the numbers of the criteria not achieved. */
	record RoundFacts(long id, LocalDate asOf, RoundKind kind, RoundStatus status, int achieved, int total, List<Integer> unmet,
			String setCode, int setVersion) {

		public boolean allMet() {
			return total > 0 && achieved == total;
		}

		public String score() {
			return achieved + "/" + total;
		}
	}

	/** For a revocation: the latest signed-off round of the judging level and what the rule says of it. */
	record RevocationFacts(Long roundId, LocalDate asOf, boolean atRisk, String text) {
	}

	/** The round the conditions are judged on: the dossier's own once submitted. */
	public RoundFacts judgedRound() {
		return appraisalRound != null ? appraisalRound : sourceRound;
	}

	/** The current (not superseded) document of a kind, if attached. */
	public Optional<DossierRecords.DocumentRow> document(String kind) {
		return documents.stream().filter(d -> !d.superseded() && d.kind().equals(kind)).reduce((a, b) -> b);
	}

	public Optional<DossierRecords.DocumentRow> document(String stepCode, String kind) {
		return documents.stream().filter(d -> !d.superseded() && d.kind().equals(kind) && d.stepCode().equals(stepCode)).reduce((a, b) -> b);
	}

	public boolean recognisedAt(Tier tier, LocalDate on) {
		return recognitions.stream().anyMatch(r -> r.tier() == tier && r.activeOn(on));
	}
}
