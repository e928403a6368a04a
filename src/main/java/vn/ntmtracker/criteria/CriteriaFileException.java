package vn.ntmtracker.criteria;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A criteria data file that cannot be loaded. The message has one line per problem, each starting with the file
 * name: {@code qd318-xa-ntm.yaml: criteria[16].indicators[3].thresholds: region TN missing}.
 */
public class CriteriaFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String fileName;

	private final List<ValidationError> errors;

	public CriteriaFileException(String fileName, List<ValidationError> errors) {
		super(errors.stream().map(e -> fileName + ": " + e).collect(Collectors.joining("\n")));
		this.fileName = fileName;
		this.errors = List.copyOf(errors);
	}

	/** A problem that is not about one key, e.g. a published version whose file changed; the message says it all. */
	public CriteriaFileException(String message) {
		super(message);
		this.fileName = null;
		this.errors = List.of();
	}

	public String fileName() {
		return fileName;
	}

	public List<ValidationError> errors() {
		return errors;
	}
}
