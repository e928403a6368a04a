package vn.ntmtracker.dossiers;

/** What a dossier is for: recognising a unit at a level, or revoking a recognition (QĐ 18/2022/QĐ-TTg). */
public enum Purpose {

	RECOGNITION, REVOCATION;

	public String messageKey() {
		return "dossier.purpose." + name();
	}
}
