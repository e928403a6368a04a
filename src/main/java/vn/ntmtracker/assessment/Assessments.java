package vn.ntmtracker.assessment;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.criteria.CommuneGroup;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.UnitClassification;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.units.Classification;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Assessment rounds: opening, entering values, judgements, sign-off. Every write re-evaluates the round and
 * stores its totals and per-criterion results, so that unit pages and overviews read stored, fresh figures.
 */
@Service
public class Assessments {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final ApplicationEventPublisher events;
	private final EvaluationEngine engine = new EvaluationEngine();

	private final Clock clock;

	Assessments(JdbcClient jdbc, NamedParameterJdbcTemplate batch, CriteriaCatalog catalog, Units units,
			AccessPolicy access, Authorization authorization, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.batch = batch;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.events = events;
	}

	/** A round with everything its page and API need. */
	public record RoundView(AssessmentRound round, Unit unit, CriteriaSetDefinition set, Evaluation evaluation,
			Map<String, IndicatorValue> values, Map<String, String> evidence, Optional<AssessmentRound> previous,
			Optional<RegressionAnalysis.Regression> regression, RevocationRule.Risk risk, List<ValueChange> changedSinceSource) {
	}

	/** An indicator whose value differs from the round this one was opened from. */
	public record ValueChange(String code, String before, String after) {
	}

	// ---- opening and reading ----------------------------------------------------------------------------

	@Transactional
	public long open(String unitCode, String setCode, Integer setVersion, LocalDate asOf, RoundKind kind,
			Long fromRoundId) {
		authorization.require(Permission.OPEN_ROUND, Target.unit(unitCode, asOf));
		Unit unit = units.get(unitCode, asOf);
		// Without a version, the round is judged by the version in force on its date (QĐ 318 v1 until 29/2/2024,
		// v2 from 1/3/2024, QĐ 211/QĐ-TTg), never simply the newest.
		CriteriaSetDefinition set = setVersion != null ? catalog.definition(setCode, setVersion)
				: catalog.versionOn(setCode, asOf).orElseThrow(() -> new AssessmentException("Bộ tiêu chí " + setCode
						+ " không có phiên bản áp dụng vào ngày " + asOf.getDayOfMonth() + "/" + asOf.getMonthValue() + "/" + asOf.getYear()));
		checkApplies(set, unit, asOf);
		long id = jdbc.sql("""
				insert into assessment_round (unit_code, set_code, set_version, as_of, kind, status, total, created_by, opened_from_id)
				values (:unit, :set, :version, :asOf, :kind, 'DRAFT', :total, :user, :from) returning id""")
			.param("unit", unitCode).param("set", set.code()).param("version", set.version()).param("asOf", asOf)
			.param("kind", kind.name()).param("total", set.criteriaCount()).param("user", access.currentUsername())
			.param("from", fromRoundId).query(Long.class).single();
		if (fromRoundId != null) {
			AssessmentRound source = round(fromRoundId);
			if (!source.unitCode().equals(unitCode)) {
				throw new AssessmentException("Chỉ mở kỳ mới từ một kỳ đánh giá của cùng đơn vị");
			}
			// Values carry over between versions of one set for the indicators both versions have.
			if (source.setCode().equals(set.code())) {
				jdbc.sql("""
						insert into assessment_value (round_id, indicator_code, value_type, bool_value, num_value, text_value, evidence_note, entered_by)
						select :id, indicator_code, value_type, bool_value, num_value, text_value, evidence_note, :user
						from assessment_value where round_id = :from and indicator_code = any(:codes)""")
					.param("id", id).param("from", fromRoundId).param("user", access.currentUsername())
					.param("codes", set.allIndicators().stream().map(vn.ntmtracker.criteria.Indicator::code).toArray(String[]::new))
					.update();
			}
		}
		recompute(id);
		events.publishEvent(AuditEvent.of(Action.CREATE, "assessment_round", Long.toString(id), unitCode, null,
				Map.of("set", set.code() + " v" + set.version(), "asOf", asOf.toString(), "kind", kind.name())));
		return id;
	}

