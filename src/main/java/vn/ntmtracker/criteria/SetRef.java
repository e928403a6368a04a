package vn.ntmtracker.criteria;

/** One version of a set: {@code QD318-2022-XA-NTM} v1. */
public record SetRef(String code, int version) {

	@Override
	public String toString() {
		return code + " v" + version;
	}
}
