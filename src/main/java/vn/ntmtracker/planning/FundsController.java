package vn.ntmtracker.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Units;

/** Pages: funds mobilised by year and source (with planned vs actual), and the steering committee. */
@Controller
class FundsController {

	private final Funds funds;
	private final Committee committee;
	private final Units units;
	private final AccessPolicy access;

	private final Clock clock;

	FundsController(Funds funds, Committee committee, Units units, AccessPolicy access, Clock clock) {
		this.clock = clock;
		this.funds = funds;
		this.committee = committee;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/units/{code}/funds")
	String funds(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		List<Integer> years = funds.years(code);
		int shown = year != null ? year : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
		model.addAttribute("unit", units.get(code, LocalDate.now(clock)));
		model.addAttribute("year", shown);
		model.addAttribute("years", years);
		model.addAttribute("summary", funds.summary(code, shown));
		model.addAttribute("comparison", funds.plannedVsActual(code, shown));
		model.addAttribute("entries", funds.entries(code, shown));
		model.addAttribute("sources", FundingSource.values());
		return "planning/funds";
	}

	@PostMapping("/units/{code}/funds")
	String record(@PathVariable String code, @RequestParam String year, @RequestParam(required = false) FundingSource source,
			@RequestParam String amount, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		Integer parsedYear = PlanController.TaskFormReader.integer(year, "năm", problems);
		Long parsedAmount = PlanController.TaskFormReader.money(amount, "số tiền", problems);
		try {
			if (!problems.isEmpty()) {
				throw new PlanException(problems);
			}
			funds.record(code, new Funds.FundInput(parsedYear, source, parsedAmount, null, null, note));
			redirect.addFlashAttribute("message", "planning.funds.saved");
		}
		catch (PlanException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/units/" + code + "/funds" + (parsedYear == null ? "" : "?year=" + parsedYear);
	}

	@GetMapping("/units/{code}/committee")
	String committee(@PathVariable String code, Model model) {
		model.addAttribute("unit", units.get(code, LocalDate.now(clock)));
		model.addAttribute("members", committee.members(code));
		model.addAttribute("reports", committee.reports(code));
		List<vn.ntmtracker.units.Unit> villages = units.children(code, LocalDate.now(clock));
		model.addAttribute("villages", villages);
		model.addAttribute("villageNames", villages.stream()
			.collect(java.util.stream.Collectors.toMap(vn.ntmtracker.units.Unit::code, vn.ntmtracker.units.Unit::name)));
		return "planning/committee";
	}

	@PostMapping("/units/{code}/committee/members")
	String addMember(@PathVariable String code, @RequestParam String name, @RequestParam String role, RedirectAttributes redirect) {
		return run(code, redirect, () -> committee.addMember(code, name, role));
	}

	@PostMapping("/units/{code}/committee/assignments")
	String assign(@PathVariable String code, @RequestParam long member, @RequestParam(required = false) Integer criterion,
			@RequestParam(required = false) String village, RedirectAttributes redirect) {
		return run(code, redirect, () -> committee.assign(member, criterion, village));
	}

	@PostMapping("/units/{code}/committee/reports")
	String report(@PathVariable String code, @RequestParam long member,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestParam String done, @RequestParam(required = false) String problems, RedirectAttributes redirect) {
		return run(code, redirect, () -> committee.report(member, week, done, problems));
	}

	private static String run(String code, RedirectAttributes redirect, Runnable write) {
		try {
			write.run();
			redirect.addFlashAttribute("message", "planning.committee.saved");
		}
		catch (PlanException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/units/" + code + "/committee";
	}
}
