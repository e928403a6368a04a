package vn.ntmtracker.web.accounts;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.HeavyWork;
import vn.ntmtracker.directives.Memberships;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAdministration;
import vn.ntmtracker.security.UserAdministrationException;

/**
 * Accounts as pages, for administrators and coordination offices (within their subtree): the list with search, a new
 * account, one account with its grants and organisations, a password reset and an import. The rules are
 * {@link UserAdministration}'s (and, for organisations, the directives module's {@link Memberships}); this class only
 * turns them into pages. A one-time password is rendered in the answer to the POST that made it and never stored
 * anywhere else (not even as a flash attribute, which would sit in the session table).
 */
@Controller
class UserPagesController {

	static final int PAGE_SIZE = 30;

	private final UserAdministration users;
	private final Memberships memberships;
	private final MessageSource messages;
	private final HeavyWork heavyWork;

	UserPagesController(UserAdministration users, Memberships memberships, MessageSource messages, HeavyWork heavyWork) {
		this.users = users;
		this.memberships = memberships;
		this.messages = messages;
		this.heavyWork = heavyWork;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("result", users.search(q, Math.max(page, 0), PAGE_SIZE));
		return "admin/users";
	}

	@GetMapping("/admin/users/new")
	String newUser(Model model) {
		users.grantableRoles();
		return "admin/user-new";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) String email,
			Model model) {
		try {
			UserAdministration.Created created = users.create(username, displayName, email);
			model.addAttribute("username", created.username());
			model.addAttribute("oneTimePassword", created.oneTimePassword());
			model.addAttribute("reason", "created");
			return "admin/user-password";
		}
		catch (UserAdministrationException ex) {
			model.addAttribute("errors", texts(ex.problems()));
			model.addAttribute("form", new Form(username, displayName, email));
			return "admin/user-new";
		}
	}

	record Form(String username, String displayName, String email) {
	}

	@GetMapping("/admin/users/{username}")
	String show(@PathVariable String username, Model model) {
		model.addAttribute("user", users.get(username));
		model.addAttribute("roles", users.grantableRoles());
		model.addAttribute("organisations", memberships.of(username));
		return "admin/user";
	}

	@PostMapping("/admin/users/{username}")
	String update(@PathVariable String username, @RequestParam String displayName, @RequestParam(required = false) String email,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam int version, RedirectAttributes redirect) {
		try {
			users.update(username, displayName, email == null ? "" : email, enabled, version);
			redirect.addFlashAttribute("saved", "users.saved");
		}
		catch (UserAdministrationException ex) {
			redirect.addFlashAttribute("errors", texts(ex.problems()));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("errors", texts(List.of("users.error.stale")));
		}
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/grants")
	String grant(@PathVariable String username, @RequestParam(required = false) Role role, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String criteria, RedirectAttributes redirect) {
		try {
			List<Integer> numbers = criteria(criteria);
			users.grant(username, new UserAdministration.NewGrant(role, unitCode, numbers));
			redirect.addFlashAttribute("saved", "users.granted");
		}
		catch (UserAdministrationException ex) {
			redirect.addFlashAttribute("errors", texts(ex.problems()));
		}
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/grants/{id}/revoke")
	String revoke(@PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
		try {
			users.revoke(username, id);
			redirect.addFlashAttribute("saved", "users.revoked");
		}
		catch (UserAdministrationException ex) {
			redirect.addFlashAttribute("errors", texts(ex.problems()));
		}
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/password-reset")
	String reset(@PathVariable String username, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("oneTimePassword", users.resetPassword(username));
		model.addAttribute("reason", "reset");
		return "admin/user-password";
	}

	@PostMapping("/admin/users/{username}/organisations")
	String join(@PathVariable String username, @RequestParam(required = false) Long organisationId, RedirectAttributes redirect) {
		users.get(username);
		if (organisationId == null) {
			redirect.addFlashAttribute("errors", texts(List.of("users.error.organisation")));
			return "redirect:/admin/users/" + username;
		}
		try {
			memberships.add(username, organisationId);
			redirect.addFlashAttribute("saved", "users.joined");
		}
		catch (Memberships.RefusedException ex) {
			redirect.addFlashAttribute("errors", List.of(ex.getMessage()));
		}
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/organisations/{id}/remove")
	String leave(@PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
		users.get(username);
		try {
			memberships.remove(username, id);
			redirect.addFlashAttribute("saved", "users.left");
		}
		catch (Memberships.RefusedException ex) {
			redirect.addFlashAttribute("errors", List.of(ex.getMessage()));
		}
		return "redirect:/admin/users/" + username;
	}

	/** Organisations to join, found by name or code (diacritics ignored): the list of the user page's picker. */
	@GetMapping("/admin/users/{username}/organisations")
	String findOrganisations(@PathVariable String username, @RequestParam(required = false) String q, Model model) {
		show(username, model);
		model.addAttribute("organisationQuery", q);
		model.addAttribute("candidates", memberships.search(q, 30));
		return "admin/user";
	}

	@GetMapping("/admin/users/import")
	String importForm() {
		users.grantableRoles();
		return "admin/users-import";
	}

	@GetMapping("/admin/users/import/template.csv")
	ResponseEntity<byte[]> template() {
		users.grantableRoles();
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tai-khoan-mau.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(UserAdministration.importTemplate());
	}

	@PostMapping("/admin/users/import")
	String importFile(@RequestParam(required = false) MultipartFile file, Model model, jakarta.servlet.http.HttpServletResponse response)
			throws Exception {
		if (file == null || file.isEmpty()) {
			model.addAttribute("errors", texts(List.of("users.import.noFile")));
			return "admin/users-import";
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		UserAdministration.ImportResult result;
		try {
			result = heavyWork.run(() -> {
				try (var input = file.getInputStream()) {
					return name.endsWith(".csv") || name.endsWith(".txt")
							? users.importCsv(new InputStreamReader(input, StandardCharsets.UTF_8)) : users.importXlsx(input);
				}
			});
		}
		catch (HeavyWork.BusyException ex) {
			model.addAttribute("errors", texts(List.of("users.import.busy")));
			return "admin/users-import";
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("result", result);
		if (!result.ok()) {
			response.setStatus(422);
		}
		return "admin/users-import";
	}

	/** "17", "1, 2 4" or "1;2": criterion numbers; anything else is refused by the rules as a bad number. */
	static List<Integer> criteria(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Integer> numbers = new ArrayList<>();
		for (String part : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList()) {
			numbers.add(part.matches("\\d{1,3}") ? Integer.valueOf(part) : -1);
		}
		return numbers;
	}

	private List<String> texts(List<String> keys) {
		Locale locale = LocaleContextHolder.getLocale();
		return keys.stream().map(key -> messages.getMessage(key, null, key, locale)).toList();
	}
}
