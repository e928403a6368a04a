package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import vn.ntmtracker.criteria.Condition;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.Threshold;
import vn.ntmtracker.criteria.ThresholdKey;
import vn.ntmtracker.criteria.ValueKind;

/**
 * A set version compiled for one threshold key (region or commune group) and one year: thresholds are chosen once, so
 * evaluating a unit is a loop over flat arrays with no lookups in the set.
 */
public final class EvaluationPlan {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final CriteriaSetDefinition set;

	private final ThresholdKey key;

	private final int year;

	private final String[] codes;

	private final ValueKind[] kinds;

	private final boolean[] notApplicableAllowed;

	private final ThresholdUsed[] thresholds;

	/**
	 * Slot i is an indicator ({@code owner[i] == -1}) or a part of the indicator in slot {@code owner[i]} ("17.1b":
	 * a further condition of the same indicator, QĐ 318 17.1). Parts follow their indicator.
	 */
	private final int[] owner;

	/** Criterion c owns slots {@code start[c]} (inclusive) to {@code start[c + 1]} (exclusive). */
	private final int[] start;

	/** The indicator slots (not parts) of criterion c, in order: the rows of its result. */
	private final int[][] tops;

	private final Map<String, Integer> known = new HashMap<>();

	private final vn.ntmtracker.criteria.SetRef ref;

	EvaluationPlan(CriteriaSetDefinition set, ThresholdKey key, int year) {
		this.set = set;
		this.key = key;
		this.year = year;
		this.ref = set.ref();
		int n = set.allIndicators().size();
		codes = new String[n];
		kinds = new ValueKind[n];
		notApplicableAllowed = new boolean[n];
		thresholds = new ThresholdUsed[n];
		owner = new int[n];
		start = new int[set.criteriaCount() + 1];
		int i = 0;
		for (int c = 0; c < set.criteriaCount(); c++) {
			start[c] = i;
			for (Indicator indicator : set.criteria().get(c).indicators()) {
				int top = i;
				for (Indicator slot : indicator.withParts().toList()) {
					codes[i] = slot.code();
					kinds[i] = slot.kind();
					notApplicableAllowed[i] = slot.notApplicableAllowed();
					thresholds[i] = slot.kind().needsThreshold() ? choose(slot.thresholds(), key, year) : null;
					owner[i] = i == top ? -1 : top;
					known.put(slot.code(), i);
					i++;
				}
			}
		}
		start[set.criteriaCount()] = i;
		tops = new int[set.criteriaCount()][];
		for (int c = 0; c < set.criteriaCount(); c++) {
			tops[c] = java.util.stream.IntStream.range(start[c], start[c + 1]).filter(slot -> owner[slot] < 0).toArray();
		}
		// condition k is known as -(k + 1)
		for (int k = 0; k < set.conditions().size(); k++) {
			known.put(set.conditions().get(k).code(), -(k + 1));
		}
	}

	public CriteriaSetDefinition set() {
		return set;
	}

	public ThresholdKey key() {
		return key;
	}

	public int year() {
		return year;
	}

	/** The threshold this plan uses for an indicator or part, or null for kinds without one. */
	public ThresholdUsed threshold(String code) {
		Integer i = known.get(code);
		if (i == null || i < 0) {
			throw new IllegalArgumentException(set.ref() + " has no indicator " + code);
		}
		return thresholds[i];
	}

	/**
	 * The key's own values if it has any, else the general ones; among those the latest year not after the round's
	 * year, else the value for every year, else the earliest year (flagged as a fallback).
	 */
	static ThresholdUsed choose(List<Threshold> all, ThresholdKey key, int year) {
		List<Threshold> own = new ArrayList<>();
		List<Threshold> general = new ArrayList<>();
		for (Threshold t : all) {
			if (t.generalValue()) {
				general.add(t);
			}
			else if ((key.region() != null && key.region() == t.region())
					|| (key.group() != null && key.group() == t.group())) {
				own.add(t);
			}
		}
		ThresholdUsed chosen = byYear(own, year);
		return chosen != null ? chosen : byYear(general, year);
	}

