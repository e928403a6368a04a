package vn.ntmtracker.security;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Login page, the current user's API tokens, and the password change (forced after a one-time password). */
@Controller
class AccountController {

	private final UserAccounts accounts;
	private final ApiTokens tokens;
	private final SecurityContextRepository contexts;

	AccountController(UserAccounts accounts, ApiTokens tokens, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.contexts = contexts;
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
		model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
		return "security/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal CurrentUser user, @RequestParam String name,
			@RequestParam(required = false) Integer days, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("secret", tokens.create(user, name, days));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		tokens.revoke(user, id);
		return "redirect:/account/tokens";
	}

	/** The login page; on a system whose only account still has its first-start password, it says where that is. */
	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("firstStart", accounts.firstStartPending());
		return "security/login";
	}

	@GetMapping("/account/password")
	String passwordForm(@RequestParam(required = false) String next, Model model) {
		model.addAttribute("next", LocalPath.orNull(next));
		return "security/password";
	}

	/**
	 * Changes the password, keeps this session (its epoch moves with the change) while every other session and API
	 * token of the user ends, and takes the user where they were going, with a confirmation.
	 */
	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam String current,
			@RequestParam String password, @RequestParam String confirm, @RequestParam(required = false) String next,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		String error = null;
		if (!accounts.passwordMatches(user.username(), current)) {
			error = "password.error.current";
		}
		else if (!password.equals(confirm)) {
			error = "password.error.mismatch";
		}
		else if (password.equals(current)) {
			error = "password.error.same";
		}
		else {
			error = PasswordPolicy.problem(user.username(), password).orElse(null);
		}
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("next", LocalPath.orNull(next));
			return "security/password";
		}
		accounts.changePassword(user.username(), password);
		CurrentUser refreshed = accounts.loadUserByUsername(user.username());
		refreshed.eraseCredentials();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		// shown by the layout on whatever page comes next (a page's own "message" may be a sentence, not a key)
		redirect.addFlashAttribute("passwordChanged", true);
		String target = LocalPath.orNull(next);
		return "redirect:" + (target == null ? "/" : target);
	}

	/** Who am I, with my grants: lets API clients and scripts check their credentials. */
	@GetMapping("/api/me")
	@ResponseBody
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.username(), user.displayName(), user.grants());
	}

	record Me(String username, String displayName, List<Grant> grants) {
	}

	record NewToken(String name, String token, int days) {
	}

	/**
	 * Creates a personal API token for the caller; the secret is in this response only. A caller authenticated by
	 * a token may not create another (a stolen token must not outlive its revocation).
	 */
	@PostMapping("/api/me/tokens")
	@ResponseBody
	ResponseEntity<?> createApiToken(@AuthenticationPrincipal CurrentUser user, @RequestBody Map<String, Object> body,
			Authentication authentication) {
		if (authentication instanceof ApiTokenAuthentication) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "Không tạo khóa API bằng một khóa API; hãy đăng nhập bằng mật khẩu"));
		}
		Object name = body.get("name");
		Integer days = body.get("days") instanceof Number n ? n.intValue() : null;
		int lifetime = days == null ? ApiTokens.DEFAULT_DAYS : days;
		try {
			String token = tokens.create(user, name instanceof String s ? s : null, days);
			return ResponseEntity.status(HttpStatus.CREATED).body(new NewToken((String) name, token, lifetime));
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.unprocessableContent().body(Map.of("message", ex.getMessage()));
		}
	}
}
