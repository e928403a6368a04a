package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest against an in-process SMTP server (GreenMail): one e-mail with overdue, due-today and
 * due-soon work and nothing else; nothing on a day when nothing is due; nothing on a second run the same
 * day, even when two app nodes run at once.
 */
@IntegrationTest
class DailyDigestIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	static final LocalDate DAY = LocalDate.of(2026, 1, 10);

	@Autowired
	DailyDigest digest;

	@Autowired
	Reminders reminders;

	@Autowired
	DocumentRegister register;

	@Autowired
	DirectiveDesk desk;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	JavaMailSenderImpl sender;

	@BeforeEach
	void setUp() {
		sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		if (accounts.find("digest-officer").isPresent()) {
			return;
		}
		accounts.create("digest-officer", "Cán bộ thử nhắc việc", "ntm-demo-digest", false,
				List.of(new Grant(Role.COMMUNE_OFFICER, "HT-CAMTHINH", Set.of())));
		CurrentUser admin = accounts.loadUserByUsername("admin");
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		try {
			Organisation org = organisations.create("TEST-CAMTHINH", Organisation.Kind.PEOPLES_COMMITTEE, "UBND xã Cẩm Thịnh", "HT-CAMTHINH");
			organisations.addMember(org.id(), "digest-officer");
			long doc = register.register(new DocumentForm(Document.Kind.PLAN, "01/KH-UBND", LocalDate.of(2025, 12, 1), null,
					org.id(), null, null, null, "Kế hoạch thử nhắc việc", null, List.of("HT-CAMTHINH")), List.of()).id();
			create(doc, org, "Việc đã quá hạn", "trước ngày 7/1/2026");
			create(doc, org, "Việc đến hạn hôm nay", "trước ngày 10/1/2026");
			create(doc, org, "Việc sắp đến hạn", "trước ngày 15/1/2026");
			create(doc, org, "Việc còn xa", "trước ngày 28/2/2026");
			create(doc, org, "Việc định kỳ", "hàng tuần");
			long done = create(doc, org, "Việc quá hạn nhưng đã xong", "trước ngày 5/1/2026");
			desk.complete(done, null, LocalDate.of(2026, 1, 4), "xong", null);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		reminders.setEmail("digest-officer", "canbo@camthinh.example");
	}

	long create(long doc, Organisation org, String text, String deadline) {
		return desk.create(doc, new DirectiveForm(Directive.Kind.DIRECTIVE, null, text, null, null, org.id(), List.of(), null,
				List.of("HT-CAMTHINH"), null, null, null, deadline, false));
	}

	@Test
	void sendsOneDigestWithOverdueDueTodayAndDueSoonWork() throws Exception {
		assertThat(digest.send(DAY, sender)).isEqualTo(1);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("canbo@camthinh.example");
		assertThat(received[0].getSubject()).contains("10/1/2026").contains("1 quá hạn").contains("1 đến hạn hôm nay")
			.contains("1 sắp đến hạn");
		String body = GreenMailUtil.getBody(received[0]);
		String text = new String(jakarta.mail.internet.MimeUtility.decode(
				new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "quoted-printable")
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).contains("Việc đã quá hạn", "Việc đến hạn hôm nay", "Việc sắp đến hạn")
			.doesNotContain("Việc còn xa", "Việc định kỳ", "đã xong");

		assertThat(digest.send(DAY, sender)).as("second run the same day").isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aDayWithNothingDueSendsNothing() {
		LocalDate quiet = LocalDate.of(2025, 12, 5);
		assertThat(reminders.due("digest-officer", quiet).isEmpty()).isTrue();
		assertThat(digest.send(quiet, sender)).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(jdbc.sql("select count(*) from digest_sent where day = :d").param("d", quiet).query(Long.class).single()).isZero();
	}

	@Test
	void twoNodesRunningTogetherSendOnce() throws Exception {
		LocalDate day = DAY.plusDays(1);
		Callable<Integer> node = () -> digest.send(day, sender);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var results = pool.invokeAll(List.of(node, node));
			assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aFailedSendLeavesNoGuardSoThatALaterRunRetries() {
		LocalDate day = DAY.plusDays(2);
		JavaMailSenderImpl broken = new JavaMailSenderImpl();
		broken.setHost("localhost");
		broken.setPort(1);
		try {
			digest.send(day, broken);
		}
		catch (RuntimeException expected) {
			// the SMTP failure surfaces; what matters is that the guard row was rolled back
		}
		assertThat(jdbc.sql("select count(*) from digest_sent where day = :d").param("d", day).query(Long.class).single()).isZero();
		assertThat(digest.send(day, sender)).isEqualTo(1);
	}
}
