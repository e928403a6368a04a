package vn.ntmtracker.criteria;

import java.time.LocalDate;

/**
 * Where a name or threshold comes from, and whether anybody checked it against the official text. {@code source}
 * names the document (or the research note and its source key, e.g. "criteria-verified §2b, T3"), {@code date} is
 * the date of that document when known. Provenance is for administrators (the "Nguồn" detail); officers see only
 * whether a value is verified or provisional ("tạm tính").
 */
public record Provenance(String source, Verification verification, String note, LocalDate date) {

	public Provenance(String source, Verification verification, String note) {
		this(source, verification, note, null);
	}

	public boolean verified() {
		return verification == Verification.VERIFIED;
	}

	/**
	 * Reads the {@code provenance} block of a YAML node ({@code source}, {@code verified}, optional {@code note} and
	 * {@code date}; nothing else): criteria sets and dossier procedures write it the same way. {@code verifiedHelp}
	 * says what true and false mean there. Null when the block is absent and not required.
	 */
	public static Provenance read(YamlNode owner, boolean required, String verifiedHelp) {
		YamlNode node = owner.child("provenance", required);
		if (node == null) {
			return null;
		}
		String source = node.text("source", true);
		if (!node.has("verified")) {
			node.errorAt("verified", "missing: say " + verifiedHelp);
		}
		boolean verified = node.flag("verified");
		Provenance provenance = new Provenance(source, verified ? Verification.VERIFIED : Verification.PROVISIONAL,
				node.text("note", false), node.date("date", false));
		node.rejectUnknownKeys();
		return provenance;
	}
}
