package vn.ntmtracker.planning;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request the planning rules refuse, with every problem named; nothing was saved. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class PlanException extends RuntimeException {

	private final List<String> problems;

	public PlanException(String message) {
		this(List.of(message));
	}

	PlanException(List<String> problems) {
		super(String.join("; ", problems) + ". Không có gì được lưu.");
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
