package vn.ntmtracker.security;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.ntmtracker.units.Units;

/**
 * The one decision for every write (ASVS V4.1): may this user take this {@link Permission} on this unit's data, as the
 * unit stood on the record's date, for these criteria? A grant counts when its unit is on the unit's line of
 * ancestors on that date — so a district's department abolished on 30/6/2025 decides nothing about a round of
 * 2026, and a province keeps no say over a commune that moved away. Pages, API and imports all call it; buttons
 * are shown from the same decision.
 *
 * <ul>
 * <li>Administrators may do everything; leaders nothing.</li>
 * <li>Coordination offices: everything within their subtree except the unit tree and the criteria sets.</li>
 * <li>Commune officers and village boards: the work and acts of their unit and what lies under it.</li>
 * <li>Sector departments: work on their criteria only (values, judgements, imports, plan tasks, progress);
 * never a whole round's sign-off, approvals, funds, documents or organisations.</li>
 * <li>Sign-off by the level above (thẩm tra, thẩm định, trả lại): a grant on a strict ancestor of the unit, by a
 * coordination office or, for verification and return, a commune over its villages; appraisal by a coordination
 * office only.</li>
 * </ul>
 */
@Component
public class Authorization {

	/** What a write touches: a unit's data as of a date, optionally only some criteria of one set. */
	public record Target(String unitCode, LocalDate on, String setCode, Collection<Integer> criteria) {

		public static Target unit(String unitCode, LocalDate on) {
			return new Target(unitCode, on, null, List.of());
		}

		public static Target criteria(String unitCode, LocalDate on, String setCode, Collection<Integer> criteria) {
			return new Target(unitCode, on, setCode, List.copyOf(criteria));
		}

		/** The whole system (units, criteria sets, every user). */
		public static Target system(LocalDate on) {
			return new Target(null, on, null, List.of());
		}
	}

	/** Allowed, or refused with the reason (a message key and its arguments). */
	public record Decision(boolean allowed, String reasonKey, List<Object> arguments) {

		static final Decision ALLOWED = new Decision(true, null, List.of());

		static Decision refused(String key, Object... arguments) {
			return new Decision(false, key, List.of(arguments));
		}
	}

	private final AccessPolicy access;
	private final Units units;
	private final MessageSource messages;

	Authorization(AccessPolicy access, Units units, MessageSource messages) {
		this.access = access;
		this.units = units;
		this.messages = messages;
	}

	/** Whether the current user may; for showing or hiding a button. */
	public boolean may(Permission action, Target target) {
		return access.currentUser().map(user -> decide(user, action, target).allowed()).orElse(false);
	}

	/**
	 * Whether one of the current user's grants allows the action on some unit: for menus and pages that are only a way
	 * to a write (an import page), before any unit is chosen. Each record is still decided by {@link #may}.
	 */
	public boolean mayAnywhere(Permission action) {
		return access.currentUser().map(user -> user.isAdmin()
				|| user.grants().stream().anyMatch(grant -> mayEver(grant.role(), action))).orElse(false);
	}

	/** What {@link #decide(Grant, Permission, Target, List)} allows a role somewhere, whatever the unit. */
	private static boolean mayEver(Role role, Permission action) {
		return switch (role) {
			case ADMIN -> true;
			case LEADER -> false;
			case COORDINATION -> action.kind() != Permission.Kind.ADMINISTRATION || action == Permission.MANAGE_USERS;
			case COMMUNE_OFFICER -> action.kind() == Permission.Kind.WORK || action.kind() == Permission.Kind.UNIT_BODY
					|| action.kind() == Permission.Kind.LEVEL_ABOVE && action != Permission.APPRAISE_ROUND;
			case VILLAGE_BOARD -> action.kind() == Permission.Kind.WORK || action.kind() == Permission.Kind.UNIT_BODY;
			case SECTOR -> action.kind() == Permission.Kind.WORK;
		};
	}