	private static ThresholdUsed byYear(List<Threshold> candidates, int year) {
		Threshold latest = null;
		Threshold everyYear = null;
		Threshold earliest = null;
		for (Threshold t : candidates) {
			if (t.year() == null) {
				everyYear = t;
			}
			else {
				if (t.year() <= year && (latest == null || t.year() > latest.year())) {
					latest = t;
				}
				if (earliest == null || t.year() < earliest.year()) {
					earliest = t;
				}
			}
		}
		Threshold chosen = latest != null ? latest : everyYear != null ? everyYear : earliest;
		if (chosen == null) {
			return null;
		}
		return new ThresholdUsed(chosen.value(), chosen.region(), chosen.group(), chosen.year(),
				chosen.provenance() == null || !chosen.provenance().verified(), latest == null && everyYear == null);
	}

	/** Evaluates one unit; throws {@link InvalidValuesException} listing every value that cannot be used. */
	public Evaluation evaluate(Map<String, IndicatorValue> values, Judgements judgements) {
		List<InvalidValuesException.Problem> problems = null;
		int n = codes.length;
		IndicatorStatus[] statuses = new IndicatorStatus[n];
		IndicatorValue[] entered = new IndicatorValue[n];
		List<Condition> setConditions = set.conditions();
		IndicatorValue[] conditionValues = setConditions.isEmpty() ? null : new IndicatorValue[setConditions.size()];
		// One pass over what was entered (the plan's code index stays in the CPU cache; the unit's map is read once, in
		// its own order); keys that are not the set's are problems, listed first in the order given.
		for (Map.Entry<String, IndicatorValue> entry : values.entrySet()) {
			Integer slot = known.get(entry.getKey());
			if (slot == null) {
				problems = add(problems, entry.getKey(), "'" + entry.getKey() + "' is not an indicator or condition of " + set.ref());
			}
			else if (slot >= 0) {
				entered[slot] = entry.getValue();
			}
			else {
				conditionValues[-slot - 1] = entry.getValue();
			}
		}
		for (int i = 0; i < n; i++) {
			IndicatorValue value = entered[i];
			IndicatorStatus status = judge(i, value);
			if (status == null) {
				problems = add(problems, codes[i], problem(i, value));
			}
			// The parts of an indicator that does not apply ("nếu có") do not apply either.
			if (owner[i] >= 0 && statuses[owner[i]] == IndicatorStatus.NOT_APPLICABLE && value == null) {
				status = IndicatorStatus.NOT_APPLICABLE;
			}
			statuses[i] = status;
		}
		List<ConditionResult> conditions = setConditions.isEmpty() ? List.of() : new ArrayList<>(setConditions.size());
		for (int k = 0; k < setConditions.size(); k++) {
			Condition condition = setConditions.get(k);
			IndicatorValue value = conditionValues[k];
			IndicatorStatus status = IndicatorStatus.MISSING;
			if (value instanceof IndicatorValue.YesNo yesNo) {
				status = yesNo.yes() ? IndicatorStatus.ACHIEVED : IndicatorStatus.NOT_ACHIEVED;
			}
			else if (value != null) {
				problems = add(problems, condition.code(),
						"condition " + condition.code() + " expects đạt/không đạt (yes/no), got " + value.describe());
			}
			conditions.add(new ConditionResult(condition.code(), condition.text(), status));
		}
		StatusOverrides overrides = judgements.overrides().isEmpty() && judgements.flags().isEmpty()
				? StatusOverrides.NONE : new StatusOverrides(set, judgements);
		if (overrides.problems != null) {
			problems = problems == null ? overrides.problems : concat(problems, overrides.problems);
		}
		if (problems != null) {
			throw new InvalidValuesException(problems);
		}
		byte[] flags = new byte[set.criteriaCount()];
		List<String> warnings = List.of();
		int achieved = 0;
		boolean anyIncomplete = false;
		for (int c = 0; c < set.criteriaCount(); c++) {
			Criterion criterion = set.criteria().get(c);
			boolean failed = false;
			boolean incomplete = false;
			// Whether a failure stands whatever the provisional thresholds turn out to be, and whether any
			// comparison used a provisional threshold.
			boolean firmFailure = false;
			boolean usedProvisional = false;
			for (int i = start[c]; i < start[c + 1]; i++) {
				IndicatorStatus status = statuses[i];
				failed |= status == IndicatorStatus.NOT_ACHIEVED || status == IndicatorStatus.MISSING;
				incomplete |= status == IndicatorStatus.MISSING;
				boolean provisionalThreshold = thresholds[i] != null && thresholds[i].uncertain();
				boolean compared = status == IndicatorStatus.ACHIEVED || status == IndicatorStatus.NOT_ACHIEVED;
				usedProvisional |= compared && provisionalThreshold;
				firmFailure |= status == IndicatorStatus.MISSING
						|| (status == IndicatorStatus.NOT_ACHIEVED && !provisionalThreshold);
			}
			// A criterion is đạt when all its applicable indicators are; a missing value is not a pass.
			CriterionStatus computed = failed ? CriterionStatus.CHUA_DAT : CriterionStatus.DAT;
			Judgements.StatusOverride override = overrides.override(c);
			CriterionStatus status = override == null ? computed : override.status();
			// Provisional: the result could change once the provisional thresholds are replaced by official ones.
			// A person's override does not rest on thresholds.
			boolean provisional = override == null
					&& (computed == CriterionStatus.DAT ? usedProvisional : failed && !firmFailure);
			Judgements.BasicallyAchieved flag = overrides.flag(c);
			if (flag != null && status != CriterionStatus.DAT) {
				warnings = warnings.isEmpty() ? new ArrayList<>() : warnings;
				warnings.add("criterion " + criterion.number()
						+ " is flagged 'cơ bản đạt' but is chưa đạt; the flag is not shown");
			}
			if (status == CriterionStatus.DAT) {
				achieved++;
			}
			anyIncomplete |= incomplete;
			flags[c] = (byte) ((failed ? FAILED : 0) | (incomplete ? INCOMPLETE : 0) | (provisional ? PROVISIONAL : 0));
		}
		return new Evaluation(ref, key, year, new Criteria(flags, overrides, statuses, entered), conditions, achieved,
				set.criteriaCount(), anyIncomplete, warnings);
	}

