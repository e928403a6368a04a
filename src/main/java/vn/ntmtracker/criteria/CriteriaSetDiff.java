package vn.ntmtracker.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a set, for a side-by-side view. Criteria are matched by number, indicators by
 * code, thresholds by region/group and year, groups and conditions by code, so a path names the thing and not its
 * position: {@code criteria[17].indicators[17.4].thresholds[TN, 2020].value}.
 */
public final class CriteriaSetDiff {

	public enum ChangeType {
		ADDED, REMOVED, CHANGED
	}

	/** One difference; {@code before} is null for additions, {@code after} for removals. */
	public record Change(ChangeType type, String path, String before, String after) {
	}

	private CriteriaSetDiff() {
	}

	public static List<Change> between(CriteriaSetDefinition before, CriteriaSetDefinition after) {
		List<Change> changes = new ArrayList<>();
		field(changes, "code", before.code(), after.code());
		field(changes, "version", before.version(), after.version());
		field(changes, "title", before.title(), after.title());
		field(changes, "legalBasis", basis(before.legalBasis()), basis(after.legalBasis()));
		field(changes, "tier", before.tier(), after.tier());
		field(changes, "scope", label(before.scope()), label(after.scope()));
		field(changes, "derivedFrom", before.derivedFrom(), after.derivedFrom());
		field(changes, "validFrom", before.validFrom(), after.validFrom());
		field(changes, "validTo", before.validTo(), after.validTo());
		field(changes, "status", before.status(), after.status());
		field(changes, "thresholdKeying", before.thresholdKeying(), after.thresholdKeying());
		field(changes, "note", before.note(), after.note());
		field(changes, "description", before.description(), after.description());
		field(changes, "amendedBy", before.amendedBy().stream().map(CriteriaSetDiff::basis).toList(),
				after.amendedBy().stream().map(CriteriaSetDiff::basis).toList());
		field(changes, "corrects", before.corrects(), after.corrects());
		matched(changes, "groups", before.groups(), after.groups(), CriterionGroup::code, CriterionGroup::name,
				(path, a, b) -> field(changes, path + ".name", a.name(), b.name()));
		matched(changes, "criteria", before.criteria(), after.criteria(), c -> String.valueOf(c.number()),
				Criterion::name, (path, a, b) -> criterion(changes, path, a, b));
		matched(changes, "conditions", before.conditions(), after.conditions(), Condition::code, Condition::text,
				(path, a, b) -> {
					field(changes, path + ".text", a.text(), b.text());
					field(changes, path + ".provenance", provenance(a.provenance()), provenance(b.provenance()));
				});
		return changes;
	}

	private static void criterion(List<Change> changes, String path, Criterion a, Criterion b) {
		field(changes, path + ".name", a.name(), b.name());
		field(changes, path + ".group", a.group(), b.group());
		field(changes, path + ".criticalForRevocation", a.criticalForRevocation(), b.criticalForRevocation());
		field(changes, path + ".description", a.description(), b.description());
		field(changes, path + ".provenance", provenance(a.provenance()), provenance(b.provenance()));
		matched(changes, path + ".indicators", a.indicators(), b.indicators(), Indicator::code, Indicator::name,
				(at, x, y) -> indicator(changes, at, x, y));
	}

	private static void indicator(List<Change> changes, String path, Indicator a, Indicator b) {
		field(changes, path + ".name", a.name(), b.name());
		field(changes, path + ".kind", a.kind(), b.kind());
		field(changes, path + ".unit", a.unit(), b.unit());
		field(changes, path + ".notApplicableAllowed", a.notApplicableAllowed(), b.notApplicableAllowed());
		field(changes, path + ".sector", a.sector(), b.sector());
		field(changes, path + ".description", a.description(), b.description());
		field(changes, path + ".provenance", provenance(a.provenance()), provenance(b.provenance()));
		matched(changes, path + ".thresholds", a.thresholds(), b.thresholds(), Threshold::keyLabel,
				t -> t.value() == null ? null : t.value().toPlainString(), (at, x, y) -> {
					field(changes, at + ".value", plain(x), plain(y));
					field(changes, at + ".provenance", provenance(x.provenance()), provenance(y.provenance()));
				});
		matched(changes, path + ".parts", a.parts(), b.parts(), Indicator::code, Indicator::name,
				(at, x, y) -> indicator(changes, at, x, y));
	}

	private interface Pair<T> {
		void compare(String path, T before, T after);
	}

	private static <T> void matched(List<Change> changes, String path, List<T> before, List<T> after,
			Function<T, String> key, Function<T, String> summary, Pair<T> pair) {
		Map<String, T> old = new LinkedHashMap<>();
		before.forEach(item -> old.putIfAbsent(key.apply(item), item));
		Map<String, T> now = new LinkedHashMap<>();
		after.forEach(item -> now.putIfAbsent(key.apply(item), item));
		old.forEach((k, item) -> {
			String at = path + "[" + k + "]";
			if (now.containsKey(k)) {
				pair.compare(at, item, now.get(k));
			}
			else {
				changes.add(new Change(ChangeType.REMOVED, at, summary.apply(item), null));
			}
		});
		now.forEach((k, item) -> {
			if (!old.containsKey(k)) {
				changes.add(new Change(ChangeType.ADDED, path + "[" + k + "]", null, summary.apply(item)));
			}
		});
	}

	private static void field(List<Change> changes, String path, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(new Change(ChangeType.CHANGED, path, before == null ? null : before.toString(),
					after == null ? null : after.toString()));
		}
	}

	private static String plain(Threshold threshold) {
		return threshold.value() == null ? null : threshold.value().stripTrailingZeros().toPlainString();
	}

	private static String basis(LegalBasis basis) {
		return basis == null ? null : basis.number() + " (" + basis.date() + ", " + basis.issuer() + ")";
	}

	private static String label(Scope scope) {
		return scope == null ? null : scope.label();
	}

	private static String provenance(Provenance provenance) {
		return provenance == null ? null
				: provenance.verification() + " — " + provenance.source()
						+ (provenance.date() == null ? "" : " (" + provenance.date() + ")")
						+ (provenance.note() == null ? "" : " — " + provenance.note());
	}
}
