package vn.ntmtracker.planning;

import java.time.Clock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.assessment.ApplicableSets;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/** Pages: a unit's plans, one plan (criteria → tasks, gaps, timeline, costs), task and progress forms, export. */
@Controller
class PlanController {

	private final Plans plans;
	private final ApplicableSets applicable;
	private final Units units;
	private final AccessPolicy access;

	private final Clock clock;

	PlanController(Plans plans, ApplicableSets applicable, Units units, AccessPolicy access, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.applicable = applicable;
		this.units = units;
		this.access = access;
	}

	/** The navigation link: the plans of the user's own unit. */
	@GetMapping("/plans")
	String mine() {
		return access.currentUser().flatMap(PlanController::homeUnit).map(code -> "redirect:/units/" + code + "/plans")
			.orElse("redirect:/units");
	}

	private static java.util.Optional<String> homeUnit(CurrentUser user) {
		return user.grants().stream().map(Grant::unitCode).filter(java.util.Objects::nonNull).findFirst();
	}

	@GetMapping("/tasks/mine")
	String myTasks(Model model) {
		model.addAttribute("tasks", plans.openTasks(LocalDate.now(clock)));
		return "planning/my-tasks";
	}

	@GetMapping("/units/{code}/plans")
	String list(@PathVariable String code, Model model) {
		List<Plan> list = plans.list(code);
		Unit unit = units.get(code, LocalDate.now(clock));
		model.addAttribute("unit", unit);
		model.addAttribute("plans", list);
		model.addAttribute("sets", applicable.forUnit(code, LocalDate.now(clock)));
		model.addAttribute("parentPlans", unit.level() == 4 && unit.parentCode() != null && access.canRead(unit.parentCode())
				? plans.list(unit.parentCode()) : List.of());
		return "planning/plans";
	}

	@PostMapping("/units/{code}/plans")
	String create(@PathVariable String code, @RequestParam String title, @RequestParam String set,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
			@RequestParam(required = false) Long parent, RedirectAttributes redirect) {
		String[] parts = set.split(":");
		try {
			long id = plans.create(code, new Plans.NewPlan(title, parts[0], parts.length > 1 ? Integer.valueOf(parts[1]) : null,
					targetDate, parent));
			redirect.addFlashAttribute("message", "planning.created");
			return "redirect:/plans/" + id;
		}
		catch (PlanException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/units/" + code + "/plans";
		}
	}

	@GetMapping("/plans/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("view", plans.view(id));
		model.addAttribute("sources", FundingSource.values());
		return "planning/plan";
	}

	@GetMapping("/plans/{id}/tasks/new")
	String taskForm(@PathVariable long id, Model model) {
		model.addAttribute("view", plans.view(id));
		addTaskFormOptions(model);
		return "planning/task-form";
	}

	@PostMapping("/plans/{id}/tasks")
	String addTask(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		TaskDraft draft = TaskFormReader.read(form.toSingleValueMap(), problems);
		try {
			if (!problems.isEmpty()) {
				throw new PlanException(problems);
			}
			Integer version = TaskFormReader.integer(form.getFirst("planVersion"), "phiên bản", new ArrayList<>());
			Plans.TaskSaved saved = plans.addTask(id, draft, version);
			redirect.addFlashAttribute("message", "planning.taskAdded");
			redirect.addFlashAttribute("warnings", saved.warnings());
			return "redirect:/plans/" + id + "#task-" + saved.task().id();
		}
		catch (PlanException ex) {
			model.addAttribute("view", plans.view(id));
			model.addAttribute("problems", ex.problems());
			model.addAttribute("typed", form.toSingleValueMap());
			addTaskFormOptions(model);
			return "planning/task-form";
		}
		catch (StalePlanException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/plans/" + id;
		}
	}

	private static void addTaskFormOptions(Model model) {
		model.addAttribute("kinds", TaskKind.values());
		model.addAttribute("clearances", SiteClearance.values());
		model.addAttribute("sources", FundingSource.values());
	}

	@GetMapping("/tasks/{id}/progress")
	String progressForm(@PathVariable long id, Model model) {
		PlanTask task = plans.task(id);
		Plans.PlanView view = plans.view(task.planId());
		model.addAttribute("task", task);
		model.addAttribute("view", view);
		model.addAttribute("history", view.progress().getOrDefault(id, List.of()));
		return "planning/progress";
	}

