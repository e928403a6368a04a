package vn.ntmtracker.registers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A register record that does not exist or that the current user may not see: the same answer, so that ids cannot be
 * probed for households whose personal data the user may not read.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class RecordNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	RecordNotFoundException(String what, Object id) {
		super("Không tìm thấy " + what + " " + id);
	}
}
