package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Set;

/**
 * What happens to directives and requests that other modules follow (notifications), published inside the
 * transaction of the change, after its audit.
 */
public final class DirectiveEvents {

	private DirectiveEvents() {
	}

	/** A directive or request was assigned: the lead body and the cooperating bodies have new work. */
	public record Assigned(long directiveId, Directive.Kind kind, String text, long leadId, Set<Long> cooperatingIds, LocalDate due,
			String by) {
	}

	/** The issuer granted an extension: a new deadline in force from the day it was granted. */
	public record ExtensionGranted(long directiveId, String text, long leadId, Set<Long> cooperatingIds, LocalDate due, String wording,
			String by) {
	}

	/** The body handling a request (kiến nghị) reported it done: the unit that raised it has its answer. */
	public record RequestAnswered(long directiveId, String text, String raisedByUnit, long leadId, String by) {
	}
}
