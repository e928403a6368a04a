package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;

/**
 * Who may see and act on documents and directives. Reading follows {@link Reach}. Acting for an
 * organisation (reporting progress, completing; or, for the issuer, registering, assigning, extending, accepting,
 * returning) needs membership of it, or what {@link Authorization} allows over its unit on the day of the act.
 */
@Component
class DirectiveAccess {

	private final AccessPolicy policy;
	private final Authorization authorization;
	private final Organisations organisations;

	DirectiveAccess(AccessPolicy policy, Authorization authorization, Organisations organisations) {
		this.policy = policy;
		this.authorization = authorization;
		this.organisations = organisations;
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

	/**
	 * Whether the current user may act for the organisation: its members always may; others as {@link Authorization}
	 * decides for {@code permission} on the organisation's unit as it stood on {@code on} (a sector department only
	 * on its criteria).
	 */
	boolean mayActFor(Organisation organisation, Permission permission, LocalDate on, String setCode, String criterionNumber) {
		CurrentUser user = policy.currentUser().orElse(null);
		if (user == null) {
			return false;
		}
		if (organisations.membershipsOf(user.username()).contains(organisation.id())) {
			return true;
		}
		return authorization.may(permission, target(organisation, on, setCode, criterionNumber));
	}

	void requireActFor(Organisation organisation, Permission permission, LocalDate on, String setCode, String criterionNumber) {
		CurrentUser user = policy.currentUser().orElseThrow(() -> new AccessDeniedException("Cần đăng nhập"));
		if (organisations.membershipsOf(user.username()).contains(organisation.id())) {
			return;
		}
		Authorization.Decision decision = authorization.decide(user, permission, target(organisation, on, setCode, criterionNumber));
		if (!decision.allowed()) {
			throw new AccessDeniedException("Bạn không thuộc và không được làm thay " + organisation.name() + ": "
					+ authorization.explain(decision));
		}
	}

	private static Target target(Organisation organisation, LocalDate on, String setCode, String criterionNumber) {
		Integer criterion = criterionNumber == null || !criterionNumber.strip().matches("\\d{1,3}") ? null
				: Integer.valueOf(criterionNumber.strip());
		return Target.criteria(organisation.unitCode(), on, setCode, criterion == null ? List.of() : List.of(criterion));
	}

	boolean may(Permission permission, String unitCode, LocalDate on) {
		return authorization.may(permission, Target.unit(unitCode, on));
	}

	void require(Permission permission, String unitCode, LocalDate on) {
		authorization.require(permission, Target.unit(unitCode, on));
	}

	void requireRead(String unitCode) {
		policy.requireRead(unitCode);
	}

	boolean canRead(String unitCode) {
		return policy.canRead(unitCode);
	}
}
