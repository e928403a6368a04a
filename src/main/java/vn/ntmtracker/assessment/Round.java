package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.UnitClassification;

/**
 * An assessment round as an aggregate: its values and judgements, and every change to them, guarded here — entering
 * values only while the round is editable and all or nothing, a judgement only with a reason, each step of the
 * sign-off only from the status it follows and never by the one who submitted. Who may make a change at all is
 * decided before (security.Authorization); {@link Rounds} loads and saves a round with its version, so that a
 * concurrent change is refused, never lost. Changes are remembered for the save and the events it publishes.
 */
final class Round {

	/** A value as entered, with its evidence note. */
	record Entered(IndicatorValue value, String evidence) {
	}

	/** A person's judgement on a criterion: an override of its computed status, or the "cơ bản đạt" flag. */
	record Judgement(int criterion, boolean basically, CriterionStatus status, String reason) {
	}

	/** One indicator whose value changed: how it read before and after (for the audit log). */
	record Change(String code, String before, String after) {
	}

	private final Long id;
	private final String unitCode;
	private final String setCode;
	private final int setVersion;
	private final Tier tier;
	private final LocalDate asOf;
	private final RoundKind kind;
	private final int version;
	private final Long openedFromId;
	private RoundStatus status;
	private String submittedBy;
	private String returnReason;
	private final Map<String, Entered> values;
	private final Map<String, Judgement> judgements;
	private final UnitClassification classification;

	// What a save must write, and what it announces.
	private final Set<String> changedValues = new LinkedHashSet<>();
	private final Set<String> clearedValues = new LinkedHashSet<>();
	private boolean judgementsChanged;
	private String transition;
	private String transitionReason;
	private final List<Object> events = new ArrayList<>();

	Round(Long id, String unitCode, String setCode, int setVersion, Tier tier, LocalDate asOf, RoundKind kind, RoundStatus status,
			int version, Long openedFromId, String submittedBy, String returnReason, Map<String, Entered> values,
			Map<String, Judgement> judgements, UnitClassification classification) {
		this.id = id;
		this.unitCode = unitCode;
		this.setCode = setCode;
		this.setVersion = setVersion;
		this.tier = tier;
		this.asOf = asOf;
		this.kind = kind;
		this.status = status;
		this.version = version;
		this.openedFromId = openedFromId;
		this.submittedBy = submittedBy;
		this.returnReason = returnReason;
		this.values = new LinkedHashMap<>(values);
		this.judgements = new LinkedHashMap<>(judgements);
		this.classification = classification;
	}

	/** A new draft round of a unit on a set version, optionally carrying the values of an earlier round. */
	static Round open(String unitCode, CriteriaSetDefinition set, LocalDate asOf, RoundKind kind, Long openedFromId,
			Map<String, Entered> carried, UnitClassification classification) {
		Round round = new Round(null, unitCode, set.code(), set.version(), set.tier(), asOf, kind, RoundStatus.DRAFT, 0, openedFromId,
				null, null, Map.of(), Map.of(), classification);
		carried.forEach((code, entered) -> {
			if (set.indicator(code).isPresent()) {
				round.values.put(code, entered);
				round.changedValues.add(code);
			}
		});
		return round;
	}

	// ---- changes ---------------------------------------------------------------------------------------------------

	/**
	 * Enters typed values, all or nothing: every problem named by indicator ({@link InvalidValuesException}); an empty
	 * text clears a value. Returns the indicators whose value changed.
	 */
	List<Change> enter(CriteriaSetDefinition set, Map<String, ValueInput.Raw> input) {
		requireEditable();
		Map<String, IndicatorValue> parsed = ValueInput.parse(set, input);
		List<Change> changes = new ArrayList<>();
		for (var entry : input.entrySet()) {
			String code = entry.getKey();
			Entered before = values.get(code);
			IndicatorValue value = parsed.get(code);
			if (value == null) {
				if (before != null) {
					values.remove(code);
					clearedValues.add(code);
					changedValues.remove(code);
					changes.add(new Change(code, ValueInput.format(before.value()), ""));
				}
				continue;
			}
			String evidence = blankToNull(entry.getValue().evidence());
			Entered after = new Entered(value, evidence);
			if (!after.equals(before)) {
				values.put(code, after);
				changedValues.add(code);
				clearedValues.remove(code);
				String was = before == null ? "" : ValueInput.format(before.value());
				String now = ValueInput.format(value);
				if (!was.equals(now)) {
					changes.add(new Change(code, was, now));
				}
			}
		}
		return changes;
	}

	void judge(CriteriaSetDefinition set, int criterion, boolean basically, CriterionStatus computedOverride, String reason) {
		requireEditable();
		if (set.criterion(criterion).isEmpty()) {
			throw new AssessmentException("Bộ tiêu chí " + set.code() + " không có tiêu chí số " + criterion);
		}
		if (reason == null || reason.isBlank()) {
			throw new AssessmentException("Cần ghi lý do khi " + (basically ? "đánh dấu \"cơ bản đạt\"" : "điều chỉnh kết quả")
					+ " tiêu chí số " + criterion);
		}
		if (reason.length() > vn.ntmtracker.InputLimits.TEXT) {
			throw new AssessmentException(vn.ntmtracker.InputLimits.text("Lý do", reason, vn.ntmtracker.InputLimits.TEXT));
		}
		if (!basically && computedOverride == null) {
			throw new AssessmentException("Cần chọn kết quả điều chỉnh cho tiêu chí số " + criterion);
		}
		judgements.put(key(criterion, basically), new Judgement(criterion, basically, basically ? null : computedOverride, reason.strip()));
		judgementsChanged = true;
	}

