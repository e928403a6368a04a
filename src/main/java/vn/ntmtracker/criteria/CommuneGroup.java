package vn.ntmtracker.criteria;

/** The three commune groups (xã nhóm 1–3) that replace regions in QĐ 51/2025/QĐ-TTg (criteria-facts §9.3). */
public enum CommuneGroup {

	GROUP_1(1, "Xã nhóm 1"),
	GROUP_2(2, "Xã nhóm 2"),
	GROUP_3(3, "Xã nhóm 3");

	private final int number;

	private final String label;

	CommuneGroup(int number, String label) {
		this.number = number;
		this.label = label;
	}

	public int number() {
		return number;
	}

	public String label() {
		return label;
	}

	public static CommuneGroup of(int number) {
		for (CommuneGroup group : values()) {
			if (group.number == number) {
				return group;
			}
		}
		throw new IllegalArgumentException("no commune group " + number + " (groups are 1, 2, 3)");
	}
}
