package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Crosswalk;
import vn.ntmtracker.criteria.SetRef;

/**
 * What a round means beside the others, computed when read and never stored, so that it can never go stale: the
 * previous signed-off round of the same unit and tier it is compared with, the criteria lost and gained since, whether
 * the unit was recognised at that tier on the round's date, and the revocation risk that recognition brings
 * (QĐ 18/2022/QĐ-TTg, {@link RevocationRule}). Recognition is read from the recognition history the dossiers module
 * publishes ({@code dossiers_v_recognition}: held on the round's date, a kiểu mẫu recognition judged on the nâng cao
 * set) when the unit has any history for that tier; without history, an earlier appraised round reaching every
 * criterion stands for it. Appraising an older round or recording a decision changes the answer for every later
 * round at once. {@link AssessmentOverview} uses the same expression, {@link #RECOGNISED}.
 */
@Component
class Standings {

	/** The standing of one round; {@code previous*} are empty when no signed-off round came before. */
	record Standing(Long previousId, LocalDate previousAsOf, String previousScore, List<Integer> lost, List<Integer> gained,
			boolean recognised, RevocationRule.Risk risk, Optional<RegressionAnalysis.Regression> regression) {

		static final Standing NONE = new Standing(null, null, null, List.of(), List.of(), false, null, Optional.empty());

		boolean atRisk() {
			return recognised && risk != null && risk.atRisk();
		}
	}

	/** A round's stored facts the standing needs. */
	record Facts(long id, String unitCode, String setCode, int setVersion, String tier, LocalDate asOf, String statuses) {
	}

	/**
	 * Whether the unit of round {@code r} ({@code r.unit_code}, {@code r.tier}, {@code r.as_of}, {@code r.id}) was
	 * recognised at the round's tier on its date: by the recognition history when the unit has one for the tier, else by
	 * an earlier appraised round reaching every criterion.
	 */
	static final String RECOGNISED = """
			(case when exists (select 1 from dossiers_v_recognition h where h.unit_code = r.unit_code and h.judged_on_tier = r.tier)
			      then exists (select 1 from dossiers_v_recognition h where h.unit_code = r.unit_code and h.judged_on_tier = r.tier
			                   and h.since <= r.as_of and (h.until is null or h.until > r.as_of))
			      else exists (select 1 from assessment_round a where a.unit_code = r.unit_code and a.tier = r.tier
			                   and a.status = 'APPRAISED' and a.achieved = a.total and a.as_of < r.as_of and a.id <> r.id) end)""";

	private final JdbcClient jdbc;
	private final CriteriaCatalog catalog;

	Standings(JdbcClient jdbc, CriteriaCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** The standings of many rounds in one query. */
	Map<Long, Standing> of(Collection<Facts> rounds) {
		Map<Long, Standing> standings = new HashMap<>();
		if (rounds.isEmpty()) {
			return standings;
		}
		Map<Long, Facts> byId = new HashMap<>();
		rounds.forEach(r -> byId.put(r.id(), r));
		jdbc.sql("""
				select r.id, p.id as previous_id, p.set_code as previous_set, p.set_version as previous_version, p.as_of as previous_as_of,
				       p.statuses as previous_statuses, p.achieved as previous_achieved, p.total as previous_total,
				       """ + RECOGNISED + """
				       as recognised
				from assessment_round r
				left join lateral (
				     select p.* from assessment_round p
				     where p.unit_code = r.unit_code and p.tier = r.tier and p.status in ('VERIFIED', 'APPRAISED')
				       and p.as_of < r.as_of and p.id <> r.id
				     order by p.as_of desc, p.id desc limit 1) p on true
				where r.id = any(:ids)""")
			.param("ids", byId.keySet().toArray(Long[]::new))
			.query(rs -> {
				Facts round = byId.get(rs.getLong("id"));
				Long previousId = (Long) rs.getObject("previous_id");
				Facts previous = previousId == null ? null : new Facts(previousId, round.unitCode(), rs.getString("previous_set"),
						rs.getInt("previous_version"), round.tier(), rs.getObject("previous_as_of", LocalDate.class),
						rs.getString("previous_statuses"));
				String previousScore = previousId == null ? null : rs.getInt("previous_achieved") + "/" + rs.getInt("previous_total");
				standings.put(round.id(), standing(round, previous, previousScore, rs.getBoolean("recognised")));
			});
		return standings;
	}

	Standing of(Facts round) {
		return of(List.of(round)).getOrDefault(round.id(), Standing.NONE);
	}

	Standing standing(Facts round, Facts previous, String previousScore, boolean recognised) {
		if (round.statuses() == null) {
			return Standing.NONE;
		}
		CriteriaSetDefinition set = catalog.definition(round.setCode(), round.setVersion());
		Evaluation current = CriterionCodes.decode(set, round.statuses(), round.asOf().getYear());
		RevocationRule.Risk risk = recognised ? RevocationRule.assess(current) : null;
		if (previous == null || previous.statuses() == null) {
			return new Standing(null, null, null, List.of(), List.of(), recognised, risk, Optional.empty());
		}
		Evaluation before = CriterionCodes.decode(catalog.definition(previous.setCode(), previous.setVersion()), previous.statuses(),
				previous.asOf().getYear());
		Optional<RegressionAnalysis.Regression> regression = compare(before, current);
		List<Integer> lost = regression.map(r -> r.lost().stream().map(RegressionAnalysis.CriterionChange::currentNumber).toList())
			.orElse(List.of());
		List<Integer> gained = regression.map(r -> r.gained().stream().map(RegressionAnalysis.CriterionChange::currentNumber).toList())
			.orElse(List.of());
		return new Standing(previous.id(), previous.asOf(), previousScore, lost, gained, recognised, risk, regression);
	}

	/** Same set code: criteria by number; another set: through a crosswalk between the two versions, if one exists. */
	Optional<RegressionAnalysis.Regression> compare(Evaluation before, Evaluation after) {
		if (before.set().code().equals(after.set().code())) {
			return Optional.of(RegressionAnalysis.compare(before, after));
		}
		SetRef from = before.set();
		SetRef to = after.set();
		for (Crosswalk crosswalk : catalog.crosswalks()) {
			if (crosswalk.from().equals(from) && crosswalk.to().equals(to)) {
				return Optional.of(RegressionAnalysis.compare(before, after, crosswalk));
			}
		}
		return Optional.empty();
	}
}
