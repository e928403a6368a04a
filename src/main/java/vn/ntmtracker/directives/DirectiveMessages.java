package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns refusals into sentences in the user's language, dates written the Vietnamese way. */
@Component
class DirectiveMessages {

	private final MessageSource messages;

	DirectiveMessages(MessageSource messages) {
		this.messages = messages;
	}

	String of(DirectiveRuleException ex) {
		return text(ex.messageKey(), ex.arguments());
	}

	String conflict() {
		return text("directive.error.conflict");
	}

	String text(String key, Object... arguments) {
		Object[] shown = arguments == null ? new Object[0] : Arrays.stream(arguments)
			.map(a -> a instanceof LocalDate d ? d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear() : a)
			.toArray();
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, shown, key, locale);
	}
}