	@PostMapping("/tasks/{id}/progress")
	String reportProgress(@PathVariable long id, @RequestParam int version, @RequestParam String percentDone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			@RequestParam(required = false) String note, @RequestParam(required = false) String attachment,
			RedirectAttributes redirect) {
		PlanTask task = plans.task(id);
		try {
			List<String> problems = new ArrayList<>();
			Integer percent = TaskFormReader.integer(percentDone, "tỷ lệ hoàn thành", problems);
			if (percent == null) {
				throw new PlanException(problems.isEmpty() ? List.of("Cần tỷ lệ hoàn thành (0–100%)") : problems);
			}
			plans.reportProgress(id, new Plans.ProgressInput(percent, reportedOn, note, attachment), version);
			redirect.addFlashAttribute("message", "planning.progressSaved");
			return "redirect:/plans/" + task.planId() + "#task-" + id;
		}
		catch (PlanException | StalePlanException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/tasks/" + id + "/progress";
		}
	}

	@PostMapping("/plans/{id}/approve")
	String approve(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String body,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
			RedirectAttributes redirect) {
		try {
			plans.approve(id, body, approvedOn, version);
			redirect.addFlashAttribute("message", "planning.approved");
		}
		catch (PlanException | StalePlanException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/plans/" + id;
	}

	@GetMapping("/plans/{id}.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id) throws IOException {
		Plans.PlanView view = plans.view(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("khung-ke-hoach-" + view.plan().unitCode() + "-" + id + ".xlsx").build().toString())
			.body(PlanWorkbook.write(view));
	}

	/** Reads the task form's text fields, naming every field that does not parse. */
	static final class TaskFormReader {

		private TaskFormReader() {
		}

		static TaskDraft read(Map<String, String> form, List<String> problems) {
			Map<FundingSource, Long> costs = new EnumMap<>(FundingSource.class);
			for (FundingSource source : FundingSource.values()) {
				Long amount = money(form.get("cost_" + source.name()), "kinh phí " + source.label(), problems);
				if (amount != null) {
					costs.put(source, amount);
				}
			}
			return new TaskDraft(integer(form.get("criterionNumber"), "tiêu chí", problems), form.get("indicatorCode"),
					form.get("description"), enumValue(TaskKind.class, form.get("kind"), problems),
					enumValue(SiteClearance.class, form.get("siteClearance"), problems), decimal(form.get("volumeQuantity"), problems),
					form.get("volumeUnit"), date(form.get("start"), "ngày bắt đầu", problems),
					date(form.get("deadline"), "thời hạn", problems), form.get("recurrence"), form.get("leadBody"),
					form.get("leadPerson"), form.get("cooperating"), money(form.get("totalCost"), "tổng kinh phí", problems), costs);
		}

		static Integer integer(String text, String label, List<String> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Integer.valueOf(text.trim());
			}
			catch (NumberFormatException ex) {
				problems.add("Không đọc được " + label + ": \"" + text + "\"");
				return null;
			}
		}

		/** "1.250.000.000" or "1250000000" đồng; dots and spaces group thousands. */
		static Long money(String text, String label, List<String> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Long.valueOf(text.trim().replace(".", "").replace(" ", ""));
			}
			catch (NumberFormatException ex) {
				problems.add("Không đọc được " + label + ": \"" + text + "\" (ghi số đồng, ví dụ 1.250.000.000)");
				return null;
			}
		}

		/** "2,5" or "2.5". */
		static BigDecimal decimal(String text, List<String> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(text.trim().replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				problems.add("Không đọc được khối lượng: \"" + text + "\"");
				return null;
			}
		}

		static LocalDate date(String text, String label, List<String> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.trim());
			}
			catch (DateTimeParseException ex) {
				problems.add("Không đọc được " + label + ": \"" + text + "\"");
				return null;
			}
		}

		static <E extends Enum<E>> E enumValue(Class<E> type, String text, List<String> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Enum.valueOf(type, text.trim());
			}
			catch (IllegalArgumentException ex) {
				problems.add("Giá trị không hợp lệ: \"" + text + "\"");
				return null;
			}
		}
	}
}
