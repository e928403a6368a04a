package vn.ntmtracker.registers;

import java.util.List;

/**
 * One refused input, as a message key with its arguments: on a form field ({@code field}), or in an uploaded sheet
 * ({@code sheet} and {@code cell}, e.g. "Hộ", "G12"); rendered in the user's language by {@link RegisterMessages}.
 */
record Problem(String sheet, String cell, String field, String key, List<Object> arguments) {

	Problem {
		arguments = arguments == null ? List.of() : List.copyOf(arguments);
	}

	static Problem field(String field, String key, Object... arguments) {
		return new Problem(null, null, field, key, List.of(arguments));
	}

	static Problem cell(String sheet, String cell, String key, Object... arguments) {
		return new Problem(sheet, cell, null, key, List.of(arguments));
	}

	/** The same problem found at a cell of a sheet instead of a form field. */
	Problem at(String sheetName, String cellRef) {
		return new Problem(sheetName, cellRef, field, key, arguments);
	}
}
