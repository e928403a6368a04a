package vn.ntmtracker.dossiers;

import java.util.List;
import java.util.stream.Collectors;

import vn.ntmtracker.criteria.ValidationError;

/**
 * A procedure template that cannot be loaded. One line per problem, each starting with the file name and the key path,
 * like the criteria files: {@code qd18-2022-xa.yaml: steps[3].deadline.days: expected an integer, got 'mười lăm'}.
 */
public class ProcedureFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String fileName;

	private final transient List<ValidationError> errors;

	public ProcedureFileException(String fileName, List<ValidationError> errors) {
		super(errors.stream().map(e -> fileName + ": " + e).collect(Collectors.joining("\n")));
		this.fileName = fileName;
		this.errors = List.copyOf(errors);
	}

	public String fileName() {
		return fileName;
	}

	public List<ValidationError> errors() {
		return errors;
	}

	/** The problems as lines "file: key: problem", for a page. */
	public List<String> lines() {
		return errors.stream().map(e -> fileName + ": " + e).toList();
	}
}
