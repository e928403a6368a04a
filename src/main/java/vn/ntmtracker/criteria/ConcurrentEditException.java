package vn.ntmtracker.criteria;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else saved the same row since it was read (optimistic locking); nothing was overwritten. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConcurrentEditException extends RuntimeException {

	public ConcurrentEditException(String message) {
		super(message);
	}
}