	/** Opens a round and enters its first values in one transaction: invalid values leave no round behind. */
	@Transactional
	public long open(String unitCode, String setCode, Integer setVersion, LocalDate asOf, RoundKind kind,
			Long fromRoundId, Map<String, ValueInput.Raw> values) {
		long id = open(unitCode, setCode, setVersion, asOf, kind, fromRoundId);
		if (!values.isEmpty()) {
			saveValues(id, values, round(id).version());
		}
		return id;
	}

	/**
	 * A set applies to a unit when its tier matches the unit's level, its scope covers the unit's province,
	 * and it is in force (published, or retired for a round dated in its validity).
	 */
	void checkApplies(CriteriaSetDefinition set, Unit unit, LocalDate asOf) {
		if (set.status() == SetStatus.DRAFT) {
			throw new AssessmentException("Bộ tiêu chí " + set.code() + " v" + set.version() + " còn là bản nháp, chưa dùng để đánh giá được");
		}
		int level = levelOf(set.tier());
		if (level != unit.level()) {
			throw new AssessmentException("Bộ tiêu chí " + set.code() + " (" + set.tier().label() + ") không áp dụng cho "
					+ unit.displayName() + ": cần đơn vị cấp " + levelName(level));
		}
		if (set.scope() != null && !set.scope().national() && set.scope().provinceCode() != null) {
			String province = unit.path() == null ? null : unit.path().substring(1).split("/")[0];
			if (!set.scope().provinceCode().equals(province)) {
				throw new AssessmentException("Bộ tiêu chí " + set.code() + " chỉ áp dụng tại " + set.scope().provinceName()
						+ ", không áp dụng cho " + unit.displayName());
			}
		}
		if (set.validFrom() != null && asOf.isBefore(set.validFrom().minusYears(1))) {
			throw new AssessmentException("Ngày đánh giá " + asOf + " trước thời gian hiệu lực của bộ tiêu chí " + set.code());
		}
	}

	static int levelOf(Tier tier) {
		return switch (tier) {
			case TINH_HOAN_THANH -> 1;
			case HUYEN_NTM, HUYEN_NTM_NANG_CAO -> 2;
			case THON_NTM, KDC_NTM_KIEU_MAU, VUON_MAU -> 4;
			default -> 3;
		};
	}

	private static String levelName(int level) {
		return switch (level) {
			case 1 -> "tỉnh";
			case 2 -> "huyện";
			case 3 -> "xã";
			default -> "thôn";
		};
	}

	public AssessmentRound round(long id) {
		return jdbc.sql("select * from assessment_round where id = :id").param("id", id).query(Assessments::mapRound)
			.optional().orElseThrow(() -> new RoundNotFoundException(id));
	}

	/** A round the user may read; one outside their reach is answered as if it did not exist (ids cannot be probed). */
	public AssessmentRound readableRound(long id) {
		AssessmentRound round = round(id);
		if (!access.canRead(round.unitCode())) {
			throw new RoundNotFoundException(id);
		}
		return round;
	}

	public List<AssessmentRound> rounds(String unitCode) {
		access.requireRead(unitCode);
		return jdbc.sql("select * from assessment_round where unit_code = :unit order by as_of desc, id desc")
			.param("unit", unitCode).query(Assessments::mapRound).list();
	}

