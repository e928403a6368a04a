package vn.ntmtracker.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request the assessment rules refuse; nothing was changed. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class AssessmentException extends RuntimeException {

	public AssessmentException(String message) {
		super(message);
	}
}
