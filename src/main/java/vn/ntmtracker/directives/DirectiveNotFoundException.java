package vn.ntmtracker.directives;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class DirectiveNotFoundException extends RuntimeException {

	DirectiveNotFoundException(long id) {
		super("Không tìm thấy nhiệm vụ " + id);
	}
}
