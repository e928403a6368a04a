package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The satisfaction survey of a dossier (run by the MTTQ, recognition-and-formats §5): ballots per household reference
 * — one item per criterion of the dossier's set plus the overall question — entered one by one on a phone or imported
 * per village from the generated workbook, and households given a ballot per village for participation. Ballots are
 * decided per village ({@link Permission#ENTER_BALLOTS}), and frozen once the survey step is done. A household's name is
 * kept only where the procedure allows it.
 */
@Component
class Surveys {

	/** What the form or a sheet row says; {@code answers} in the items' order. */
	record BallotInput(String villageCode, String householdRef, String householdName, List<Boolean> answers, Boolean overall,
			String proposal) {
	}

	record BallotRow(long id, String villageCode, String householdRef, String householdName, String answers, boolean overall,
			String proposal, String source, String enteredBy) {

		public int satisfiedItems() {
			return (int) answers.chars().filter(c -> c == 'Y').count();
		}
	}

	private final JdbcClient jdbc;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final Authorization authorization;
	private final AccessPolicy access;
	private final ApplicationEventPublisher events;

	Surveys(JdbcClient jdbc, CriteriaCatalog catalog, Units units, Authorization authorization, AccessPolicy access,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.units = units;
		this.authorization = authorization;
		this.access = access;
		this.events = events;
	}

	/** The ballot's items: the criteria of the dossier's set, in order. */
	List<SatisfactionTally.Item> items(Dossier dossier) {
		CriteriaSetDefinition set = catalog.definition(dossier.setCode(), dossier.setVersion());
		return set.criteria().stream().map(c -> new SatisfactionTally.Item(c.number(), c.name())).toList();
	}

	/** The unit's villages on the survey's date, code → name, in the tree's order. */
	Map<String, String> villages(Dossier dossier) {
		Map<String, String> villages = new LinkedHashMap<>();
		for (Unit child : units.children(dossier.unitCode(), date(dossier))) {
			if (child.level() == 4) {
				villages.put(child.code(), child.displayName());
			}
		}
		return villages;
	}

	/** The villages whose ballots the current user may enter. */
	Map<String, String> writableVillages(Dossier dossier) {
		Map<String, String> writable = new LinkedHashMap<>();
		villages(dossier).forEach((code, name) -> {
			if (authorization.may(Permission.ENTER_BALLOTS, Target.unit(code, date(dossier)))) {
				writable.put(code, name);
			}
		});
		return writable;
	}

	Optional<Procedure.Step> surveyStep(Dossier dossier) {
		return dossier.procedure().steps().stream().filter(s -> s.kind() == StepKind.SURVEY).findFirst();
	}

	/** The day the survey's records are decided on: the survey step's start, else the dossier's opening. */
	LocalDate date(Dossier dossier) {
		return surveyStep(dossier).map(s -> dossier.step(s.code()).startedOn()).orElse(dossier.openedOn());
	}

	SatisfactionTally.Result tally(Dossier dossier) {
		if (surveyStep(dossier).isEmpty()) {
			return null;
		}
		List<SatisfactionTally.Ballot> ballots = jdbc.sql("select village_code, answers, overall from survey_ballot where dossier_id = :id")
			.param("id", dossier.id())
			.query((rs, i) -> new SatisfactionTally.Ballot(rs.getString("village_code"), rs.getString("answers"), "Y".equals(rs.getString("overall"))))
			.list();
		return SatisfactionTally.tally(items(dossier), ballots, villages(dossier), households(dossier.id()),
				dossier.procedure().satisfaction());
	}

	Map<String, Integer> households(long dossierId) {
		Map<String, Integer> households = new LinkedHashMap<>();
		jdbc.sql("select village_code, households from survey_village where dossier_id = :id").param("id", dossierId)
			.query(rs -> {
				households.put(rs.getString("village_code"), rs.getInt("households"));
			});
		return households;
	}

	List<BallotRow> ballots(long dossierId) {
		return jdbc.sql("""
				select id, village_code, household_ref, household_name, answers, overall, proposal, source, entered_by
				from survey_ballot where dossier_id = :id order by village_code, household_ref""")
			.param("id", dossierId)
			.query((rs, i) -> new BallotRow(rs.getLong("id"), rs.getString("village_code"), rs.getString("household_ref"),
					rs.getString("household_name"), rs.getString("answers"), "Y".equals(rs.getString("overall")), rs.getString("proposal"),
					rs.getString("source"), rs.getString("entered_by")))
			.list();
	}

	/** One ballot from the form; a household already counted in that village is refused by name. */
	long addBallot(Dossier dossier, BallotInput input) {
		String village = input.villageCode() == null ? "" : input.villageCode().strip();
		authorization.require(Permission.ENTER_BALLOTS, Target.unit(village.isEmpty() ? dossier.unitCode() : village, date(dossier)));
		requireOpenSurvey(dossier);
		List<DossierException.Problem> problems = new ArrayList<>();
		if (!villages(dossier).containsKey(village)) {
			problems.add(DossierException.Problem.field("village", "dossier.ballot.unknownVillage", village));
		}
		Ballot ballot = ballot(dossier, input, problems, (field, key, args) -> DossierException.Problem.field(field, key, args));
		if (problems.isEmpty() && jdbc.sql("select count(*) from survey_ballot where dossier_id = :d and village_code = :v and household_ref = :r")
			.param("d", dossier.id()).param("v", village).param("r", ballot.ref()).query(Long.class).single() > 0) {
			problems.add(DossierException.Problem.field("householdRef", "dossier.ballot.duplicate", ballot.ref()));
		}
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		try {
			long id = insert(dossier.id(), village, ballot, "FORM");
			events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "survey_ballot", Long.toString(id), village, null,
					Map.of("dossier", dossier.id(), "household", ballot.ref(), "answers", ballot.answers(), "overall", ballot.overall())));
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw DossierException.field("householdRef", "dossier.ballot.duplicate", ballot.ref());
		}
	}

	/** Households given a ballot, per village (for the participation rate); each village decided on its own. */
	void saveHouseholds(Dossier dossier, Map<String, Integer> households) {
		Map<String, String> villages = villages(dossier);
		List<DossierException.Problem> problems = new ArrayList<>();
		for (var entry : households.entrySet()) {
			authorization.require(Permission.ENTER_BALLOTS, Target.unit(entry.getKey(), date(dossier)));
			if (!villages.containsKey(entry.getKey())) {
				problems.add(DossierException.Problem.field("households", "dossier.ballot.unknownVillage", entry.getKey()));
			}
			else if (entry.getValue() != null && (entry.getValue() < 1 || entry.getValue() > 100_000)) {
				problems.add(DossierException.Problem.field("households", "dossier.survey.householdsRange", villages.get(entry.getKey())));
			}
		}
		requireOpenSurvey(dossier);
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		Map<String, Integer> before = households(dossier.id());
		for (var entry : households.entrySet()) {
			if (entry.getValue() == null) {
				jdbc.sql("delete from survey_village where dossier_id = :d and village_code = :v").param("d", dossier.id())
					.param("v", entry.getKey()).update();
			}
			else {
				jdbc.sql("""
						insert into survey_village (dossier_id, village_code, households) values (:d, :v, :n)
						on conflict (dossier_id, village_code) do update set households = excluded.households""")
					.param("d", dossier.id()).param("v", entry.getKey()).param("n", entry.getValue()).update();
			}
		}
		events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "survey_village", Long.toString(dossier.id()), dossier.unitCode(),
				before, households));
	}

	/** Replaces every ballot of one village with those of an imported sheet (already checked, all or nothing). */
	int replaceVillage(Dossier dossier, String village, List<Ballot> ballots) {
		authorization.require(Permission.ENTER_BALLOTS, Target.unit(village, date(dossier)));
		requireOpenSurvey(dossier);
		int removed = jdbc.sql("delete from survey_ballot where dossier_id = :d and village_code = :v").param("d", dossier.id())
			.param("v", village).update();
		for (Ballot ballot : ballots) {
			insert(dossier.id(), village, ballot, "IMPORT");
		}
		events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "survey_ballot", dossier.id() + "/" + village, village,
				Map.of("ballots", removed), Map.of("ballots", ballots.size(), "source", "IMPORT")));
		return ballots.size();
	}

	/** Refuses (403) when the current user may not enter ballots of the village. */
	void requireMayEnter(Dossier dossier, String village) {
		authorization.require(Permission.ENTER_BALLOTS, Target.unit(village.isEmpty() ? dossier.unitCode() : village, date(dossier)));
	}

	void requireOpenSurvey(Dossier dossier) {
		dossier.requireOpen();
		if (!dossier.state().open()) {
			throw new DossierException("dossier.error.notOpen");
		}
		Procedure.Step step = surveyStep(dossier).orElseThrow(() -> new DossierException("dossier.ballot.noSurvey"));
		if (dossier.step(step.code()).status() == Dossier.StepStatus.DONE) {
			throw new DossierException("dossier.ballot.surveyDone");
		}
	}

	/** A checked ballot ready to store. */
	record Ballot(String ref, String name, String answers, boolean overall, String proposal) {
	}

	interface ProblemAt {
		DossierException.Problem at(String field, String key, Object... arguments);
	}

	/**
	 * Checks one ballot's content (the form's fields or a sheet row's cells, named through {@code at}): a household
	 * reference, a name only where allowed, every item and the overall question answered.
	 */
	Ballot ballot(Dossier dossier, BallotInput input, List<DossierException.Problem> problems, ProblemAt at) {
		String ref = input.householdRef() == null ? "" : java.text.Normalizer.normalize(input.householdRef().strip(),
				java.text.Normalizer.Form.NFC);
		if (ref.isEmpty()) {
			problems.add(at.at("householdRef", "dossier.ballot.refRequired"));
		}
		else if (ref.length() > 40) {
			problems.add(at.at("householdRef", "dossier.ballot.refTooLong", ref.length()));
		}
		String name = input.householdName() == null || input.householdName().isBlank() ? null : input.householdName().strip();
		boolean namesAllowed = dossier.procedure().satisfaction() != null && dossier.procedure().satisfaction().householdNames();
		if (name != null && !namesAllowed) {
			problems.add(at.at("householdName", "dossier.ballot.noNames"));
		}
		else if (name != null && name.length() > 120) {
			problems.add(at.at("householdName", "dossier.ballot.nameTooLong"));
		}
		List<SatisfactionTally.Item> items = items(dossier);
		StringBuilder answers = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			Boolean answer = input.answers() != null && i < input.answers().size() ? input.answers().get(i) : null;
			if (answer == null) {
				problems.add(at.at("item" + items.get(i).number(), "dossier.ballot.itemMissing", items.get(i).number(), items.get(i).name()));
			}
			answers.append(Boolean.TRUE.equals(answer) ? 'Y' : 'N');
		}
		if (input.overall() == null) {
			problems.add(at.at("overall", "dossier.ballot.overallMissing"));
		}
		String proposal = input.proposal() == null || input.proposal().isBlank() ? null : input.proposal().strip();
		if (proposal != null && proposal.length() > 1000) {
			problems.add(at.at("proposal", "dossier.ballot.proposalTooLong", proposal.length()));
		}
		return new Ballot(ref, name, answers.toString(), Boolean.TRUE.equals(input.overall()), proposal);
	}

	private long insert(long dossierId, String village, Ballot ballot, String source) {
		return jdbc.sql("""
				insert into survey_ballot (dossier_id, village_code, household_ref, household_name, answers, overall, proposal, source, entered_by)
				values (:d, :v, :ref, :name, :answers, :overall, :proposal, :source, :by) returning id""")
			.param("d", dossierId).param("v", village).param("ref", ballot.ref()).param("name", ballot.name())
			.param("answers", ballot.answers()).param("overall", ballot.overall() ? "Y" : "N").param("proposal", ballot.proposal())
			.param("source", source).param("by", access.currentUsername()).query(Long.class).single();
	}
}
