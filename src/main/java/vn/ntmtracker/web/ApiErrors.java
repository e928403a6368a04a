package vn.ntmtracker.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as JSON with the message a person can act on: every domain exception that declares its HTTP
 * status ({@code @ResponseStatus}: not found, conflict, unprocessable…) becomes {@code {status, error, message}}.
 * Other exceptions, access denials included, keep their usual handling.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, Object>> domain(RuntimeException ex, HttpServletRequest request) throws RuntimeException {
		ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (status == null) {
			throw ex;
		}
		HttpStatus code = status.code() != HttpStatus.INTERNAL_SERVER_ERROR ? status.code() : status.value();
		return ResponseEntity.status(code).body(Map.of("status", code.value(), "error", code.getReasonPhrase(),
				"message", ex.getMessage() == null ? code.getReasonPhrase() : ex.getMessage(), "path", request.getRequestURI()));
	}
}
