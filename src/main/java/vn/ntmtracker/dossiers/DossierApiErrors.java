package vn.ntmtracker.dossiers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API answers of the dossiers: refused input 422 with every problem (field, or sheet and cell), a stale write 409.
 * Ordered first so that the general JSON error handler does not flatten the list of problems.
 */
@RestControllerAdvice(assignableTypes = DossierApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DossierApiErrors {

	private final DossierMessages messages;

	DossierApiErrors(DossierMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DossierException.class)
	ResponseEntity<Map<String, Object>> refused(DossierException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", 422);
		body.put("message", ex.problems().isEmpty() ? messages.text("dossier.error.refused") : messages.describe(ex.problems().get(0)));
		body.put("total", ex.problems().size());
		body.put("errors", messages.api(ex.problems()));
		return ResponseEntity.unprocessableContent().body(body);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Map<String, Object>> conflict(OptimisticLockingFailureException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", 409);
		body.put("message", messages.text("dossier.error.conflict"));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}
}
