package vn.ntmtracker.dossiers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A dossier (or its document, comment, procedure) that does not exist or lies outside the reader's reach: one answer. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DossierNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DossierNotFoundException(String what, Object id) {
		super("Không tìm thấy " + what + " " + id);
	}
}
