package vn.ntmtracker.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Units;

/** Home: the units in the user's jurisdiction and a search box. */
@Controller
class HomeController {

	private final Units units;
	private final AccessPolicy access;

	private final Clock clock;

	HomeController(Units units, AccessPolicy access, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("roots", units.roots(LocalDate.now(clock), access.current()));
		return "home";
	}
}
