package vn.ntmtracker.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class RoundNotFoundException extends RuntimeException {

	RoundNotFoundException(long id) {
		super("Không có kỳ đánh giá số " + id);
	}
}
