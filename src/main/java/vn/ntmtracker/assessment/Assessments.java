package vn.ntmtracker.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.criteria.CommuneGroup;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.UnitClassification;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Classification;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The application side of assessment rounds: each change is one transaction that asks {@link Authorization} first,
 * lets the {@link Round} aggregate apply its rules, saves it through {@link Rounds} with the version the user saw, and
 * audits and publishes what happened. The round's own totals are stored with every change; what it means beside the
 * unit's other rounds is computed when read ({@link Standings}).
 */
@Service
public class Assessments {

	private final JdbcClient jdbc;
	private final Rounds rounds;
	private final Standings standings;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;
	private final EvaluationEngine engine = new EvaluationEngine();

	/** Compiled plans follow the criteria cache across nodes ({@link vn.ntmtracker.ClusterEvents}). */
	@org.springframework.context.event.EventListener
	void on(vn.ntmtracker.CacheInvalidated event) {
		engine.forget(event);
	}
	private final Clock clock;

	Assessments(JdbcClient jdbc, Rounds rounds, Standings standings, CriteriaCatalog catalog, Units units, AccessPolicy access,
			Authorization authorization, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.standings = standings;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.events = events;
		this.clock = clock;
	}

	/** A round with everything its page and API need. */
	public record RoundView(AssessmentRound round, Unit unit, CriteriaSetDefinition set, Evaluation evaluation,
			Map<String, IndicatorValue> values, Map<String, String> evidence, Optional<AssessmentRound> previous,
			Optional<RegressionAnalysis.Regression> regression, RevocationRule.Risk risk, List<ValueChange> changedSinceSource) {
	}

	/** An indicator whose value differs from the round this one was opened from. */
	public record ValueChange(String code, String before, String after) {
	}

	// ---- opening ---------------------------------------------------------------------------------------------------

	@Transactional
	public long open(String unitCode, String setCode, Integer setVersion, LocalDate asOf, RoundKind kind, Long fromRoundId) {
		authorization.require(Permission.OPEN_ROUND, Target.unit(unitCode, asOf));
		Unit unit = units.get(unitCode, asOf);
		// Without a version, the round is judged by the version in force on its date (QĐ 318 v1 until 29/2/2024,
		// v2 from 1/3/2024, QĐ 211/QĐ-TTg), never simply the newest.
		CriteriaSetDefinition set = setVersion != null ? catalog.definition(setCode, setVersion)
				: catalog.versionOn(setCode, asOf).orElseThrow(() -> new AssessmentException("Bộ tiêu chí " + setCode
						+ " không có phiên bản áp dụng vào ngày " + SetApplicability.date(asOf) + catalog.current(setCode)
							.map(latest -> " (phiên bản " + latest.version() + " "
									+ SetApplicability.validity(latest.validFrom(), latest.validTo()) + ")").orElse("")));
		SetApplicability.check(set, unit, asOf);
		// A version replaced before the round's date is not offered, and not accepted either.
		SetApplicability.superseded(set, catalog.versionOn(set.code(), asOf), asOf).ifPresent(reason -> {
			throw new AssessmentException(reason);
		});
		Map<String, Round.Entered> carried = Map.of();
		if (fromRoundId != null) {
			Round source = rounds.load(fromRoundId);
			if (!source.unitCode().equals(unitCode)) {
				throw new AssessmentException("Chỉ mở kỳ mới từ một kỳ đánh giá của cùng đơn vị");
			}
			// Values carry over between versions of one set for the indicators both versions have.
			carried = source.setCode().equals(set.code()) ? source.values() : Map.of();
		}
		Round round = Round.open(unitCode, set, asOf, kind, fromRoundId, carried, rounds.classification(unitCode, asOf));
		long id = rounds.insert(round, round.evaluate(engine, set), access.currentUsername());
		events.publishEvent(AuditEvent.of(Action.CREATE, "assessment_round", Long.toString(id), unitCode, null,
				Map.of("set", set.code() + " v" + set.version(), "asOf", asOf.toString(), "kind", kind.name())));
		return id;
	}

	/** Opens a round and enters its first values in one transaction: invalid values leave no round behind. */
	@Transactional
	public long open(String unitCode, String setCode, Integer setVersion, LocalDate asOf, RoundKind kind, Long fromRoundId,
			Map<String, ValueInput.Raw> values) {
		long id = open(unitCode, setCode, setVersion, asOf, kind, fromRoundId);
		if (!values.isEmpty()) {
			saveValues(id, values, rounds.load(id).version());
		}
		return id;
	}

