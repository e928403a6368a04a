package vn.ntmtracker.reports;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input refused, with a Vietnamese message that names the field: nothing was saved. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
class ReportException extends RuntimeException {

	ReportException(String message) {
		super(message);
	}
}
