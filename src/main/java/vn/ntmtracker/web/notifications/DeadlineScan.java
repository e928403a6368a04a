package vn.ntmtracker.web.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ntmtracker.directives.DueDirectives;

/**
 * Once a day: a notification to the bodies of every open directive or request whose deadline falls within the next
 * {@value #SOON_DAYS} days, and of every one that is overdue, and to those who keep a commune's OCOP register of every
 * certificate entering its last 90 days — each once per deadline (an extension that passes
 * again is announced again). The job runs every hour (so that a server started after the first run of the day still
 * scans) and the first run of a day claims it with a {@code notification_scan} row inserted in the same transaction
 * as the notifications, the guard of the daily digest: of several nodes only the one whose insert wins scans, and a
 * failed scan rolls the claim back for the next hour to retry.
 */
@Component
class DeadlineScan {

	static final int SOON_DAYS = 3;
	private static final Logger log = LoggerFactory.getLogger(DeadlineScan.class);

	private final DueDirectives due;
	private final NotificationFeed feed;
	private final Notifications notifications;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final vn.ntmtracker.registers.RegisterDueItems registers;
	private final vn.ntmtracker.security.Addressees addressees;

	DeadlineScan(DueDirectives due, NotificationFeed feed, Notifications notifications, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock, vn.ntmtracker.registers.RegisterDueItems registers, vn.ntmtracker.security.Addressees addressees) {
		this.registers = registers;
		this.addressees = addressees;
		this.due = due;
		this.feed = feed;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${ntm.notifications.cron:0 7 * * * *}", zone = "Asia/Ho_Chi_Minh")
	void hourly() {
		Integer created = scan(LocalDate.now(clock));
		if (created != null) {
			log.info("Deadline notifications: {} created", created);
		}
	}

	/** Scans {@code day} unless a node already did; returns the notifications created, or null when the day was scanned before. */
	Integer scan(LocalDate day) {
		return transactions.execute(status -> {
			int claimed = jdbc.sql("insert into notification_scan (day, ran_at, created) values (:day, :now, 0) on conflict do nothing")
				.param("day", day).param("now", OffsetDateTime.now(clock)).update();
			if (claimed == 0) {
				return null;
			}
			int created = 0;
			Map<Long, Set<String>> bodies = new HashMap<>();
			for (DueDirectives.Due item : due.openDueBy(day, day.plusDays(SOON_DAYS))) {
				Set<String> to = bodies.computeIfAbsent(item.leadId(), lead -> feed.bodies(lead, List.of()));
				if (!item.cooperatingIds().isEmpty()) {
					to = new java.util.LinkedHashSet<>(to);
					to.addAll(feed.bodies(item.leadId(), item.cooperatingIds()));
				}
				boolean overdue = item.due().isBefore(day);
				Notifications.Kind kind = overdue ? Notifications.Kind.OVERDUE : Notifications.Kind.DEADLINE_SOON;
				String key = "directive:" + item.directiveId() + (overdue ? ":overdue:" : ":soon:") + item.due();
				created += notifications.notify(to, kind, List.of(NotificationFeed.date(item.due()), NotificationFeed.excerpt(item.text())),
						"/directives/" + item.directiveId(), key);
			}
			// registers: an OCOP certificate entering its last 90 days, once per certificate and deadline, to whoever may
			// record OCOP products for its commune
			for (vn.ntmtracker.registers.DueItem item : registers.dueOn(day)) {
				List<String> to = addressees.mayAct(vn.ntmtracker.security.Permission.RECORD_OCOP, item.unitCode(), day);
				created += notifications.notify(to, Notifications.Kind.OCOP_EXPIRING,
						List.of(item.subject(), NotificationFeed.date(item.deadline()), String.valueOf(item.daysLeft())),
						"/ocop/expiring?unit=" + item.unitCode(), "ocop:" + item.recordId() + ":" + item.deadline());
			}
			jdbc.sql("update notification_scan set created = :n where day = :day").param("n", created).param("day", day).update();
			return created;
		});
	}
}
