package vn.ntmtracker.dossiers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.InputLimits;
import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.RevocationRule;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The application side of dossiers: each change is one transaction that asks {@link Authorization} first (the step's
 * side decides: the unit's bodies, the level above, or the decision's signer), loads the dossier with the version the
 * user saw, lets the rules refuse with every problem named ({@link OpeningPolicy}, {@link StepCompletionPolicy}), writes,
 * and publishes an {@link AuditEvent}. A dossier outside the reader's reach answers as if it did not exist.
 */
@Service
public class Dossiers {

	/** What opening asks: the unit, purpose and level, the round it rests on, the year aimed at and the day. */
	public record OpenRequest(String unitCode, Purpose purpose, Tier tier, Long roundId, Integer targetYear, LocalDate openedOn) {
	}

	/** The commune meeting's record, typed on the step's form. */
	public record MeetingInput(LocalDate heldOn, Integer invited, Integer present, Integer votesFor, Integer votesAgainst,
			String chairedBy) {
	}

	/** The council's vote. */
	public record CouncilInput(LocalDate heldOn, String members, Integer memberCount, Integer votesFor, Integer votesAgainst) {
	}

	/** The decision: number, day, signer and the day it takes effect (the recognition's "since", or the revocation's end). */
	public record DecisionInput(String number, LocalDate decidedOn, String signer, LocalDate effectiveOn) {
	}

	/** Marking a step done: the day, a note, and the record its kind needs. */
	public record Completion(LocalDate on, String note, MeetingInput meeting, CouncilInput council, DecisionInput decision) {
	}

	/** What a completion led to, as a message for the page or the API. */
	public record Outcome(String state, String messageKey, List<Object> arguments) {
	}

	/** A level the unit could open a dossier for, or why not. */
	public record Candidate(Purpose purpose, Tier tier, AssessmentRound round, boolean openable, String reasonKey, List<Object> reason,
			Long openDossierId, String procedure, boolean mayOpen) {
	}

	/** A step as the page shows it. */
	public record StepView(Procedure.Step template, int position, String status, LocalDate startedOn, LocalDate dueOn,
			LocalDate completedOn, String completedBy, String note, boolean current, boolean overdue, List<SlotView> documents,
			boolean mayAct) {
	}

	/** A document slot of a step: the current attachment, the older ones it replaced, whether a generator could make it. */
	public record SlotView(Procedure.Document slot, DossierRecords.DocumentRow current, List<DossierRecords.DocumentRow> older,
			boolean generatable) {
	}

	/** A dossier with everything its page and API need. */
	public record DossierView(long id, Unit unit, Purpose purpose, Tier tier, int targetYear, Procedure procedure, String state,
			int version, LocalDate openedOn, String openedBy, LocalDate closedOn, String closeReason, String setCode, int setVersion,
			long sourceRoundId, Long appraisalRoundId, List<StepView> steps, StepView current, List<Checklist.Item> checklist,
			DossierFacts facts, Recognition recognition, boolean estimatedDeadlines) {

		public boolean open() {
			return "IN_PREPARATION".equals(state) || "UNDER_APPRAISAL".equals(state);
		}

		/** Not closed and a step still to do (a decided dossier may still have its announcement). */
		public boolean active() {
			return !"CLOSED".equals(state) && current != null;
		}
	}

	/** One line of the coordination office's list. */
	public record Row(long id, String unitCode, String unitName, Purpose purpose, Tier tier, int targetYear, String state,
			String stepCode, String stepName, String actorName, Side side, LocalDate startedOn, LocalDate dueOn, boolean overdue,
			LocalDate openedOn, String procedure) {
	}

	private final DossierStore store;
	private final DossierRecords records;
	private final Procedures procedures;
	private final HolidayCalendar calendar;
	private final Surveys surveys;
	private final RecognitionHistory history;
	private final Assessments assessments;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final List<DossierDocumentGenerator> generators;

