package vn.ntmtracker.registers;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 12 indicators of basic social services of the multidimensional poverty standard, in 6 dimensions (Nghị định
 * 07/2021/NĐ-CP, Điều 3, as recalled in criteria-facts §11 [R]). Numbered 1–12 in this order in the import sheet.
 */
enum Deprivation {

	VIEC_LAM("Việc làm", "Việc làm"),
	NGUOI_PHU_THUOC("Việc làm", "Người phụ thuộc trong hộ gia đình"),
	DINH_DUONG("Y tế", "Dinh dưỡng"),
	BAO_HIEM_Y_TE("Y tế", "Bảo hiểm y tế"),
	GIAO_DUC_NGUOI_LON("Giáo dục", "Trình độ giáo dục của người lớn"),
	DI_HOC_TRE_EM("Giáo dục", "Tình trạng đi học của trẻ em"),
	CHAT_LUONG_NHA_O("Nhà ở", "Chất lượng nhà ở"),
	DIEN_TICH_NHA_O("Nhà ở", "Diện tích nhà ở bình quân đầu người"),
	NGUON_NUOC("Nước sinh hoạt và vệ sinh", "Nguồn nước sinh hoạt"),
	NHA_TIEU("Nước sinh hoạt và vệ sinh", "Nhà tiêu hợp vệ sinh"),
	VIEN_THONG("Thông tin", "Sử dụng dịch vụ viễn thông"),
	TIEP_CAN_THONG_TIN("Thông tin", "Phương tiện phục vụ tiếp cận thông tin");

	private final String dimension;
	private final String label;

	Deprivation(String dimension, String label) {
		this.dimension = dimension;
		this.label = label;
	}

	public String dimension() {
		return dimension;
	}

	public String label() {
		return label;
	}

	public int number() {
		return ordinal() + 1;
	}

	static Deprivation ofNumber(int number) {
		if (number < 1 || number > values().length) {
			throw new IllegalArgumentException("no deprivation indicator " + number);
		}
		return values()[number - 1];
	}

	/** "1, 4, 9" or "1;4;9": the numbers of the sheet; empty text gives an empty set. */
	static Set<Deprivation> parseNumbers(String text) {
		Set<Deprivation> result = EnumSet.noneOf(Deprivation.class);
		if (text == null || text.isBlank()) {
			return result;
		}
		for (String part : text.split("[,;\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			String number = part.strip();
			if (number.endsWith(".0")) {
				number = number.substring(0, number.length() - 2);
			}
			result.add(ofNumber(Integer.parseInt(number)));
		}
		return result;
	}

	static String numbers(Set<Deprivation> deprivations) {
		return deprivations.stream().map(d -> Integer.toString(d.number())).reduce((a, b) -> a + ", " + b).orElse("");
	}
}