	public RoundView view(long id) {
		AssessmentRound round = readableRound(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		Map<String, String> evidence = new HashMap<>();
		Map<String, IndicatorValue> values = values(id, evidence);
		Evaluation evaluation = evaluate(round, set, values);
		Optional<AssessmentRound> previous = Optional.ofNullable(round.previousRoundId()).map(this::round);
		Optional<RegressionAnalysis.Regression> regression = previous.map(p -> RegressionAnalysis.compare(evaluation(p), evaluation));
		List<ValueChange> changed = new ArrayList<>();
		if (round.openedFromId() != null) {
			Map<String, IndicatorValue> source = values(round.openedFromId(), new HashMap<>());
			for (var indicator : set.allIndicators()) {
				String before = ValueInput.format(source.get(indicator.code()));
				String after = ValueInput.format(values.get(indicator.code()));
				if (!before.equals(after)) {
					changed.add(new ValueChange(indicator.code(), before, after));
				}
			}
		}
		return new RoundView(round, units.get(round.unitCode(), round.asOf()), set, evaluation, values, evidence, previous,
				regression, RevocationRule.assess(evaluation), changed);
	}

	/** The evaluation of a stored round, recomputed from its values (cheap: see the JMH benchmark). */
	public Evaluation evaluation(AssessmentRound round) {
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		return evaluate(round, set, values(round.id(), new HashMap<>()));
	}

	private Evaluation evaluate(AssessmentRound round, CriteriaSetDefinition set, Map<String, IndicatorValue> values) {
		return engine.evaluate(set, classification(round.unitCode(), round.asOf()), round.asOf().getYear(), values,
				judgements(round.id()));
	}

	UnitClassification classification(String unitCode, LocalDate asOf) {
		return toCriteria(units.classification(unitCode, asOf));
	}

	static UnitClassification toCriteria(Classification c) {
		return new UnitClassification(c.region() == null ? null : Region.valueOf(c.region().name()),
				c.communeGroup() == null ? null : CommuneGroup.of(c.communeGroup()), c.especiallyDisadvantaged(),
				c.safeZonePoorDistrict());
	}

	Map<String, IndicatorValue> values(long roundId, Map<String, String> evidence) {
		Map<String, IndicatorValue> values = new LinkedHashMap<>();
		jdbc.sql("select * from assessment_value where round_id = :id").param("id", roundId).query(rs -> {
			String code = rs.getString("indicator_code");
			values.put(code, toValue(rs));
			if (rs.getString("evidence_note") != null) {
				evidence.put(code, rs.getString("evidence_note"));
			}
		});
		return values;
	}

	private static IndicatorValue toValue(ResultSet rs) throws SQLException {
		BigDecimal number = rs.getBigDecimal("num_value");
		return switch (rs.getString("value_type")) {
			case "YES_NO" -> new IndicatorValue.YesNo(rs.getBoolean("bool_value"));
			case "PERCENT" -> new IndicatorValue.Percent(number);
			case "AMOUNT" -> new IndicatorValue.Amount(number);
			case "COUNT" -> new IndicatorValue.Count(number.longValue());
			case "EVIDENCE" -> new IndicatorValue.Evidence(rs.getString("text_value"), rs.getBoolean("bool_value"));
			default -> IndicatorValue.NOT_APPLICABLE;
		};
	}

	Judgements judgements(long roundId) {
		List<Judgements.StatusOverride> overrides = new ArrayList<>();
		List<Judgements.BasicallyAchieved> flags = new ArrayList<>();
		jdbc.sql("select * from assessment_judgement where round_id = :id order by criterion_number").param("id", roundId)
			.query(rs -> {
				if (rs.getString("kind").equals("OVERRIDE")) {
					overrides.add(new Judgements.StatusOverride(rs.getInt("criterion_number"),
							CriterionStatus.valueOf(rs.getString("status")), rs.getString("reason")));
				}
				else {
					flags.add(new Judgements.BasicallyAchieved(rs.getInt("criterion_number"), rs.getString("reason")));
				}
			});
		return new Judgements(overrides, flags);
	}

	// ---- writing -------------------------------------------------------------------------------------------

	/** Saves typed values (empty text clears a value); all or nothing, with every problem named by indicator. */
	@Transactional
	public void saveValues(long id, Map<String, ValueInput.Raw> input, int expectedVersion) {
		AssessmentRound round = editableRound(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		authorization.require(Permission.ENTER_VALUES,
				Target.criteria(round.unitCode(), round.asOf(), set.code(), criteriaOf(set, input.keySet())));
		for (var entry : input.entrySet()) {
			String tooLong = vn.ntmtracker.InputLimits.text("Minh chứng của chỉ tiêu " + entry.getKey(), entry.getValue().evidence(),
					vn.ntmtracker.InputLimits.TEXT);
			if (tooLong != null) {
				throw new AssessmentException(tooLong);
			}
		}
		Map<String, IndicatorValue> parsed = ValueInput.parse(set, input);
		Map<String, IndicatorValue> before = values(id, new HashMap<>());
		List<String> cleared = input.entrySet().stream()
			.filter(e -> e.getValue().text() == null || e.getValue().text().isBlank()).map(Map.Entry::getKey).toList();
		if (!cleared.isEmpty()) {
			batch.update("delete from assessment_value where round_id = :id and indicator_code in (:codes)",
					new MapSqlParameterSource("id", id).addValue("codes", cleared));
		}
		String user = access.currentUsername();
		SqlParameterSource[] rows = parsed.entrySet().stream().map(e -> {
			ValueInput.Raw raw = input.get(e.getKey());
			return row(id, e.getKey(), e.getValue(), raw == null ? null : raw.evidence(), user);
		}).toArray(SqlParameterSource[]::new);
		batch.batchUpdate("""
				insert into assessment_value (round_id, indicator_code, value_type, bool_value, num_value, text_value, evidence_note, entered_by, entered_at)
				values (:id, :code, :type, :bool, :num, :text, :evidence, :user, now())
				on conflict (round_id, indicator_code) do update set value_type = excluded.value_type,
				    bool_value = excluded.bool_value, num_value = excluded.num_value, text_value = excluded.text_value,
				    evidence_note = excluded.evidence_note, entered_by = excluded.entered_by, entered_at = now()
				where (assessment_value.value_type, assessment_value.bool_value, assessment_value.num_value,
				       assessment_value.text_value, assessment_value.evidence_note)
				      is distinct from (excluded.value_type, excluded.bool_value, excluded.num_value, excluded.text_value, excluded.evidence_note)""",
				rows);
		bumpVersion(id, expectedVersion);
		recompute(id);
		Map<String, String> changedBefore = new LinkedHashMap<>();
		Map<String, String> changedAfter = new LinkedHashMap<>();
		for (String code : input.keySet()) {
			String was = ValueInput.format(before.get(code));
			String now = ValueInput.format(parsed.get(code));
			if (!was.equals(now)) {
				changedBefore.put(code, was);
				changedAfter.put(code, now);
			}
		}
		if (!changedAfter.isEmpty()) {
			events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(id), round.unitCode(),
					changedBefore, changedAfter));
		}
	}

