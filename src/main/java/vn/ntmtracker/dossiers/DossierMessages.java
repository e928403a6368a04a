package vn.ntmtracker.dossiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Problems as sentences in the user's language: dates 25/3/2024, percentages with a comma, the sheet and cell first. */
@Component
class DossierMessages {

	private final MessageSource messages;

	DossierMessages(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... arguments) {
		Object[] shown = arguments == null ? new Object[0] : Arrays.stream(arguments)
			.map(a -> a instanceof StepCompletionPolicy.MessageRef ref ? text(ref.key(), ref.arguments().toArray()) : shown(a)).toArray();
		return messages.getMessage(key, shown, key, LocaleContextHolder.getLocale());
	}

	String describe(DossierException.Problem problem) {
		String sentence = text(problem.key(), problem.arguments().toArray());
		return problem.cell() != null ? text("dossier.problem.cell", problem.sheet(), problem.cell(), sentence) : sentence;
	}

	List<String> describe(List<DossierException.Problem> problems) {
		return problems.stream().map(this::describe).toList();
	}

	/** The API form of a problem. */
	record ApiProblem(String sheet, String cell, String field, String message) {
	}

	List<ApiProblem> api(List<DossierException.Problem> problems) {
		return problems.stream().map(p -> new ApiProblem(p.sheet(), p.cell(), p.field(), describe(p))).toList();
	}

	static Object shown(Object argument) {
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