	/** Which sets judge the unit's level, in its province, on the date; kept for callers that check before opening. */
	void checkApplies(CriteriaSetDefinition set, Unit unit, LocalDate asOf) {
		SetApplicability.check(set, unit, asOf);
	}

	// ---- reading ---------------------------------------------------------------------------------------------------

	private static final String SELECT_ROUND = "select * from assessment_round";

	/** A round with its standing, whoever may read it (callers check). */
	public AssessmentRound round(long id) {
		AssessmentRound round = jdbc.sql(SELECT_ROUND + " where id = :id").param("id", id).query(Assessments::mapRound).optional()
			.orElseThrow(() -> new RoundNotFoundException(id));
		return round.with(standings.of(round.facts()));
	}

	/** A round the user may read; one outside their reach is answered as if it did not exist (ids cannot be probed). */
	public AssessmentRound readableRound(long id) {
		AssessmentRound round = round(id);
		if (!access.canRead(round.unitCode())) {
			throw new RoundNotFoundException(id);
		}
		return round;
	}

	/** The unit's rounds, newest first, cancelled ones included (marked), each with its standing. */
	public List<AssessmentRound> rounds(String unitCode) {
		access.requireRead(unitCode);
		return withStandings(jdbc.sql(SELECT_ROUND + " where unit_code = :unit order by as_of desc, id desc").param("unit", unitCode)
			.query(Assessments::mapRound).list());
	}

	List<AssessmentRound> withStandings(List<AssessmentRound> list) {
		Map<Long, Standings.Standing> computed = standings.of(list.stream().map(AssessmentRound::facts).toList());
		return list.stream().map(r -> r.with(computed.getOrDefault(r.id(), Standings.Standing.NONE))).toList();
	}

	public RoundView view(long id) {
		AssessmentRound round = readableRound(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		Map<String, String> evidence = new HashMap<>();
		Map<String, IndicatorValue> values = rounds.values(id, evidence);
		Evaluation evaluation = engine.evaluate(set, rounds.classification(round.unitCode(), round.asOf()), round.asOf().getYear(), values,
				judgements(id));
		Standings.Standing standing = standings.of(round.facts());
		Optional<AssessmentRound> previous = Optional.ofNullable(standing.previousId()).map(this::round);
		List<ValueChange> changed = new ArrayList<>();
		if (round.openedFromId() != null) {
			Map<String, IndicatorValue> source = rounds.values(round.openedFromId(), new HashMap<>());
			for (var indicator : set.allIndicators()) {
				String before = ValueInput.format(source.get(indicator.code()));
				String after = ValueInput.format(values.get(indicator.code()));
				if (!before.equals(after)) {
					changed.add(new ValueChange(indicator.code(), before, after));
				}
			}
		}
		return new RoundView(round, units.get(round.unitCode(), round.asOf()), set, evaluation, values, evidence, previous,
				standing.regression(), RevocationRule.assess(evaluation), changed);
	}

	/** The evaluation of a stored round, recomputed from its values (cheap: see the JMH benchmark). */
	public Evaluation evaluation(AssessmentRound round) {
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		return engine.evaluate(set, rounds.classification(round.unitCode(), round.asOf()), round.asOf().getYear(),
				rounds.values(round.id(), new HashMap<>()), judgements(round.id()));
	}

	UnitClassification classification(String unitCode, LocalDate asOf) {
		return rounds.classification(unitCode, asOf);
	}

	static UnitClassification toCriteria(Classification c) {
		return new UnitClassification(c.region() == null ? null : Region.valueOf(c.region().name()),
				c.communeGroup() == null ? null : CommuneGroup.of(c.communeGroup()), c.especiallyDisadvantaged(), c.safeZonePoorDistrict());
	}

	Judgements judgements(long roundId) {
		List<Judgements.StatusOverride> overrides = new ArrayList<>();
		List<Judgements.BasicallyAchieved> flags = new ArrayList<>();
		jdbc.sql("select * from assessment_judgement where round_id = :id order by criterion_number").param("id", roundId)
			.query(rs -> {
				if (rs.getString("kind").equals("OVERRIDE")) {
					overrides.add(new Judgements.StatusOverride(rs.getInt("criterion_number"), CriterionStatus.valueOf(rs.getString("status")),
							rs.getString("reason")));
				}
				else {
					flags.add(new Judgements.BasicallyAchieved(rs.getInt("criterion_number"), rs.getString("reason")));
				}
			});
		return new Judgements(overrides, flags);
	}

	// ---- entering --------------------------------------------------------------------------------------------------

	/** Saves typed values (empty text clears a value); all or nothing, with every problem named by indicator. */
	@Transactional
	public void saveValues(long id, Map<String, ValueInput.Raw> input, int expectedVersion) {
		Round round = rounds.load(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		authorization.require(Permission.ENTER_VALUES,
				Target.criteria(round.unitCode(), round.asOf(), set.code(), CriteriaCoverage.of(set, input.keySet())));
		requireVersion(round, expectedVersion);
		for (var entry : input.entrySet()) {
			String tooLong = vn.ntmtracker.InputLimits.text("Minh chứng của chỉ tiêu " + entry.getKey(), entry.getValue().evidence(),
					vn.ntmtracker.InputLimits.TEXT);
			if (tooLong != null) {
				throw new AssessmentException(tooLong);
			}
		}
		List<Round.Change> changes = round.enter(set, input);
		save(round, set);
		if (!changes.isEmpty()) {
			events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(id), round.unitCode(),
					changes.stream().collect(Collectors.toMap(Round.Change::code, Round.Change::before, (a, b) -> a, LinkedHashMap::new)),
					changes.stream().collect(Collectors.toMap(Round.Change::code, Round.Change::after, (a, b) -> a, LinkedHashMap::new))));
		}
	}

