package vn.ntmtracker.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code /api/**} calls that carry {@code Authorization: Bearer ntm_…}; a bad token gets 401. */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			var user = tokens.authenticate(header.substring(7).trim());
			if (user.isEmpty()) {
				response.setHeader("WWW-Authenticate", "Bearer realm=\"NTM Tracker\"");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Invalid, expired or revoked API token");
				return;
			}
			user.get().eraseCredentials();
			SecurityContextHolder.getContext().setAuthentication(new ApiTokenAuthentication(user.get()));
		}
		chain.doFilter(request, response);
	}
}
