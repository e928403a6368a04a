package vn.ntmtracker.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.CurrentUser;

/** What the layout needs on every page: the user and today's date. */
@ControllerAdvice
class ShellAdvice {

	private final AccessPolicy access;

	private final Clock clock;

	ShellAdvice(AccessPolicy access, Clock clock) {
		this.clock = clock;
		this.access = access;
	}

	@ModelAttribute("me")
	CurrentUser me() {
		return access.currentUser().orElse(null);
	}

	@ModelAttribute("today")
	LocalDate today() {
		return LocalDate.now(clock);
	}
}
