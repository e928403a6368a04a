package vn.ntmtracker.directives;

import java.util.List;

/**
 * The document is already in the register (same issuer, number and date): nothing was saved. The caller opens the
 * existing one, or registers the new one as its correction ({@code correctionOf}).
 */
public class DuplicateDocumentException extends RuntimeException {

	private final transient List<Document> existing;

	DuplicateDocumentException(List<Document> existing) {
		super("document already registered: " + existing.stream().map(d -> String.valueOf(d.id())).toList());
		this.existing = List.copyOf(existing);
	}

	public List<Document> existing() {
		return existing;
	}
}
