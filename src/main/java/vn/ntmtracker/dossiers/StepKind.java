package vn.ntmtracker.dossiers;

/**
 * The mechanism a step uses; which steps a procedure has, in which order, by whom and with which documents is the
 * template's data. Each kind has its own record and its own rule for completion ({@link StepCompletionPolicy}).
 */
public enum StepKind {

	/** A report or letter: its documents attached. */
	REPORT,
	/** Public posting of the report: places, period, loudspeaker readings, comments received and answered. */
	POSTING,
	/** The residents' satisfaction survey run by the MTTQ: ballots per household, rates against the template's thresholds. */
	SURVEY,
	/** The commune meeting proposing recognition: attendance and votes. */
	MEETING,
	/** Submission to the level above: opens the dossier's own round (verification / appraisal) from the commune's. */
	SUBMISSION,
	/** Verification or appraisal by the level above on the dossier's round. */
	APPRAISAL,
	/** The appraisal council's vote. */
	COUNCIL,
	/** The decision (recognition or revocation) into the unit's recognition history. */
	DECISION,
	/** Public announcement and award. */
	ANNOUNCEMENT;

	public String messageKey() {
		return "dossier.stepKind." + name();
	}
}
