package vn.ntmtracker.criteria;

/** A problem in a set definition, with the key path it is at: {@code criteria[16].indicators[3].thresholds}. */
public record ValidationError(String path, String message) {

	@Override
	public String toString() {
		return path.isEmpty() ? message : path + ": " + message;
	}
}
