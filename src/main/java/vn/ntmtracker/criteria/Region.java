package vn.ntmtracker.criteria;

/** The seven regions (vùng) whose thresholds the 2016–2020 and 2021–2025 sets list (QĐ 318/QĐ-TTg, criteria-facts §2). */
public enum Region {

	TDMNPB("Trung du và miền núi phía Bắc", "TDMNPB"),
	DBSH("Đồng bằng sông Hồng", "ĐBSH"),
	BTB("Bắc Trung Bộ", "BTB"),
	DHNTB("Duyên hải Nam Trung Bộ", "DHNTB"),
	TN("Tây Nguyên", "TN"),
	DNB("Đông Nam Bộ", "ĐNB"),
	DBSCL("Đồng bằng sông Cửu Long", "ĐBSCL");

	private final String label;

	private final String abbreviation;

	Region(String label, String abbreviation) {
		this.label = label;
		this.abbreviation = abbreviation;
	}

	/** The abbreviation officials write: "ĐBSH", "TDMNPB". */
	public String abbreviation() {
		return abbreviation;
	}

	public String label() {
		return label;
	}
}
