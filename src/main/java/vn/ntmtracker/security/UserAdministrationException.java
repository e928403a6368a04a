package vn.ntmtracker.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Refused account input: every problem as a message key, shown together (422 on the API). */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class UserAdministrationException extends RuntimeException {

	private final List<String> problems;

	UserAdministrationException(List<String> problems) {
		super(String.join(", ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
