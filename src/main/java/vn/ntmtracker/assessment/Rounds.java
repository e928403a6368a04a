package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.criteria.CommuneGroup;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.UnitClassification;

/**
 * Loads a {@link Round} with its values, judgements and the unit's classification on the round's date in one query,
 * and saves only what changed plus the round's own totals, checking the version it was loaded with. A value save is
 * four statements: load, upsert of the changed values, the round's row, the audit row.
 */
@Component
class Rounds {

	private static final String LOAD = """
			select r.id, r.unit_code, r.set_code, r.set_version, r.tier, r.as_of, r.kind, r.status, r.version, r.opened_from_id,
			       r.submitted_by, r.return_reason,
			       (select json_agg(json_build_object('c', v.indicator_code, 't', v.value_type, 'b', v.bool_value,
			                                          'n', cast(v.num_value as text), 'x', v.text_value, 'e', v.evidence_note))
			        from assessment_value v where v.round_id = r.id) as vals,
			       (select json_agg(json_build_object('c', j.criterion_number, 'k', j.kind, 's', j.status, 'r', j.reason))
			        from assessment_judgement j where j.round_id = r.id) as judgements,
			       cl.region, cl.commune_group, cl.especially_disadvantaged, cl.safe_zone_poor_district
			from assessment_round r
			left join lateral (
			     select c.* from units_v_classification c where c.unit_code = r.unit_code
			     order by case when c.valid_from <= r.as_of and coalesce(c.valid_to, 'infinity'::date) >= r.as_of then 0
			                   when c.valid_from <= r.as_of then 1 else 2 end,
			              case when c.valid_from <= r.as_of then c.valid_from end desc nulls last, c.valid_from
			     limit 1) cl on true
			where r.id = :id""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final JsonMapper json;

	Rounds(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	Round load(long id) {
		return jdbc.sql(LOAD).param("id", id).query(this::map).optional().orElseThrow(() -> new RoundNotFoundException(id));
	}

	/** The unit's classification on a date, as rounds see it (the period valid then, else the last before, else the first). */
	UnitClassification classification(String unitCode, LocalDate asOf) {
		return jdbc.sql("""
				select c.region, c.commune_group, c.especially_disadvantaged, c.safe_zone_poor_district
				from units_v_classification c where c.unit_code = :unit
				order by case when c.valid_from <= :asOf and coalesce(c.valid_to, 'infinity'::date) >= :asOf then 0
				              when c.valid_from <= :asOf then 1 else 2 end,
				         case when c.valid_from <= :asOf then c.valid_from end desc nulls last, c.valid_from
				limit 1""").param("unit", unitCode).param("asOf", asOf)
			.query((rs, i) -> classification(rs)).optional().orElse(new UnitClassification(null, null, false, false));
	}

	/** Inserts a new round with its carried values and totals; returns its id. */
	long insert(Round round, Evaluation evaluation, String user) {
		long id = jdbc.sql("""
				insert into assessment_round (unit_code, set_code, set_version, tier, as_of, kind, status, achieved, total, below_standard,
				                              missing_values, provisional_count, statuses, created_by, updated_by, opened_from_id)
				values (:unit, :set, :version, :tier, :asOf, :kind, 'DRAFT', :achieved, :total, :below, :missing, :provisional, :statuses,
				        :user, :user, :from) returning id""")
			.param("unit", round.unitCode()).param("set", round.setCode()).param("version", round.setVersion())
			.param("tier", round.tier().name()).param("asOf", round.asOf()).param("kind", round.kind().name())
			.param("achieved", evaluation.achieved()).param("total", evaluation.total()).param("below", evaluation.belowStandard())
			.param("missing", missing(evaluation)).param("provisional", evaluation.provisionalCount())
			.param("statuses", CriterionCodes.encode(evaluation)).param("user", user).param("from", round.openedFromId())
			.query(Long.class).single();
		writeValues(id, round, user);
		return id;
	}

	/** Writes what changed and the round's totals; {@link StaleRoundException} when someone saved it in between. */
	void save(Round round, Evaluation evaluation, String user) {
		long id = round.id();
		writeValues(id, round, user);
		if (!round.clearedValues().isEmpty()) {
			jdbc.sql("delete from assessment_value where round_id = :id and indicator_code = any(:codes)").param("id", id)
				.param("codes", round.clearedValues().toArray(String[]::new)).update();
		}
		if (round.judgementsChanged()) {
			jdbc.sql("delete from assessment_judgement where round_id = :id").param("id", id).update();
			batch.batchUpdate("""
					insert into assessment_judgement (round_id, criterion_number, kind, status, reason, judged_by)
					values (:id, :criterion, :kind, :status, :reason, :user)""",
					round.judgements().values().stream().map(j -> new MapSqlParameterSource().addValue("id", id)
						.addValue("criterion", j.criterion()).addValue("kind", j.basically() ? "BASICALLY" : "OVERRIDE")
						.addValue("status", j.status() == null ? null : j.status().name()).addValue("reason", j.reason())
						.addValue("user", user)).toArray(SqlParameterSource[]::new));
		}
		String transition = round.transition();
		StringBuilder update = new StringBuilder("""
				update assessment_round set status = :status, version = version + 1, updated_by = :user, updated_at = now(),
				    achieved = :achieved, total = :total, below_standard = :below, missing_values = :missing,
				    provisional_count = :provisional, statuses = :statuses""");
		if (transition != null) {
			update.append(", ").append(transition).append("_by = :user, ").append(transition).append("_at = now()");
			if (transition.equals("returned")) {
				update.append(", return_reason = :reason");
			}
			if (transition.equals("cancelled")) {
				update.append(", cancel_reason = :reason");
			}
		}
		update.append(" where id = :id and version = :expected");
		int updated = jdbc.sql(update.toString()).param("status", round.status().name()).param("user", user)
			.param("achieved", evaluation.achieved()).param("total", evaluation.total()).param("below", evaluation.belowStandard())
			.param("missing", missing(evaluation)).param("provisional", evaluation.provisionalCount())
			.param("statuses", CriterionCodes.encode(evaluation)).param("reason", round.transitionReason()).param("id", id)
			.param("expected", round.version()).update();
		if (updated == 0) {
			throw new StaleRoundException(id);
		}
	}

	/** Re-stores a round's totals after its inputs changed elsewhere (the unit reclassified), keeping its version. */
	void refreshTotals(long id, Evaluation evaluation) {
		jdbc.sql("""
				update assessment_round set achieved = :achieved, total = :total, below_standard = :below, missing_values = :missing,
				    provisional_count = :provisional, statuses = :statuses, updated_at = now() where id = :id""")
			.param("achieved", evaluation.achieved()).param("total", evaluation.total()).param("below", evaluation.belowStandard())
			.param("missing", missing(evaluation)).param("provisional", evaluation.provisionalCount())
			.param("statuses", CriterionCodes.encode(evaluation)).param("id", id).update();
	}

	private void writeValues(long id, Round round, String user) {
		if (round.changedValues().isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into assessment_value (round_id, indicator_code, value_type, bool_value, num_value, text_value, evidence_note, entered_by)
				values (:id, :code, :type, :bool, :num, :text, :evidence, :user)
				on conflict (round_id, indicator_code) do update set value_type = excluded.value_type,
				    bool_value = excluded.bool_value, num_value = excluded.num_value, text_value = excluded.text_value,
				    evidence_note = excluded.evidence_note, entered_by = excluded.entered_by, entered_at = now()""",
				round.changedValues().stream().map(code -> {
					Round.Entered entered = round.values().get(code);
					return row(id, code, entered.value(), entered.evidence(), user);
				}).toArray(SqlParameterSource[]::new));
	}

	static long missing(Evaluation evaluation) {
		return evaluation.criteria().stream().flatMap(c -> c.rows().stream()).filter(i -> i.status() == IndicatorStatus.MISSING).count();
	}

	static MapSqlParameterSource row(long id, String code, IndicatorValue value, String evidence, String user) {
		Stored stored = Stored.of(value);
		return new MapSqlParameterSource().addValue("id", id).addValue("code", code).addValue("user", user)
			.addValue("type", stored.type()).addValue("bool", stored.bool()).addValue("num", stored.num())
			.addValue("text", stored.text())
			.addValue("evidence", evidence == null || evidence.isBlank() ? null : evidence.strip());
	}

	/** How a value is stored: its type and the column that holds it (yes/no, number, text); the others are null. */
	record Stored(String type, Boolean bool, BigDecimal num, String text) {

		static Stored of(IndicatorValue value) {
			if (value instanceof IndicatorValue.YesNo yesNo) {
				return new Stored("YES_NO", yesNo.yes(), null, null);
			}
			if (value instanceof IndicatorValue.Percent percent) {
				return new Stored("PERCENT", null, percent.value(), null);
			}
			if (value instanceof IndicatorValue.Amount amount) {
				return new Stored("AMOUNT", null, amount.value(), null);
			}
			if (value instanceof IndicatorValue.Count count) {
				return new Stored("COUNT", null, BigDecimal.valueOf(count.value()), null);
			}
			if (value instanceof IndicatorValue.Evidence ev) {
				return new Stored("EVIDENCE", ev.achieved(), null, ev.text());
			}
			return new Stored("NOT_APPLICABLE", null, null, null);
		}
	}

	static IndicatorValue value(String type, Boolean bool, BigDecimal number, String text) {
		return switch (type) {
			case "YES_NO" -> new IndicatorValue.YesNo(Boolean.TRUE.equals(bool));
			case "PERCENT" -> new IndicatorValue.Percent(number);
			case "AMOUNT" -> new IndicatorValue.Amount(number);
			case "COUNT" -> new IndicatorValue.Count(number.longValue());
			case "EVIDENCE" -> new IndicatorValue.Evidence(text, Boolean.TRUE.equals(bool));
			default -> IndicatorValue.NOT_APPLICABLE;
		};
	}

	private Round map(ResultSet rs, int row) throws SQLException {
		Map<String, Round.Entered> values = new LinkedHashMap<>();
		String vals = rs.getString("vals");
		if (vals != null) {
			for (JsonNode v : json.readTree(vals)) {
				JsonNode n = v.get("n");
				values.put(v.get("c").asString(), new Round.Entered(value(v.get("t").asString(),
						v.get("b").isNull() ? null : v.get("b").asBoolean(), n == null || n.isNull() ? null : new BigDecimal(n.asString()),
						v.get("x").isNull() ? null : v.get("x").asString()), v.get("e").isNull() ? null : v.get("e").asString()));
			}
		}
		Map<String, Round.Judgement> judgements = new LinkedHashMap<>();
		String judged = rs.getString("judgements");
		if (judged != null) {
			for (JsonNode j : json.readTree(judged)) {
				boolean basically = j.get("k").asString().equals("BASICALLY");
				int criterion = j.get("c").asInt();
				judgements.put(criterion + (basically ? "/BASICALLY" : "/OVERRIDE"), new Round.Judgement(criterion, basically,
						j.get("s").isNull() ? null : CriterionStatus.valueOf(j.get("s").asString()), j.get("r").asString()));
			}
		}
		return new Round(rs.getLong("id"), rs.getString("unit_code"), rs.getString("set_code"), rs.getInt("set_version"),
				Tier.valueOf(rs.getString("tier")), rs.getObject("as_of", LocalDate.class), RoundKind.valueOf(rs.getString("kind")),
				RoundStatus.valueOf(rs.getString("status")), rs.getInt("version"), (Long) rs.getObject("opened_from_id"),
				rs.getString("submitted_by"), rs.getString("return_reason"), values, judgements, classification(rs));
	}

	static UnitClassification classification(ResultSet rs) throws SQLException {
		String region = rs.getString("region");
		Integer group = (Integer) rs.getObject("commune_group");
		return new UnitClassification(region == null ? null : Region.valueOf(region), group == null ? null : CommuneGroup.of(group),
				rs.getBoolean("especially_disadvantaged"), rs.getBoolean("safe_zone_poor_district"));
	}

	/** The values of several rounds, for reading (evaluation pages, village shares). */
	Map<String, IndicatorValue> values(long roundId, Map<String, String> evidence) {
		Map<String, IndicatorValue> values = new LinkedHashMap<>();
		jdbc.sql("select * from assessment_value where round_id = :id").param("id", roundId).query(rs -> {
			String code = rs.getString("indicator_code");
			values.put(code, value(rs.getString("value_type"), (Boolean) rs.getObject("bool_value"), rs.getBigDecimal("num_value"),
					rs.getString("text_value")));
			if (rs.getString("evidence_note") != null) {
				evidence.put(code, rs.getString("evidence_note"));
			}
		});
		return values;
	}

	/** Rounds in progress on an older version of a set. */
	List<Long> openRoundsOfSet(String setCode, int newerVersion) {
		return jdbc.sql("select id from assessment_round where set_code = :code and set_version < :version and status in ('DRAFT', 'RETURNED')")
			.param("code", setCode).param("version", newerVersion).query(Long.class).list();
	}

	/** Puts a round on another version of its set, keeping the values and judgements that version still has. */
	void rebase(long id, int setVersion, java.util.Collection<String> indicators, java.util.Collection<Integer> criteria) {
		jdbc.sql("delete from assessment_value where round_id = :id and not (indicator_code = any(:codes))").param("id", id)
			.param("codes", indicators.toArray(String[]::new)).update();
		jdbc.sql("delete from assessment_judgement where round_id = :id and not (criterion_number = any(:numbers))").param("id", id)
			.param("numbers", criteria.toArray(Integer[]::new)).update();
		jdbc.sql("update assessment_round set set_version = :version, version = version + 1, updated_at = now() where id = :id")
			.param("version", setVersion).param("id", id).update();
	}

	List<Long> openRoundsOf(String unitCode, LocalDate from) {
		return jdbc.sql("select id from assessment_round where unit_code = :unit and status in ('DRAFT', 'RETURNED') and as_of >= :from")
			.param("unit", unitCode).param("from", from).query(Long.class).list();
	}
}
