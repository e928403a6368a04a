package vn.ntmtracker.directives;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class DocumentNotFoundException extends RuntimeException {

	DocumentNotFoundException(long id) {
		super("Không tìm thấy văn bản " + id);
	}
}