	Dossiers(DossierStore store, DossierRecords records, Procedures procedures, HolidayCalendar calendar, Surveys surveys,
			RecognitionHistory history, Assessments assessments, CriteriaCatalog catalog, Units units, AccessPolicy access,
			Authorization authorization, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
			List<DossierDocumentGenerator> generators) {
		this.store = store;
		this.records = records;
		this.procedures = procedures;
		this.calendar = calendar;
		this.surveys = surveys;
		this.history = history;
		this.assessments = assessments;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.generators = generators;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- opening -----------------------------------------------------------------------------------------------------

	/**
	 * For the unit's page: per level of its signed-off rounds, whether a recognition dossier can be opened from the latest
	 * one and why not; per recognition held, whether its revocation can be opened (the warning when it cannot yet).
	 */
	public List<Candidate> candidates(String unitCode) {
		access.requireRead(unitCode);
		LocalDate on = today();
		Unit unit = units.get(unitCode, on);
		List<AssessmentRound> rounds = assessments.rounds(unitCode).stream().filter(r -> r.status().signedOff() && !r.asOf().isAfter(on))
			.toList();
		Map<Tier, AssessmentRound> latest = new LinkedHashMap<>();
		rounds.forEach(r -> latest.putIfAbsent(r.tier(), r));
		List<Candidate> candidates = new ArrayList<>();
		for (AssessmentRound round : latest.values()) {
			CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
			Optional<Procedure> procedure = procedures.applicable(Purpose.RECOGNITION, round.tier(), province(unit), on);
			Optional<Long> open = openDossier(unitCode, round.tier(), Purpose.RECOGNITION);
			List<DossierException.Problem> problems = OpeningPolicy.recognition(round, set, on, history.activeOn(unitCode, round.tier(), on),
					open, procedure);
			candidates.add(candidate(Purpose.RECOGNITION, round.tier(), round, problems, open, procedure,
					authorization.may(Permission.OPEN_DOSSIER, Target.unit(unitCode, on))));
		}
		for (Recognition held : history.read(unitCode)) {
			if (!held.activeOn(on)) {
				continue;
			}
			Tier judging = RevocationRule.judgingTier(held.tier());
			Optional<AssessmentRound> round = rounds.stream().filter(r -> r.tier() == judging).findFirst();
			Optional<Procedure> procedure = procedures.applicable(Purpose.REVOCATION, held.tier(), province(unit), on);
			Optional<Long> open = openDossier(unitCode, held.tier(), Purpose.REVOCATION);
			candidates.add(candidate(Purpose.REVOCATION, held.tier(), round.orElse(null),
					OpeningPolicy.revocation(held.tier(), Optional.of(held), round, on, open, procedure), open, procedure,
					authorization.may(Permission.OPEN_REVOCATION, Target.unit(unitCode, on))));
		}
		return candidates;
	}

	/** A recognition held today and what the latest signed-off round of its judging set says of it. */
	public record Watch(Recognition recognition, AssessmentRound round, boolean atRisk, String lost, String text) {
	}

	/**
	 * For the unit page: each recognition held today with the latest signed-off round of the set that judges it
	 * (QĐ 18/2022/QĐ-TTg: nâng cao and kiểu mẫu on the nâng cao set), the criteria it lost and the revocation rule's
	 * verdict — a warning when criteria were lost, the risk when the rule is met. Empty for a reader outside the unit.
	 */
	public List<Watch> watch(String unitCode) {
		if (!access.canRead(unitCode)) {
			return List.of();
		}
		LocalDate on = today();
		List<AssessmentRound> rounds = assessments.rounds(unitCode);
		List<Watch> watches = new ArrayList<>();
		for (Recognition held : history.read(unitCode)) {
			if (!held.activeOn(on)) {
				continue;
			}
			Tier judging = RevocationRule.judgingTier(held.tier());
			rounds.stream().filter(r -> r.tier() == judging && r.status().signedOff() && !r.asOf().isAfter(on)).findFirst()
				.ifPresent(r -> watches.add(new Watch(held, r, r.atRisk(), r.lostCriteria(), r.riskText())));
		}
		return watches;
	}

	private static Candidate candidate(Purpose purpose, Tier tier, AssessmentRound round, List<DossierException.Problem> problems,
			Optional<Long> open, Optional<Procedure> procedure, boolean may) {
		DossierException.Problem first = problems.isEmpty() ? null : problems.get(0);
		return new Candidate(purpose, tier, round, problems.isEmpty(), first == null ? null : first.key(),
				first == null ? List.of() : first.arguments(), open.orElse(null), procedure.map(Procedure::ref).orElse(null), may);
	}

	@Transactional
	public long open(OpenRequest request) {
		LocalDate today = today();
		LocalDate on = request.openedOn() != null ? request.openedOn() : today;
		Purpose purpose = request.purpose() == null ? Purpose.RECOGNITION : request.purpose();
		String unitCode = request.unitCode() == null ? "" : request.unitCode().strip();
		authorization.require(purpose == Purpose.RECOGNITION ? Permission.OPEN_DOSSIER : Permission.OPEN_REVOCATION,
				Target.unit(unitCode, on));
		List<String> limits = new ArrayList<>();
		InputLimits.date("Ngày mở hồ sơ", on, limits);
		InputLimits.notFuture("Ngày mở hồ sơ", on, today, limits);
		plain(limits);
		Unit unit = units.get(unitCode, on);
		Dossier dossier;
		if (purpose == Purpose.RECOGNITION) {
			if (request.roundId() == null) {
				throw DossierException.field("roundId", "dossier.error.roundRequired");
			}
			AssessmentRound round = assessments.round(request.roundId());
			if (!round.unitCode().equals(unitCode)) {
				throw DossierException.field("roundId", "dossier.error.roundOfOtherUnit", round.id(), unit.displayName());
			}
			if (request.tier() != null && request.tier() != round.tier()) {
				throw DossierException.field("level", "dossier.error.roundTier", round.tier().label(), request.tier().label());
			}
			CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
			Optional<Procedure> procedure = procedures.applicable(Purpose.RECOGNITION, round.tier(), province(unit), on);
			List<DossierException.Problem> problems = OpeningPolicy.recognition(round, set, on,
					history.activeOn(unitCode, round.tier(), on), openDossier(unitCode, round.tier(), purpose), procedure);
			if (!problems.isEmpty()) {
				throw new DossierException(problems);
			}
			dossier = Dossier.open(unitCode, purpose, round.tier(), year(request, on), procedure.get(), round.setCode(), round.setVersion(),
					round.id(), null, on, access.currentUsername(), calendar);
		}
		else {
			if (request.tier() == null) {
				throw DossierException.field("level", "dossier.error.levelRequired");
			}
			Tier tier = request.tier();
			Optional<Recognition> held = history.activeOn(unitCode, tier, on);
			Tier judging = RevocationRule.judgingTier(tier);
			Optional<AssessmentRound> round = assessments.rounds(unitCode).stream()
				.filter(r -> r.tier() == judging && r.status().signedOff() && !r.asOf().isAfter(on)).findFirst();
			Optional<Procedure> procedure = procedures.applicable(Purpose.REVOCATION, tier, province(unit), on);
			List<DossierException.Problem> problems = OpeningPolicy.revocation(tier, held, round, on, openDossier(unitCode, tier, purpose),
					procedure);
			if (!problems.isEmpty()) {
				throw new DossierException(problems);
			}
			dossier = Dossier.open(unitCode, purpose, tier, year(request, on), procedure.get(), round.get().setCode(),
					round.get().setVersion(), round.get().id(), held.get().id(), on, access.currentUsername(), calendar);
		}
		long id = store.insert(dossier);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("purpose", purpose.name());
		after.put("level", dossier.tier().name());
		after.put("round", dossier.sourceRoundId());
		after.put("procedure", dossier.procedure().ref());
		after.put("openedOn", on.toString());
		events.publishEvent(AuditEvent.of(Action.CREATE, "dossier", Long.toString(id), unitCode, null, after));
		return id;
	}

	private static int year(OpenRequest request, LocalDate on) {
		int year = request.targetYear() != null ? request.targetYear() : on.getYear();
		if (year < 2000 || year > 2100) {
			throw DossierException.field("targetYear", "dossier.error.targetYear", year);
		}
		return year;
	}

	private Optional<Long> openDossier(String unitCode, Tier tier, Purpose purpose) {
		return jdbc.sql("""
				select id from dossier where unit_code = :unit and tier = :tier and purpose = :purpose
				and state in ('IN_PREPARATION', 'UNDER_APPRAISAL')""")
			.param("unit", unitCode).param("tier", tier.name()).param("purpose", purpose.name()).query(Long.class).optional();
	}

	static String province(Unit unit) {
		return unit.path() == null ? null : unit.path().substring(1).split("/")[0];
	}

	// ---- reading -----------------------------------------------------------------------------------------------------

	/** A dossier the user may read; one outside their reach is answered as if it did not exist. */
	Dossier readable(long id) {
		Dossier dossier = store.load(id);
		if (!access.canRead(dossier.unitCode())) {
			throw new DossierNotFoundException("hồ sơ", id);
		}
		return dossier;
	}

	public DossierView view(long id) {
		Dossier d = readable(id);
		LocalDate today = today();
		DossierFacts facts = facts(d);
		List<Checklist.Item> checklist = Checklist.of(d.procedure(), d.tier(), facts, today);
		List<StepView> steps = new ArrayList<>();
		StepView current = null;
		String currentCode = d.current().map(Dossier.Step::code).orElse(null);
		boolean estimated = false;
		for (Dossier.Step step : d.steps()) {
			Procedure.Step template = d.template(step.code());
			// After the decision the announcement is still to do: a decided dossier keeps its current step.
			boolean isCurrent = d.state() != Dossier.State.CLOSED && step.code().equals(currentCode);
			List<SlotView> slots = new ArrayList<>();
			for (Procedure.Document slot : template.documents()) {
				List<DossierRecords.DocumentRow> rows = facts.documents().stream()
					.filter(r -> r.stepCode().equals(step.code()) && r.kind().equals(slot.kind())).toList();
				DossierRecords.DocumentRow latest = rows.stream().filter(r -> !r.superseded()).reduce((a, b) -> b).orElse(null);
				slots.add(new SlotView(slot, latest, rows.stream().filter(DossierRecords.DocumentRow::superseded).toList(),
						slot.template() != null && generators.stream().anyMatch(g -> g.renders(slot.template()))));
			}
			boolean overdue = isCurrent && step.dueOn() != null && step.dueOn().isBefore(today);
			if (step.dueOn() != null && step.startedOn() != null && calendar.estimated(step.startedOn(), step.dueOn())) {
				estimated = true;
			}
			StepView view = new StepView(template, step.position(), step.status().name(), step.startedOn(), step.dueOn(), step.completedOn(),
					step.completedBy(), step.note(), isCurrent, overdue, slots,
					d.state() != Dossier.State.CLOSED && authorization.may(permission(template), Target.unit(d.unitCode(), today)));
			steps.add(view);
			if (isCurrent) {
				current = view;
			}
		}
		Recognition recognition = d.recognitionId() == null ? null : history.get(d.recognitionId());
		return new DossierView(d.id(), units.get(d.unitCode(), d.openedOn()), d.purpose(), d.tier(), d.targetYear(), d.procedure(),
				d.state().name(), d.version(), d.openedOn(), d.openedBy(), d.closedOn(), d.closeReason(), d.setCode(), d.setVersion(),
				d.sourceRoundId(), d.appraisalRoundId(), steps, current, checklist, facts, recognition, estimated);
	}

	DossierFacts facts(Dossier d) {
		AssessmentRound source = assessments.round(d.sourceRoundId());
		AssessmentRound appraisal = d.appraisalRoundId() == null ? null : assessments.round(d.appraisalRoundId());
		DossierFacts.RevocationFacts revocation = null;
		if (d.purpose() == Purpose.REVOCATION) {
			Tier judging = RevocationRule.judgingTier(d.tier());
			Optional<AssessmentRound> latest = assessments.rounds(d.unitCode()).stream()
				.filter(r -> r.tier() == judging && r.status().signedOff()).findFirst();
			revocation = latest.map(r -> new DossierFacts.RevocationFacts(r.id(), r.asOf(), r.atRisk(), r.riskText() == null ? r.score() : r.riskText()))
				.orElse(new DossierFacts.RevocationFacts(null, null, false, null));
		}
		return new DossierFacts(roundFacts(source), appraisal == null ? null : roundFacts(appraisal), records.documents(d.id()),
				records.posting(d.id()), records.readings(d.id()), records.comments(d.id()), records.meeting(d.id()),
				records.council(d.id()), records.decision(d.id()), surveys.tally(d), history.read(d.unitCode()), revocation);
	}

	private DossierFacts.RoundFacts roundFacts(AssessmentRound round) {
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		return new DossierFacts.RoundFacts(round.id(), round.asOf(), round.kind(), round.status(), round.achieved(), round.total(),
				round.unmetCriteria(set), round.setCode(), round.setVersion());
	}

	/**
	 * Dossiers within the reader's reach, in {@code unitCode}'s subtree when given, of a state and current step when given;
	 * newest first, each with its current step, who acts and by when.
	 */
	public List<Row> list(String unitCode, String state, String stepCode, boolean overdueOnly) {
		LocalDate today = today();
		List<String> scope = null;
		if (unitCode != null && !unitCode.isBlank()) {
			access.requireRead(unitCode);
			scope = units.subtreeCodes(unitCode, today);
		}
		List<Row> rows = new ArrayList<>();
		jdbc.sql("""
				select d.id, d.unit_code, d.purpose, d.tier, d.target_year, d.state, d.opened_on, d.procedure_code, d.procedure_version,
				       s.code as step_code, s.started_on, s.due_on,
				       (select n.name from units_v_name n where n.unit_code = d.unit_code order by n.valid_from desc limit 1) as unit_name
				from dossier d
				left join lateral (select * from dossier_step s where s.dossier_id = d.id and s.status <> 'DONE'
				                   order by s.position limit 1) s on true
				where (cast(:units as varchar[]) is null or d.unit_code = any(cast(:units as varchar[])))
				  and (cast(:state as varchar) is null or d.state = cast(:state as varchar))
				order by d.opened_on desc, d.id desc""")
			.param("units", scope == null ? null : scope.toArray(String[]::new)).param("state", blank(state))
			.query(rs -> {
				Procedure procedure = procedures.get(rs.getString("procedure_code"), rs.getInt("procedure_version"));
				String step = rs.getString("step_code");
				Optional<Procedure.Step> template = step == null ? Optional.empty() : procedure.step(step);
				String rowState = rs.getString("state");
				boolean open = "IN_PREPARATION".equals(rowState) || "UNDER_APPRAISAL".equals(rowState);
				LocalDate due = rs.getObject("due_on", LocalDate.class);
				rows.add(new Row(rs.getLong("id"), rs.getString("unit_code"), rs.getString("unit_name"), Purpose.valueOf(rs.getString("purpose")),
						Tier.valueOf(rs.getString("tier")), rs.getInt("target_year"), rowState, step, template.map(Procedure.Step::name).orElse(null),
						template.map(Procedure.Step::actorName).orElse(null), template.map(Procedure.Step::side).orElse(null),
						rs.getObject("started_on", LocalDate.class), due, open && due != null && due.isBefore(today),
						rs.getObject("opened_on", LocalDate.class), procedure.ref()));
			});
		java.util.Set<String> readable = units.within(rows.stream().map(Row::unitCode).distinct().toList(), access.current());
		return rows.stream().filter(r -> readable.contains(r.unitCode()))
			.filter(r -> blank(stepCode) == null || stepCode.equals(r.stepCode()))
			.filter(r -> !overdueOnly || r.overdue())
			.toList();
	}

	/** The unit's dossiers, newest first. */
	public List<Row> ofUnit(String unitCode) {
		access.requireRead(unitCode);
		return list(null, null, null, false).stream().filter(r -> r.unitCode().equals(unitCode)).toList();
	}

	Optional<DossierRecords.Content> document(long dossierId, long documentId) {
		readable(dossierId);
		return records.content(dossierId, documentId);
	}

	// ---- steps -------------------------------------------------------------------------------------------------------

	static Permission permission(Procedure.Step step) {
		return step.kind() == StepKind.DECISION ? Permission.DECIDE_RECOGNITION
				: step.side() == Side.UNIT ? Permission.ACT_ON_DOSSIER : Permission.APPRAISE_DOSSIER;
	}

	private void authorize(Dossier d, Procedure.Step step, LocalDate on) {
		authorization.require(permission(step), Target.unit(d.unitCode(), on));
	}

	private static void requireVersion(Dossier d, int expected) {
		if (d.version() != expected) {
			throw new org.springframework.dao.OptimisticLockingFailureException("dossier " + d.id() + " is at version " + d.version());
		}
	}

	/**
	 * Marks a step done with what its kind records (meeting, council vote, decision): refused with every missing document,
	 * unmet condition and rule named. A submission opens and submits the dossier's own round; a council voting against
	 * closes the dossier; a decision writes the recognition history (or ends the recognition revoked).
	 */
	@Transactional
	public Outcome complete(long id, String stepCode, int expectedVersion, Completion completion) {
		Dossier d = readable(id);
		Procedure.Step step = d.template(stepCode);
		LocalDate today = today();
		LocalDate on = completion.on() != null ? completion.on() : today;
		authorize(d, step, on);
		requireVersion(d, expectedVersion);
		List<String> limits = new ArrayList<>();
		InputLimits.date("Ngày hoàn thành", on, limits);
		InputLimits.notFuture("Ngày hoàn thành", on, today, limits);
		InputLimits.text("Ghi chú", completion.note(), InputLimits.TEXT, limits);
		plain(limits);
		d.requireCurrent(stepCode);
		Dossier.State before = d.state();
		switch (step.kind()) {
			case MEETING -> records.saveMeeting(d.id(), meeting(d, step, completion.meeting(), on));
			case COUNCIL -> {
				DossierRecords.Council council = council(d, step, completion.council(), on);
				records.saveCouncil(d.id(), council);
				if (!council.approved()) {
					d.close(on, "Hội đồng không thông qua: " + council.votesFor() + "/" + council.memberCount() + " phiếu đồng ý (cần từ "
							+ DossierMessages.shown(step.approvalPercent()) + " %)");
					store.save(d);
					audit(d, step, before, on);
					return new Outcome(d.state().name(), "dossier.outcome.councilRefused", List.of(council.votesFor(), council.memberCount(),
							step.approvalPercent()));
				}
			}
			case DECISION -> records.saveDecision(d.id(), decision(d, completion.decision(), on));
			default -> {
			}
		}
		DossierFacts facts = facts(d);
		List<DossierException.Problem> problems = StepCompletionPolicy.problems(d, step, facts,
				Checklist.of(d.procedure(), d.tier(), facts, on), on);
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		Outcome outcome = new Outcome(null, "dossier.outcome.stepDone", List.of(step.name()));
		switch (step.kind()) {
			case SUBMISSION -> {
				long round = assessments.open(d.unitCode(), facts.sourceRound().setCode(), null, on, step.roundKind(), d.sourceRoundId());
				assessments.submit(round, assessments.round(round).version());
				d.attachAppraisalRound(round);
				outcome = new Outcome(null, "dossier.outcome.submitted", List.of(round));
			}
			case DECISION -> {
				DossierRecords.Decision decision = facts.decision().orElseThrow();
				if (d.purpose() == Purpose.RECOGNITION) {
					DossierFacts.RoundFacts judged = facts.judgedRound();
					d.recognised(history.recordFromDossier(d.unitCode(), d.tier(), judged.setCode(), judged.setVersion(), decision, d.id()));
					outcome = new Outcome(null, "dossier.outcome.recognised", List.of(d.tier().label(), decision.effectiveOn()));
				}
				else {
					history.endByRevocation(d.recognitionId(), decision, d.id());
					outcome = new Outcome(null, "dossier.outcome.revoked", List.of(d.tier().label(), decision.effectiveOn()));
				}
			}
			case ANNOUNCEMENT -> records.announce(d.id(), on);
			default -> {
			}
		}
		d.complete(stepCode, on, access.currentUsername(), completion.note(), calendar);
		store.save(d);
		audit(d, step, before, on);
		return new Outcome(d.state().name(), outcome.messageKey(), outcome.arguments());
	}

	private void audit(Dossier d, Procedure.Step step, Dossier.State before, LocalDate on) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("step", step.name());
		after.put("on", on.toString());
		after.put("state", d.state().name());
		events.publishEvent(AuditEvent.of(Action.UPDATE, "dossier", Long.toString(d.id()), d.unitCode(), Map.of("state", before.name()), after));
	}

