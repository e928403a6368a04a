package vn.ntmtracker.dossiers;

/** How the system checks a condition of a procedure ({@link Checklist}). */
public enum CheckKind {

	/** Every criterion achieved in the dossier's round (the appraisal round once there is one). */
	CRITERIA,
	/** Satisfaction rates at or above the template's thresholds. */
	SATISFACTION,
	/** A declared attachment: a document of the named kind is attached (no construction debt, security confirmation). */
	DOCUMENT,
	/** The unit holds a recognition at the named level (kiểu mẫu needs nâng cao). */
	RECOGNITION,
	/** The latest signed-off round meets the revocation rule (RevocationRule). */
	REVOCATION_RULE
}
