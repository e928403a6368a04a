package vn.ntmtracker.directives;

import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API answers to refused input (422 with a sentence) and to stale writes (409). */
@RestControllerAdvice(assignableTypes = { DirectiveApiController.class, DocumentApiController.class })
class DirectiveApiErrors {

	private final DirectiveMessages messages;

	DirectiveApiErrors(DirectiveMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DirectiveRuleException.class)
	ResponseEntity<Map<String, String>> refused(DirectiveRuleException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("error", ex.messageKey(), "message", messages.of(ex)));
	}

	/** The document is registered already: 409 naming the existing one, so that the client opens it or corrects it. */
	@ExceptionHandler(DuplicateDocumentException.class)
	ResponseEntity<Map<String, Object>> duplicate(DuplicateDocumentException ex) {
		Document first = ex.existing().get(0);
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("error", "document.error.duplicate", "message", messages.text("document.error.duplicate",
					first.numberOrBlank(), first.dateText(), first.issuerName(), first.id()), "existingId", first.id(),
					"existing", ex.existing().stream().map(Document::id).toList()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Map<String, String>> conflict(OptimisticLockingFailureException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("error", "directive.error.conflict", "message", messages.conflict()));
	}
}