	private DossierRecords.Meeting meeting(Dossier d, Procedure.Step step, MeetingInput in, LocalDate on) {
		if (in == null || in.heldOn() == null || in.invited() == null || in.present() == null || in.votesFor() == null) {
			throw DossierException.field("meeting", "dossier.error.meetingRequired");
		}
		List<DossierException.Problem> problems = new ArrayList<>();
		int against = in.votesAgainst() == null ? 0 : in.votesAgainst();
		if (in.invited() < 1 || in.present() < 1 || in.present() > in.invited()) {
			problems.add(DossierException.Problem.field("present", "dossier.error.attendance", in.present(), in.invited()));
		}
		if (in.votesFor() < 0 || against < 0 || in.votesFor() + against > in.present()) {
			problems.add(DossierException.Problem.field("votesFor", "dossier.error.votes", in.votesFor(), against, in.present()));
		}
		dated("heldOn", in.heldOn(), d.step(step.code()).startedOn(), on, problems);
		String chairTooLong = InputLimits.text("Người chủ trì", in.chairedBy(), InputLimits.NAME);
		if (chairTooLong != null) {
			problems.add(DossierException.Problem.field("chairedBy", "dossier.error.plain", chairTooLong));
		}
		if (problems.isEmpty() && !share(in.votesFor(), in.present(), step.approvalPercent())) {
			problems.add(DossierException.Problem.field("votesFor", "dossier.error.meetingShare", in.votesFor(), in.present(),
					percent(in.votesFor(), in.present()), step.approvalPercent()));
		}
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		return new DossierRecords.Meeting(in.heldOn(), in.invited(), in.present(), in.votesFor(), against, blank(in.chairedBy()));
	}

