package vn.ntmtracker.criteria;

/** One version of a set: {@code QD318-2022-XA-NTM} v1. */
public record SetRef(String code, int version) {

	/** The reverse of {@code code + "/" + version} (the key of cache notifications). */
	public static SetRef parse(String key) {
		int slash = key.lastIndexOf('/');
		return new SetRef(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
	}

	@Override
	public String toString() {
		return code + " v" + version;
	}
}
