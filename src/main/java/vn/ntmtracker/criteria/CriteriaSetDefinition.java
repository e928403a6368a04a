package vn.ntmtracker.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of a criteria set, as loaded from {@code criteria/sets/*.yaml} or stored as JSON. Records are lenient
 * so that an edited draft can hold mistakes; {@link CriteriaSetValidator} says what is wrong.
 *
 * @param declaredIndicatorCount the indicator count the legal text states (e.g. 47 for QĐ 51/2025), which may differ
 * from what is loaded while indicators are unknown; null when not stated
 */
public record CriteriaSetDefinition(String code, int version, String title, LegalBasis legalBasis, Tier tier,
		Scope scope, SetRef derivedFrom, LocalDate validFrom, LocalDate validTo, SetStatus status,
		ThresholdKeying thresholdKeying, Integer declaredIndicatorCount, String note, List<CriterionGroup> groups,
		List<Criterion> criteria, List<Condition> conditions) {

	public CriteriaSetDefinition {
		groups = groups == null ? List.of() : List.copyOf(groups);
		criteria = criteria == null ? List.of() : List.copyOf(criteria);
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
	}

	public SetRef ref() {
		return new SetRef(code, version);
	}

	public int criteriaCount() {
		return criteria.size();
	}

	public int indicatorCount() {
		int count = 0;
		for (Criterion criterion : criteria) {
			count += criterion.indicators().size();
		}
		return count;
	}

	public Optional<Criterion> criterion(int number) {
		return criteria.stream().filter(c -> c.number() == number).findFirst();
	}

	public Optional<Indicator> indicator(String code) {
		return criteria.stream().flatMap(c -> c.indicators().stream()).filter(i -> i.code().equals(code)).findFirst();
	}

	/** True when any name or threshold in the set is not verified against the official text. */
	public boolean hasProvisionalContent() {
		for (Criterion criterion : criteria) {
			if (provisional(criterion.provenance())) {
				return true;
			}
			for (Indicator indicator : criterion.indicators()) {
				if (provisional(indicator.provenance())
						|| indicator.thresholds().stream().anyMatch(t -> provisional(t.provenance()))) {
					return true;
				}
			}
		}
		return conditions.stream().anyMatch(c -> provisional(c.provenance()));
	}

	private static boolean provisional(Provenance provenance) {
		return provenance == null || !provenance.verified();
	}
}
