package vn.ntmtracker.security;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.ntmtracker.StartupTask;

/** Before the first request: users written before the search key existed get one. */
@Component
@Order(3)
class UserSearchKeys implements StartupTask {

	private final UserAccounts accounts;

	UserSearchKeys(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run() {
		accounts.fillSearchKeys();
	}
}
