package vn.ntmtracker.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password logins (form and HTTP Basic) through {@link LoginThrottle}: a blocked account-and-address pair is refused
 * before the password is even checked, with the answer a wrong password gets; unknown users, wrong passwords and
 * disabled accounts all fail the same way.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String source = source(authentication);
		if (throttle.blocked(username, source)) {
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.succeeded(username, source);
			return result;
		}
		catch (AuthenticationException ex) {
			throttle.failed(username, source);
			throw new BadCredentialsException("Bad credentials", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String source(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "unknown";
	}
}