	/** A share of villages computed from their own rounds, with the villages it counted. */
	public record VillageShare(String villageSetCode, Integer criterion, int achieved, int assessed, int villages,
			List<String> achievedVillages, List<String> notAssessed) {

		public java.math.BigDecimal percent() {
			return villages == 0 ? java.math.BigDecimal.ZERO
					: java.math.BigDecimal.valueOf(achieved * 100L).divide(java.math.BigDecimal.valueOf(villages), 2,
							java.math.RoundingMode.HALF_UP);
		}

		public String evidence(LocalDate asOf) {
			return "Tính từ đánh giá của các thôn theo bộ " + villageSetCode
					+ (criterion == null ? " (đạt chuẩn)" : " (tiêu chí số " + criterion + ")") + ": " + achieved + "/" + villages
					+ " thôn đạt tại ngày " + asOf.getDayOfMonth() + "/" + asOf.getMonthValue() + "/" + asOf.getYear()
					+ (notAssessed.isEmpty() ? "" : "; chưa đánh giá: " + String.join(", ", notAssessed));
		}
	}

	/**
	 * The share of a commune's villages (on the round's date) whose latest round of a village set, on or before that
	 * date, achieves one criterion — or the whole set when {@code criterion} is null. A village with no round counts as
	 * not achieving, and is listed. One query for all the villages.
	 */
	public VillageShare villageShare(String communeCode, LocalDate asOf, String villageSetCode, Integer criterion) {
		access.requireRead(communeCode);
		List<Unit> villages = units.children(communeCode, asOf).stream().filter(u -> u.level() == 4).toList();
		Map<String, AssessmentRound> latest = new HashMap<>();
		if (!villages.isEmpty()) {
			jdbc.sql("""
					select distinct on (unit_code) * from assessment_round
					where unit_code = any(:units) and set_code = :set and as_of <= :asOf and status <> 'CANCELLED'
					order by unit_code, as_of desc, id desc""")
				.param("units", villages.stream().map(Unit::code).toArray(String[]::new)).param("set", villageSetCode).param("asOf", asOf)
				.query(Assessments::mapRound).list().forEach(r -> latest.put(r.unitCode(), r));
		}
		List<String> achieved = new ArrayList<>();
		List<String> notAssessed = new ArrayList<>();
		int assessed = 0;
		for (Unit village : villages) {
			AssessmentRound round = latest.get(village.code());
			if (round == null) {
				notAssessed.add(village.displayName());
				continue;
			}
			assessed++;
			boolean ok = criterion == null ? round.achieved() == round.total() : achievesCriterion(round, criterion);
			if (ok) {
				achieved.add(village.displayName());
			}
		}
		return new VillageShare(villageSetCode, criterion, achieved.size(), assessed, villages.size(), achieved, notAssessed);
	}

	private boolean achievesCriterion(AssessmentRound round, int criterion) {
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		for (int i = 0; i < set.criteria().size(); i++) {
			if (set.criteria().get(i).number() == criterion) {
				return round.statuses() != null && i < round.statuses().length() && CriterionCodes.achieved(round.statuses().charAt(i));
			}
		}
		return false;
	}