	/**
	 * An unmodifiable list whose elements are made when first read, then kept (readers such as the overview's encoding
	 * read each twice). Elements are immutable, so two threads reading at once at worst make one twice.
	 */
	private abstract static class MadeWhenRead<T> extends AbstractList<T> implements RandomAccess {

		private final int size;

		/** Allocated at the first read: most evaluations are only counted. */
		private Object[] made;

		MadeWhenRead(int size) {
			this.size = size;
		}

		abstract T make(int index);

		@Override
		@SuppressWarnings("unchecked")
		public T get(int index) {
			java.util.Objects.checkIndex(index, size);
			if (made == null) {
				made = new Object[size];
			}
			T element = (T) made[index];
			if (element == null) {
				element = make(index);
				made[index] = element;
			}
			return element;
		}

		@Override
		public int size() {
			return size;
		}
	}

	private static final byte FAILED = 1;

	private static final byte INCOMPLETE = 2;

	private static final byte PROVISIONAL = 4;

	/**
	 * The criterion results of one evaluation, made when read from what the evaluation kept (a byte of flags per
	 * criterion, the overrides, the indicator statuses and values): evaluating a province's units for their totals
	 * allocates no per-criterion or per-indicator objects. Made when first read, then kept. Unmodifiable; equal to any
	 * list of the same results.
	 */
	private final class Criteria extends MadeWhenRead<CriterionResult> {

		private final byte[] flags;

		private final StatusOverrides overrides;

		private final IndicatorStatus[] statuses;

		private final IndicatorValue[] entered;

		Criteria(byte[] flags, StatusOverrides overrides, IndicatorStatus[] statuses, IndicatorValue[] entered) {
			super(flags.length);
			this.flags = flags;
			this.overrides = overrides;
			this.statuses = statuses;
			this.entered = entered;
		}

