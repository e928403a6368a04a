package vn.ntmtracker.planning;

/** Nguồn vốn, in the order reports list them. */
public enum FundingSource {

	NGAN_SACH_TRUNG_UONG("Ngân sách trung ương"),
	NGAN_SACH_TINH("Ngân sách tỉnh"),
	NGAN_SACH_HUYEN("Ngân sách huyện"),
	NGAN_SACH_XA("Ngân sách xã"),
	LONG_GHEP("Vốn lồng ghép"),
	TIN_DUNG("Vốn tín dụng"),
	DOANH_NGHIEP("Doanh nghiệp"),
	NHAN_DAN("Nhân dân đóng góp"),
	KHAC("Nguồn khác");

	private final String label;

	FundingSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String messageKey() {
		return "planning.source." + name();
	}

	/**
	 * The source a funding table's line names ("Ngân sách huyện", "Huyện", "Dân góp", "Vốn lồng ghép", "Tín dụng
	 * chính sách"…), diacritics and case ignored; {@link #KHAC} when the wording names none of them.
	 */
	public static FundingSource fromWording(String wording) {
		String key = " " + java.text.Normalizer.normalize(wording == null ? "" : wording, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", " ").trim() + " ";
		if (key.contains(" long ghep ")) {
			return LONG_GHEP;
		}
		if (key.contains(" tin dung ") || key.contains(" vay ")) {
			return TIN_DUNG;
		}
		if (key.contains(" doanh nghiep ") || key.contains(" hop tac xa ") || key.contains(" htx ")) {
			return DOANH_NGHIEP;
		}
		if (key.contains(" nhan dan ") || key.contains(" dan gop ") || key.contains(" dong gop ") || key.contains(" cong dong ")
				|| key.contains(" nguoi dan ")) {
			return NHAN_DAN;
		}
		if (key.contains(" trung uong ") || key.contains(" tw ")) {
			return NGAN_SACH_TRUNG_UONG;
		}
		if (key.contains(" tinh ")) {
			return NGAN_SACH_TINH;
		}
		if (key.contains(" huyen ") || key.contains(" thi xa ") || key.contains(" thanh pho ")) {
			return NGAN_SACH_HUYEN;
		}
		if (key.contains(" xa ") || key.contains(" thi tran ") || key.contains(" phuong ")) {
			return NGAN_SACH_XA;
		}
		return KHAC;
	}
}
