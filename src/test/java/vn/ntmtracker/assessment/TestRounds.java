package vn.ntmtracker.assessment;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;

/** Rounds a test owns, opened and filled through the service as {@code username} would, like the demo rounds. */
@Component
public class TestRounds {

	private final Assessments assessments;
	private final CriteriaCatalog catalog;
	private final UserAccounts accounts;

	TestRounds(Assessments assessments, CriteriaCatalog catalog, UserAccounts accounts) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/** A draft round of the set's current version in which every criterion but {@code unmet} is achieved. */
	public long draft(String username, String unitCode, String setCode, LocalDate asOf, Set<Integer> unmet) {
		return as(username, () -> {
			CriteriaSetDefinition set = catalog.versionOn(setCode, asOf).orElseThrow();
			long id = assessments.open(unitCode, set.code(), set.version(), asOf, RoundKind.SELF, null);
			EvaluationPlan plan = new EvaluationEngine().plan(set, assessments.classification(unitCode, asOf), asOf.getYear());
			assessments.saveValues(id, AssessmentsDemoData.values(set, plan, unmet), assessments.round(id).version());
			return id;
		});
	}

	public <T> T as(String username, Supplier<T> work) {
		CurrentUser user = accounts.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
