package vn.ntmtracker.reports;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A kind, draft, template or subject that does not exist, or that the user may not read (the same answer). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReportNotFoundException extends RuntimeException {

	ReportNotFoundException(String message) {
		super(message);
	}
}
