package vn.ntmtracker.units;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A change to the unit tree that breaks a rule of the tree (422 with the rule in Vietnamese). */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class UnitRuleException extends RuntimeException {

	public UnitRuleException(String message) {
		super(message);
	}
}
