package vn.ntmtracker.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content rules every set must meet, whether it comes from a data file or from the editor. Paths name list
 * positions from 0, as in the YAML file: {@code criteria[16].indicators[3].thresholds: region TN missing}.
 */
public final class CriteriaSetValidator {

	private static final Pattern SET_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private static final Pattern INDICATOR_CODE = Pattern.compile("\\d+(\\.\\d+)?");

	private static final Pattern PART_SUFFIX = Pattern.compile("[a-z]");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private CriteriaSetValidator() {
	}

	/** Every problem found, in file order; empty when the set is valid. */
	public static List<ValidationError> validate(CriteriaSetDefinition set) {
		List<ValidationError> errors = new ArrayList<>();
		new Run(set, errors).run();
		return errors;
	}

	private record Run(CriteriaSetDefinition set, List<ValidationError> errors) {

		void error(String path, String message) {
			errors.add(new ValidationError(path, message));
		}

		void run() {
			header();
			Set<String> groupCodes = new HashSet<>();
			for (int g = 0; g < set.groups().size(); g++) {
				CriterionGroup group = set.groups().get(g);
				if (blank(group.code())) {
					error("groups[" + g + "].code", "missing");
				}
				else if (!groupCodes.add(group.code())) {
					error("groups[" + g + "].code", "duplicate group code '" + group.code() + "'");
				}
				if (blank(group.name())) {
					error("groups[" + g + "].name", "missing");
				}
			}
			if (set.criteria().isEmpty() && set.conditions().isEmpty()) {
				error("criteria", "a set needs at least one criterion or condition");
			}
			Set<Integer> numbers = new HashSet<>();
			Map<String, String> indicatorCodes = new HashMap<>();
			for (int c = 0; c < set.criteria().size(); c++) {
				criterion("criteria[" + c + "]", set.criteria().get(c), numbers, groupCodes, indicatorCodes);
			}
			Set<String> conditionCodes = new HashSet<>();
			for (int c = 0; c < set.conditions().size(); c++) {
				Condition condition = set.conditions().get(c);
				String path = "conditions[" + c + "]";
				if (blank(condition.code())) {
					error(path + ".code", "missing");
				}
				else if (!conditionCodes.add(condition.code())) {
					error(path + ".code", "duplicate condition code '" + condition.code() + "'");
				}
				if (blank(condition.text())) {
					error(path + ".text", "missing");
				}
				provenance(path + ".provenance", condition.provenance());
			}
		}

		private void header() {
			if (blank(set.code())) {
				error("code", "missing");
			}
			else if (!SET_CODE.matcher(set.code()).matches()) {
				error("code", "'" + set.code() + "' must be upper-case letters and digits separated by '-'");
			}
			if (set.version() < 1) {
				error("version", "must be 1 or more, got " + set.version());
			}
			if (blank(set.title())) {
				error("title", "missing");
			}
			if (set.legalBasis() == null) {
				error("legalBasis", "missing");
			}
			else {
				if (blank(set.legalBasis().number())) {
					error("legalBasis.number", "missing");
				}
				if (blank(set.legalBasis().issuer())) {
					error("legalBasis.issuer", "missing");
				}
			}
			required("tier", set.tier());
			required("scope", set.scope());
			required("status", set.status());
			required("thresholdKeying", set.thresholdKeying());
			required("validFrom", set.validFrom());
			if (set.validFrom() != null && set.validTo() != null && set.validTo().isBefore(set.validFrom())) {
				error("validTo", set.validTo() + " is before validFrom " + set.validFrom());
			}
			if (set.scope() != null && !set.scope().national()
					&& (blank(set.scope().provinceCode()) || blank(set.scope().provinceName()))) {
				error("scope", "a provincial scope needs both provinceCode and provinceName");
			}
			if (set.derivedFrom() != null && set.derivedFrom().equals(set.ref())) {
				error("derivedFrom", "a set version cannot derive from itself");
			}
			Set<Integer> corrected = new HashSet<>();
			for (int i = 0; i < set.corrects().size(); i++) {
				Integer earlier = set.corrects().get(i);
				if (earlier == null || earlier < 1 || earlier >= set.version()) {
					error("corrects[" + i + "]", "a version corrects only earlier versions of the same set, got " + earlier);
				}
				else if (!corrected.add(earlier)) {
					error("corrects[" + i + "]", "duplicate version " + earlier);
				}
			}
			for (int i = 0; i < set.amendedBy().size(); i++) {
				LegalBasis amendment = set.amendedBy().get(i);
				if (amendment == null || blank(amendment.number())) {
					error("amendedBy[" + i + "].number", "missing");
				}
				else if (blank(amendment.issuer())) {
					error("amendedBy[" + i + "].issuer", "missing");
				}
			}
		}