	/** Fills a commune's percentage indicator with the share of its villages, noting how it was computed. */
	@Transactional
	public VillageShare fillFromVillages(long id, String indicatorCode, String villageSetCode, Integer criterion, int expectedVersion) {
		AssessmentRound round = round(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		authorization.require(Permission.ENTER_VALUES, Target.criteria(round.unitCode(), round.asOf(), set.code(),
				CriteriaCoverage.of(set, List.of(indicatorCode))));
		var indicator = set.indicator(indicatorCode).orElseThrow(() -> new AssessmentException("Không có chỉ tiêu " + indicatorCode));
		if (!indicator.kind().percent()) {
			throw new AssessmentException("Chỉ tiêu " + indicatorCode + " không phải tỷ lệ, không tính từ các thôn được");
		}
		VillageShare share = villageShare(round.unitCode(), round.asOf(), villageSetCode, criterion);
		if (share.villages() == 0) {
			throw new AssessmentException("Đơn vị không có thôn nào tại ngày đánh giá");
		}
		saveValues(id, Map.of(indicatorCode, new ValueInput.Raw(share.percent().toPlainString(), share.evidence(round.asOf()))),
				expectedVersion);
		return share;
	}

	/** Overrides the computed status of a criterion, or flags it "cơ bản đạt"; a reason is always required. */
	@Transactional
	public void judge(long id, int criterion, boolean basically, CriterionStatus status, String reason, int expectedVersion) {
		Round round = rounds.load(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		authorization.require(Permission.JUDGE, Target.criteria(round.unitCode(), round.asOf(), set.code(), List.of(criterion)));
		requireVersion(round, expectedVersion);
		round.judge(set, criterion, basically, status, reason);
		save(round, set);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(id), round.unitCode(), null,
				Map.of("criterion", criterion, "judgement", basically ? "cơ bản đạt" : "điều chỉnh thành " + status.label(), "reason",
						reason.strip())));
	}

	@Transactional
	public void clearJudgement(long id, int criterion, boolean basically, int expectedVersion) {
		Round round = rounds.load(id);
		authorization.require(Permission.JUDGE, Target.criteria(round.unitCode(), round.asOf(), round.setCode(), List.of(criterion)));
		requireVersion(round, expectedVersion);
		round.clearJudgement(criterion, basically);
		save(round, catalog.definition(round.setCode(), round.setVersion()));
		events.publishEvent(AuditEvent.of(Action.DELETE, "assessment_judgement", id + "/" + criterion, round.unitCode(), null, null));
	}

	// ---- sign-off --------------------------------------------------------------------------------------------------

	@Transactional
	public void submit(long id, int expectedVersion) {
		transition(id, expectedVersion, Permission.SUBMIT_ROUND, (round, evaluation) -> round.submit(access.currentUsername()), null);
	}

	/** Thẩm tra: by the level above, never by the one who submitted. */
	@Transactional
	public void verify(long id, int expectedVersion) {
		transition(id, expectedVersion, Permission.VERIFY_ROUND, (round, evaluation) -> round.verify(access.currentUsername(), evaluation),
				null);
	}

	/** Thẩm định: by a coordination office above the unit. */
	@Transactional
	public void appraise(long id, int expectedVersion) {
		transition(id, expectedVersion, Permission.APPRAISE_ROUND,
				(round, evaluation) -> round.appraise(access.currentUsername(), evaluation), null);
	}

	@Transactional
	public void returnToSubmitter(long id, String reason, int expectedVersion) {
		transition(id, expectedVersion, Permission.RETURN_ROUND,
				(round, evaluation) -> round.returnToSubmitter(access.currentUsername(), reason), reason);
	}

	/**
	 * Cancels a draft (opened by mistake, imported twice): by its creator's unit or the level above; the round stays,
	 * marked cancelled, with who, when and why — it no longer counts anywhere.
	 */
	@Transactional
	public void cancel(long id, String reason, int expectedVersion) {
		transition(id, expectedVersion, Permission.CANCEL_ROUND, (round, evaluation) -> round.cancel(access.currentUsername(), reason),
				reason);
	}

