package vn.ntmtracker.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Login page, the current user's profile, and the password change (forced after a one-time password). */
@Controller
class AccountController {

	static final int MIN_PASSWORD_LENGTH = 10;

	private final UserAccounts accounts;
	private final ApiTokens tokens;

	AccountController(UserAccounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		return "security/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal CurrentUser user, @RequestParam String name, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("secret", tokens.create(user, name));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser user, @org.springframework.web.bind.annotation.PathVariable long id) {
		tokens.revoke(user, id);
		return "redirect:/account/tokens";
	}

	@GetMapping("/login")
	String login() {
		return "security/login";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "security/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam String current,
			@RequestParam String password, @RequestParam String confirm, Model model, RedirectAttributes redirect) {
		String error = null;
		if (!accounts.passwordMatches(user.username(), current)) {
			error = "password.error.current";
		}
		else if (password.length() < MIN_PASSWORD_LENGTH) {
			error = "password.error.short";
		}
		else if (!password.equals(confirm)) {
			error = "password.error.mismatch";
		}
		else if (password.equals(current)) {
			error = "password.error.same";
		}
		if (error != null) {
			model.addAttribute("error", error);
			return "security/password";
		}
		accounts.changePassword(user.username(), password);
		CurrentUser refreshed = accounts.loadUserByUsername(user.username());
		refreshed.eraseCredentials();
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
		redirect.addFlashAttribute("message", "password.changed");
		return "redirect:/";
	}

	/** Who am I, with my grants: lets API clients and scripts check their credentials. */
	@GetMapping("/api/me")
	@ResponseBody
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.username(), user.displayName(), user.grants());
	}

	record Me(String username, String displayName, java.util.List<Grant> grants) {
	}

	record NewToken(String name, String token) {
	}

	/** Creates a personal API token for the caller; the secret is in this response only. */
	@PostMapping("/api/me/tokens")
	@ResponseBody
	org.springframework.http.ResponseEntity<NewToken> createApiToken(@AuthenticationPrincipal CurrentUser user,
			@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, String> body) {
		String name = body.get("name");
		return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
			.body(new NewToken(name, tokens.create(user, name)));
	}
}
