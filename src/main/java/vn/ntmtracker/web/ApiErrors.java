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

	/**
	 * The safety net behind each module's own validation: a value the database refuses (too long for its column, out
	 * of a numeric range, breaking a constraint) is the client's input, answered 422 with nothing saved — never a 500.
	 */
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ResponseEntity<Map<String, Object>> refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException ex,
			HttpServletRequest request) {
		HttpStatus code = HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(code).body(Map.of("status", code.value(), "error", code.getReasonPhrase(), "message",
				"Dữ liệu không hợp lệ hoặc vượt giới hạn cho phép; chưa có gì được lưu", "path", request.getRequestURI()));
	}

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
