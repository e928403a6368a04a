package vn.ntmtracker.security;

/**
 * Every kind of change a person can make, each decided in one place, {@link Authorization}. Reading is decided by
 * {@link AccessPolicy}; these are the writes.
 */
public enum Permission {

	/** Open an assessment round of a unit. */
	OPEN_ROUND(Kind.WORK),
	/** Enter or clear indicator values (limited to a sector department's criteria). */
	ENTER_VALUES(Kind.WORK),
	/** Override a criterion's computed status or flag it "cơ bản đạt" (limited to a sector department's criteria). */
	JUDGE(Kind.WORK),
	/** Import values from a workbook (every criterion the file fills must be covered). */
	IMPORT_VALUES(Kind.WORK),
	/** Submit a round for sign-off: the unit's own body. */
	SUBMIT_ROUND(Kind.UNIT_BODY),
	/** Cancel a draft round (its creator or the level above; the creator part is checked by the round). */
	CANCEL_ROUND(Kind.UNIT_BODY),
	/** Thẩm tra: the level above, never the unit itself. */
	VERIFY_ROUND(Kind.LEVEL_ABOVE),
	/** Thẩm định: a coordination office (or administrator) above the unit. */
	APPRAISE_ROUND(Kind.LEVEL_ABOVE),
	/** Return a submitted round with a reason: the level above. */
	RETURN_ROUND(Kind.LEVEL_ABOVE),
	/** Record a criteria status stated in a document into the unit's history. */
	RECORD_STATED_STATUS(Kind.UNIT_BODY),
	/** Create a plan, add or change its tasks (a sector department: tasks of its criteria only). */
	EDIT_PLAN(Kind.WORK),
	/** Approve a plan (the body named: the commune for its plan and its villages' plans). */
	APPROVE_PLAN(Kind.UNIT_BODY),
	/** Report progress on a plan task (a sector department: tasks of its criteria only). */
	REPORT_TASK_PROGRESS(Kind.WORK),
	/** Record funds mobilised. */
	RECORD_FUNDS(Kind.UNIT_BODY),
	/** Members of the steering committee, their criteria and villages, weekly reports. */
	EDIT_COMMITTEE(Kind.UNIT_BODY),
	/** Register or edit a document issued by a body of the unit. */
	REGISTER_DOCUMENT(Kind.UNIT_BODY),
	/**
	 * Register a document a body of the unit received (văn bản đến) and the directives it brings, or record its receipt
	 * of a document already registered; members of the receiving body always may.
	 */
	RECEIVE_DOCUMENT(Kind.UNIT_BODY),
	/** Assign directives to bodies and units: the issuer's own subtree. */
	ASSIGN_DIRECTIVE(Kind.UNIT_BODY),
	/** Report progress or completion for an organisation of the unit (members of the organisation always may). */
	ACT_FOR_ORGANISATION(Kind.WORK),
	/** Create or rename an organisation of the unit. */
	EDIT_ORGANISATION(Kind.UNIT_BODY),
	/**
	 * Add or change a village's households and their yearly review, by form or workbook. Whoever writes a household sees
	 * its personal data, so the registers module also requires a commune or village role of the unit.
	 */
	EDIT_HOUSEHOLDS(Kind.UNIT_BODY),
	/** Export households with their personal data, for a stated purpose that is recorded (Nghị định 13/2023/NĐ-CP). */
	EXPORT_HOUSEHOLDS(Kind.UNIT_BODY),
	/** Record a commune's OCOP products and their certificates (a sector department within its criteria). */
	RECORD_OCOP(Kind.WORK),
	/** Record a model residential area or a model garden of a village, its recognition or its revocation. */
	RECORD_MODEL_AREA(Kind.UNIT_BODY),
	/** Create users and grant roles within the unit's subtree. */
	MANAGE_USERS(Kind.ADMINISTRATION),
	/** Import, merge, reclassify units. */
	MANAGE_UNITS(Kind.ADMINISTRATION),
	/** Draft, publish and retire criteria sets. */
	MANAGE_CRITERIA(Kind.ADMINISTRATION),
	/** Draft a document generated from the data (free-text sections, header, signer) for a body of the unit. */
	DRAFT_DOCUMENT(Kind.UNIT_BODY),
	/** Number a generated document in its issuer's register and register it with its file. */
	ISSUE_DOCUMENT(Kind.UNIT_BODY),
	/** Change the wording and sections of the document templates (a province's or the national ones). */
	MANAGE_REPORT_TEMPLATES(Kind.ADMINISTRATION),
	/** Open a recognition dossier for the unit from a signed-off round meeting every criterion (its own body or those above). */
	OPEN_DOSSIER(Kind.UNIT_BODY),
	/**
	 * Act on a dossier step the unit's own bodies perform (report, posting and readings, comments and answers, meeting,
	 * submission, documents, withdrawal); those above the unit may act for it, a sector department never.
	 */
	ACT_ON_DOSSIER(Kind.UNIT_BODY),
	/**
	 * Enter or import satisfaction ballots of a village (the MTTQ's Ban công tác Mặt trận acts through the village's or the
	 * commune's account); decided on the village the ballots come from.
	 */
	ENTER_BALLOTS(Kind.UNIT_BODY),
	/** Act on a dossier step of the level above: verification, appraisal, the council's vote, closing after a refusal. */
	APPRAISE_DOSSIER(Kind.LEVEL_ABOVE),
	/** Record a recognition or revocation decision (signed by the level above) into the unit's recognition history. */
	DECIDE_RECOGNITION(Kind.LEVEL_ABOVE),
	/** Open a revocation dossier for a recognised unit whose latest signed-off round meets QĐ 18/2022's revocation rule. */
	OPEN_REVOCATION(Kind.LEVEL_ABOVE),
	/** Add a new version of a procedure template (steps, actors, documents, deadlines, thresholds as data). */
	MANAGE_PROCEDURES(Kind.ADMINISTRATION);

	/** The shape of the rule an action follows; {@link Authorization} holds the rules. */
	enum Kind {
		/** Work on the unit's data: the unit's bodies and those above; a sector department within its criteria. */
		WORK,
		/** An act of the unit's own bodies or of those above; never a sector department. */
		UNIT_BODY,
		/** An act of the level above the unit. */
		LEVEL_ABOVE,
		/** Administration of the system. */
		ADMINISTRATION
	}

	private final Kind kind;

	Permission(Kind kind) {
		this.kind = kind;
	}

	Kind kind() {
		return kind;
	}

	public String messageKey() {
		return "action." + name();
	}
}
