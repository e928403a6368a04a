package vn.ntmtracker.planning;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class PlanNotFoundException extends RuntimeException {

	PlanNotFoundException(String what, long id) {
		super("Không tìm thấy " + what + " số " + id);
	}
}
