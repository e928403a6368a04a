package vn.ntmtracker.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a set version as a data file in the layout of the shipped files (block style, one flow mapping per threshold
 * and provenance), so that a draft written by the threshold editor or the XLSX upload reads like a shipped file and
 * parses back to the same definition.
 */
final class CriteriaSetYamlWriter {

	private final StringBuilder out = new StringBuilder();

	private CriteriaSetYamlWriter() {
	}

	static String write(CriteriaSetDefinition set) {
		CriteriaSetYamlWriter writer = new CriteriaSetYamlWriter();
		writer.set(set);
		return writer.out.toString();
	}

	private void set(CriteriaSetDefinition set) {
		out.append("# Written by the criteria editor. Schema: src/main/resources/criteria/SCHEMA.md.\n");
		line(0, "code", set.code());
		out.append("version: ").append(set.version()).append('\n');
		text(0, "title", set.title());
		text(0, "description", set.description());
		if (set.legalBasis() != null) {
			out.append("legalBasis:\n");
			text(2, "number", set.legalBasis().number());
			line(2, "date", set.legalBasis().date());
			text(2, "issuer", set.legalBasis().issuer());
			if (set.legalBasis().provenance() != null) {
				out.append("  provenance: ").append(provenance(set.legalBasis().provenance())).append('\n');
			}
		}
		if (!set.amendedBy().isEmpty()) {
			out.append("amendedBy:\n");
			for (LegalBasis amendment : set.amendedBy()) {
				List<String> parts = new ArrayList<>();
				parts.add("number: " + quote(amendment.number()));
				if (amendment.date() != null) {
					parts.add("date: " + amendment.date());
				}
				parts.add("issuer: " + quote(amendment.issuer()));
				if (amendment.provenance() != null) {
					parts.add("provenance: " + provenance(amendment.provenance()));
				}
				out.append("  - {").append(String.join(", ", parts)).append("}\n");
			}
		}
		line(0, "tier", set.tier());
		if (set.scope() == null || set.scope().national()) {
			out.append("scope: NATIONAL\n");
		}
		else {
			out.append("scope: {provinceCode: ").append(quote(set.scope().provinceCode())).append(", provinceName: ")
				.append(quote(set.scope().provinceName())).append("}\n");
		}
		if (set.derivedFrom() != null) {
			out.append("derivedFrom: {code: ").append(set.derivedFrom().code()).append(", version: ")
				.append(set.derivedFrom().version()).append("}\n");
		}
		if (!set.corrects().isEmpty()) {
			out.append("corrects: ").append(set.corrects()).append('\n');
		}
		line(0, "validFrom", set.validFrom());
		line(0, "validTo", set.validTo());
		line(0, "status", set.status());
		line(0, "thresholdKeying", set.thresholdKeying());
		line(0, "declaredIndicatorCount", set.declaredIndicatorCount());
		text(0, "note", set.note());
		if (!set.groups().isEmpty()) {
			out.append("groups:\n");
			for (CriterionGroup group : set.groups()) {
				out.append("  - {code: ").append(quote(group.code())).append(", name: ").append(quote(group.name()))
					.append("}\n");
			}
		}
		if (!set.criteria().isEmpty()) {
			out.append("criteria:\n");
			for (Criterion criterion : set.criteria()) {
				criterion(criterion);
			}
		}
		if (!set.conditions().isEmpty()) {
			out.append("conditions:\n");
			for (Condition condition : set.conditions()) {
				out.append("  - code: ").append(quote(condition.code())).append('\n');
				text(4, "text", condition.text());
				out.append("    provenance: ").append(provenance(condition.provenance())).append('\n');
			}
		}
	}

	private void criterion(Criterion criterion) {
		out.append("  - number: ").append(criterion.number()).append('\n');
		text(4, "name", criterion.name());
		text(4, "group", criterion.group());
		if (criterion.criticalForRevocation()) {
			out.append("    criticalForRevocation: true\n");
		}
		text(4, "criticalReason", criterion.criticalReason());
		if (criterion.provenance() != null) {
			out.append("    provenance: ").append(provenance(criterion.provenance())).append('\n');
		}
		text(4, "description", criterion.description());
		if (!criterion.indicators().isEmpty()) {
			out.append("    indicators:\n");
			for (Indicator indicator : criterion.indicators()) {
				indicator(6, indicator);
			}
		}
	}