	private void transition(long id, int expectedVersion, Permission permission, java.util.function.BiConsumer<Round, Evaluation> change,
			String reason) {
		Round round = rounds.load(id);
		authorization.require(permission, Target.unit(round.unitCode(), round.asOf()));
		requireVersion(round, expectedVersion);
		RoundStatus before = round.status();
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		change.accept(round, round.evaluate(engine, set));
		save(round, set);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", round.status().name());
		if (reason != null) {
			after.put("reason", reason.strip());
		}
		events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(id), round.unitCode(),
				Map.of("status", before.name()), after));
	}

	// ---- keeping rounds fresh --------------------------------------------------------------------------------------

	/**
	 * Re-evaluates the open rounds (draft, returned) of a unit dated on or after {@code from}, after something they
	 * depend on changed outside them (the unit's classification): their stored totals follow at once. Signed-off rounds
	 * keep what was signed off.
	 */
	@Transactional
	public int reevaluateOpenRounds(String unitCode, LocalDate from) {
		int count = 0;
		for (long id : rounds.openRoundsOf(unitCode, from)) {
			Round round = rounds.load(id);
			rounds.refreshTotals(id, round.evaluate(engine, catalog.definition(round.setCode(), round.setVersion())));
			count++;
		}
		return count;
	}

	/**
	 * Moves the rounds in progress (draft, returned) of an older version of a set onto the version just published,
	 * where that version is the one in force on their dates, and re-evaluates them by it: values of indicators the new
	 * version no longer has are written to the audit log and dropped, judgements on criteria it no longer has likewise.
	 * Signed-off rounds keep the version they were signed off on. Runs inside the publishing transaction.
	 */
	@Transactional
	public int moveOpenRoundsTo(String setCode, int version) {
		CriteriaSetDefinition target = catalog.definition(setCode, version);
		java.util.Set<String> indicators = target.allIndicators().stream().map(vn.ntmtracker.criteria.Indicator::code)
			.collect(Collectors.toSet());
		java.util.Set<Integer> criteria = target.criteria().stream().map(vn.ntmtracker.criteria.Criterion::number)
			.collect(Collectors.toSet());
		int moved = 0;
		for (long id : rounds.openRoundsOfSet(setCode, version)) {
			Round round = rounds.load(id);
			if (catalog.versionOn(setCode, round.asOf()).filter(v -> v.version() == version).isEmpty()) {
				continue;
			}
			Map<String, Object> dropped = new LinkedHashMap<>();
			round.values().forEach((code, entered) -> {
				if (!indicators.contains(code)) {
					dropped.put(code, String.valueOf(entered.value()));
				}
			});
			rounds.rebase(id, version, indicators, criteria);
			Round rebased = rounds.load(id);
			rounds.refreshTotals(id, rebased.evaluate(engine, target));
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("set_version", round.setVersion());
			before.putAll(dropped);
			events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(id), round.unitCode(), before,
					Map.of("set_version", version)));
			moved++;
		}
		return moved;
	}

	/** Re-stores the totals of a round from its own inputs (rounds written before the letters were stored). */
	void refresh(long id) {
		Round round = rounds.load(id);
		rounds.refreshTotals(id, round.evaluate(engine, catalog.definition(round.setCode(), round.setVersion())));
	}

	private void save(Round round, CriteriaSetDefinition set) {
		rounds.save(round, round.evaluate(engine, set), access.currentUsername());
		round.events().forEach(events::publishEvent);
	}

	private static void requireVersion(Round round, int expectedVersion) {
		if (round.version() != expectedVersion) {
			throw new StaleRoundException(round.id());
		}
	}

	static AssessmentRound mapRound(ResultSet rs, int row) throws SQLException {
		return new AssessmentRound(rs.getLong("id"), rs.getString("unit_code"), rs.getString("set_code"), rs.getInt("set_version"),
				Tier.valueOf(rs.getString("tier")), rs.getObject("as_of", LocalDate.class), RoundKind.valueOf(rs.getString("kind")),
				RoundStatus.valueOf(rs.getString("status")), rs.getInt("achieved"), rs.getInt("total"), rs.getInt("missing_values"),
				rs.getInt("provisional_count"), rs.getString("statuses"), false, false, null, null, null, null,
				(Long) rs.getObject("opened_from_id"), rs.getString("note"), rs.getString("return_reason"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getString("submitted_by"), rs.getString("verified_by"),
				rs.getString("appraised_by"), rs.getString("returned_by"), rs.getString("cancelled_by"), rs.getString("cancel_reason"),
				rs.getInt("version"));
	}

	/** The criteria the indicators belong to ({@link CriteriaCoverage}). */
	static List<Integer> criteriaOf(CriteriaSetDefinition set, java.util.Collection<String> indicatorCodes) {
		return CriteriaCoverage.of(set, indicatorCodes);
	}

	static Function<Round, String> unitOf() {
		return Round::unitCode;
	}
}
