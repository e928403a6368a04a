package vn.ntmtracker.dossiers;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A rule refused the input (422) and nothing changed. Carries every problem as a message key with its arguments,
 * rendered in the user's language by {@link DossierMessages}; a problem of an uploaded sheet names its sheet and cell.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
class DossierException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** One problem: a form field, or a cell of an uploaded sheet. */
	record Problem(String sheet, String cell, String field, String key, List<Object> arguments) {

		Problem {
			arguments = arguments == null ? List.of() : List.copyOf(arguments);
		}

		static Problem of(String key, Object... arguments) {
			return new Problem(null, null, null, key, List.of(arguments));
		}

		static Problem field(String field, String key, Object... arguments) {
			return new Problem(null, null, field, key, List.of(arguments));
		}

		static Problem cell(String sheet, String cell, String key, Object... arguments) {
			return new Problem(sheet, cell, null, key, List.of(arguments));
		}
	}

	private final transient List<Problem> problems;

	DossierException(List<Problem> problems) {
		super(problems.isEmpty() ? "refused" : problems.get(0).key());
		this.problems = List.copyOf(problems);
	}

	DossierException(String key, Object... arguments) {
		this(List.of(Problem.of(key, arguments)));
	}

	static DossierException field(String field, String key, Object... arguments) {
		return new DossierException(List.of(Problem.field(field, key, arguments)));
	}

	List<Problem> problems() {
		return problems;
	}
}
