package vn.ntmtracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ntmtracker.assessment.AssessmentOverview;
import vn.ntmtracker.assessment.HomeFigures;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.directives.DirectiveFigures;
import vn.ntmtracker.planning.Plans;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.AuditLog;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAdministration;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The home page answers "what do I do now?" for the role the user holds, from stored figures: a commune officer or
 * village board sees the unit's standing with the tasks covering each unmet criterion, the items due, rounds returned
 * and what others changed; a coordination office or sector department its communes, the sign-offs waiting for it and
 * the overdue items by assignee; a leader the province at a glance (and the meeting screen); an administrator the
 * first-run checklist. A user with several roles switches between them with {@code ?role=}.
 */
@Controller
class HomeController {

	/** Which role's page opens first when a user holds several. */
	private static final List<Role> PRIORITY = List.of(Role.ADMIN, Role.COORDINATION, Role.SECTOR, Role.LEADER,
			Role.COMMUNE_OFFICER, Role.VILLAGE_BOARD);

	private final Units units;
	private final AccessPolicy access;
	private final Clock clock;
	private final HomeFigures assessment;
	private final AssessmentOverview overview;
	private final DirectiveFigures directives;
	private final Plans plans;
	private final AuditLog audit;
	private final CriteriaCatalog catalog;
	private final UserAdministration users;
	private final Charts charts;
	private final org.springframework.context.MessageSource messages;

	HomeController(org.springframework.context.MessageSource messages, Units units, AccessPolicy access, Clock clock, HomeFigures assessment, AssessmentOverview overview,
			DirectiveFigures directives, Plans plans, AuditLog audit, CriteriaCatalog catalog, UserAdministration users,
			Charts charts) {
		this.units = units;
		this.access = access;
		this.clock = clock;
		this.assessment = assessment;
		this.overview = overview;
		this.directives = directives;
		this.plans = plans;
		this.audit = audit;
		this.catalog = catalog;
		this.users = users;
		this.charts = charts;
		this.messages = messages;
	}

