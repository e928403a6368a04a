package vn.ntmtracker.registers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.ValueInput;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.RegisterBinding;
import vn.ntmtracker.criteria.ValueKind;
import vn.ntmtracker.units.SearchKey;

/**
 * "Tính từ sổ hộ": fills an indicator of a round from the register its binding names, through the assessment module's
 * own {@link Assessments#saveValues} (which decides who may enter values and keeps the round's version and audit).
 * The value is the rule's figure — a percentage, a count, or for an indicator judged on evidence đạt / không đạt by
 * the binding's condition or, without one, the assessor's judgement — and the evidence is how the figure was
 * obtained. The officer may enter another value instead, with a reason; the computation stays in the evidence.
 * Also the bean the round page asks, as {@code @registerIndicators}, for what it can offer.
 */
@Component
class RegisterIndicators {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegisterIndicators.class);

	static final String ACHIEVED = "Đạt";
	static final String NOT_ACHIEVED = "Không đạt";

	/**
	 * What computing would give for one bound indicator of a round, beside what is stored. {@code value} is null when
	 * the assessor must judge; {@code problemKey} is set when nothing can be computed (an empty register).
	 */
	record Computation(String indicatorCode, String indicatorName, RegisterBinding binding, RegisterFigures.Figure figure,
			String value, String evidence, String storedValue, String storedEvidence, String problemKey) {

		/** Whether the stored value already is this computation. */
		public boolean current() {
			return problemKey == null && evidence.equals(storedEvidence) && (value == null || value.equals(storedValue));
		}

		public boolean judgedByAssessor() {
			return problemKey == null && value == null;
		}
	}

	private final Assessments assessments;
	private final CriteriaCatalog catalog;
	private final RegisterFigures figures;

	RegisterIndicators(Assessments assessments, CriteriaCatalog catalog, RegisterFigures figures) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.figures = figures;
	}

	/**
	 * Every bound indicator of the round with what computing would give now (the round page's offer). Never fails the
	 * page it is part of: an indicator that cannot be computed says so instead.
	 */
	public List<Computation> previews(Assessments.RoundView view) {
		AssessmentRound round = view.round();
		List<Computation> previews = new ArrayList<>();
		try {
			Map<String, RegisterBinding> bindings = catalog.bindings(round.setCode(), round.setVersion());
			for (var entry : bindings.entrySet()) {
				Indicator indicator = view.set().indicator(entry.getKey()).orElseThrow();
				try {
					previews.add(compute(view, indicator, entry.getValue()));
				}
				catch (RuntimeException ex) {
					log.warn("Cannot compute {} of round {} from its register", indicator.code(), round.id(), ex);
					previews.add(new Computation(indicator.code(), indicator.name(), entry.getValue(),
							new RegisterFigures.Figure(entry.getValue().rule(), null, 0, null, ""), null, "", null, null,
							"register.error.cannotCompute"));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot list the register bindings of round {}", round.id(), ex);
		}
		return previews;
	}

	Computation preview(long roundId, String indicatorCode) {
		Assessments.RoundView view = assessments.view(roundId);
		return compute(view, indicator(view, indicatorCode), binding(view, indicatorCode));
	}

	/**
	 * Writes the computed value (or the officer's {@code override} with its {@code reason}) and the evidence into the
	 * round. {@code judgement} is the assessor's đạt / không đạt for an evidence-judged indicator without a condition;
	 * when absent, the stored judgement is kept.
	 */
	Computation fill(long roundId, String indicatorCode, int expectedVersion, Boolean judgement, String override, String reason) {
		Assessments.RoundView view = assessments.view(roundId);
		Indicator indicator = indicator(view, indicatorCode);
		Computation computed = compute(view, indicator, binding(view, indicatorCode));
		if (computed.problemKey() != null) {
			throw new RegisterException(computed.problemKey(), indicatorCode);
		}
		String overrideText = HouseholdRules.blankToNull(SearchKey.clean(override));
		String value;
		String evidence;
		if (overrideText != null) {
			String why = HouseholdRules.blankToNull(SearchKey.clean(reason));
			if (why == null) {
				throw new RegisterException(List.of(Problem.field("reason", "register.error.overrideReason", indicatorCode)));
			}
			if (why.length() > HouseholdRules.NOTE_LENGTH) {
				throw new RegisterException(List.of(Problem.field("reason", "register.error.tooLong", HouseholdRules.NOTE_LENGTH)));
			}
			value = overrideText;
			evidence = "Nhập tay " + overrideText + " thay cho giá trị tính từ sổ (" + (computed.value() == null ? "do người đánh giá kết luận"
					: computed.value()) + "). Lý do: " + why + ". " + computed.evidence();
		}
		else if (computed.value() != null) {
			value = computed.value();
			evidence = computed.evidence();
		}
		else {
			value = judgement != null ? (judgement ? ACHIEVED : NOT_ACHIEVED) : judgementOf(computed.storedValue());
			if (value == null) {
				throw new RegisterException(List.of(Problem.field("judgement", "register.error.judgementNeeded", indicatorCode)));
			}
			evidence = computed.evidence();
		}
		assessments.saveValues(roundId, Map.of(indicatorCode, new ValueInput.Raw(value, evidence)), expectedVersion);
		return new Computation(computed.indicatorCode(), computed.indicatorName(), computed.binding(), computed.figure(), value,
				evidence, value, evidence, null);
	}

	private static String judgementOf(String stored) {
		return ACHIEVED.equals(stored) || NOT_ACHIEVED.equals(stored) ? stored : null;
	}

	private Computation compute(Assessments.RoundView view, Indicator indicator, RegisterBinding binding) {
		AssessmentRound round = view.round();
		String storedValue = view.values().containsKey(indicator.code()) ? ValueInput.format(view.values().get(indicator.code())) : null;
		String storedEvidence = view.evidence().get(indicator.code());
		RegisterFigures.Figure figure = figures.compute(binding.rule(), round.unitCode(), round.asOf());
		if (figure.value() == null) {
			return new Computation(indicator.code(), indicator.name(), binding, figure, null, figure.evidence(), storedValue,
					storedEvidence, "register.error.nothingToCount");
		}
		ValueKind kind = indicator.kind();
		String value;
		String evidence = figure.evidence();
		if (kind.percent()) {
			value = RegisterFigures.percent(figure.value());
		}
		else if (kind == ValueKind.COUNT_MUST_BE_ZERO) {
			value = Long.toString(figure.numerator());
		}
		else if (binding.achievedWhen() != null) {
			boolean achieved = binding.achievedWhen().test(figure.value());
			value = achieved ? ACHIEVED : NOT_ACHIEVED;
			evidence += " Kết luận: " + value + " (điều kiện " + binding.achievedWhen().text() + ", nguồn: "
					+ binding.achievedWhen().provenance().source() + (binding.achievedWhen().provenance().verified() ? "" : ", chưa xác minh") + ").";
		}
		else {
			value = null;
			evidence += " Bộ tiêu chí chưa có ngưỡng cho chỉ tiêu này: người đánh giá kết luận đạt hay không đạt.";
		}
		return new Computation(indicator.code(), indicator.name(), binding, figure, value, evidence, storedValue, storedEvidence, null);
	}

	private static Indicator indicator(Assessments.RoundView view, String code) {
		return view.set().indicator(code)
			.orElseThrow(() -> new RegisterException(List.of(Problem.field("indicator", "register.error.noIndicator", view.set().code(), code))));
	}

	private RegisterBinding binding(Assessments.RoundView view, String code) {
		RegisterBinding binding = catalog.bindings(view.set().code(), view.set().version()).get(code);
		if (binding == null) {
			throw new RegisterException(List.of(Problem.field("indicator", "register.error.notBound", code, view.set().code())));
		}
		return binding;
	}
}