		@Override
		CriterionResult make(int c) {
			Criterion criterion = set.criteria().get(c);
			CriterionStatus computed = (flags[c] & FAILED) != 0 ? CriterionStatus.CHUA_DAT : CriterionStatus.DAT;
			Judgements.StatusOverride override = overrides.override(c);
			CriterionStatus status = override == null ? computed : override.status();
			Judgements.BasicallyAchieved flag = overrides.flag(c);
			boolean basically = flag != null && status == CriterionStatus.DAT;
			return new CriterionResult(criterion.number(), criterion.name(), criterion.criticalForRevocation(), computed,
					status, (flags[c] & INCOMPLETE) != 0, override != null, override == null ? null : override.reason(),
					basically, basically ? flag.reason() : null, new Rows(tops[c], statuses, entered),
					(flags[c] & PROVISIONAL) != 0);
		}
	}

	/**
	 * The result of the indicator in slot i with its parts: not applicable when the indicator does not apply, else
	 * not achieved when it or any part fails, missing when a value is missing, achieved when everything is met.
	 */
	private IndicatorResult result(int i, IndicatorStatus[] statuses, IndicatorValue[] entered) {
		List<IndicatorResult> parts = List.of();
		IndicatorStatus combined = statuses[i];
		for (int p = i + 1; p < owner.length && owner[p] == i; p++) {
			if (parts.isEmpty()) {
				parts = new ArrayList<>();
			}
			parts.add(new IndicatorResult(codes[p], statuses[p], entered[p], thresholds[p]));
			if (combined == IndicatorStatus.NOT_APPLICABLE) {
				continue;
			}
			if (statuses[p] == IndicatorStatus.NOT_ACHIEVED) {
				combined = IndicatorStatus.NOT_ACHIEVED;
			}
			else if (statuses[p] == IndicatorStatus.MISSING && combined == IndicatorStatus.ACHIEVED) {
				combined = IndicatorStatus.MISSING;
			}
		}
		return new IndicatorResult(codes[i], combined, entered[i], thresholds[i], parts);
	}

	/**
	 * A criterion's indicator results, made when first read from the statuses and values of the evaluation, then kept:
	 * evaluating a province's units for their totals allocates no per-indicator objects. Unmodifiable; equal to any
	 * list of the same results. Results are immutable, so two threads reading at once at worst make one twice.
	 */
	private final class Rows extends MadeWhenRead<IndicatorResult> {

		private final int[] slots;

		private final IndicatorStatus[] statuses;

		private final IndicatorValue[] entered;

		Rows(int[] slots, IndicatorStatus[] statuses, IndicatorValue[] entered) {
			super(slots.length);
			this.slots = slots;
			this.statuses = statuses;
			this.entered = entered;
		}

		@Override
		IndicatorResult make(int index) {
			return result(slots[index], statuses, entered);
		}
	}

	/** The status a value gives, or null when the value cannot be used for this indicator. */
	private IndicatorStatus judge(int i, IndicatorValue value) {
		if (value == null) {
			return IndicatorStatus.MISSING;
		}
		if (value instanceof IndicatorValue.NotApplicable) {
			return notApplicableAllowed[i] ? IndicatorStatus.NOT_APPLICABLE : null;
		}
		ThresholdUsed threshold = thresholds[i];
		switch (kinds[i]) {
			case BOOLEAN:
				return value instanceof IndicatorValue.YesNo v ? status(v.yes()) : null;
			case PERCENT_AT_LEAST:
				return value instanceof IndicatorValue.Percent v && percent(v.value()) && threshold != null
						? status(v.value().compareTo(threshold.value()) >= 0) : null;
			case PERCENT_AT_MOST:
				return value instanceof IndicatorValue.Percent v && percent(v.value()) && threshold != null
						? status(v.value().compareTo(threshold.value()) <= 0) : null;
			case AMOUNT_AT_LEAST:
			case AREA_PER_PERSON_AT_LEAST:
				return value instanceof IndicatorValue.Amount v && v.value().signum() >= 0 && threshold != null
						? status(v.value().compareTo(threshold.value()) >= 0) : null;
			case COUNT_MUST_BE_ZERO:
				return value instanceof IndicatorValue.Count v && v.value() >= 0 ? status(v.value() == 0) : null;
			case TEXT_EVIDENCE:
				return value instanceof IndicatorValue.Evidence v && v.text() != null && !v.text().isBlank()
						? status(v.achieved()) : null;
			default:
				return null;
		}
	}