	static MapSqlParameterSource row(long id, String code, IndicatorValue value, String evidence, String user) {
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("id", id).addValue("code", code)
			.addValue("user", user).addValue("bool", null).addValue("num", null).addValue("text", null)
			.addValue("evidence", evidence == null || evidence.isBlank() ? null : evidence.trim());
		if (value instanceof IndicatorValue.YesNo yesNo) {
			row.addValue("type", "YES_NO").addValue("bool", yesNo.yes());
		}
		else if (value instanceof IndicatorValue.Percent percent) {
			row.addValue("type", "PERCENT").addValue("num", percent.value());
		}
		else if (value instanceof IndicatorValue.Amount amount) {
			row.addValue("type", "AMOUNT").addValue("num", amount.value());
		}
		else if (value instanceof IndicatorValue.Count count) {
			row.addValue("type", "COUNT").addValue("num", BigDecimal.valueOf(count.value()));
		}
		else if (value instanceof IndicatorValue.Evidence ev) {
			row.addValue("type", "EVIDENCE").addValue("bool", ev.achieved()).addValue("text", ev.text());
		}
		else {
			row.addValue("type", "NOT_APPLICABLE");
		}
		return row;
	}

	/** A share of villages computed from their own rounds, with the villages it counted. */
	public record VillageShare(String villageSetCode, Integer criterion, int achieved, int assessed, int villages,
			List<String> achievedVillages, List<String> notAssessed) {

		public java.math.BigDecimal percent() {
			return villages == 0 ? java.math.BigDecimal.ZERO
					: java.math.BigDecimal.valueOf(achieved * 100L).divide(java.math.BigDecimal.valueOf(villages), 2, java.math.RoundingMode.HALF_UP);
		}

		public String evidence(LocalDate asOf) {
			return "Tính từ đánh giá của các thôn theo bộ " + villageSetCode
					+ (criterion == null ? " (đạt chuẩn)" : " (tiêu chí số " + criterion + ")") + ": " + achieved + "/" + villages
					+ " thôn đạt tại ngày " + asOf.getDayOfMonth() + "/" + asOf.getMonthValue() + "/" + asOf.getYear()
					+ (notAssessed.isEmpty() ? "" : "; chưa đánh giá: " + String.join(", ", notAssessed));
		}
	}

