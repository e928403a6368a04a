package vn.ntmtracker.web.notifications;

import org.springframework.stereotype.Component;

import vn.ntmtracker.security.AccessPolicy;

/** The bell of the layout ({@code ${@notificationBell.unread()}}): one count, only on pages that show the header. */
@Component("notificationBell")
public class NotificationBell {

	private final Notifications notifications;
	private final AccessPolicy access;

	NotificationBell(Notifications notifications, AccessPolicy access) {
		this.notifications = notifications;
		this.access = access;
	}

	public long unread() {
		return access.currentUser().map(user -> notifications.unread(user.username())).orElse(0L);
	}
}
