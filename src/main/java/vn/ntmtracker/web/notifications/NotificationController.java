package vn.ntmtracker.web.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.web.Formats;

/** The current user's notifications: newest first, unread marked; open one (marks it read), mark one or all read. */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 25;

	private final Notifications notifications;
	private final AccessPolicy access;
	private final MessageSource messages;
	private final Formats formats;

	NotificationController(Notifications notifications, AccessPolicy access, MessageSource messages, Formats formats) {
		this.notifications = notifications;
		this.access = access;
		this.messages = messages;
		this.formats = formats;
	}

	/** A notification as the page shows it. */
	public record Line(long id, String text, String at, boolean unread, String kind) {
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Notifications.Page result = notifications.page(access.currentUsername(), Math.max(page, 0), PAGE_SIZE);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("result", result);
		model.addAttribute("lines", result.content().stream().map(n -> new Line(n.id(),
				messages.getMessage(n.kind().messageKey(), n.args().toArray(), locale), formats.dateTime(n.createdAt()), n.unread(),
				n.kind().name())).toList());
		return "notifications";
	}

	/** Marks the notification read and goes where it points. */
	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id) {
		String link = notifications.markRead(access.currentUsername(), id).orElseThrow(NotificationNotFound::new);
		return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
		notifications.markRead(access.currentUsername(), id).orElseThrow(NotificationNotFound::new);
		return "redirect:/notifications" + (page > 0 ? "?page=" + page : "");
	}

	@PostMapping("/notifications/read-all")
	String readAll() {
		notifications.markAllRead(access.currentUsername());
		return "redirect:/notifications";
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotificationNotFound extends RuntimeException {

		NotificationNotFound() {
			super("Không có thông báo này");
		}
	}
}