	/**
	 * The share of a commune's villages (on the round's date) whose latest round of a village set, on or
	 * before that date, achieves one criterion — or the whole set when {@code criterion} is null. A village
	 * with no round counts as not achieving, and is listed.
	 */
	public VillageShare villageShare(String communeCode, LocalDate asOf, String villageSetCode, Integer criterion) {
		access.requireRead(communeCode);
		List<Unit> villages = units.children(communeCode, asOf).stream().filter(u -> u.level() == 4).toList();
		List<String> achieved = new ArrayList<>();
		List<String> notAssessed = new ArrayList<>();
		int assessed = 0;
		for (Unit village : villages) {
			Optional<AssessmentRound> latest = jdbc.sql("""
					select * from assessment_round where unit_code = :unit and set_code = :set and as_of <= :asOf
					order by as_of desc, id desc limit 1""")
				.param("unit", village.code()).param("set", villageSetCode).param("asOf", asOf)
				.query(Assessments::mapRound).optional();
			if (latest.isEmpty()) {
				notAssessed.add(village.displayName());
				continue;
			}
			assessed++;
			boolean ok = criterion == null ? latest.get().achieved() == latest.get().total()
					: jdbc.sql("select count(*) from assessment_criterion_result where round_id = :id and criterion_number = :c and status = 'DAT'")
						.param("id", latest.get().id()).param("c", criterion).query(Long.class).single() > 0;
			if (ok) {
				achieved.add(village.displayName());
			}
		}
		return new VillageShare(villageSetCode, criterion, achieved.size(), assessed, villages.size(), achieved, notAssessed);
	}

