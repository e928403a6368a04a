package vn.ntmtracker.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Two filter chains: {@code /api/**} is stateless with an API token or HTTP Basic (401 when anonymous), pages use
 * form login with CSRF protection and sessions stored in PostgreSQL. Anonymous visitors get no session (the CSRF
 * token and the page they asked for live in cookies). Every authenticated request reads the user and grants anew
 * ({@link FreshPrincipalFilter}); password logins go through {@link ThrottledAuthenticationProvider}. What a user
 * may change is decided in {@link Authorization}, called by each feature.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	/** No inline script or style anywhere (app.js and the width classes of app.css instead). */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * New hashes are bcrypt over SHA-256 (no 72-byte limit); hashes written before, plain bcrypt without a prefix,
	 * still match.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt-sha256",
				Map.of("bcrypt-sha256", new BcryptSha256PasswordEncoder(10), "bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}

	/**
	 * Session attributes are written with PostgreSQL's upsert: two form posts of one session at the same moment (both
	 * saving a flash message) used to fail the second with a duplicate key after its change had committed.
	 */
	@Bean
	org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionUpserts() {
		return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserAccounts accounts) throws Exception {
		http.securityMatcher("/api/**")
			.addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("NTM Tracker"))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(new PasswordChangeRequired(true), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, UserAccounts accounts, SecurityContextRepository contexts) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/ical/**", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
				.permitAll()
				.anyRequest().authenticated())
			.securityContext(context -> context.securityContextRepository(contexts))
			.requestCache(cache -> cache.requestCache(new CookieRequestCache()))
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new LoginFailureHandler()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.addFilterAfter(new FreshPrincipalFilter(accounts), SecurityContextHolderFilter.class)
			.addFilterAfter(new PasswordChangeRequired(false), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** A user created with a one-time password must choose their own before doing anything else. */
	static final class PasswordChangeRequired extends OncePerRequestFilter {

		private final boolean api;

		PasswordChangeRequired(boolean api) {
			this.api = api;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean mustChange = authentication != null && authentication.getPrincipal() instanceof CurrentUser user
					&& user.mustChangePassword();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (mustChange && !path.startsWith("/account/password") && !path.equals("/logout")
					&& !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/webjars/")) {
				if (api) {
					response.sendError(HttpServletResponse.SC_FORBIDDEN, "Password change required: log in to the web UI first");
				}
				else {
					UriComponentsBuilder target = UriComponentsBuilder.fromPath(request.getContextPath() + "/account/password");
					if ("GET".equals(request.getMethod()) && !path.equals("/")) {
						target.queryParam("next", path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
					}
					response.sendRedirect(target.encode().build().toUriString());
				}
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
