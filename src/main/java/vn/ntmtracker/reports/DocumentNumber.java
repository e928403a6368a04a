package vn.ntmtracker.reports;

/**
 * Số và ký hiệu: "Số: 06/TB-UBND" for state documents (NĐ 30/2020, Phụ lục I: number with a leading zero below 10,
 * a slash, the type code, a hyphen, the issuer's code) and "Số 07-NQ/ĐU" for Party documents (HD 36-HD/VPTW: no colon,
 * a hyphen before the type, a slash before the issuer). A draft leaves the number blank for the clerk.
 */
record DocumentNumber(OfficialDocument.Layout layout, Integer number, String typeCode, String issuerCode) {

	/** "06/TB-UBND" or "07-NQ/ĐU", as the register keeps it; null for a draft. */
	String registered() {
		if (number == null) {
			return null;
		}
		return code(VietnameseText.sequence(number));
	}

	/** The line under the issuing body. */
	String line() {
		String sequence = number == null ? "      " : VietnameseText.sequence(number);
		return (layout == OfficialDocument.Layout.PARTY ? "Số " : "Số: ") + code(sequence);
	}

	private String code(String sequence) {
		String issuer = issuerCode == null || issuerCode.isBlank() ? "" : issuerCode.strip();
		if (layout == OfficialDocument.Layout.PARTY) {
			return sequence + "-" + typeCode + (issuer.isEmpty() ? "" : "/" + issuer);
		}
		return sequence + "/" + typeCode + (issuer.isEmpty() ? "" : "-" + issuer);
	}
}