	/** Fills a commune's percentage indicator with the share of its villages, noting how it was computed. */
	@Transactional
	public VillageShare fillFromVillages(long id, String indicatorCode, String villageSetCode, Integer criterion, int expectedVersion) {
		AssessmentRound round = editableRound(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		authorization.require(Permission.ENTER_VALUES, Target.criteria(round.unitCode(), round.asOf(), set.code(),
				criteriaOf(set, List.of(indicatorCode))));
		var indicator = set.indicator(indicatorCode).orElseThrow(() -> new AssessmentException("Không có chỉ tiêu " + indicatorCode));
		if (!indicator.kind().percent()) {
			throw new AssessmentException("Chỉ tiêu " + indicatorCode + " không phải tỷ lệ, không tính từ các thôn được");
		}
		VillageShare share = villageShare(round.unitCode(), round.asOf(), villageSetCode, criterion);
		if (share.villages() == 0) {
			throw new AssessmentException("Đơn vị không có thôn nào tại ngày đánh giá");
		}
		saveValues(id, Map.of(indicatorCode, new ValueInput.Raw(share.percent().toPlainString(), share.evidence(round.asOf()))), expectedVersion);
		return share;
	}

	/** Overrides the computed status of a criterion, or flags it "cơ bản đạt"; a reason is always required. */
	@Transactional
	public void judge(long id, int criterion, boolean basically, CriterionStatus status, String reason, int expectedVersion) {
		AssessmentRound round = editableRound(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		authorization.require(Permission.JUDGE, Target.criteria(round.unitCode(), round.asOf(), set.code(), List.of(criterion)));
		if (set.criterion(criterion).isEmpty()) {
			throw new AssessmentException("Bộ tiêu chí " + set.code() + " không có tiêu chí số " + criterion);
		}
		if (reason == null || reason.isBlank()) {
			throw new AssessmentException("Cần ghi lý do khi " + (basically ? "đánh dấu \"cơ bản đạt\"" : "điều chỉnh kết quả") + " tiêu chí số " + criterion);
		}
		if (reason.length() > vn.ntmtracker.InputLimits.TEXT) {
			throw new AssessmentException(vn.ntmtracker.InputLimits.text("Lý do", reason, vn.ntmtracker.InputLimits.TEXT));
		}
		if (!basically && status == null) {
			throw new AssessmentException("Cần chọn kết quả điều chỉnh cho tiêu chí số " + criterion);
		}
		jdbc.sql("""
				insert into assessment_judgement (round_id, criterion_number, kind, status, reason, judged_by)
				values (:id, :criterion, :kind, :status, :reason, :user)
				on conflict (round_id, criterion_number, kind) do update set status = excluded.status,
				    reason = excluded.reason, judged_by = excluded.judged_by, judged_at = now()""")
			.param("id", id).param("criterion", criterion).param("kind", basically ? "BASICALLY" : "OVERRIDE")
			.param("status", basically ? null : status.name()).param("reason", reason.trim())
			.param("user", access.currentUsername()).update();
		bumpVersion(id, expectedVersion);
		recompute(id);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(id), round.unitCode(), null,
				Map.of("criterion", criterion, "judgement", basically ? "BASICALLY" : "OVERRIDE " + status, "reason", reason.trim())));
	}

	@Transactional
	public void clearJudgement(long id, int criterion, boolean basically, int expectedVersion) {
		AssessmentRound round = editableRound(id);
		authorization.require(Permission.JUDGE, Target.criteria(round.unitCode(), round.asOf(), round.setCode(), List.of(criterion)));
		jdbc.sql("delete from assessment_judgement where round_id = :id and criterion_number = :c and kind = :kind")
			.param("id", id).param("c", criterion).param("kind", basically ? "BASICALLY" : "OVERRIDE").update();
		bumpVersion(id, expectedVersion);
		recompute(id);
		events.publishEvent(AuditEvent.of(Action.DELETE, "assessment_judgement", id + "/" + criterion, round.unitCode(), null, null));
	}

	@Transactional
	public void submit(long id, int expectedVersion) {
		AssessmentRound round = round(id);
		authorization.require(Permission.SUBMIT_ROUND, Target.unit(round.unitCode(), round.asOf()));
		transition(round, round.status().submit(), expectedVersion, "submitted", null);
	}

	/** Thẩm tra: by the level above — someone whose jurisdiction contains the unit but is not only the unit itself. */
	@Transactional
	public void verify(long id, int expectedVersion) {
		AssessmentRound round = round(id);
		authorization.require(Permission.VERIFY_ROUND, Target.unit(round.unitCode(), round.asOf()));
		requireNotOwnSubmission(round);
		transition(round, round.status().verify(), expectedVersion, "verified", null);
	}

	/** Thẩm định: by a coordination office or administrator above the unit. */
	@Transactional
	public void appraise(long id, int expectedVersion) {
		AssessmentRound round = round(id);
		authorization.require(Permission.APPRAISE_ROUND, Target.unit(round.unitCode(), round.asOf()));
		requireNotOwnSubmission(round);
		transition(round, round.status().appraise(), expectedVersion, "appraised", null);
	}

