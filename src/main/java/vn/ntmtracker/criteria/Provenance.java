package vn.ntmtracker.criteria;

/** Where a name or threshold comes from, and whether anybody checked it against the official text. */
public record Provenance(String source, Verification verification, String note) {

	public boolean verified() {
		return verification == Verification.VERIFIED;
	}
}
