package vn.ntmtracker.security;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.units.UnitNotFoundException;
import vn.ntmtracker.units.UnitScope;
import vn.ntmtracker.units.UnitScopeProvider;
import vn.ntmtracker.units.Units;

/**
 * The one place that decides whether the current user may read or write data of a unit: a unit is in
 * reach when it lies in the subtree of a unit one of the user's roles is granted on; leaders only read.
 */
@Component
public class AccessPolicy implements UnitScopeProvider {

	private final Units units;

	AccessPolicy(Units units) {
		this.units = units;
	}

	public Optional<CurrentUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public String currentUsername() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

	@Override
	public UnitScope current() {
		return currentUser().map(AccessPolicy::readScope).orElse(UnitScope.NOTHING);
	}

	public UnitScope writeScope() {
		return currentUser().map(user -> scope(user, true)).orElse(UnitScope.NOTHING);
	}

	static UnitScope readScope(CurrentUser user) {
		return scope(user, false);
	}

	private static UnitScope scope(CurrentUser user, boolean forWriting) {
		Set<String> roots = new LinkedHashSet<>();
		for (Grant grant : user.grants()) {
			if (forWriting && !grant.role().writes()) {
				continue;
			}
			if (grant.nationwide()) {
				return UnitScope.ALL;
			}
			roots.add(grant.unitCode());
		}
		return UnitScope.of(roots);
	}

	public boolean canRead(String unitCode) {
		return units.isWithin(unitCode, current());
	}

	public boolean canWrite(String unitCode) {
		return units.isWithin(unitCode, writeScope());
	}

	/**
	 * Refuses a unit the user may not read: one that does not exist (a name typed instead of picked) with "không tìm thấy
	 * đơn vị" (404), one outside the jurisdiction with "không có quyền" (403) — the unit tree itself is public.
	 */
	public void requireRead(String unitCode) {
		if (!canRead(unitCode)) {
			requireExists(unitCode);
			throw new AccessDeniedException("Bạn không có quyền xem dữ liệu của đơn vị " + unitCode);
		}
	}

	public void requireWrite(String unitCode) {
		if (!canWrite(unitCode)) {
			requireExists(unitCode);
			throw new AccessDeniedException("Bạn không có quyền thay đổi dữ liệu của đơn vị " + unitCode);
		}
	}

	private void requireExists(String unitCode) {
		if (unitCode == null || unitCode.isBlank() || !units.exists(unitCode)) {
			throw new UnitNotFoundException(unitCode == null ? "" : unitCode.strip());
		}
	}

	public boolean isAdmin() {
		return currentUser().map(CurrentUser::isAdmin).orElse(false);
	}
}
