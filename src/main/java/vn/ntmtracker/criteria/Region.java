package vn.ntmtracker.criteria;

/** The seven regions (vùng) whose thresholds the 2016–2020 and 2021–2025 sets list (QĐ 318/QĐ-TTg, criteria-facts §2). */
public enum Region {

	TDMNPB("Trung du và miền núi phía Bắc"),
	DBSH("Đồng bằng sông Hồng"),
	BTB("Bắc Trung Bộ"),
	DHNTB("Duyên hải Nam Trung Bộ"),
	TN("Tây Nguyên"),
	DNB("Đông Nam Bộ"),
	DBSCL("Đồng bằng sông Cửu Long");

	private final String label;

	Region(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
