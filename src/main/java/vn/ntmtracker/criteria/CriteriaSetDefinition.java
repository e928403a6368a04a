package vn.ntmtracker.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a criteria set, as loaded from {@code criteria/sets/*.yaml} or stored as JSON. Records are lenient
 * so that an edited draft can hold mistakes; {@link CriteriaSetValidator} says what is wrong.
 *
 * @param declaredIndicatorCount the indicator count the legal text states (e.g. 47 for QĐ 51/2025), which may differ
 * from what is loaded while indicators are unknown; null when not stated
 * @param note for administrators: what is verified, what is not, and why (the "Nguồn" detail)
 * @param description for officers: what the set is and how far it can be trusted, in plain Vietnamese
 * @param amendedBy later documents that amend the set and whose changes this version carries (QĐ 211/QĐ-TTg)
 * @param corrects earlier versions of the same code that this version corrects: their content was wrong, so they
 * never apply on any date ({@link SetVersions})
 */
public record CriteriaSetDefinition(String code, int version, String title, LegalBasis legalBasis, Tier tier,
		Scope scope, SetRef derivedFrom, LocalDate validFrom, LocalDate validTo, SetStatus status,
		ThresholdKeying thresholdKeying, Integer declaredIndicatorCount, String note, List<CriterionGroup> groups,
		List<Criterion> criteria, List<Condition> conditions, String description, List<LegalBasis> amendedBy,
		List<Integer> corrects) {

	public CriteriaSetDefinition {
		groups = groups == null ? List.of() : List.copyOf(groups);
		criteria = criteria == null ? List.of() : List.copyOf(criteria);
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
		amendedBy = amendedBy == null ? List.of() : List.copyOf(amendedBy);
		corrects = corrects == null ? List.of() : List.copyOf(corrects);
	}

	public CriteriaSetDefinition(String code, int version, String title, LegalBasis legalBasis, Tier tier,
			Scope scope, SetRef derivedFrom, LocalDate validFrom, LocalDate validTo, SetStatus status,
			ThresholdKeying thresholdKeying, Integer declaredIndicatorCount, String note, List<CriterionGroup> groups,
			List<Criterion> criteria, List<Condition> conditions) {
		this(code, version, title, legalBasis, tier, scope, derivedFrom, validFrom, validTo, status, thresholdKeying,
				declaredIndicatorCount, note, groups, criteria, conditions, null, List.of(), List.of());
	}

	public SetRef ref() {
		return new SetRef(code, version);
	}

	public int criteriaCount() {
		return criteria.size();
	}

	/** Declared indicators; parts of an indicator are not counted (they are conditions of the same indicator). */
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

	/** An indicator or an indicator's part ("17.1b") by code. */
	public Optional<Indicator> indicator(String code) {
		return allIndicators().stream().filter(i -> i.code().equals(code)).findFirst();
	}

	/** Every indicator followed by its parts, in set order: everything a value is entered for. */
	public List<Indicator> allIndicators() {
		List<Indicator> all = new ArrayList<>();
		for (Criterion criterion : criteria) {
			criterion.indicators().forEach(i -> i.withParts().forEach(all::add));
		}
		return all;
	}

	/** The criterion an indicator or part belongs to. */
	public Optional<Criterion> criterionOf(String indicatorCode) {
		return criteria.stream()
			.filter(c -> c.indicators().stream().flatMap(Indicator::withParts).anyMatch(i -> i.code().equals(indicatorCode)))
			.findFirst();
	}

	/** A copy with one indicator (or part) replaced; the code identifies it and must not change. */
	public CriteriaSetDefinition withIndicator(Indicator replacement) {
		List<Criterion> changed = new ArrayList<>();
		for (Criterion criterion : criteria) {
			List<Indicator> indicators = new ArrayList<>();
			for (Indicator indicator : criterion.indicators()) {
				if (indicator.code().equals(replacement.code())) {
					indicators.add(replacement);
					continue;
				}
				List<Indicator> parts = indicator.parts().stream()
					.map(p -> p.code().equals(replacement.code()) ? replacement : p).toList();
				indicators.add(new Indicator(indicator.code(), indicator.name(), indicator.kind(), indicator.unit(),
						indicator.notApplicableAllowed(), indicator.sector(), indicator.provenance(),
						indicator.thresholds(), indicator.description(), parts, indicator.computedFrom()));
			}
			changed.add(criterion.withIndicators(indicators));
		}
		return withCriteria(changed);
	}

	public CriteriaSetDefinition withCriteria(List<Criterion> newCriteria) {
		return new CriteriaSetDefinition(code, version, title, legalBasis, tier, scope, derivedFrom, validFrom, validTo,
				status, thresholdKeying, declaredIndicatorCount, note, groups, newCriteria, conditions, description,
				amendedBy, corrects);
	}

	public CriteriaSetDefinition withStatus(SetStatus newStatus) {
		return new CriteriaSetDefinition(code, version, title, legalBasis, tier, scope, derivedFrom, validFrom, validTo,
				newStatus, thresholdKeying, declaredIndicatorCount, note, groups, criteria, conditions, description,
				amendedBy, corrects);
	}

	/** The next version of this set as a draft derived from this one, same content. */
	public CriteriaSetDefinition draft(int newVersion) {
		return new CriteriaSetDefinition(code, newVersion, title, legalBasis, tier, scope, ref(), validFrom, validTo,
				SetStatus.DRAFT, thresholdKeying, declaredIndicatorCount, note, groups, criteria, conditions,
				description, amendedBy, List.of());
	}

	/** True when any name or threshold in the set is not verified against the official text. */
	public boolean hasProvisionalContent() {
		for (Criterion criterion : criteria) {
			if (provisional(criterion.provenance())) {
				return true;
			}
			for (Indicator indicator : criterion.indicators()) {
				if (indicator.provisional()) {
					return true;
				}
			}
		}
		return conditions.stream().anyMatch(c -> provisional(c.provenance()));
	}

	/** How many thresholds (of indicators and parts) are verified and how many are provisional. */
	public int[] thresholdVerification() {
		int verified = 0;
		int provisional = 0;
		for (Indicator indicator : allIndicators()) {
			for (Threshold threshold : indicator.thresholds()) {
				if (provisional(threshold.provenance())) {
					provisional++;
				}
				else {
					verified++;
				}
			}
		}
		return new int[] { verified, provisional };
	}

	private static boolean provisional(Provenance provenance) {
		return provenance == null || !provenance.verified();
	}
}