	private void indicator(int indent, Indicator indicator) {
		String pad = " ".repeat(indent);
		int inner = indent + 2;
		out.append(pad).append("- code: ").append(quote(indicator.code())).append('\n');
		text(inner, "name", indicator.name());
		text(inner, "description", indicator.description());
		line(inner, "kind", indicator.kind());
		text(inner, "unit", indicator.unit());
		if (indicator.notApplicableAllowed()) {
			out.append(" ".repeat(inner)).append("notApplicableAllowed: true\n");
		}
		text(inner, "sector", indicator.sector());
		if (indicator.provenance() != null) {
			out.append(" ".repeat(inner)).append("provenance: ").append(provenance(indicator.provenance())).append('\n');
		}
		if (indicator.computedFrom() != null) {
			out.append(" ".repeat(inner)).append("computedFrom: ").append(binding(indicator.computedFrom())).append('\n');
		}
		if (!indicator.thresholds().isEmpty()) {
			out.append(" ".repeat(inner)).append("thresholds:\n");
			for (Threshold threshold : indicator.thresholds()) {
				out.append(" ".repeat(inner + 2)).append("- ").append(threshold(threshold)).append('\n');
			}
		}
		if (!indicator.parts().isEmpty()) {
			out.append(" ".repeat(inner)).append("parts:\n");
			for (Indicator part : indicator.parts()) {
				indicator(inner + 2, part);
			}
		}
	}

	private static String binding(RegisterBinding binding) {
		List<String> parts = new ArrayList<>();
		if (binding.register() != null) {
			parts.add("register: " + binding.register().name());
		}
		parts.add("rule: " + (binding.rule() == null ? "null" : binding.rule().name()));
		RegisterBinding.AchievedWhen when = binding.achievedWhen();
		if (when != null) {
			List<String> bounds = new ArrayList<>();
			if (when.atLeast() != null) {
				bounds.add("atLeast: " + plain(when.atLeast()));
			}
			if (when.atMost() != null) {
				bounds.add("atMost: " + plain(when.atMost()));
			}
			if (when.provenance() != null) {
				bounds.add("provenance: " + provenance(when.provenance()));
			}
			parts.add("achievedWhen: {" + String.join(", ", bounds) + "}");
		}
		return "{" + String.join(", ", parts) + "}";
	}

	private static String threshold(Threshold threshold) {
		List<String> parts = new ArrayList<>();
		if (threshold.region() != null) {
			parts.add("region: " + threshold.region().name());
		}
		if (threshold.group() != null) {
			parts.add("group: " + threshold.group().number());
		}
		if (threshold.year() != null) {
			parts.add("year: " + threshold.year());
		}
		parts.add("value: " + plain(threshold.value()));
		if (threshold.provenance() != null) {
			parts.add("provenance: " + provenance(threshold.provenance()));
		}
		return "{" + String.join(", ", parts) + "}";
	}

	private static String provenance(Provenance provenance) {
		List<String> parts = new ArrayList<>();
		parts.add("source: " + quote(provenance.source()));
		if (provenance.date() != null) {
			parts.add("date: " + provenance.date());
		}
		parts.add("verified: " + provenance.verified());
		if (provenance.note() != null) {
			parts.add("note: " + quote(provenance.note()));
		}
		return "{" + String.join(", ", parts) + "}";
	}

	private static String plain(BigDecimal value) {
		return value == null ? "null" : value.stripTrailingZeros().toPlainString();
	}

	private void text(int indent, String key, String value) {
		if (value != null) {
			out.append(" ".repeat(indent)).append(key).append(": ").append(quote(value)).append('\n');
		}
	}

	private void line(int indent, String key, Object value) {
		if (value != null) {
			out.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
		}
	}

	/** A double-quoted YAML scalar: every string is quoted, so "17.10", "no" and dates stay text. */
	static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\x%02x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}
}
