package vn.ntmtracker.registers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Problems as sentences in the user's language: dates 25/3/2024, decimals with a comma, the cell named first. */
@Component
class RegisterMessages {

	private final MessageSource messages;

	RegisterMessages(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... arguments) {
		Object[] shown = arguments == null ? new Object[0] : java.util.Arrays.stream(arguments).map(RegisterMessages::shown).toArray();
		return messages.getMessage(key, shown, key, LocaleContextHolder.getLocale());
	}

	/** "Sheet Hộ, ô G12: …" for a cell, the bare sentence for a field. */
	String describe(Problem problem) {
		String sentence = text(problem.key(), problem.arguments().toArray());
		if (problem.cell() != null) {
			return text("register.problem.cell", problem.sheet(), problem.cell(), sentence);
		}
		return sentence;
	}

	List<String> describe(List<Problem> problems) {
		return problems.stream().map(this::describe).toList();
	}

	/** The API form of a problem: where, and what, in the request's language. */
	record ApiProblem(String sheet, String cell, String field, String message) {
	}

	List<ApiProblem> api(List<Problem> problems) {
		return problems.stream().map(p -> new ApiProblem(p.sheet(), p.cell(), p.field(), describe(p))).toList();
	}

	Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static Object shown(Object argument) {
		if (argument instanceof LocalDate d) {
			return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
		}
		if (argument instanceof BigDecimal b) {
			return b.stripTrailingZeros().toPlainString().replace('.', ',');
		}
		if (argument instanceof Integer || argument instanceof Long) {
			return argument.toString();
		}
		return argument;
	}
}
