package vn.ntmtracker.reports;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import vn.ntmtracker.reports.OfficialDocument.Block;

/**
 * What a document kind read from the records, ready for a template: the placeholder values and the data sections
 * (tables and lists as blocks), and the defaults a draft starts from.
 */
record ReportModel(Map<String, String> values, Map<String, List<Block>> data, Defaults defaults) {

	/**
	 * Who issues and signs, as the records say: the issuing organisation (null when the unit has none recorded), its
	 * header lines, the signature and the recipients, the units the document is about, the number it already has, and
	 * the day it speaks for (its date, else the end of its period or the day of the meeting), on which rights over the
	 * issuer's unit are decided.
	 */
	record Defaults(Long issuerId, String superiorBody, String issuingBody, String issuerCode, String place,
			java.time.LocalDate issuedOn, int year, String signatureAuthority, String signatureTitle, String signerName,
			List<String> recipients, List<String> unitCodes, Integer number, Long sourceDocumentId, java.time.LocalDate day) {
	}

	boolean has(String name) {
		String value = values.get(name);
		if (value != null && !value.isBlank()) {
			return true;
		}
		List<Block> blocks = data.get(name);
		return blocks != null && !blocks.isEmpty();
	}

	/** The text with every placeholder replaced by its value; a value the records lack prints as nothing. */
	String fill(String text) {
		if (text == null) {
			return "";
		}
		Matcher matcher = TemplateParser.PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
