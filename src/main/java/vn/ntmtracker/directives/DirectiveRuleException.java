package vn.ntmtracker.directives;

/** A rule of the domain refused an input; carries a message key and its arguments for a clear message. */
class DirectiveRuleException extends RuntimeException {

	private final String messageKey;
	private final transient Object[] arguments;

	DirectiveRuleException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] arguments() {
		return arguments;
	}
}