	private DossierRecords.Council council(Dossier d, Procedure.Step step, CouncilInput in, LocalDate on) {
		if (in == null || in.heldOn() == null || in.memberCount() == null || in.votesFor() == null || blank(in.members()) == null) {
			throw DossierException.field("council", "dossier.error.councilRequired");
		}
		List<DossierException.Problem> problems = new ArrayList<>();
		int against = in.votesAgainst() == null ? 0 : in.votesAgainst();
		if (in.memberCount() < 1 || in.votesFor() < 0 || against < 0 || in.votesFor() + against > in.memberCount()) {
			problems.add(DossierException.Problem.field("votesFor", "dossier.error.votes", in.votesFor(), against, in.memberCount()));
		}
		if (in.members().length() > InputLimits.TEXT) {
			problems.add(DossierException.Problem.field("members", "dossier.error.plain",
					InputLimits.text("Thành viên hội đồng", in.members(), InputLimits.TEXT)));
		}
		dated("heldOn", in.heldOn(), d.step(step.code()).startedOn(), on, problems);
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		return new DossierRecords.Council(in.heldOn(), in.members().strip(), in.memberCount(), in.votesFor(), against,
				share(in.votesFor(), in.memberCount(), step.approvalPercent()));
	}

	private DossierRecords.Decision decision(Dossier d, DecisionInput in, LocalDate on) {
		List<DossierException.Problem> problems = new ArrayList<>();
		if (in == null || blank(in.number()) == null) {
			problems.add(DossierException.Problem.field("decisionNumber", "dossier.error.decisionNumber"));
		}
		if (in == null || blank(in.signer()) == null) {
			problems.add(DossierException.Problem.field("signer", "dossier.error.decisionSigner"));
		}
		if (in == null || in.decidedOn() == null) {
			problems.add(DossierException.Problem.field("decidedOn", "dossier.error.decisionDate"));
		}
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		dated("decidedOn", in.decidedOn(), d.openedOn(), on, problems);
		LocalDate effective = in.effectiveOn() != null ? in.effectiveOn() : in.decidedOn();
		if (effective.isBefore(in.decidedOn())) {
			problems.add(DossierException.Problem.field("effectiveOn", "dossier.error.effectiveBeforeDecision", effective, in.decidedOn()));
		}
		List<String> limits = new ArrayList<>();
		InputLimits.text("Số quyết định", in.number(), 100, limits);
		InputLimits.text("Người ký", in.signer(), InputLimits.NAME, limits);
		InputLimits.date("Ngày hiệu lực", effective, limits);
		limits.forEach(text -> problems.add(DossierException.Problem.of("dossier.error.plain", text)));
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		return new DossierRecords.Decision(in.number().strip(), in.decidedOn(), in.signer().strip(), effective, null);
	}

