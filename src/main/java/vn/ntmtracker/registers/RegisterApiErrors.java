package vn.ntmtracker.registers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.ntmtracker.assessment.InvalidValuesException;

/**
 * API answers of the registers: refused input 422 with every problem (the sheet and cell for an import), a stale write
 * 409. Ordered first so that the general JSON error handler does not flatten the list of problems.
 */
@RestControllerAdvice(assignableTypes = RegisterApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegisterApiErrors {

	private final RegisterMessages messages;

	RegisterApiErrors(RegisterMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RegisterException.class)
	ResponseEntity<Map<String, Object>> refused(RegisterException ex) {
		return unprocessable(messages.text("register.error.refused"), ex.problems().size(), messages.api(ex.problems()));
	}

	@ExceptionHandler(HouseholdImport.Refused.class)
	ResponseEntity<Map<String, Object>> importRefused(HouseholdImport.Refused ex) {
		return unprocessable(messages.text("household.import.refused", ex.total()), ex.total(), messages.api(ex.problems()));
	}

	@ExceptionHandler(InvalidValuesException.class)
	ResponseEntity<Map<String, Object>> invalidValue(InvalidValuesException ex) {
		return unprocessable(ex.getMessage(), ex.problems().size(), ex.problems());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Map<String, Object>> conflict(OptimisticLockingFailureException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", 409);
		body.put("message", messages.text("register.error.conflict"));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	private static ResponseEntity<Map<String, Object>> unprocessable(String message, int total, Object errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", 422);
		body.put("message", message);
		body.put("total", total);
		body.put("errors", errors);
		return ResponseEntity.unprocessableContent().body(body);
	}
}
