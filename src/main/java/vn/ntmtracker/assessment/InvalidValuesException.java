package vn.ntmtracker.assessment;

import java.util.List;
import java.util.stream.Collectors;

/** Values that cannot be evaluated (wrong kind, out of range, unknown code); nothing is evaluated then. */
public class InvalidValuesException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** One rejected value; {@code code} is the indicator, condition or criterion it was entered for. */
	public record Problem(String code, String message) {
	}

	private final transient List<Problem> problems;

	public InvalidValuesException(List<Problem> problems) {
		super(problems.stream().map(Problem::message).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
