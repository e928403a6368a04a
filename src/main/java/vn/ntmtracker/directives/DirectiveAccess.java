package vn.ntmtracker.directives;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.units.UnitScope;
import vn.ntmtracker.units.Units;

/**
 * Who may see and act on documents and directives. Reading follows {@link Reach}. Acting for an
 * organisation (reporting progress, completing; or, for the issuer, extending, accepting, returning) needs
 * membership of it, or a writing grant over its unit; a sector department's grant counts only for the
 * criteria it is limited to.
 */
@Component
class DirectiveAccess {

	private final AccessPolicy policy;
	private final Organisations organisations;
	private final Units units;

	DirectiveAccess(AccessPolicy policy, Organisations organisations, Units units) {
		this.policy = policy;
		this.organisations = organisations;
		this.units = units;
	}

	String username() {
		return policy.currentUsername();
	}

	Reach reach() {
		return policy.currentUser().map(this::reachOf).orElse(Reach.NOTHING);
	}

	Reach reachOf(CurrentUser user) {
		List<Reach.Root> roots = new ArrayList<>();
		for (Grant grant : user.grants()) {
			if (grant.nationwide() && (grant.role() != Role.SECTOR || grant.criteria().isEmpty())) {
				return new Reach(true, List.of(), Set.of());
			}
			if (!grant.nationwide()) {
				roots.add(new Reach.Root(grant.unitCode(), grant.role() == Role.SECTOR ? grant.criteria() : Set.of()));
			}
		}
		return new Reach(false, roots, organisations.membershipsOf(user.username()));
	}

	List<Organisation> currentOrganisations() {
		return policy.currentUser().map(user -> organisations.organisationsOf(user.username())).orElse(List.of());
	}

	/** Where summaries open: the first unit the user holds a grant on (the province for a leader). */
	java.util.Optional<String> defaultUnit(java.time.LocalDate day) {
		return policy.currentUser().flatMap(user -> user.grants().stream().map(Grant::unitCode)
			.filter(java.util.Objects::nonNull).findFirst());
	}

	Set<Long> myOrganisations() {
		return policy.currentUser().map(user -> organisations.membershipsOf(user.username())).orElse(Set.of());
	}

	boolean mayActFor(Organisation organisation, String setCode, String criterionNumber) {
		CurrentUser user = policy.currentUser().orElse(null);
		if (user == null) {
			return false;
		}
		if (organisations.membershipsOf(user.username()).contains(organisation.id())) {
			return true;
		}
		for (Grant grant : user.grants()) {
			if (!grant.role().writes()) {
				continue;
			}
			boolean limited = grant.role() == Role.SECTOR && !grant.criteria().isEmpty();
			if (limited && (criterionNumber == null || !grant.coversCriterion(setCode, criterionNumber))) {
				continue;
			}
			if (grant.nationwide() || units.isWithin(organisation.unitCode(), UnitScope.of(Set.of(grant.unitCode())))) {
				return true;
			}
		}
		return false;
	}

	void requireActFor(Organisation organisation, String setCode, String criterionNumber) {
		if (!mayActFor(organisation, setCode, criterionNumber)) {
			throw new AccessDeniedException("Bạn không thuộc và không quản lý " + organisation.name());
		}
	}

	void requireRead(String unitCode) {
		policy.requireRead(unitCode);
	}

	boolean canWriteUnit(String unitCode) {
		return policy.canWrite(unitCode);
	}

	boolean canRead(String unitCode) {
		return policy.canRead(unitCode);
	}
}