		private void required(String path, Object value) {
			if (value == null) {
				error(path, "missing");
			}
		}

		private void criterion(String path, Criterion criterion, Set<Integer> numbers, Set<String> groupCodes,
				Map<String, String> indicatorCodes) {
			if (criterion.number() < 1) {
				error(path + ".number", "must be 1 or more, got " + criterion.number());
			}
			else if (!numbers.add(criterion.number())) {
				error(path + ".number", "duplicate criterion number " + criterion.number());
			}
			if (blank(criterion.name())) {
				error(path + ".name", "missing");
			}
			if (!groupCodes.isEmpty() && criterion.group() != null && !groupCodes.contains(criterion.group())) {
				error(path + ".group", "unknown group '" + criterion.group() + "'");
			}
			if (criterion.criticalForRevocation() && blank(criterion.criticalReason())) {
				error(path + ".criticalReason", "a criterion critical for revocation must say which rule makes it so");
			}
			provenance(path + ".provenance", criterion.provenance());
			for (int i = 0; i < criterion.indicators().size(); i++) {
				indicator(path + ".indicators[" + i + "]", criterion, criterion.indicators().get(i), indicatorCodes);
			}
		}

		private void indicator(String path, Criterion criterion, Indicator indicator,
				Map<String, String> indicatorCodes) {
			String code = indicator.code();
			if (blank(code)) {
				error(path + ".code", "missing");
			}
			else if (!INDICATOR_CODE.matcher(code).matches()) {
				error(path + ".code", "'" + code + "' is not an indicator code like 2 or 17.11");
			}
			else if (!code.equals(String.valueOf(criterion.number()))
					&& !code.startsWith(criterion.number() + ".")) {
				error(path + ".code", "indicator code '" + code + "' does not belong to criterion " + criterion.number());
			}
			else if (indicatorCodes.putIfAbsent(code, path) != null) {
				error(path + ".code", "duplicate indicator code '" + code + "' (also at " + indicatorCodes.get(code) + ")");
			}
			measure(path, indicator);
			for (int p = 0; p < indicator.parts().size(); p++) {
				part(path + ".parts[" + p + "]", indicator, indicator.parts().get(p), indicatorCodes);
			}
		}

		/** A part ("17.1b"): the indicator's code plus one letter, measured on its own, no parts, no "(nếu có)". */
		private void part(String path, Indicator owner, Indicator part, Map<String, String> indicatorCodes) {
			String code = part.code();
			if (blank(code)) {
				error(path + ".code", "missing");
			}
			else if (owner.code() == null || !code.startsWith(owner.code())
					|| !PART_SUFFIX.matcher(code.substring(owner.code().length())).matches()) {
				error(path + ".code", "a part of indicator " + owner.code() + " is coded " + owner.code()
						+ " plus one letter (e.g. " + owner.code() + "b), got '" + code + "'");
			}
			else if (indicatorCodes.putIfAbsent(code, path) != null) {
				error(path + ".code", "duplicate indicator code '" + code + "' (also at " + indicatorCodes.get(code) + ")");
			}
			measure(path, part);
			if (!part.parts().isEmpty()) {
				error(path + ".parts", "a part has no parts of its own");
			}
			if (part.notApplicableAllowed()) {
				error(path + ".notApplicableAllowed", "'(nếu có)' belongs to the indicator, not to one of its parts");
			}
		}

		/** Name, provenance, kind, unit and thresholds: the same rules for an indicator and for a part. */
		private void measure(String path, Indicator indicator) {
			if (blank(indicator.name())) {
				error(path + ".name", "missing");
			}
			provenance(path + ".provenance", indicator.provenance());
			ValueKind kind = indicator.kind();
			if (indicator.computedFrom() != null) {
				for (String problem : indicator.computedFrom().problems(kind)) {
					error(path + ".computedFrom", problem);
				}
				if (indicator.computedFrom().achievedWhen() != null) {
					provenance(path + ".computedFrom.achievedWhen.provenance", indicator.computedFrom().achievedWhen().provenance());
				}
			}
			if (kind == null) {
				error(path + ".kind", "missing");
				return;
			}
			if (kind.needsUnit() && blank(indicator.unit())) {
				error(path + ".unit", "kind " + kind + " needs a unit (e.g. triệu đồng/người/năm)");
			}
			if (!kind.needsThreshold()) {
				if (!indicator.thresholds().isEmpty()) {
					error(path + ".thresholds", "kind " + kind + " takes no threshold");
				}
				return;
			}
			if (indicator.thresholds().isEmpty()) {
				error(path + ".thresholds", "kind " + kind + " needs a threshold");
				return;
			}
			thresholds(path + ".thresholds", kind, indicator.thresholds());
		}

