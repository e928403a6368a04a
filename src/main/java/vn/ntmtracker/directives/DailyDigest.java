package vn.ntmtracker.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminder: at most one e-mail per user and day listing overdue work, work due today and work due
 * within seven days; nothing when nothing is due. The guard is a row in {@code digest_sent} inserted in the
 * same transaction as the sending: of several app nodes running the job, only the one whose insert wins
 * sends, and a failed send rolls the row back so that a later run retries. The scheduled run also takes the cluster
 * lock {@code daily-digest}: a node whose clock fires while another is sending skips the day's run altogether.
 * Needs {@code spring.mail.host};
 * without it the job only logs.
 */
@Component
class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
	static final ZoneId VIETNAM = vn.ntmtracker.TimeConfiguration.VIETNAM;

	private final Reminders reminders;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final Optional<JavaMailSender> mail;
	private final String from;
	private final Clock clock;
	private final vn.ntmtracker.ClusterLocks locks;

	DailyDigest(Reminders reminders, JdbcClient jdbc, TransactionTemplate transactions, MessageSource messages,
			Optional<JavaMailSender> mail,
			@org.springframework.beans.factory.annotation.Value("${ntm.reminders.from:nhac-viec@ntm-tracker.local}") String from,
			Clock clock, vn.ntmtracker.ClusterLocks locks) {
		this.clock = clock;
		this.locks = locks;
		this.reminders = reminders;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.messages = messages;
		this.mail = mail;
		this.from = from;
	}

	@Scheduled(cron = "${ntm.reminders.cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
	void sendToday() {
		if (mail.isEmpty()) {
			log.info("Daily digest skipped: no SMTP server configured (spring.mail.host)");
			return;
		}
		// One node at a time works through the subscribers; the digest_sent row still decides each e-mail.
		locks.tryRun("daily-digest", () -> {
			int sent = send(LocalDate.now(clock), mail.get());
			log.info("Daily digest: {} e-mail(s) sent", sent);
		});
	}

	/** Sends the digests of {@code day} through {@code sender}; returns how many were sent. */
	int send(LocalDate day, JavaMailSender sender) {
		int sent = 0;
		for (Reminders.Subscription subscriber : reminders.subscribers()) {
			Reminders.Due due = reminders.due(subscriber.username(), day);
			if (due.isEmpty()) {
				continue;
			}
			Boolean done = transactions.execute(status -> {
				int claimed = jdbc.sql("""
						insert into digest_sent (username, day, items) values (:u, :day, :items)
						on conflict do nothing""")
					.param("u", subscriber.username()).param("day", day).param("items", due.size()).update();
				if (claimed == 0) {
					return false;
				}
				sender.send(message(subscriber.email(), day, due));
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				sent++;
			}
		}
		return sent;
	}

	private SimpleMailMessage message(String to, LocalDate day, Reminders.Due due) {
		Locale vi = Locale.forLanguageTag("vi");
		String date = day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(messages.getMessage("digest.subject",
				new Object[] { date, due.overdue().size(), due.dueToday().size(), due.dueSoon().size() }, vi));
		StringBuilder body = new StringBuilder();
		section(body, "QUÁ HẠN", due.overdue());
		section(body, "ĐẾN HẠN HÔM NAY", due.dueToday());
		section(body, "SẮP ĐẾN HẠN (7 NGÀY TỚI)", due.dueSoon());
		message.setText(body.toString());
		return message;
	}

	private static void section(StringBuilder body, String title, List<DirectiveRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		body.append(title).append(" (").append(rows.size()).append(")\n");
		for (DirectiveRow row : rows) {
			body.append("- [").append(row.documentNumber() == null ? "—" : row.documentNumber()).append(' ')
				.append(row.ref() == null ? "" : row.ref()).append("] ").append(row.text()).append("\n  Chủ trì: ")
				.append(row.leadName()).append(" · Thời hạn: ").append(row.deadlineWording()).append(" (")
				.append(row.due().getDayOfMonth()).append('/').append(row.due().getMonthValue()).append('/')
				.append(row.due().getYear()).append(")\n  /directives/").append(row.id()).append('\n');
		}
		body.append('\n');
	}
}