	@Transactional
	public void returnToSubmitter(long id, String reason, int expectedVersion) {
		AssessmentRound round = round(id);
		authorization.require(Permission.RETURN_ROUND, Target.unit(round.unitCode(), round.asOf()));
		requireNotOwnSubmission(round);
		if (reason == null || reason.isBlank()) {
			throw new AssessmentException("Cần ghi lý do trả lại để đơn vị biết phải sửa gì");
		}
		if (reason.length() > vn.ntmtracker.InputLimits.TEXT) {
			throw new AssessmentException(vn.ntmtracker.InputLimits.text("Lý do trả lại", reason, vn.ntmtracker.InputLimits.TEXT));
		}
		transition(round, round.status().returnToSubmitter(), expectedVersion, "returned", reason.trim());
	}

	/** The one who submitted a round does not sign it off (four eyes), whatever their grants. */
	private void requireNotOwnSubmission(AssessmentRound round) {
		if (access.currentUsername().equals(round.submittedBy())) {
			throw new AccessDeniedException("Người nộp không tự thẩm tra, thẩm định hoặc trả lại kỳ đánh giá của mình");
		}
	}

	private void transition(AssessmentRound round, RoundStatus next, int expectedVersion, String column, String reason) {
		String user = access.currentUsername();
		int updated = jdbc.sql("update assessment_round set status = :status, " + column + "_by = :user, " + column
				+ "_at = now(), return_reason = case when :status = 'RETURNED' then :reason else return_reason end,"
				+ " version = version + 1 where id = :id and version = :expected")
			.param("status", next.name()).param("user", user).param("reason", reason).param("id", round.id())
			.param("expected", expectedVersion).update();
		if (updated == 0) {
			throw new StaleRoundException(round.id());
		}
		recompute(round.id());
		events.publishEvent(AuditEvent.of(Action.UPDATE, "assessment_round", Long.toString(round.id()), round.unitCode(),
				Map.of("status", round.status().name()), reason == null ? Map.of("status", next.name())
						: Map.of("status", next.name(), "reason", reason)));
	}

	/** A round whose values and judgements may still change; who may change them is each write's own decision. */
	private AssessmentRound editableRound(long id) {
		AssessmentRound round = round(id);
		if (!round.status().editable()) {
			throw new AssessmentException("Kỳ đánh giá đã " + (round.status().signedOff() ? "được ký duyệt và khóa; hãy mở kỳ mới từ kỳ này" : "nộp; chờ cấp trên thẩm tra hoặc trả lại"));
		}
		return round;
	}

	private void bumpVersion(long id, int expectedVersion) {
		int updated = jdbc.sql("update assessment_round set version = version + 1, updated_by = :user, updated_at = now() where id = :id and version = :expected")
			.param("id", id).param("expected", expectedVersion).param("user", access.currentUsername()).update();
		if (updated == 0) {
			throw new StaleRoundException(id);
		}
	}