		private void thresholds(String path, ValueKind kind, List<Threshold> thresholds) {
			ThresholdKeying keying = set.thresholdKeying();
			Set<String> keys = new HashSet<>();
			Set<Integer> generalYears = new HashSet<>();
			Map<Integer, Set<Region>> regionsByYear = new HashMap<>();
			Map<Integer, Set<CommuneGroup>> groupsByYear = new HashMap<>();
			for (int t = 0; t < thresholds.size(); t++) {
				Threshold threshold = thresholds.get(t);
				String at = path + "[" + t + "]";
				if (threshold.region() != null && threshold.group() != null) {
					error(at, "a threshold is keyed by a region or by a commune group, not both");
				}
				else if (threshold.region() != null && keying != ThresholdKeying.REGION) {
					error(at + ".region", "the set is keyed by " + keying + ", not by region");
				}
				else if (threshold.group() != null && keying != ThresholdKeying.COMMUNE_GROUP) {
					error(at + ".group", "the set is keyed by " + keying + ", not by commune group");
				}
				if (!keys.add(threshold.keyLabel())) {
					error(at, "duplicate threshold for " + threshold.keyLabel());
				}
				if (threshold.region() != null) {
					regionsByYear.computeIfAbsent(threshold.year(), y -> EnumSet.noneOf(Region.class))
						.add(threshold.region());
				}
				else if (threshold.group() != null) {
					groupsByYear.computeIfAbsent(threshold.year(), y -> EnumSet.noneOf(CommuneGroup.class))
						.add(threshold.group());
				}
				else {
					generalYears.add(threshold.year());
				}
				if (threshold.year() != null && (threshold.year() < 1990 || threshold.year() > 2100)) {
					error(at + ".year", "implausible year " + threshold.year());
				}
				BigDecimal value = threshold.value();
				if (value == null) {
					error(at + ".value", "missing");
				}
				else if (kind.percent() && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
					error(at + ".value", "percent " + value.toPlainString() + " outside 0–100");
				}
				else if (value.signum() < 0) {
					error(at + ".value", "must not be negative, got " + value.toPlainString());
				}
				provenance(at + ".provenance", threshold.provenance());
			}
			// QĐ 318 lists a value per region; a key with some regions needs all seven unless a general value covers the rest.
			for (Integer year : nullsFirst(regionsByYear.keySet())) {
				if (covered(generalYears, year)) {
					continue;
				}
				for (Region region : Region.values()) {
					if (!regionsByYear.get(year).contains(region)) {
						error(path, "region " + region + " missing" + (year == null ? "" : " for year " + year));
					}
				}
			}
			for (Integer year : nullsFirst(groupsByYear.keySet())) {
				if (covered(generalYears, year)) {
					continue;
				}
				for (CommuneGroup group : CommuneGroup.values()) {
					if (!groupsByYear.get(year).contains(group)) {
						error(path, "group " + group.number() + " missing" + (year == null ? "" : " for year " + year));
					}
				}
			}
		}

		private static boolean covered(Set<Integer> generalYears, Integer year) {
			return generalYears.contains(null) || generalYears.contains(year);
		}

		private static Set<Integer> nullsFirst(Set<Integer> years) {
			Set<Integer> ordered = new LinkedHashSet<>();
			if (years.contains(null)) {
				ordered.add(null);
			}
			years.stream().filter(Objects::nonNull).sorted().forEach(ordered::add);
			return ordered;
		}

		private void provenance(String path, Provenance provenance) {
			if (provenance == null) {
				error(path, "missing");
				return;
			}
			if (blank(provenance.source())) {
				error(path + ".source", "missing");
			}
			if (provenance.verification() == null) {
				error(path + ".verification", "missing");
			}
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}
	}
}