	private String text(String key) {
		return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) Integer role, Model model) {
		LocalDate today = LocalDate.now(clock);
		CurrentUser me = access.currentUser().orElseThrow();
		List<Grant> grants = me.grants().stream()
			.sorted(Comparator.comparingInt((Grant g) -> PRIORITY.indexOf(g.role()))).toList();
		model.addAttribute("roots", units.roots(today, access.current()));
		model.addAttribute("grants", grants);
		if (grants.isEmpty()) {
			model.addAttribute("view", "none");
			return "home";
		}
		int chosen = role == null || role < 0 || role >= grants.size() ? 0 : role;
		model.addAttribute("chosen", chosen);
		Grant grant = grants.get(chosen);
		switch (grant.role()) {
			case ADMIN -> admin(model);
			case COMMUNE_OFFICER, VILLAGE_BOARD -> officer(grant.unitCode(), today, model);
			case COORDINATION, SECTOR -> office(grant, today, model);
			case LEADER -> leader(grant.unitCode(), today, model);
		}
		return "home";
	}

	/** The leader's page on a projector: large type, no menus, 1920×1080. */
	@GetMapping("/meeting")
	String meeting(@RequestParam(required = false) String unit, Model model) {
		LocalDate today = LocalDate.now(clock);
		CurrentUser me = access.currentUser().orElseThrow();
		String root = unit != null && !unit.isBlank() ? unit
				: me.grants().stream().map(Grant::unitCode).filter(java.util.Objects::nonNull).findFirst()
					.orElseGet(() -> units.roots(today, access.current()).stream().findFirst().map(Unit::code).orElse(null));
		if (root == null) {
			return "redirect:/";
		}
		access.requireRead(root);
		leader(root, today, model);
		return "meeting";
	}

	// ---- administrator: the first run of an empty system ------------------------------------------------------------

	/** A step of the first-run checklist, done when its state says so. */
	record Step(String key, boolean done, String href, String detail) {
	}

	private void admin(Model model) {
		model.addAttribute("view", "admin");
		long unitCount = units.count();
		long published = catalog.list().stream().filter(s -> s.status() == SetStatus.PUBLISHED).count();
		long userCount = users.search(null, 0, 1).totalElements();
		boolean rounds = assessment.anyRound();
		List<Step> steps = List.of(
				new Step("units", unitCount > 0, "/units/import", Long.toString(unitCount)),
				new Step("criteria", unitCount > 0 && published > 0, "/criteria/provinces", Long.toString(published)),
				new Step("users", userCount > 1, "/admin/users", Long.toString(userCount)),
				new Step("round", rounds, "/assessments/import", ""));
		model.addAttribute("steps", steps);
		model.addAttribute("stepsDone", steps.stream().filter(Step::done).count());
	}

	// ---- commune officer and village board -------------------------------------------------------------------------

	private void officer(String unitCode, LocalDate today, Model model) {
		model.addAttribute("view", "officer");
		model.addAttribute("unit", units.find(unitCode, today).orElse(null));
		model.addAttribute("unitCode", unitCode);
		model.addAttribute("standings", assessment.standings(unitCode));
		model.addAttribute("tasksByCriterion", plans.openTasksByCriterion(unitCode));
		model.addAttribute("work", directives.myWork(today, 7));
		model.addAttribute("myTasks", plans.openTasks(today).stream()
			.filter(t -> t.deadline() == null || !t.deadline().isAfter(today.plusDays(14))).limit(10).toList());
		model.addAttribute("returned", assessment.returned(today));
		List<String> nearby = new ArrayList<>(units.subtreeCodes(unitCode, today));
		if (nearby.isEmpty()) {
			nearby.add(unitCode);
		}
		model.addAttribute("changes", audit.recentByOthers(nearby, access.currentUsername(), 8));
	}

	// ---- coordination office and sector department ------------------------------------------------------------------

	private void office(Grant grant, LocalDate today, Model model) {
		model.addAttribute("view", "office");
		String root = grant.unitCode() != null ? grant.unitCode()
				: units.roots(today, access.current()).stream().findFirst().map(Unit::code).orElse(null);
		model.addAttribute("awaiting", assessment.awaitingMe(today));
		if (root == null) {
			return;
		}
		Unit unit = units.find(root, today).orElse(null);
		model.addAttribute("unit", unit);
		communes(root, today, model);
		model.addAttribute("loads", directives.loadByAssignee(root, today).stream().limit(10).toList());
	}

	/** The communes under the root on the set most recently signed off there, their standing and what changed. */
	private void communes(String root, LocalDate today, Model model) {
		Optional<String> set = assessment.mainSet(root, 3, today);
		if (set.isEmpty()) {
			model.addAttribute("rows", List.of());
			return;
		}
		AssessmentOverview.Overview shown = overview.of(root, set.get(), today, true, null, "scoreAsc");
		model.addAttribute("overview", shown);
		model.addAttribute("rows", shown.rows());
		model.addAttribute("watch", shown.rows().stream().filter(r -> r.regressed() || r.atRisk()).toList());
		// the heat map shows the communes that most need attention (at risk or regressed, then the lowest scores); a
		// province of a thousand communes is read in full on the overview, not on the home page
		model.addAttribute("heatRows", shown.rows().stream()
			.sorted(java.util.Comparator.comparingInt((AssessmentOverview.Row r) -> r.regressed() || r.atRisk() ? 0 : 1))
			.limit(HEAT_MAP_ROWS).toList());
		model.addAttribute("heatMapRows", HEAT_MAP_ROWS);
	}

	/** Rows of the home page's heat map; the overview lists them all. */
	static final int HEAT_MAP_ROWS = 40;

	// ---- leader ----------------------------------------------------------------------------------------------------

	private void leader(String root, LocalDate today, Model model) {
		model.addAttribute("view", "leader");
		if (root == null) {
			return;
		}
		Unit unit = units.find(root, today).orElse(null);
		model.addAttribute("unit", unit);
		communes(root, today, model);
		int year = today.getYear();
		// the tier the area is judged at now: that of the set its latest signed-off commune round used
		Tier tier = assessment.mainSet(root, 3, today).flatMap(catalog::current).map(s -> s.tier()).orElse(Tier.XA_NTM);
		model.addAttribute("trendTier", tier);
		Map<Tier, Long> reached = new LinkedHashMap<>();
		for (Tier level : List.of(Tier.XA_NTM, Tier.XA_NTM_NANG_CAO, Tier.XA_NTM_KIEU_MAU)) {
			reached.put(level, assessment.trend(root, level, year, year).stream().findFirst().map(HomeFigures.YearCount::reached).orElse(0L));
		}
		model.addAttribute("reached", reached);
		List<HomeFigures.YearCount> trend = assessment.trend(root, tier, year - 5, year);
		model.addAttribute("trend", trend);
		long lastYear = trend.size() >= 2 ? trend.get(trend.size() - 2).reached() : 0;
		long thisYear = trend.isEmpty() ? 0 : trend.get(trend.size() - 1).reached();
		model.addAttribute("newThisYear", Math.max(0, thisYear - lastYear));
		model.addAttribute("target", plans.targets(root, tier.name(), year));
		List<DirectiveFigures.AssigneeLoad> loads = directives.loadByAssignee(root, today);
		model.addAttribute("loads", loads.stream().limit(10).toList());
		model.addAttribute("overdue", loads.stream().mapToLong(DirectiveFigures.AssigneeLoad::overdue).sum());
		model.addAttribute("trendChart", charts.bar(trend.stream().map(y -> Integer.toString(y.year())).toList(), List.of(
				charts.series(text("home.chart.reached." + tier.name()), trend.stream().map(HomeFigures.YearCount::reached).toList(), "#1e7b4f"),
				charts.series(text("home.chart.assessed"), trend.stream().map(HomeFigures.YearCount::assessed).toList(), "#9bb8a9"))));
		List<DirectiveFigures.AssigneeLoad> top = loads.stream().filter(l -> l.overdue() > 0).limit(10).toList();
		model.addAttribute("overdueChart", charts.horizontalBar(top.stream().map(l -> abbreviate(l.name(), 40)).toList(), List.of(
				charts.series(text("home.chart.overdue"), top.stream().map(DirectiveFigures.AssigneeLoad::overdue).toList(), "#b3261e"))));
	}


	private static String abbreviate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1).strip() + "…";
	}
}
