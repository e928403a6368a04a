package vn.ntmtracker.extraction;

/** A document that cannot be read; the message is meant for the person who supplied the file. */
public class ExtractionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ExtractionException(String message) {
		super(message);
	}

	public ExtractionException(String message, Throwable cause) {
		super(message, cause);
	}
}
