package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.List;

/** A registered document as pages and the API show it. */
public record Document(long id, Kind kind, String number, LocalDate issuedOn, int issuedYear, long issuerId,
		String issuerName, String issuerUnitCode, String signer, SigningForm signingForm, String signerTitle,
		String subject, List<String> distribution, List<String> unitCodes, int version, Origin origin, Long supersededBy) {

	/** Who registered the document: its issuer (văn bản đi) or a body it was addressed to (văn bản đến). */
	public enum Origin {
		ISSUER, RECIPIENT
	}

	/** A body's receipt of a document addressed to it (văn bản đến). */
	public record Receipt(long id, long documentId, long organisationId, String organisationName, String organisationUnit,
			LocalDate receivedOn, String receivedFrom, String incomingNumber, String createdBy) {

		public String receivedOnText() {
			return receivedOn.getDayOfMonth() + "/" + receivedOn.getMonthValue() + "/" + receivedOn.getYear();
		}
	}

	/** What a body enters when a document reaches it: the receiving body, the day, from whom, the incoming number. */
	public record ReceiptForm(Long organisationId, LocalDate receivedOn, String receivedFrom, String incomingNumber) {
	}

	public boolean superseded() {
		return supersededBy != null;
	}

	public boolean received() {
		return origin == Origin.RECIPIENT;
	}

	public enum Kind {
		CONCLUSION_NOTICE, PLAN, RESOLUTION, DECISION, REPORT, OFFICIAL_LETTER, SUBMISSION, OTHER;

		public String messageKey() {
			return "document.kind." + name();
		}
	}

	/** T/M (on behalf of), KT. (as deputy), T/L (by order), as printed above the signature. */
	public enum SigningForm {
		TM("T/M"), KT("KT."), TL("T/L");

		final String printed;

		SigningForm(String printed) {
			this.printed = printed;
		}

		public String printed() {
			return printed;
		}
	}

	public enum Relation {
		IMPLEMENTS, ANSWERS, CITES, CORRECTS;

		public String messageKey() {
			return "document.relation." + name();
		}
	}

	record Link(Relation relation, long targetId, String targetNumber, String targetSubject, boolean incoming) {
	}

	/** The date as written: "25/3/2024", or "…/…/2024" when the day was left blank. */
	public String dateText() {
		return issuedOn == null ? "…/…/" + issuedYear
				: issuedOn.getDayOfMonth() + "/" + issuedOn.getMonthValue() + "/" + issuedOn.getYear();
	}

	public String numberOrBlank() {
		return number == null || number.isBlank() ? "—" : number;
	}
}
