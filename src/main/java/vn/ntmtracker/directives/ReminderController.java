package vn.ntmtracker.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The user's reminder settings (digest address, iCalendar token) and the feed itself at
 * {@code /ical/{token}.ics}, which calendar apps fetch without logging in: the token is the credential.
 */
@Controller
class ReminderController {

	private final Reminders reminders;
	private final DirectiveAccess access;
	private final DirectiveMessages messages;

	private final Clock clock;

	ReminderController(Reminders reminders, DirectiveAccess access, DirectiveMessages messages, Clock clock) {
		this.clock = clock;
		this.reminders = reminders;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/directives/reminders")
	String settings(Model model) {
		String user = access.username();
		model.addAttribute("subscription", reminders.of(user));
		model.addAttribute("due", reminders.due(user, LocalDate.now(clock)));
		return "directives/reminders";
	}

	@PostMapping("/directives/reminders")
	String saveEmail(@RequestParam(required = false) String email, RedirectAttributes redirect) {
		try {
			reminders.setEmail(access.username(), email);
			redirect.addFlashAttribute("message", messages.text("reminders.saved"));
		}
		catch (DirectiveRuleException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/directives/reminders";
	}

	@PostMapping("/directives/reminders/ical")
	String newFeed(RedirectAttributes redirect) {
		String token = reminders.newFeedToken(access.username());
		redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/ical/{token}.ics").buildAndExpand(token).toUriString());
		return "redirect:/directives/reminders";
	}

	@PostMapping("/directives/reminders/ical/revoke")
	String revokeFeed(RedirectAttributes redirect) {
		reminders.revokeFeed(access.username());
		redirect.addFlashAttribute("message", messages.text("reminders.icalRevoked"));
		return "redirect:/directives/reminders";
	}

	@GetMapping("/ical/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return reminders.userOfToken(token)
			.map(user -> ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
				.body(ICalFeed.render(reminders.openWork(user, LocalDate.now(clock)), OffsetDateTime.now(clock))))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
