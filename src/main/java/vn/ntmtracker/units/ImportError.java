package vn.ntmtracker.units;

/** One problem in an uploaded file: the row (1 = header), the field, and why. */
public record ImportError(int row, String field, String message) {
}
