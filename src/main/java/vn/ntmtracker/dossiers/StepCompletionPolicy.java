package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ntmtracker.assessment.RoundStatus;

/**
 * What a step needs before it may be marked done, as problems naming what is missing: the documents its checklist
 * requires, the conditions it requires (with their evidence: "hài lòng chung 72,4 % (yêu cầu từ 80 %)"), and its kind's
 * own rule — a posting long enough, read often enough and over, every comment answered; the dossier's round signed off
 * as far as the step needs and meeting every criterion; the council's approval. A pure function.
 */
final class StepCompletionPolicy {

	private StepCompletionPolicy() {
	}

	static List<DossierException.Problem> problems(Dossier dossier, Procedure.Step step, DossierFacts facts, List<Checklist.Item> checklist,
			LocalDate on) {
		List<DossierException.Problem> problems = new ArrayList<>();
		for (Procedure.Document document : step.documents()) {
			if (document.required() && facts.document(step.code(), document.kind()).isEmpty()) {
				problems.add(DossierException.Problem.field("document", "dossier.error.documentMissing", document.name()));
			}
		}
		for (String code : step.requires()) {
			checklist.stream().filter(item -> item.condition().code().equals(code) && !item.met()).findFirst()
				.ifPresent(item -> problems.add(DossierException.Problem.of("dossier.error.conditionNotMet", item.condition().name(),
						new MessageRef(item.evidenceKey(), item.evidence()))));
		}
		switch (step.kind()) {
			case POSTING -> posting(step, facts, on, problems);
			case APPRAISAL -> {
				DossierFacts.RoundFacts round = facts.appraisalRound();
				if (round == null) {
					problems.add(DossierException.Problem.of("dossier.error.noAppraisalRound"));
				}
				else if (!reached(round.status(), step.roundStatus())) {
					problems.add(DossierException.Problem.of("dossier.error.roundNotSigned", round.id(),
							new MessageRef(step.roundStatus().messageKey(), List.of()), new MessageRef(round.status().messageKey(), List.of())));
				}
				else if (!round.allMet()) {
					problems.add(DossierException.Problem.of("dossier.error.roundUnmet", round.score(), Checklist.join(round.unmet())));
				}
			}
			case ANNOUNCEMENT -> {
				if (facts.decision().isEmpty()) {
					problems.add(DossierException.Problem.of("dossier.error.noDecision"));
				}
			}
			default -> {
			}
		}
		return problems;
	}

	private static void posting(Procedure.Step step, DossierFacts facts, LocalDate on, List<DossierException.Problem> problems) {
		if (facts.posting().isEmpty()) {
			problems.add(DossierException.Problem.field("posting", "dossier.error.noPosting"));
			return;
		}
		DossierRecords.Posting posting = facts.posting().get();
		if (posting.days() < step.postingDays()) {
			problems.add(DossierException.Problem.field("postedTo", "dossier.error.postingTooShort", posting.days(), step.postingDays()));
		}
		long readings = facts.readings().stream().filter(r -> !r.on().isBefore(posting.from()) && !r.on().isAfter(posting.to())).count();
		if (readings < step.minReadings()) {
			problems.add(DossierException.Problem.field("readings", "dossier.error.tooFewReadings", readings, step.minReadings(),
					posting.from(), posting.to()));
		}
		if (on.isBefore(posting.to())) {
			problems.add(DossierException.Problem.field("on", "dossier.error.postingNotOver", posting.to()));
		}
		long unanswered = facts.comments().stream().filter(c -> c.stepCode().equals(step.code()) && !c.answered()).count();
		if (unanswered > 0) {
			problems.add(DossierException.Problem.of("dossier.error.unansweredComments", unanswered));
		}
	}

	/** Whether a round's sign-off has gone as far as needed: appraised counts as verified. */
	static boolean reached(RoundStatus status, RoundStatus needed) {
		if (needed == RoundStatus.VERIFIED) {
			return status == RoundStatus.VERIFIED || status == RoundStatus.APPRAISED;
		}
		return status == needed;
	}

	/** An argument that is itself a message (rendered in the user's language inside the outer one). */
	record MessageRef(String key, List<Object> arguments) {
	}
}