	/**
	 * Re-evaluates a round and stores its totals, criterion results, the previous signed-off round it is
	 * compared with, what it lost or gained, and the revocation risk (warned only when the unit is recognised
	 * at that tier, i.e. an earlier appraised round reached it fully).
	 */
	void recompute(long id) {
		AssessmentRound round = round(id);
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		Evaluation evaluation = evaluate(round, set, values(id, new HashMap<>()));
		Long previousId = jdbc.sql("""
				select r.id from assessment_round r join criteria_set_version s on s.code = r.set_code and s.version = r.set_version
				where r.unit_code = :unit and r.id <> :id and r.status in ('VERIFIED', 'APPRAISED') and r.as_of < :asOf
				  and s.tier = :tier
				order by r.as_of desc, r.id desc limit 1""")
			.param("unit", round.unitCode()).param("id", id).param("asOf", round.asOf()).param("tier", set.tier().name())
			.query(Long.class).optional().orElse(null);
		String lost = null;
		String gained = null;
		if (previousId != null) {
			RegressionAnalysis.Regression regression = RegressionAnalysis.compare(evaluation(round(previousId)), evaluation);
			lost = regression.lost().stream().map(c -> Integer.toString(c.currentNumber())).collect(Collectors.joining(","));
			gained = regression.gained().stream().map(c -> Integer.toString(c.currentNumber())).collect(Collectors.joining(","));
		}
		boolean recognised = jdbc.sql("""
				select count(*) from assessment_round r join criteria_set_version s on s.code = r.set_code and s.version = r.set_version
				where r.unit_code = :unit and r.id <> :id and r.status = 'APPRAISED' and r.as_of < :asOf and s.tier = :tier
				  and r.achieved = r.total""")
			.param("unit", round.unitCode()).param("id", id).param("asOf", round.asOf()).param("tier", set.tier().name())
			.query(Long.class).single() > 0;
		RevocationRule.Risk risk = RevocationRule.assess(evaluation);
		long missing = evaluation.criteria().stream().flatMap(c -> c.rows().stream())
			.filter(i -> i.status() == IndicatorStatus.MISSING).count();
		jdbc.sql("""
				update assessment_round set achieved = :achieved, total = :total, below_standard = :below,
				    provisional_count = :provisional,
				    missing_values = :missing, recognised = :recognised, at_risk = :atRisk, risk_text = :risk,
				    previous_round_id = :previous, lost_criteria = :lost, gained_criteria = :gained
				where id = :id""")
			.param("achieved", evaluation.achieved()).param("total", evaluation.total())
			.param("provisional", evaluation.provisionalCount())
			.param("below", evaluation.belowStandard()).param("missing", missing).param("recognised", recognised)
			.param("atRisk", recognised && risk.atRisk()).param("risk", risk.describe()).param("previous", previousId)
			.param("lost", lost == null || lost.isEmpty() ? null : lost).param("gained", gained == null || gained.isEmpty() ? null : gained)
			.param("id", id).update();
		jdbc.sql("delete from assessment_criterion_result where round_id = :id").param("id", id).update();
		batch.batchUpdate("""
				insert into assessment_criterion_result (round_id, criterion_number, status, basically, overridden, incomplete)
				values (:id, :number, :status, :basically, :overridden, :incomplete)""",
				evaluation.criteria().stream().map(c -> new MapSqlParameterSource().addValue("id", id)
					.addValue("number", c.number()).addValue("status", c.status().name())
					.addValue("basically", c.basicallyAchieved()).addValue("overridden", c.overridden())
					.addValue("incomplete", c.incomplete())).toArray(SqlParameterSource[]::new));
	}

	static AssessmentRound mapRound(ResultSet rs, int row) throws SQLException {
		return new AssessmentRound(rs.getLong("id"), rs.getString("unit_code"), rs.getString("set_code"),
				rs.getInt("set_version"), rs.getObject("as_of", LocalDate.class), RoundKind.valueOf(rs.getString("kind")),
				RoundStatus.valueOf(rs.getString("status")), rs.getInt("achieved"), rs.getInt("total"),
				rs.getInt("missing_values"), rs.getBoolean("recognised"), rs.getBoolean("at_risk"),
				rs.getString("risk_text"), rs.getString("lost_criteria"), rs.getString("gained_criteria"),
				(Long) rs.getObject("previous_round_id"), (Long) rs.getObject("opened_from_id"), rs.getString("note"),
				rs.getString("return_reason"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getString("submitted_by"), rs.getString("verified_by"), rs.getString("appraised_by"),
				rs.getString("returned_by"), rs.getInt("version"), rs.getInt("provisional_count"));
	}

	/** The criteria the indicators belong to; an unknown indicator is left to the value parser to name. */
	static List<Integer> criteriaOf(CriteriaSetDefinition set, java.util.Collection<String> indicatorCodes) {
		return set.criteria().stream()
			.filter(c -> c.indicators().stream().flatMap(vn.ntmtracker.criteria.Indicator::withParts)
				.anyMatch(i -> indicatorCodes.contains(i.code())))
			.map(vn.ntmtracker.criteria.Criterion::number).toList();
	}
}