	void clearJudgement(int criterion, boolean basically) {
		requireEditable();
		if (judgements.remove(key(criterion, basically)) != null) {
			judgementsChanged = true;
		}
	}

	void submit(String user) {
		status = status.submit();
		submittedBy = user;
		transition = "submitted";
		events.add(new RoundEvents.RoundSubmitted(id(), unitCode, setCode, asOf, user));
	}

	void verify(String user, Evaluation evaluation) {
		SignOffPolicy.requireOtherThanSubmitter(submittedBy, user);
		status = status.verify();
		transition = "verified";
		events.add(new RoundEvents.RoundSignedOff(id(), unitCode, setCode, asOf, status, evaluation.achieved(), evaluation.total(), user));
	}

	void appraise(String user, Evaluation evaluation) {
		SignOffPolicy.requireOtherThanSubmitter(submittedBy, user);
		status = status.appraise();
		transition = "appraised";
		events.add(new RoundEvents.RoundSignedOff(id(), unitCode, setCode, asOf, status, evaluation.achieved(), evaluation.total(), user));
	}

	void returnToSubmitter(String user, String reason) {
		SignOffPolicy.requireOtherThanSubmitter(submittedBy, user);
		if (reason == null || reason.isBlank()) {
			throw new AssessmentException("Cần ghi lý do trả lại để đơn vị biết phải sửa gì");
		}
		if (reason.length() > vn.ntmtracker.InputLimits.TEXT) {
			throw new AssessmentException(vn.ntmtracker.InputLimits.text("Lý do trả lại", reason, vn.ntmtracker.InputLimits.TEXT));
		}
		status = status.returnToSubmitter();
		returnReason = reason.strip();
		transition = "returned";
		transitionReason = returnReason;
		events.add(new RoundEvents.RoundReturned(id(), unitCode, setCode, asOf, returnReason, submittedBy, user));
	}

	void cancel(String user, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new AssessmentException("Cần ghi lý do hủy kỳ đánh giá");
		}
		if (reason.length() > vn.ntmtracker.InputLimits.TEXT) {
			throw new AssessmentException(vn.ntmtracker.InputLimits.text("Lý do hủy", reason, vn.ntmtracker.InputLimits.TEXT));
		}
		status = status.cancel();
		transition = "cancelled";
		transitionReason = reason.strip();
		events.add(new RoundEvents.RoundCancelled(id(), unitCode, transitionReason, user));
	}

	/** What the values and judgements say now, judged by the set on the round's date and the unit's classification. */
	Evaluation evaluate(EvaluationEngine engine, CriteriaSetDefinition set) {
		Map<String, IndicatorValue> typed = new LinkedHashMap<>();
		values.forEach((code, entered) -> typed.put(code, entered.value()));
		return engine.evaluate(set, classification, asOf.getYear(), typed, judgementsRecord());
	}

	Judgements judgementsRecord() {
		List<Judgements.StatusOverride> overrides = new ArrayList<>();
		List<Judgements.BasicallyAchieved> flags = new ArrayList<>();
		judgements.values().stream().sorted(java.util.Comparator.comparingInt(Judgement::criterion)).forEach(j -> {
			if (j.basically()) {
				flags.add(new Judgements.BasicallyAchieved(j.criterion(), j.reason()));
			}
			else {
				overrides.add(new Judgements.StatusOverride(j.criterion(), j.status(), j.reason()));
			}
		});
		return new Judgements(overrides, flags);
	}

	private void requireEditable() {
		if (!status.editable()) {
			throw new AssessmentException(status == RoundStatus.CANCELLED ? "Kỳ đánh giá đã bị hủy"
					: "Kỳ đánh giá đã " + (status.signedOff() ? "được ký duyệt và khóa; hãy mở kỳ mới từ kỳ này"
							: "nộp; chờ cấp trên thẩm tra hoặc trả lại"));
		}
	}

	private static String key(int criterion, boolean basically) {
		return criterion + (basically ? "/BASICALLY" : "/OVERRIDE");
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	// ---- reading -----------------------------------------------------------------------------------------------------

	long id() {
		return Objects.requireNonNull(id, "a new round has no id before it is saved");
	}

	Long idOrNull() {
		return id;
	}

	String unitCode() {
		return unitCode;
	}

	String setCode() {
		return setCode;
	}

	int setVersion() {
		return setVersion;
	}

	Tier tier() {
		return tier;
	}

	LocalDate asOf() {
		return asOf;
	}

	RoundKind kind() {
		return kind;
	}

	RoundStatus status() {
		return status;
	}

	int version() {
		return version;
	}

	Long openedFromId() {
		return openedFromId;
	}

	String submittedBy() {
		return submittedBy;
	}

	Map<String, Entered> values() {
		return values;
	}

	Map<String, Judgement> judgements() {
		return judgements;
	}

	UnitClassification classification() {
		return classification;
	}

	Set<String> changedValues() {
		return changedValues;
	}

	Set<String> clearedValues() {
		return clearedValues;
	}

	boolean judgementsChanged() {
		return judgementsChanged;
	}

	String transition() {
		return transition;
	}

	String transitionReason() {
		return transitionReason;
	}

	List<Object> events() {
		return events;
	}
}
