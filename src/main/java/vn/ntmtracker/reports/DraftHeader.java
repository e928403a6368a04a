package vn.ntmtracker.reports;

import java.time.LocalDate;

/**
 * The parts of a document people set in its draft: header lines, place and date, summary, signature and recipients
 * (one per line). Each starts from what the records say ({@link ReportModel.Defaults}); the summary and recipients,
 * when null, from the template.
 */
record DraftHeader(String superiorBody, String issuingBody, String issuerCode, String place, LocalDate issuedOn, int year,
		String summary, String signatureAuthority, String signatureTitle, String signerName, String recipients) {

	static DraftHeader from(ReportModel.Defaults defaults) {
		return new DraftHeader(defaults.superiorBody(), defaults.issuingBody(), defaults.issuerCode(), defaults.place(),
				defaults.issuedOn(), defaults.year(), null, defaults.signatureAuthority(), defaults.signatureTitle(),
				defaults.signerName(), defaults.recipients() == null || defaults.recipients().isEmpty() ? null
						: String.join("\n", defaults.recipients()));
	}
}
