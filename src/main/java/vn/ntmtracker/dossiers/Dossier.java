package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.ntmtracker.criteria.Tier;

/**
 * A dossier of one unit, level and year, following the procedure template it was opened with: its steps are done in
 * order, each started the day the one before was done and due by the template's deadline (working days skip weekends
 * and holidays). The dossier is in preparation while the current step is the unit's, under appraisal while it is the
 * level above's, decided once the decision step is done, closed when withdrawn or refused. State changes are methods
 * that check their preconditions; what a step needs before it may be done is {@link StepCompletionPolicy}'s.
 */
final class Dossier {

	enum State {
		IN_PREPARATION, UNDER_APPRAISAL, DECIDED, CLOSED;

		boolean open() {
			return this == IN_PREPARATION || this == UNDER_APPRAISAL;
		}

		public String messageKey() {
			return "dossier.state." + name();
		}
	}

	enum StepStatus { WAITING, ACTIVE, DONE }

	/** A step as the dossier keeps it; what it is (kind, actor, documents) comes from the template by its code. */
	static final class Step {

		private final int position;
		private final String code;
		private StepStatus status;
		private LocalDate startedOn;
		private LocalDate dueOn;
		private LocalDate completedOn;
		private String completedBy;
		private String note;

		Step(int position, String code, StepStatus status, LocalDate startedOn, LocalDate dueOn, LocalDate completedOn,
				String completedBy, String note) {
			this.position = position;
			this.code = code;
			this.status = status;
			this.startedOn = startedOn;
			this.dueOn = dueOn;
			this.completedOn = completedOn;
			this.completedBy = completedBy;
			this.note = note;
		}

		int position() {
			return position;
		}

		String code() {
			return code;
		}

		StepStatus status() {
			return status;
		}

		LocalDate startedOn() {
			return startedOn;
		}

		LocalDate dueOn() {
			return dueOn;
		}

		LocalDate completedOn() {
			return completedOn;
		}

		String completedBy() {
			return completedBy;
		}

		String note() {
			return note;
		}

		private void start(LocalDate on, Procedure.Step template, HolidayCalendar calendar) {
			status = StepStatus.ACTIVE;
			startedOn = on;
			Procedure.Deadline deadline = template.deadline();
			dueOn = deadline == null ? null : calendar.plus(on, deadline.days(), deadline.workingDays());
		}
	}

	private final Long id;
	private final String unitCode;
	private final Purpose purpose;
	private final Tier tier;
	private final int targetYear;
	private final Procedure procedure;
	private final String setCode;
	private final int setVersion;
	private final long sourceRoundId;
	private Long recognitionId;
	private final LocalDate openedOn;
	private final String openedBy;
	private final int version;
	private final List<Step> steps;
	private Long appraisalRoundId;
	private State state;
	private LocalDate closedOn;
	private String closeReason;

	Dossier(Long id, String unitCode, Purpose purpose, Tier tier, int targetYear, Procedure procedure, String setCode, int setVersion,
			long sourceRoundId, Long appraisalRoundId, Long recognitionId, State state, LocalDate openedOn, String openedBy,
			LocalDate closedOn, String closeReason, int version, List<Step> steps) {
		this.id = id;
		this.unitCode = unitCode;
		this.purpose = purpose;
		this.tier = tier;
		this.targetYear = targetYear;
		this.procedure = procedure;
		this.setCode = setCode;
		this.setVersion = setVersion;
		this.sourceRoundId = sourceRoundId;
		this.appraisalRoundId = appraisalRoundId;
		this.recognitionId = recognitionId;
		this.state = state;
		this.openedOn = openedOn;
		this.openedBy = openedBy;
		this.closedOn = closedOn;
		this.closeReason = closeReason;
		this.version = version;
		this.steps = new ArrayList<>(steps);
	}

