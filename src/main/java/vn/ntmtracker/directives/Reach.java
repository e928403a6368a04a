package vn.ntmtracker.directives;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which directives a user may see: those of the organisations they belong to (as a lead, joint lead or cooperating
 * body),
 * plus those targeting a unit under one of their grants; a grant limited to some criteria (a sector
 * department) adds only directives linked to one of those criteria.
 */
record Reach(boolean everything, List<Root> roots, Set<Long> organisationIds) {

	private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9._-]+");

	static final Reach NOTHING = new Reach(false, List.of(), Set.of());

	/** A unit subtree, with the criteria ("SET:17", "*:17") it is limited to; none = every directive. */
	record Root(String unitCode, Set<String> criteria) {
	}

	/** A SQL condition on a directive aliased {@code d}, and its parameters. */
	record Sql(String condition, Map<String, Object> params) {
	}

	Sql toSql() {
		if (everything) {
			return new Sql("true", Map.of());
		}
		StringBuilder condition = new StringBuilder("(false");
		Map<String, Object> params = new HashMap<>();
		if (!organisationIds.isEmpty()) {
			condition.append(" ").append("""
					or exists (select 1 from directive_lead_body rl where rl.directive_id = d.id and rl.organisation_id in (:reachOrgs))
					or exists (select 1 from directive_cooperating rc
					     where rc.directive_id = d.id and rc.organisation_id in (:reachOrgs))""");
			params.put("reachOrgs", List.copyOf(organisationIds));
		}
		int i = 0;
		for (Root root : roots) {
			if (!SAFE_CODE.matcher(root.unitCode()).matches()) {
				continue;
			}
			String name = "reachRoot" + i;
			condition.append(" ").append("""
					or (exists (select 1 from directive_unit ru join units_v_line rp on rp.unit_code = ru.unit_code where ru.directive_id = d.id and rp.path like :%s)"""
				.formatted(name));
			params.put(name, "%/" + root.unitCode().replace("_", "\\_") + "/%");
			if (!root.criteria().isEmpty()) {
				String criteria = "reachCriteria" + i;
				condition.append(" and (d.set_code || ':' || d.criterion_number in (:%1$s) or '*:' || d.criterion_number in (:%1$s))"
					.formatted(criteria));
				params.put(criteria, List.copyOf(root.criteria()));
			}
			condition.append(')');
			i++;
		}
		condition.append(')');
		return new Sql(condition.toString(), params);
	}
}
