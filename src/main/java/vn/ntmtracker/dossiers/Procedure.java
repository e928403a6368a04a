package vn.ntmtracker.dossiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.ntmtracker.assessment.RoundKind;
import vn.ntmtracker.assessment.RoundStatus;
import vn.ntmtracker.criteria.Provenance;
import vn.ntmtracker.criteria.Tier;

/**
 * One version of a procedure template (schema: {@code src/main/resources/dossiers/SCHEMA.md}): for which levels, where
 * and when it applies, its steps in order with the actor, documents, deadline and rule of each, the conditions the
 * system checks, and the satisfaction thresholds. Immutable; a change is a new version.
 */
public record Procedure(String code, int version, String title, Purpose purpose, List<Tier> tiers, String provinceCode,
		String provinceName, LocalDate validFrom, LocalDate validTo, String legalBasis, Provenance provenance, String description,
		String note, Satisfaction satisfaction, List<Condition> conditions, List<Step> steps) {

	public Procedure {
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	/** A deadline counted from the day the step starts: calendar days, or working days (weekends and holidays skipped). */
	public record Deadline(int days, boolean workingDays, Provenance provenance) {
	}

	/** A document the step produces or attaches, with whether the original (bản chính) is required. */
	public record Document(String kind, String name, boolean original, boolean required, String template) {
	}

	/**
	 * A condition the system checks and shows with its evidence; steps name those that must hold before they complete.
	 * {@code forTiers}: the levels it applies to (empty: all the procedure's levels).
	 */
	public record Condition(String code, String name, CheckKind check, String document, Tier tier, List<Tier> forTiers,
			Provenance provenance) {

		public Condition {
			forTiers = forTiers == null ? List.of() : List.copyOf(forTiers);
		}

		public boolean appliesTo(Tier level) {
			return forTiers.isEmpty() || forTiers.contains(level);
		}
	}

	/**
	 * Thresholds of the satisfaction survey, in percent of returned ballots ({@code null}: not applied), and whether
	 * ballots may carry a household's name (personal data: off unless the province turns it on).
	 */
	public record Satisfaction(BigDecimal overallAtLeast, BigDecimal perItemAtLeast, BigDecimal minParticipation,
			boolean householdNames, Provenance provenance) {
	}

	/**
	 * A step: its mechanism ({@link StepKind}), the body that acts (a role name shown as written) and on which side, the
	 * deadline, documents, the conditions it requires, and its kind's parameters (posting days and readings, the approval
	 * share of a meeting or council, the round a submission opens and the sign-off an appraisal waits for).
	 */
	public record Step(String code, StepKind kind, String name, String actor, String actorName, Side side, Deadline deadline,
			List<Document> documents, List<String> requires, Integer postingDays, Integer minReadings, BigDecimal approvalPercent,
			RoundKind roundKind, RoundStatus roundStatus, Provenance provenance, String description) {

		public Step {
			documents = documents == null ? List.of() : List.copyOf(documents);
			requires = requires == null ? List.of() : List.copyOf(requires);
		}

		public boolean verified() {
			return provenance != null && provenance.verified();
		}
	}

	public boolean national() {
		return provinceCode == null;
	}

	public Optional<Step> step(String stepCode) {
		return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
	}

	public Optional<Condition> condition(String conditionCode) {
		return conditions.stream().filter(c -> c.code().equals(conditionCode)).findFirst();
	}

	/** The names of the conditions a step requires, for people (the code when the template names no such condition). */
	public List<String> requiredNames(Step step) {
		return step.requires().stream().map(code -> condition(code).map(Condition::name).orElse(code)).toList();
	}

	public int position(String stepCode) {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).code().equals(stepCode)) {
				return i;
			}
		}
		return -1;
	}

	public boolean appliesTo(Purpose wanted, Tier tier, String province, LocalDate on) {
		return purpose == wanted && tiers.contains(tier) && (national() || provinceCode.equals(province))
				&& (validFrom == null || !on.isBefore(validFrom)) && (validTo == null || !on.isAfter(validTo));
	}

	/** Whether anything in the template rests on practice or recall rather than a verified text. */
	public boolean provisional() {
		return provenance == null || !provenance.verified() || steps.stream().anyMatch(s -> !s.verified())
				|| satisfaction != null && (satisfaction.provenance() == null || !satisfaction.provenance().verified());
	}

	public String ref() {
		return code + " v" + version;
	}
}
