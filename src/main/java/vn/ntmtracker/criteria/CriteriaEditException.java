package vn.ntmtracker.criteria;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An edit the catalog refuses (editing a published version, a bad code…); nothing was changed. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class CriteriaEditException extends RuntimeException {

	public CriteriaEditException(String message) {
		super(message);
	}
}
