package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ntmtracker.criteria.Tier;

/**
 * The conditions of the dossier's procedure as the system checks them (QĐ 18/2022/QĐ-TTg Điều 4: every criterion met,
 * satisfaction as required, no construction debt, no security complications), each with its evidence: the round and
 * score, the rates, the attached document, the recognition held. A pure function of the facts.
 */
final class Checklist {

	enum Status {
		MET, NOT_MET, PENDING;

		public String messageKey() {
			return "dossier.check.status." + name();
		}
	}

	/** A condition, whether it holds, and the evidence as a message key with arguments. */
	record Item(Procedure.Condition condition, Status status, String evidenceKey, List<Object> evidence) {

		public boolean met() {
			return status == Status.MET;
		}
	}

	private Checklist() {
	}

	static List<Item> of(Procedure procedure, Tier tier, DossierFacts facts, LocalDate on) {
		List<Item> items = new ArrayList<>();
		for (Procedure.Condition condition : procedure.conditions()) {
			if (condition.appliesTo(tier)) {
				items.add(check(procedure, condition, facts, on));
			}
		}
		return items;
	}

	static Item check(Procedure procedure, Procedure.Condition condition, DossierFacts facts, LocalDate on) {
		return switch (condition.check()) {
			case CRITERIA -> {
				DossierFacts.RoundFacts round = facts.judgedRound();
				yield round.allMet()
						? new Item(condition, Status.MET, "dossier.check.criteria", List.of(round.asOf(), round.score(), round.id()))
						: new Item(condition, Status.NOT_MET, "dossier.check.criteriaUnmet", List.of(round.asOf(), round.score(),
								join(round.unmet())));
			}
			case SATISFACTION -> {
				SatisfactionTally.Result survey = facts.survey();
				if (survey == null || survey.returned() == 0) {
					yield new Item(condition, Status.PENDING, "dossier.check.noBallots", List.of());
				}
				if (survey.met()) {
					yield new Item(condition, Status.MET, "dossier.check.satisfaction", List.of(survey.overall().percent(),
							survey.returned(), survey.participation() == null ? "—" : survey.participation()));
				}
				SatisfactionTally.Shortfall first = survey.shortfalls().get(0);
				yield new Item(condition, Status.NOT_MET, first.key(), first.arguments());
			}
			case DOCUMENT -> facts.document(condition.document())
				.map(d -> new Item(condition, Status.MET, "dossier.check.document", List.of(documentName(procedure, d.kind()),
						d.number() == null ? "—" : d.number(), d.issuedOn() == null ? "—" : d.issuedOn(), d.fileName())))
				.orElseGet(() -> new Item(condition, Status.NOT_MET, "dossier.check.documentMissing",
						List.of(documentName(procedure, condition.document()))));
			case RECOGNITION -> facts.recognitions().stream().filter(r -> r.tier() == condition.tier() && r.activeOn(on)).findFirst()
				.map(r -> new Item(condition, Status.MET, "dossier.check.recognised", List.of(r.tier().label(), r.since(),
						r.decisionNumber() == null ? "—" : r.decisionNumber())))
				.orElseGet(() -> new Item(condition, Status.NOT_MET, "dossier.check.notRecognised", List.of(condition.tier().label())));
			case REVOCATION_RULE -> {
				DossierFacts.RevocationFacts revocation = facts.revocation();
				if (revocation == null || revocation.roundId() == null) {
					yield new Item(condition, Status.PENDING, "dossier.check.noSignedRound", List.of());
				}
				yield new Item(condition, revocation.atRisk() ? Status.MET : Status.NOT_MET, "dossier.check.revocation",
						List.of(revocation.asOf(), revocation.text()));
			}
		};
	}

	/** The name the template gives a document kind (the first step that lists it). */
	static String documentName(Procedure procedure, String kind) {
		return procedure.steps().stream().flatMap(s -> s.documents().stream()).filter(d -> d.kind().equals(kind))
			.map(Procedure.Document::name).findFirst().orElse(kind);
	}

	static String join(List<Integer> numbers) {
		return numbers.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("—");
	}
}