	/**
	 * Of {@code criteria} (numbers of {@code setCode}), those the current user may take the action on for the unit on
	 * the date: all or none for most roles, a sector department's own criteria for it. One query for the unit's line.
	 */
	public Set<Integer> allowedCriteria(Permission action, String unitCode, LocalDate on, String setCode,
			Collection<Integer> criteria) {
		Optional<CurrentUser> current = access.currentUser();
		if (current.isEmpty() || unitCode == null) {
			return java.util.Collections.emptySet();
		}
		CurrentUser user = current.get();
		if (user.isAdmin()) {
			return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(criteria));
		}
		List<String> line = units.lineOn(unitCode, on);
		// In the order given; a hash set, so a page asking contains(null) or a criterion of another type gets false
		// instead of the exception a TreeSet (or Set.copyOf) throws.
		Set<Integer> allowed = new java.util.LinkedHashSet<>();
		for (Integer criterion : criteria) {
			if (decide(user, action, Target.criteria(unitCode, on, setCode, List.of(criterion)), line).allowed()) {
				allowed.add(criterion);
			}
		}
		return java.util.Collections.unmodifiableSet(allowed);
	}

	/** Refuses with {@link AccessDeniedException} (403) naming the action and the unit when the current user may not. */
	public void require(Permission action, Target target) {
		CurrentUser user = access.currentUser().orElseThrow(() -> new AccessDeniedException("Cần đăng nhập"));
		Decision decision = decide(user, action, target);
		if (!decision.allowed()) {
			if ("authorization.noSuchUnit".equals(decision.reasonKey()) && !units.exists(target.unitCode())) {
				// A name typed instead of a code: "không tìm thấy đơn vị", not a misleading "no permission".
				throw new vn.ntmtracker.units.UnitNotFoundException(target.unitCode());
			}
			Locale locale = LocaleContextHolder.getLocale();
			String reason = explain(decision);
			throw new PermissionDeniedException(action, decision,
					messages.getMessage("authorization.denied", new Object[] { messages.getMessage(action.messageKey(), null, locale), reason }, locale));
		}
	}

	/**
	 * One decision per unit for the current user, for imports: the units' lines of ancestors are read in one query.
	 * {@code criteriaByUnit} names, for each unit, the criteria of {@code setCode} the write touches.
	 */
	public Map<String, Decision> decideEach(Permission action, LocalDate on, String setCode,
			Map<String, ? extends Collection<Integer>> criteriaByUnit) {
		CurrentUser user = access.currentUser().orElseThrow(() -> new AccessDeniedException("Cần đăng nhập"));
		Map<String, List<String>> lines = units.linesOn(criteriaByUnit.keySet(), on);
		Map<String, Decision> decisions = new HashMap<>();
		criteriaByUnit.forEach((unit, criteria) -> decisions.put(unit, decide(user, action,
				new Target(unit, on, setCode, List.copyOf(criteria)), lines.getOrDefault(unit, List.of()))));
		return decisions;
	}

	/** The reason of a refusal in the request's language. */
	public String explain(Decision decision) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(decision.reasonKey(), decision.arguments().stream()
			.map(a -> a instanceof LocalDate d ? d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear() : a).toArray(), locale);
	}

	public Decision decide(CurrentUser user, Permission action, Target target) {
		if (user.isAdmin()) {
			return Decision.ALLOWED;
		}
		return decide(user, action, target, target.unitCode() == null ? List.of() : units.lineOn(target.unitCode(), target.on()));
	}

	private Decision decide(CurrentUser user, Permission action, Target target, List<String> line) {
		if (user.isAdmin()) {
			return Decision.ALLOWED;
		}
		if (action.kind() == Permission.Kind.ADMINISTRATION && action != Permission.MANAGE_USERS || target.unitCode() == null) {
			return Decision.refused("authorization.adminOnly");
		}
		if (line.isEmpty()) {
			return Decision.refused("authorization.noSuchUnit", target.unitCode(), target.on());
		}
		Decision refusal = Decision.refused("authorization.outside", target.unitCode(), target.on());
		for (Grant grant : user.grants()) {
			Optional<Decision> byGrant = decide(grant, action, target, line);
			if (byGrant.isPresent() && byGrant.get().allowed()) {
				return byGrant.get();
			}
			if (byGrant.isPresent()) {
				refusal = byGrant.get();
			}
		}
		return refusal;
	}

	/** Empty when the grant does not reach the unit on that date; else what the grant's role allows there. */
	private static Optional<Decision> decide(Grant grant, Permission action, Target target, List<String> line) {
		boolean reaches = grant.nationwide() || line.contains(grant.unitCode());
		if (!reaches) {
			return Optional.empty();
		}
		boolean above = grant.nationwide() || !line.get(line.size() - 1).equals(grant.unitCode());
		Role role = grant.role();
		return Optional.of(switch (role) {
			case ADMIN -> Decision.ALLOWED;
			case LEADER -> Decision.refused("authorization.readOnly");
			case COORDINATION -> switch (action.kind()) {
				case LEVEL_ABOVE -> above ? Decision.ALLOWED : Decision.refused("authorization.levelAbove", target.unitCode());
				case ADMINISTRATION -> action == Permission.MANAGE_USERS ? Decision.ALLOWED : Decision.refused("authorization.adminOnly");
				default -> Decision.ALLOWED;
			};
			case COMMUNE_OFFICER, VILLAGE_BOARD -> switch (action.kind()) {
				case WORK, UNIT_BODY -> Decision.ALLOWED;
				// A commune verifies and returns its villages' rounds; appraisal belongs to a coordination office.
				case LEVEL_ABOVE -> above && role == Role.COMMUNE_OFFICER && action != Permission.APPRAISE_ROUND ? Decision.ALLOWED
						: Decision.refused(action == Permission.APPRAISE_ROUND ? "authorization.appraiseCoordination"
								: "authorization.levelAbove", target.unitCode());
				case ADMINISTRATION -> Decision.refused("authorization.adminOnly");
			};
			case SECTOR -> action.kind() != Permission.Kind.WORK ? Decision.refused("authorization.sectorAct", action.name())
					: covers(grant, target) ? Decision.ALLOWED
					: Decision.refused("authorization.sectorCriteria", criteriaText(grant));
		});
	}

	/** A sector department limited to some criteria covers a write only when it names criteria, all of them its own. */
	private static boolean covers(Grant grant, Target target) {
		if (grant.criteria().isEmpty()) {
			return true;
		}
		if (target.criteria().isEmpty()) {
			return false;
		}
		return target.criteria().stream().allMatch(c -> grant.coversCriterion(target.setCode(), Integer.toString(c)));
	}

	private static String criteriaText(Grant grant) {
		Set<String> criteria = grant.criteria();
		return criteria.stream().map(c -> c.substring(c.indexOf(':') + 1)).sorted().reduce((a, b) -> a + ", " + b).orElse("");
	}
}
