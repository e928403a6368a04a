package vn.ntmtracker.dossiers;

import java.time.LocalDate;

import vn.ntmtracker.criteria.Tier;

/**
 * One entry of a unit's recognition history: the level held from the recognition decision's effective date
 * ({@code since}) until a revocation decision's effective date ({@code until}, the first day no longer recognised;
 * empty while it lasts). Entries are never deleted: a revocation ends one, with its decision.
 */
public record Recognition(long id, String unitCode, Tier tier, String setCode, Integer setVersion, LocalDate since, LocalDate until,
		String decisionNumber, LocalDate decisionDate, String decisionSigner, Long dossierId, String revocationNumber,
		LocalDate revocationDate, String revocationSigner, Long revocationDossierId, String note, int version) {

	public boolean activeOn(LocalDate day) {
		return !since.isAfter(day) && (until == null || until.isAfter(day));
	}

	public boolean ended() {
		return until != null;
	}
}
