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
}