	/** A new dossier on its first step; which round and template it may be opened from is {@link OpeningPolicy}'s. */
	static Dossier open(String unitCode, Purpose purpose, Tier tier, int targetYear, Procedure procedure, String setCode, int setVersion,
			long sourceRoundId, Long recognitionId, LocalDate openedOn, String user, HolidayCalendar calendar) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < procedure.steps().size(); i++) {
			steps.add(new Step(i, procedure.steps().get(i).code(), StepStatus.WAITING, null, null, null, null, null));
		}
		steps.get(0).start(openedOn, procedure.steps().get(0), calendar);
		Dossier dossier = new Dossier(null, unitCode, purpose, tier, targetYear, procedure, setCode, setVersion, sourceRoundId, null,
				recognitionId, State.IN_PREPARATION, openedOn, user, null, null, 0, steps);
		dossier.state = dossier.stateOfCurrentStep();
		return dossier;
	}

	/** The step to do now; empty when every step is done. */
	Optional<Step> current() {
		return steps.stream().filter(s -> s.status != StepStatus.DONE).findFirst();
	}

	Step step(String code) {
		return steps.stream().filter(s -> s.code.equals(code)).findFirst()
			.orElseThrow(() -> new DossierNotFoundException("bước", code));
	}

	Procedure.Step template(String code) {
		return procedure.step(code).orElseThrow(() -> new DossierNotFoundException("bước", code));
	}

	/** Refuses when the dossier is closed or decided and nothing of this step may change any more. */
	void requireOpen() {
		if (state == State.CLOSED) {
			throw new DossierException("dossier.error.closed");
		}
	}

	/** The step {@code code} must be the one to do now. */
	void requireCurrent(String code) {
		requireOpen();
		Step current = current().orElseThrow(() -> new DossierException("dossier.error.allDone"));
		if (!current.code.equals(code)) {
			throw new DossierException("dossier.error.notCurrentStep", template(code).name(), template(current.code).name());
		}
	}

	/**
	 * Marks the current step done on {@code on} and starts the next one that day. The decision step makes the dossier
	 * decided; otherwise the next step's side says whether it is in preparation or under appraisal.
	 */
	void complete(String code, LocalDate on, String user, String note, HolidayCalendar calendar) {
		requireCurrent(code);
		Step step = step(code);
		if (on.isBefore(step.startedOn)) {
			throw new DossierException("dossier.error.beforeStart", on, step.startedOn);
		}
		step.status = StepStatus.DONE;
		step.completedOn = on;
		step.completedBy = user;
		step.note = note == null || note.isBlank() ? null : note.strip();
		if (step.position + 1 < steps.size()) {
			steps.get(step.position + 1).start(on, procedure.steps().get(step.position + 1), calendar);
		}
		state = template(code).kind() == StepKind.DECISION || state == State.DECIDED ? State.DECIDED : stateOfCurrentStep();
	}

	/** Withdrawn by the unit or refused above: stays, closed, with the date and reason. */
	void close(LocalDate on, String reason) {
		if (!state.open()) {
			throw new DossierException("dossier.error.notOpen");
		}
		if (reason == null || reason.isBlank()) {
			throw DossierException.field("reason", "dossier.error.reasonRequired");
		}
		if (on.isBefore(openedOn)) {
			throw new DossierException("dossier.error.beforeOpened", on, openedOn);
		}
		state = State.CLOSED;
		closedOn = on;
		closeReason = reason.strip();
	}

	void attachAppraisalRound(long roundId) {
		appraisalRoundId = roundId;
	}

	/** The recognition the decision created (a revocation dossier names the one it ends from the start). */
	void recognised(long id) {
		recognitionId = id;
	}

	private State stateOfCurrentStep() {
		return current().map(s -> template(s.code).side() == Side.LEVEL_ABOVE ? State.UNDER_APPRAISAL : State.IN_PREPARATION)
			.orElse(state);
	}

	/** The round the conditions are judged on: the dossier's own round once submitted, else the round it was opened from. */
	long judgedRoundId() {
		return appraisalRoundId != null ? appraisalRoundId : sourceRoundId;
	}

	Long id() {
		return id;
	}

	String unitCode() {
		return unitCode;
	}

	Purpose purpose() {
		return purpose;
	}

	Tier tier() {
		return tier;
	}

	int targetYear() {
		return targetYear;
	}

	Procedure procedure() {
		return procedure;
	}

	String setCode() {
		return setCode;
	}

	int setVersion() {
		return setVersion;
	}

	long sourceRoundId() {
		return sourceRoundId;
	}

	Long appraisalRoundId() {
		return appraisalRoundId;
	}

	Long recognitionId() {
		return recognitionId;
	}

	State state() {
		return state;
	}

	LocalDate openedOn() {
		return openedOn;
	}

	String openedBy() {
		return openedBy;
	}

	LocalDate closedOn() {
		return closedOn;
	}

	String closeReason() {
		return closeReason;
	}

	int version() {
		return version;
	}

	List<Step> steps() {
		return List.copyOf(steps);
	}
}
