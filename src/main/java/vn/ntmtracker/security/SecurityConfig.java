package vn.ntmtracker.security;

import java.io.IOException;

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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: {@code /api/**} is stateless with HTTP Basic (401 when anonymous), pages use form login
 * with CSRF protection and sessions stored in PostgreSQL. Authorization by unit is decided in
 * {@link AccessPolicy}, called by each feature.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(10);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
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
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/ical/**", "/actuator/health",
						"/actuator/health/liveness", "/actuator/health/readiness")
				.permitAll()
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new LoginFailureHandler()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")))
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
			var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
			boolean mustChange = authentication != null && authentication.getPrincipal() instanceof CurrentUser user
					&& user.mustChangePassword();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (mustChange && !path.startsWith("/account/password") && !path.equals("/logout")
					&& !path.startsWith("/css/") && !path.startsWith("/webjars/")) {
				if (api) {
					response.sendError(HttpServletResponse.SC_FORBIDDEN, "Password change required: log in to the web UI first");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/account/password");
				}
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
