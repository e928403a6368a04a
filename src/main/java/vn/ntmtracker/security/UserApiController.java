package vn.ntmtracker.security;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and grants for administrators and coordination offices (within their subtree). */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Tài khoản", description = "Users, roles on unit subtrees, password resets")
class UserApiController {

	private final UserAdministration users;
	private final MessageSource messages;

	UserApiController(UserAdministration users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	record NewUser(String username, String displayName, String email) {
	}

	record UserUpdate(String displayName, String email, Boolean enabled, Integer version) {
	}

	record GrantRequest(Role role, String unitCode, List<Integer> criteria) {
	}

	@GetMapping
	@Operation(summary = "Users the caller manages (diacritics ignored in q), paged")
	UserAdministration.UserPage search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return users.search(q, Math.max(page, 0), Math.min(Math.max(size, 1), 200));
	}

	@PostMapping
	@Operation(summary = "Create a user; the one-time password is in this response only and must be changed at first login")
	ResponseEntity<UserAdministration.Created> create(@RequestBody NewUser body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(users.create(body.username(), body.displayName(), body.email()));
	}

	@GetMapping("/{username}")
	UserAdministration.UserView get(@PathVariable String username) {
		return users.get(username);
	}

	@PutMapping("/{username}")
	@Operation(summary = "Change name, e-mail, enabled (disabling ends the user's sessions and tokens); 409 on a stale version")
	UserAdministration.UserView update(@PathVariable String username, @RequestBody UserUpdate body) {
		return users.update(username, body.displayName(), body.email(), body.enabled(), body.version());
	}

	@GetMapping("/{username}/grants")
	List<UserAdministration.GrantView> grants(@PathVariable String username) {
		return users.get(username).grants();
	}

	@PostMapping("/{username}/grants")
	@Operation(summary = "Grant a role on a unit subtree; criteria (numbers) only for a sector department")
	ResponseEntity<UserAdministration.GrantView> grant(@PathVariable String username, @RequestBody GrantRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(users.grant(username, new UserAdministration.NewGrant(body.role(), body.unitCode(), body.criteria())));
	}

	@DeleteMapping("/{username}/grants/{id}")
	ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable long id) {
		users.revoke(username, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{username}/password-reset")
	@Operation(summary = "A new one-time password (in this response only); the user's sessions and tokens end")
	Map<String, String> reset(@PathVariable String username) {
		return Map.of("username", username, "oneTimePassword", users.resetPassword(username));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Create users from CSV (username,display_name,email,role,unit_code,criteria); all or nothing, 422 with row errors")
	ResponseEntity<UserAdministration.ImportResult> importCsv(@RequestBody String csv) throws IOException {
		UserAdministration.ImportResult result = users.importUsers(UserImport.csv(new StringReader(csv)));
		return ResponseEntity.status(result.ok() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
	}

	@PostMapping(path = "/import", consumes = "multipart/form-data")
	@Operation(summary = "Create users from an uploaded CSV or XLSX (first sheet, same columns as the CSV); all or nothing, 422 with row errors")
	ResponseEntity<UserAdministration.ImportResult> importFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file)
			throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		UserAdministration.ImportResult result;
		try (var input = file.getInputStream()) {
			result = name.endsWith(".csv") || name.endsWith(".txt")
					? users.importCsv(new java.io.InputStreamReader(input, java.nio.charset.StandardCharsets.UTF_8))
					: users.importXlsx(input);
		}
		return ResponseEntity.status(result.ok() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
	}

	@ExceptionHandler(UserAdministrationException.class)
	ResponseEntity<Map<String, Object>> refused(UserAdministrationException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> problems = ex.problems().stream()
			.map(key -> Map.of("key", key, "message", messages.getMessage(key, null, key, locale))).toList();
		return ResponseEntity.unprocessableContent().body(Map.of("status", 422, "message",
				String.join(" ", problems.stream().map(p -> p.get("message")).toList()), "problems", problems));
	}
}
