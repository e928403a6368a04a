package vn.ntmtracker.criteria;

/** What a criteria set recognises. */
public enum Tier {

	XA_NTM("Xã nông thôn mới"),
	XA_NTM_NANG_CAO("Xã nông thôn mới nâng cao"),
	XA_NTM_KIEU_MAU("Xã nông thôn mới kiểu mẫu"),
	XA_NTM_HIEN_DAI("Xã nông thôn mới hiện đại"),
	THON_NTM("Thôn nông thôn mới"),
	KDC_NTM_KIEU_MAU("Khu dân cư nông thôn mới kiểu mẫu"),
	VUON_MAU("Vườn mẫu"),
	HUYEN_NTM("Huyện nông thôn mới"),
	HUYEN_NTM_NANG_CAO("Huyện nông thôn mới nâng cao"),
	TINH_HOAN_THANH("Tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới");

	private final String label;

	Tier(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The level of unit a set of this tier judges: 1 province, 2 district, 3 commune, 4 village (thôn, khu dân cư,
	 * garden). The one place this mapping lives.
	 */
	public int unitLevel() {
		return switch (this) {
			case TINH_HOAN_THANH -> 1;
			case HUYEN_NTM, HUYEN_NTM_NANG_CAO -> 2;
			case THON_NTM, KDC_NTM_KIEU_MAU, VUON_MAU -> 4;
			default -> 3;
		};
	}
}
