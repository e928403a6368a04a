package vn.ntmtracker.security;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.ntmtracker.StartupTask;

/**
 * No default password in production: on the first start without users, an administrator {@code admin} is
 * created with the password from {@code NTM_ADMIN_PASSWORD}, or else a random one-time password printed
 * once to the log, which must be changed at first login.
 */
@Component
@Profile("!demo")
@Order(10)
class FirstAdministrator implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UserAccounts accounts;
	private final Environment environment;

	FirstAdministrator(UserAccounts accounts, Environment environment) {
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void run() {
		if (accounts.count() > 0) {
			return;
		}
		String fromEnvironment = environment.getProperty("NTM_ADMIN_PASSWORD");
		boolean oneTime = fromEnvironment == null || fromEnvironment.isBlank();
		String password = oneTime ? randomPassword() : fromEnvironment;
		accounts.create("admin", "Quản trị hệ thống", password, oneTime, List.of(new Grant(Role.ADMIN, null, java.util.Set.of())));
		if (oneTime) {
			log.warn("""

					============================================================
					 First start: administrator account created
					   username: admin
					   one-time password: {}
					 You will be asked to choose a new password at first login.
					============================================================""", password);
		}
		else {
			log.info("First start: administrator 'admin' created with the password from NTM_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
