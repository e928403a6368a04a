package vn.ntmtracker.reports;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone saved the draft or the template in between: the edit is refused, never lost silently. */
@ResponseStatus(HttpStatus.CONFLICT)
class StaleDraftException extends RuntimeException {

	StaleDraftException(String message) {
		super(message);
	}
}
