package vn.ntmtracker.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user with the grants that decide what they may read and write. Kept in the session (in
 * PostgreSQL), which is why the password hash is erased once authentication has used it.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private final String displayName;
	private String passwordHash;
	private final boolean enabled;
	private final boolean mustChangePassword;
	private final List<Grant> grants;
	/** The user's session epoch when this was loaded: a session opened in an older epoch is no longer valid. */
	private final int epoch;

	public CurrentUser(long id, String username, String displayName, String passwordHash, boolean enabled,
			boolean mustChangePassword, List<Grant> grants, int epoch) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.grants = List.copyOf(grants);
		this.epoch = epoch;
	}

	public int epoch() {
		return epoch;
	}

	public long id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public List<Grant> grants() {
		return grants;
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	public boolean has(Role role) {
		return grants.stream().anyMatch(grant -> grant.role() == role);
	}

	public Set<Role> roles() {
		return grants.stream().map(Grant::role).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	/** Repeated failures are throttled per account and source by {@link LoginThrottle}, not by locking the account. */
	@Override
	public boolean isAccountNonLocked() {
		return true;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
