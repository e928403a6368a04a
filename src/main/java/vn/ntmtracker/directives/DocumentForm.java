package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.List;

/** What a user enters to register or edit a document. {@code issuedOn} may be blank when {@code issuedYear} is given. */
public record DocumentForm(Document.Kind kind, String number, LocalDate issuedOn, Integer issuedYear, Long issuerId,
		String signer, Document.SigningForm signingForm, String signerTitle, String subject, String distribution,
		List<String> unitCodes) {

	int year() {
		if (issuedOn != null) {
			return issuedOn.getYear();
		}
		if (issuedYear == null) {
			throw new DirectiveRuleException("document.error.date");
		}
		return issuedYear;
	}
}