	private static void dated(String field, LocalDate day, LocalDate notBefore, LocalDate notAfter, List<DossierException.Problem> problems) {
		if (notBefore != null && day.isBefore(notBefore)) {
			problems.add(DossierException.Problem.field(field, "dossier.error.beforeStart", day, notBefore));
		}
		if (day.isAfter(notAfter)) {
			problems.add(DossierException.Problem.field(field, "dossier.error.afterCompletion", day, notAfter));
		}
	}

	/** for / of ≥ percent %, exactly. */
	static boolean share(int votes, int of, java.math.BigDecimal percent) {
		return of > 0 && java.math.BigDecimal.valueOf(votes * 100L).compareTo(percent.multiply(java.math.BigDecimal.valueOf(of))) >= 0;
	}

	static java.math.BigDecimal percent(int part, int whole) {
		return whole == 0 ? java.math.BigDecimal.ZERO
				: java.math.BigDecimal.valueOf(part * 100L).divide(java.math.BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
	}

	// ---- the posting -------------------------------------------------------------------------------------------------

	private Procedure.Step postingStep(Dossier d) {
		return d.procedure().steps().stream().filter(s -> s.kind() == StepKind.POSTING).findFirst()
			.orElseThrow(() -> new DossierException("dossier.error.noPostingStep"));
	}

	/** The step's records may change while the dossier is open and the step not done. */
	private static void requireEditable(Dossier d, Procedure.Step step) {
		d.requireOpen();
		if (!d.state().open()) {
			throw new DossierException("dossier.error.notOpen");
		}
		if (d.step(step.code()).status() == Dossier.StepStatus.DONE) {
			throw new DossierException("dossier.error.stepDone", step.name());
		}
	}

	@Transactional
	public void savePosting(long id, int expectedVersion, String places, LocalDate from, LocalDate to) {
		Dossier d = readable(id);
		Procedure.Step step = postingStep(d);
		authorize(d, step, from != null ? from : today());
		requireVersion(d, expectedVersion);
		requireEditable(d, step);
		List<DossierException.Problem> problems = new ArrayList<>();
		if (blank(places) == null) {
			problems.add(DossierException.Problem.field("places", "dossier.error.placesRequired"));
		}
		if (from == null || to == null) {
			problems.add(DossierException.Problem.field("postedFrom", "dossier.error.periodRequired"));
		}
		else {
			if (to.isBefore(from)) {
				problems.add(DossierException.Problem.field("postedTo", "dossier.error.periodOrder", from, to));
			}
			if (from.isBefore(d.openedOn())) {
				problems.add(DossierException.Problem.field("postedFrom", "dossier.error.beforeOpened", from, d.openedOn()));
			}
		}
		List<String> limits = new ArrayList<>();
		InputLimits.text("Nơi niêm yết", places, 1000, limits);
		InputLimits.date("Ngày bắt đầu niêm yết", from, limits);
		InputLimits.date("Ngày kết thúc niêm yết", to, limits);
		InputLimits.notFuture("Ngày bắt đầu niêm yết", from, today(), limits);
		limits.forEach(text -> problems.add(DossierException.Problem.of("dossier.error.plain", text)));
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		Optional<DossierRecords.Posting> before = records.posting(id);
		DossierRecords.Posting posting = new DossierRecords.Posting(places.strip(), from, to);
		records.savePosting(id, posting);
		store.touch(id, expectedVersion);
		events.publishEvent(AuditEvent.of(before.isPresent() ? Action.UPDATE : Action.CREATE, "dossier_posting", Long.toString(id),
				d.unitCode(), before.orElse(null), posting));
	}

	@Transactional
	public long addReading(long id, LocalDate on, String note) {
		Dossier d = readable(id);
		Procedure.Step step = postingStep(d);
		authorize(d, step, on != null ? on : today());
		requireEditable(d, step);
		List<String> limits = new ArrayList<>();
		if (on == null) {
			throw DossierException.field("readOn", "dossier.error.readingDate");
		}
		InputLimits.date("Ngày đọc", on, limits);
		InputLimits.notFuture("Ngày đọc", on, today(), limits);
		InputLimits.text("Ghi chú", note, 500, limits);
		plain(limits);
		if (on.isBefore(d.openedOn())) {
			throw DossierException.field("readOn", "dossier.error.beforeOpened", on, d.openedOn());
		}
		long reading = records.addReading(id, on, blank(note), access.currentUsername());
		events.publishEvent(AuditEvent.of(Action.CREATE, "dossier_reading", Long.toString(reading), d.unitCode(), null,
				Map.of("dossier", id, "on", on.toString())));
		return reading;
	}

	@Transactional
	public long addComment(long id, LocalDate receivedOn, String author, String text) {
		Dossier d = readable(id);
		Procedure.Step step = postingStep(d);
		authorize(d, step, receivedOn != null ? receivedOn : today());
		requireEditable(d, step);
		List<DossierException.Problem> problems = new ArrayList<>();
		if (receivedOn == null) {
			problems.add(DossierException.Problem.field("receivedOn", "dossier.error.commentDate"));
		}
		if (blank(author) == null) {
			problems.add(DossierException.Problem.field("author", "dossier.error.commentAuthor"));
		}
		if (blank(text) == null) {
			problems.add(DossierException.Problem.field("text", "dossier.error.commentText"));
		}
		List<String> limits = new ArrayList<>();
		InputLimits.text("Người góp ý", author, InputLimits.NAME, limits);
		InputLimits.text("Nội dung góp ý", text, InputLimits.TEXT, limits);
		InputLimits.date("Ngày nhận", receivedOn, limits);
		InputLimits.notFuture("Ngày nhận", receivedOn, today(), limits);
		limits.forEach(line -> problems.add(DossierException.Problem.of("dossier.error.plain", line)));
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		long comment = records.addComment(id, step.code(), receivedOn, author.strip(), text.strip(), access.currentUsername());
		events.publishEvent(AuditEvent.of(Action.CREATE, "dossier_comment", Long.toString(comment), d.unitCode(), null,
				Map.of("dossier", id, "author", author.strip(), "text", text.strip())));
		return comment;
	}

	@Transactional
	public void answerComment(long id, long commentId, int expectedVersion, String answer, LocalDate on) {
		Dossier d = readable(id);
		DossierRecords.Comment comment = records.comment(id, commentId).orElseThrow(() -> new DossierNotFoundException("góp ý", commentId));
		Procedure.Step step = d.template(comment.stepCode());
		LocalDate day = on != null ? on : today();
		authorize(d, step, day);
		requireEditable(d, step);
		List<String> limits = new ArrayList<>();
		if (blank(answer) == null) {
			throw DossierException.field("answer", "dossier.error.answerRequired");
		}
		InputLimits.text("Trả lời", answer, InputLimits.TEXT, limits);
		InputLimits.notFuture("Ngày trả lời", day, today(), limits);
		plain(limits);
		if (day.isBefore(comment.receivedOn())) {
			throw DossierException.field("answeredOn", "dossier.error.answerBeforeComment", day, comment.receivedOn());
		}
		records.answer(id, commentId, answer.strip(), day, access.currentUsername(), expectedVersion);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "dossier_comment", Long.toString(commentId), d.unitCode(),
				Map.of("answer", comment.answer() == null ? "" : comment.answer()), Map.of("answer", answer.strip(), "on", day.toString())));
	}

	// ---- documents ---------------------------------------------------------------------------------------------------

	static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

	/**
	 * Attaches a signed scan (PDF, image) or a document (DOCX) to a slot of a started step; a newer one supersedes the
	 * older, which stays listed. The file's kind is checked by its content, not its name.
	 */
	@Transactional
	public long addDocument(long id, String stepCode, String kind, String number, LocalDate issuedOn, String fileName, byte[] bytes) {
		Dossier d = readable(id);
		Procedure.Step step = d.template(stepCode);
		authorize(d, step, issuedOn != null ? issuedOn : today());
		d.requireOpen();
		Procedure.Document slot = step.documents().stream().filter(s -> s.kind().equals(kind)).findFirst()
			.orElseThrow(() -> DossierException.field("kind", "dossier.error.unknownDocument", kind, step.name()));
		if (d.step(stepCode).status() == Dossier.StepStatus.WAITING) {
			throw new DossierException("dossier.error.stepNotStarted", step.name());
		}
		List<DossierException.Problem> problems = new ArrayList<>();
		String contentType = bytes == null ? null : DocumentFiles.contentType(bytes);
		if (bytes == null || bytes.length == 0) {
			problems.add(DossierException.Problem.field("file", "dossier.error.fileEmpty"));
		}
		else if (bytes.length > MAX_DOCUMENT_BYTES) {
			problems.add(DossierException.Problem.field("file", "dossier.error.fileTooLarge", MAX_DOCUMENT_BYTES / 1024 / 1024));
		}
		else if (contentType == null) {
			problems.add(DossierException.Problem.field("file", "dossier.error.fileType"));
		}
		List<String> limits = new ArrayList<>();
		InputLimits.text("Số văn bản", number, 100, limits);
		InputLimits.text("Tên tệp", fileName, 255, limits);
		InputLimits.date("Ngày văn bản", issuedOn, limits);
		InputLimits.notFuture("Ngày văn bản", issuedOn, today(), limits);
		limits.forEach(text -> problems.add(DossierException.Problem.of("dossier.error.plain", text)));
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		String name = blank(fileName) == null ? slot.kind().toLowerCase() + DocumentFiles.extension(contentType) : fileName.strip();
		String sha = ProcedureFiles.hash(bytes);
		long document = records.addDocument(id, stepCode, kind, blank(number), issuedOn, name, contentType, bytes, sha, access.currentUsername());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("dossier", id);
		after.put("step", step.name());
		after.put("kind", slot.name());
		after.put("file", name);
		after.put("sha256", sha);
		events.publishEvent(AuditEvent.of(Action.CREATE, "dossier_document", Long.toString(document), d.unitCode(), null, after));
		return document;
	}

	// ---- closing -----------------------------------------------------------------------------------------------------

	/** Withdraws the dossier (the unit) or closes it after a refusal (the level above acting for it), with a reason. */
	@Transactional
	public void close(long id, int expectedVersion, LocalDate on, String reason) {
		Dossier d = readable(id);
		LocalDate day = on != null ? on : today();
		authorization.require(Permission.ACT_ON_DOSSIER, Target.unit(d.unitCode(), day));
		requireVersion(d, expectedVersion);
		List<String> limits = new ArrayList<>();
		InputLimits.notFuture("Ngày đóng hồ sơ", day, today(), limits);
		InputLimits.text("Lý do", reason, 1000, limits);
		plain(limits);
		Dossier.State before = d.state();
		d.close(day, reason);
		store.save(d);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "dossier", Long.toString(id), d.unitCode(), Map.of("state", before.name()),
				Map.of("state", d.state().name(), "reason", reason.strip(), "on", day.toString())));
	}

	// ---- survey ------------------------------------------------------------------------------------------------------

	@Transactional
	public long addBallot(long id, Surveys.BallotInput input) {
		return surveys.addBallot(loadForBallots(id), input);
	}

	@Transactional
	public void saveHouseholds(long id, Map<String, Integer> households) {
		surveys.saveHouseholds(loadForBallots(id), households);
	}

	/**
	 * A dossier for its survey: readable by those who read the unit, and by those who read one of its villages (the
	 * village's Ban công tác Mặt trận entering its households' ballots sees no more of the dossier than that).
	 */
	Dossier loadForBallots(long id) {
		Dossier dossier = store.load(id);
		if (access.canRead(dossier.unitCode()) || surveys.villages(dossier).keySet().stream().anyMatch(access::canRead)) {
			return dossier;
		}
		throw new DossierNotFoundException("hồ sơ", id);
	}

	/** Surveys in progress where the current user may enter ballots for at least one village, for the list page. */
	public List<Row> surveysToEnter() {
		List<Row> rows = new ArrayList<>();
		for (long id : jdbc.sql("select id from dossier where state in ('IN_PREPARATION', 'UNDER_APPRAISAL') order by opened_on desc, id desc")
			.query(Long.class).list()) {
			Dossier d = store.load(id);
			Optional<Procedure.Step> step = surveys.surveyStep(d);
			if (step.isEmpty() || d.step(step.get().code()).status() == Dossier.StepStatus.DONE || surveys.writableVillages(d).isEmpty()) {
				continue;
			}
			rows.add(new Row(id, d.unitCode(), units.get(d.unitCode(), d.openedOn()).displayName(), d.purpose(), d.tier(), d.targetYear(),
					d.state().name(), step.get().code(), step.get().name(), step.get().actorName(), step.get().side(),
					d.step(step.get().code()).startedOn(), d.step(step.get().code()).dueOn(), false, d.openedOn(), d.procedure().ref()));
		}
		return rows;
	}

	/** Survey step states in which ballots are still taken, for the page. */
	static final java.util.Set<Dossier.StepStatus> BALLOTS_OPEN = EnumSet.of(Dossier.StepStatus.WAITING, Dossier.StepStatus.ACTIVE);

	Dossier load(long id) {
		return readable(id);
	}

	String unitName(Dossier d) {
		return units.get(d.unitCode(), d.openedOn()).displayName();
	}

	/** Due items for a notifier and the office's list: steps of open dossiers due within {@code days} days of {@code day}. */
	public List<Row> dueWithin(LocalDate day, int days) {
		return list(null, null, null, false).stream()
			.filter(r -> ("IN_PREPARATION".equals(r.state()) || "UNDER_APPRAISAL".equals(r.state())) && r.dueOn() != null
					&& !r.dueOn().isAfter(day.plusDays(days)))
			.sorted(Comparator.comparing(Row::dueOn)).toList();
	}

	private static void plain(List<String> limits) {
		if (!limits.isEmpty()) {
			throw new DossierException(limits.stream().map(text -> DossierException.Problem.of("dossier.error.plain", text)).toList());
		}
	}

	static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
