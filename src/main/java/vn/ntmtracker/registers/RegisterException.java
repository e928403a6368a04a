package vn.ntmtracker.registers;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input the register rules refuse (422); nothing was changed. Carries every problem found, not just the first. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
class RegisterException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	RegisterException(List<Problem> problems) {
		super(problems.isEmpty() ? "refused" : problems.get(0).key());
		this.problems = List.copyOf(problems);
	}

	RegisterException(String key, Object... arguments) {
		this(List.of(Problem.field(null, key, arguments)));
	}

	List<Problem> problems() {
		return problems;
	}
}
