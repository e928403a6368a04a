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
}
