package vn.ntmtracker.security;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;

/**
 * A write the {@link Authorization} refused, with the reason as a message key and arguments so that pages and the
 * API can say it in the user's language; {@link #getMessage()} is the text in the
 * language of the request.
 */
public class PermissionDeniedException extends AccessDeniedException {

	private final Permission action;
	private final String reasonKey;
	private final List<Object> arguments;

	PermissionDeniedException(Permission action, Authorization.Decision decision, String message) {
		super(message);
		this.action = action;
		this.reasonKey = decision.reasonKey();
		this.arguments = decision.arguments();
	}

	public Permission action() {
		return action;
	}

	public String reasonKey() {
		return reasonKey;
	}

	public List<Object> arguments() {
		return arguments;
	}
}