	private String problem(int i, IndicatorValue value) {
		String code = codes[i];
		if (value instanceof IndicatorValue.NotApplicable) {
			return "indicator " + code + " cannot be 'không áp dụng': the set does not say '(nếu có)'";
		}
		if (kinds[i].needsThreshold() && thresholds[i] == null) {
			return "indicator " + code + " has no threshold for " + key + " in " + year + " in " + set.ref();
		}
		return switch (kinds[i]) {
			case BOOLEAN -> "indicator " + code + " expects đạt/không đạt (yes/no), got " + value.describe();
			case PERCENT_AT_LEAST, PERCENT_AT_MOST -> value instanceof IndicatorValue.Percent v
					? "indicator " + code + ": percentage " + v.value().toPlainString() + " is outside 0–100"
					: "indicator " + code + " expects a percentage (0–100), got " + value.describe();
			case AMOUNT_AT_LEAST, AREA_PER_PERSON_AT_LEAST -> value instanceof IndicatorValue.Amount v
					? "indicator " + code + ": amount " + v.value().toPlainString() + " must not be negative"
					: "indicator " + code + " expects an amount in " + unit(code) + ", got " + value.describe();
			case COUNT_MUST_BE_ZERO -> value instanceof IndicatorValue.Count v
					? "indicator " + code + ": count " + v.value() + " must not be negative"
					: "indicator " + code + " expects a count (must be 0), got " + value.describe();
			case TEXT_EVIDENCE -> value instanceof IndicatorValue.Evidence
					? "indicator " + code + ": the evidence text is required"
					: "indicator " + code + " expects the assessor's judgement with evidence, got " + value.describe();
		};
	}

	private String unit(String code) {
		return set.indicator(code).map(Indicator::unit).orElse("its unit");
	}

	private static boolean percent(BigDecimal value) {
		return value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
	}

	private static IndicatorStatus status(boolean achieved) {
		return achieved ? IndicatorStatus.ACHIEVED : IndicatorStatus.NOT_ACHIEVED;
	}

	private static List<InvalidValuesException.Problem> add(List<InvalidValuesException.Problem> problems,
			String code, String message) {
		List<InvalidValuesException.Problem> list = problems == null ? new ArrayList<>() : problems;
		list.add(new InvalidValuesException.Problem(code, message));
		return list;
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** Overrides and flags by criterion position, checked against the set. */
	private static final class StatusOverrides {

		/** No overrides and no flags: most rounds. */
		static final StatusOverrides NONE = new StatusOverrides();

		final Judgements.StatusOverride[] override;

		final Judgements.BasicallyAchieved[] flag;

		List<InvalidValuesException.Problem> problems;

		private StatusOverrides() {
			override = null;
			flag = null;
		}

		Judgements.StatusOverride override(int c) {
			return override == null ? null : override[c];
		}

		Judgements.BasicallyAchieved flag(int c) {
			return flag == null ? null : flag[c];
		}

		StatusOverrides(CriteriaSetDefinition set, Judgements judgements) {
			override = new Judgements.StatusOverride[set.criteriaCount()];
			flag = new Judgements.BasicallyAchieved[set.criteriaCount()];
			for (Judgements.StatusOverride o : judgements.overrides()) {
				int c = position(set, o.criterion());
				if (c < 0) {
					problems = add(problems, String.valueOf(o.criterion()),
							"override of criterion " + o.criterion() + ": " + set.ref() + " has no such criterion");
				}
				else if (override[c] != null) {
					problems = add(problems, String.valueOf(o.criterion()),
							"criterion " + o.criterion() + " is overridden twice");
				}
				else {
					override[c] = o;
				}
			}
			for (Judgements.BasicallyAchieved f : judgements.flags()) {
				int c = position(set, f.criterion());
				if (c < 0) {
					problems = add(problems, String.valueOf(f.criterion()), "flag on criterion " + f.criterion()
							+ ": " + set.ref() + " has no such criterion");
				}
				else {
					flag[c] = f;
				}
			}
		}

		private static int position(CriteriaSetDefinition set, int number) {
			for (int c = 0; c < set.criteriaCount(); c++) {
				if (set.criteria().get(c).number() == number) {
					return c;
				}
			}
			return -1;
		}
	}
}
