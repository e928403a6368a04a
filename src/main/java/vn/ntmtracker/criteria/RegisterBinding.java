package vn.ntmtracker.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Computed from register X with rule Y": how this system fills an indicator from a list the commune keeps
 * (households, OCOP products, model areas) instead of a typed number. A binding says nothing the legal text says; it
 * is how the value is counted, so the rules live in the registers module and only their names live here.
 * <p>
 * A rule measures a percentage or a count. On a percent or "Không" indicator that figure is the value and the set's
 * own thresholds judge it. On an indicator judged on evidence (or đạt / không đạt) the figure becomes the evidence;
 * {@code achievedWhen} then says when it is đạt, with its source, or — when absent — the assessor keeps judging.
 */
public record RegisterBinding(Register register, Rule rule, AchievedWhen achievedWhen) {

	/** The lists a commune keeps. */
	public enum Register {
		HOUSEHOLDS, OCOP_PRODUCTS, MODEL_AREAS
	}

	/** What a rule yields: a percentage 0–100 or a count. */
	public enum Measure {
		PERCENT, COUNT
	}

	/** The counting rules the registers module implements. */
	public enum Rule {
		/** Households with status nghèo in the round's year ÷ all households with a status that year. */
		POVERTY_RATE(Register.HOUSEHOLDS, Measure.PERCENT),
		/** Households with status cận nghèo in the round's year ÷ all households with a status that year. */
		NEAR_POVERTY_RATE(Register.HOUSEHOLDS, Measure.PERCENT),
		/** Households with status nghèo in the round's year. */
		POOR_HOUSEHOLDS(Register.HOUSEHOLDS, Measure.COUNT),
		/** Members with health insurance ÷ members, over the households with a status in the round's year. */
		INSURED_SHARE(Register.HOUSEHOLDS, Measure.PERCENT),
		/** Households whose house meets the standard ÷ households whose house was assessed, in the round's year. */
		HOUSING_STANDARD_SHARE(Register.HOUSEHOLDS, Measure.PERCENT),
		/** Households with clean water ÷ households whose water was assessed, in the round's year. */
		CLEAN_WATER_SHARE(Register.HOUSEHOLDS, Measure.PERCENT),
		/** OCOP products of the commune with a certificate (3–5 stars) valid on the round's date. */
		VALID_OCOP_PRODUCTS(Register.OCOP_PRODUCTS, Measure.COUNT),
		/** Villages with a recognised khu dân cư NTM kiểu mẫu on the round's date ÷ villages of the commune. */
		MODEL_RESIDENTIAL_AREA_SHARE(Register.MODEL_AREAS, Measure.PERCENT),
		/** Recognised khu dân cư NTM kiểu mẫu on the round's date. */
		MODEL_RESIDENTIAL_AREAS(Register.MODEL_AREAS, Measure.COUNT),
		/** Recognised vườn mẫu on the round's date. */
		MODEL_GARDENS(Register.MODEL_AREAS, Measure.COUNT);

		private final Register register;
		private final Measure measure;

		Rule(Register register, Measure measure) {
			this.register = register;
			this.measure = measure;
		}

		public Register register() {
			return register;
		}

		public Measure measure() {
			return measure;
		}
	}

	/** When a figure means đạt for an indicator judged on evidence: one bound, with where it comes from. */
	public record AchievedWhen(BigDecimal atLeast, BigDecimal atMost, Provenance provenance) {

		public boolean test(BigDecimal figure) {
			return (atLeast == null || figure.compareTo(atLeast) >= 0) && (atMost == null || figure.compareTo(atMost) <= 0);
		}

		/** "≥ 1" or "≤ 4,5". */
		public String text() {
			BigDecimal bound = atLeast != null ? atLeast : atMost;
			String plain = bound == null ? "?" : bound.stripTrailingZeros().toPlainString().replace('.', ',');
			return (atLeast != null ? "≥ " : "≤ ") + plain;
		}
	}

	/**
	 * What is wrong with this binding on an indicator of {@code kind}, as messages for a key path; empty when it fits.
	 * Amounts and areas are never counted from a register.
	 */
	public List<String> problems(ValueKind kind) {
		List<String> problems = new ArrayList<>();
		if (rule == null) {
			problems.add("rule missing");
			return problems;
		}
		if (register != null && rule.register() != register) {
			problems.add("rule " + rule + " counts register " + rule.register() + ", not " + register);
		}
		if (kind == null) {
			return problems;
		}
		boolean judged = kind == ValueKind.BOOLEAN || kind == ValueKind.TEXT_EVIDENCE;
		boolean fits = judged || (rule.measure() == Measure.PERCENT ? kind.percent() : kind == ValueKind.COUNT_MUST_BE_ZERO);
		if (!fits) {
			problems.add("rule " + rule + " yields a " + rule.measure().name().toLowerCase() + ", which cannot fill an indicator of kind " + kind);
		}
		if (achievedWhen != null) {
			if (!judged) {
				problems.add("achievedWhen only for BOOLEAN or TEXT_EVIDENCE indicators; kind " + kind + " is judged by the set's thresholds");
			}
			if ((achievedWhen.atLeast() == null) == (achievedWhen.atMost() == null)) {
				problems.add("achievedWhen needs exactly one of atLeast or atMost");
			}
			BigDecimal bound = achievedWhen.atLeast() != null ? achievedWhen.atLeast() : achievedWhen.atMost();
			if (bound != null && (bound.signum() < 0 || rule.measure() == Measure.PERCENT && bound.compareTo(BigDecimal.valueOf(100)) > 0)) {
				problems.add("achievedWhen bound " + bound.toPlainString() + " outside " + (rule.measure() == Measure.PERCENT ? "0–100" : "0 or more"));
			}
			if (achievedWhen.provenance() == null || achievedWhen.provenance().source() == null
					|| achievedWhen.provenance().source().isBlank()) {
				problems.add("achievedWhen needs a provenance naming its source");
			}
		}
		return problems;
	}
}
