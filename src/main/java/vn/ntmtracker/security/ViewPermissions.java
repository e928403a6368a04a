package vn.ntmtracker.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.ntmtracker.security.Authorization.Target;

/**
 * What the pages ask before they show a button or a form: {@code th:if="${@can.act('EDIT_PLAN', unit.code())}"}. Every
 * answer is {@link Authorization}'s (writes) or {@link AccessPolicy}'s (reads), so a control is shown exactly when
 * the action behind it would be allowed; templates never look at roles themselves. Permissions are named as in
 * {@link Permission}; a misspelt name fails the page (and its test) instead of hiding a button silently.
 *
 * <p>Decisions that need a module's own records (membership of an organisation for a directive) stay with that module,
 * which asks {@link Authorization} and hands the page a {@code may…} flag.
 */
@Component("can")
public class ViewPermissions {

	/** Answers already given in this request (a plan page asks once per task row). */
	private static final String MEMO = ViewPermissions.class.getName() + ".memo";

	private final Authorization authorization;
	private final AccessPolicy access;
	private final Clock clock;

	ViewPermissions(Authorization authorization, AccessPolicy access, Clock clock) {
		this.authorization = authorization;
		this.access = access;
		this.clock = clock;
	}

	/** May the current user take the action on the unit's data as the unit stands today. */
	public boolean act(String permission, String unitCode) {
		return act(permission, unitCode, LocalDate.now(clock));
	}

	/** May the current user take the action on the unit's data as the unit stood on {@code on} (a record's date). */
	public boolean act(String permission, String unitCode, LocalDate on) {
		if (unitCode == null) {
			return false;
		}
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		return memo(permission + "|" + unitCode + "|" + day,
				() -> authorization.may(Permission.valueOf(permission), Target.unit(unitCode, day)));
	}

	/**
	 * May the current user take the action on one criterion's record (a plan task, a directive on a criterion): a sector
	 * department only on its criteria; {@code criterion} null is the unit's work in general.
	 */
	public boolean act(String permission, String unitCode, LocalDate on, String setCode, Integer criterion) {
		if (unitCode == null) {
			return false;
		}
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		return memo(permission + "|" + unitCode + "|" + day + "|" + setCode + "|" + criterion,
				() -> authorization.may(Permission.valueOf(permission),
						Target.criteria(unitCode, day, setCode, criterion == null ? List.of() : List.of(criterion))));
	}

	/** The criteria (numbers of the set) the current user may take the action on: a sector department only its own. */
	public Set<Integer> criteria(String permission, String unitCode, LocalDate on, String setCode, Collection<Integer> numbers) {
		return authorization.allowedCriteria(Permission.valueOf(permission), unitCode, on == null ? LocalDate.now(clock) : on,
				setCode, numbers);
	}

	/** Whether some grant of the current user allows the action somewhere: menus and pages that lead to a write. */
	public boolean anywhere(String permission) {
		return authorization.mayAnywhere(Permission.valueOf(permission));
	}

	/** Whether the current user may change anything at all (false for a leader, who only reads). */
	public boolean write() {
		return access.currentUser().map(user -> user.grants().stream().anyMatch(grant -> grant.role().writes())).orElse(false);
	}

	/** Administration of the system: units, criteria sets, the audit log. */
	public boolean admin() {
		return access.isAdmin();
	}

	@SuppressWarnings("unchecked")
	private <T> T memo(String key, Supplier<T> answer) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return answer.get();
		}
		Map<String, Object> answers = (Map<String, Object>) request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
		if (answers == null) {
			answers = new HashMap<>();
			request.setAttribute(MEMO, answers, RequestAttributes.SCOPE_REQUEST);
		}
		if (!answers.containsKey(key)) {
			answers.put(key, answer.get());
		}
		return (T) answers.get(key);
	}

	/** Whether the current user may read the unit's data. */
	public boolean read(String unitCode) {
		return unitCode != null && access.canRead(unitCode);
	}
}
