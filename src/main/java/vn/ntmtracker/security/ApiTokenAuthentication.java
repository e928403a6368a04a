package vn.ntmtracker.security;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token rather than a password: it may not create further tokens. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final CurrentUser user;

	ApiTokenAuthentication(CurrentUser user) {
		super(user.getAuthorities());
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public CurrentUser getPrincipal() {
		return user;
	}
}
