package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Tier;

/**
 * When a dossier may be opened. A recognition dossier (QĐ 18/2022/QĐ-TTg Điều 4, condition 1): from a signed-off
 * round (verified or appraised) of the unit that achieves every criterion of its set — refused otherwise, naming the
 * criteria not met — for a level the unit does not already hold, with a procedure template in force that day, and no
 * other dossier of that level in progress. A revocation dossier: for a recognition held that day whose level's judging
 * round (the nâng cao set for nâng cao and kiểu mẫu) meets the revocation rule. Each refusal is a message key with
 * arguments; the page shows it beside the round.
 */
final class OpeningPolicy {

	private OpeningPolicy() {
	}

	static List<DossierException.Problem> recognition(AssessmentRound round, CriteriaSetDefinition set, LocalDate on,
			Optional<Recognition> held, Optional<Long> openDossier, Optional<Procedure> procedure) {
		List<DossierException.Problem> problems = new ArrayList<>();
		if (!round.status().signedOff()) {
			problems.add(DossierException.Problem.field("roundId", "dossier.error.roundNotSignedOff", round.asOf(),
					new StepCompletionPolicy.MessageRef(round.status().messageKey(), List.of())));
		}
		if (round.asOf().isAfter(on)) {
			problems.add(DossierException.Problem.field("openedOn", "dossier.error.roundAfterOpening", round.asOf(), on));
		}
		if (round.total() == 0 || round.achieved() < round.total()) {
			problems.add(DossierException.Problem.field("roundId", "dossier.error.unmetCriteria", round.asOf(), round.score(),
					unmetText(round, set)));
		}
		held.ifPresent(r -> problems.add(DossierException.Problem.of("dossier.error.alreadyRecognised", r.tier().label(), r.since())));
		openDossier.ifPresent(id -> problems.add(DossierException.Problem.of("dossier.error.alreadyOpen", id)));
		if (procedure.isEmpty()) {
			problems.add(DossierException.Problem.of("dossier.error.noProcedure", round.tier().label(), on));
		}
		return problems;
	}

	static List<DossierException.Problem> revocation(Tier tier, Optional<Recognition> held, Optional<AssessmentRound> judging,
			LocalDate on, Optional<Long> openDossier, Optional<Procedure> procedure) {
		List<DossierException.Problem> problems = new ArrayList<>();
		if (held.isEmpty()) {
			problems.add(DossierException.Problem.field("level", "dossier.error.notRecognised", tier.label(), on));
			return problems;
		}
		if (judging.isEmpty()) {
			problems.add(DossierException.Problem.of("dossier.error.noJudgingRound", tier.label()));
		}
		else if (!judging.get().atRisk()) {
			problems.add(DossierException.Problem.of("dossier.error.noRevocationGrounds", judging.get().asOf(),
					judging.get().riskText() == null ? judging.get().score() : judging.get().riskText()));
		}
		openDossier.ifPresent(id -> problems.add(DossierException.Problem.of("dossier.error.alreadyOpen", id)));
		if (procedure.isEmpty()) {
			problems.add(DossierException.Problem.of("dossier.error.noProcedure", tier.label(), on));
		}
		return problems;
	}

	/** "1 (Quy hoạch), 2 (Giao thông)…" — the criteria a round did not achieve, by number and name. */
	static String unmetText(AssessmentRound round, CriteriaSetDefinition set) {
		List<String> parts = new ArrayList<>();
		for (int number : round.unmetCriteria(set)) {
			parts.add(set.criterion(number).map(c -> number + " (" + c.name() + ")").orElse(Integer.toString(number)));
		}
		return parts.isEmpty() ? "—" : String.join(", ", parts);
	}
}
