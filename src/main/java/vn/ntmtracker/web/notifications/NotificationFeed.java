package vn.ntmtracker.web.notifications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ntmtracker.assessment.RoundEvents;
import vn.ntmtracker.assessment.RoundStatus;
import vn.ntmtracker.directives.Directive;
import vn.ntmtracker.directives.DirectiveEvents;
import vn.ntmtracker.directives.Memberships;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.security.Addressees;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Turns what the modules publish into notifications, after the change has committed (a notification never announces
 * a change that was rolled back, and a failure here never undoes the change: it is logged). Recipients are resolved
 * from the grants and memberships as they are now ({@link Addressees}, {@link Memberships}); whoever acted is not told
 * of their own act.
 *
 * <ul>
 * <li>a round submitted → those who may verify it (the level above); verified → those who may appraise it;</li>
 * <li>a round returned → its submitter and the unit's own body;</li>
 * <li>a directive or request assigned → the members of the lead and cooperating bodies (a body without members: the
 * commune officers or village board of its unit);</li>
 * <li>an extension granted → the same bodies; a request answered → the body of the unit that raised it.</li>
 * </ul>
 */
@Component
class NotificationFeed {

	private static final Logger log = LoggerFactory.getLogger(NotificationFeed.class);

	private final Notifications notifications;
	private final Addressees addressees;
	private final Memberships memberships;
	private final Units units;
	private final TransactionTemplate separately;

	NotificationFeed(Notifications notifications, Addressees addressees, Memberships memberships, Units units,
			PlatformTransactionManager transactions) {
		this.notifications = notifications;
		this.addressees = addressees;
		this.memberships = memberships;
		this.units = units;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RoundEvents.RoundSubmitted event) {
		deliver(() -> notify(addressees.mayAct(Permission.VERIFY_ROUND, event.unitCode(), event.asOf()), event.by(),
				Notifications.Kind.ROUND_WAITING_VERIFICATION, roundArgs(event.unitCode(), event.setCode(), event.asOf(), null),
				"/assessments/" + event.roundId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RoundEvents.RoundSignedOff event) {
		if (event.status() != RoundStatus.VERIFIED) {
			return;
		}
		deliver(() -> notify(addressees.mayAct(Permission.APPRAISE_ROUND, event.unitCode(), event.asOf()), event.by(),
				Notifications.Kind.ROUND_WAITING_APPRAISAL, roundArgs(event.unitCode(), event.setCode(), event.asOf(), null),
				"/assessments/" + event.roundId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RoundEvents.RoundReturned event) {
		deliver(() -> {
			Set<String> to = new LinkedHashSet<>(addressees.unitBodies(event.unitCode()));
			if (event.submittedBy() != null) {
				to.addAll(addressees.enabled(List.of(event.submittedBy())));
			}
			notify(to, event.by(), Notifications.Kind.ROUND_RETURNED,
					roundArgs(event.unitCode(), event.setCode(), event.asOf(), event.reason()), "/assessments/" + event.roundId());
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(DirectiveEvents.Assigned event) {
		deliver(() -> notify(bodies(event.leadId(), event.cooperatingIds()), event.by(),
				event.kind() == Directive.Kind.REQUEST ? Notifications.Kind.REQUEST_ASSIGNED : Notifications.Kind.DIRECTIVE_ASSIGNED,
				List.of(organisationName(event.leadId()), excerpt(event.text()), date(event.due())), "/directives/" + event.directiveId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(DirectiveEvents.ExtensionGranted event) {
		deliver(() -> notify(bodies(event.leadId(), event.cooperatingIds()), event.by(), Notifications.Kind.EXTENSION_GRANTED,
				List.of(event.due() == null ? String.valueOf(event.wording()) : date(event.due()), excerpt(event.text())),
				"/directives/" + event.directiveId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(DirectiveEvents.RequestAnswered event) {
		deliver(() -> notify(addressees.unitBodies(event.raisedByUnit()), event.by(), Notifications.Kind.REQUEST_ANSWERED,
				List.of(organisationName(event.leadId()), excerpt(event.text())), "/directives/" + event.directiveId()));
	}

	/** The members of the bodies; for a body without members, the commune officers or village board of its unit. */
	Set<String> bodies(long leadId, Collection<Long> cooperatingIds) {
		Set<String> to = new LinkedHashSet<>();
		List<Long> ids = new ArrayList<>();
		ids.add(leadId);
		ids.addAll(cooperatingIds);
		for (Long id : ids) {
			Set<String> members = memberships.membersOf(List.of(id));
			if (!members.isEmpty()) {
				to.addAll(members);
			}
			else {
				memberships.find(id).map(Organisation::unitCode).ifPresent(unit -> to.addAll(addressees.unitBodies(unit)));
			}
		}
		return to;
	}

	private void notify(Collection<String> recipients, String actor, Notifications.Kind kind, List<String> args, String link) {
		List<String> to = recipients.stream().filter(u -> !u.equals(actor)).toList();
		notifications.notify(addressees.enabled(to), kind, args, link, "event:" + UUID.randomUUID());
	}

	private void deliver(Runnable work) {
		try {
			separately.executeWithoutResult(status -> work.run());
		}
		catch (RuntimeException ex) {
			log.warn("Notification not delivered: {}", ex.toString());
		}
	}

	private List<String> roundArgs(String unitCode, String setCode, LocalDate asOf, String reason) {
		List<String> args = new ArrayList<>(List.of(unitName(unitCode, asOf), String.valueOf(setCode), date(asOf)));
		if (reason != null) {
			args.add(excerpt(reason));
		}
		return args;
	}

	String unitName(String code, LocalDate on) {
		return units.find(code, on).map(Unit::displayName).orElse(code);
	}

	String organisationName(long id) {
		return memberships.find(id).map(Organisation::name).orElse("#" + id);
	}

	static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replaceAll("\\s+", " ").strip();
		return line.length() > 160 ? line.substring(0, 159) + "…" : line;
	}

	static String date(LocalDate day) {
		return day == null ? "—" : day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
	}
}
