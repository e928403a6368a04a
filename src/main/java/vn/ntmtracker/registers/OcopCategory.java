package vn.ntmtracker.registers;

import java.util.Optional;

import vn.ntmtracker.units.SearchKey;

/** The six OCOP product groups of Quyết định 148/QĐ-TTg (2023) (criteria-facts §10 [V:S26]). */
enum OcopCategory {

	THUC_PHAM("Thực phẩm"),
	DO_UONG("Đồ uống"),
	DUOC_LIEU("Dược liệu và sản phẩm từ dược liệu"),
	THU_CONG_MY_NGHE("Hàng thủ công mỹ nghệ"),
	SINH_VAT_CANH("Sinh vật cảnh"),
	DU_LICH("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch");

	private final String label;

	OcopCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<OcopCategory> parse(String text) {
		String key = SearchKey.of(text);
		for (OcopCategory category : values()) {
			if (category.name().equalsIgnoreCase(text == null ? "" : text.strip()) || SearchKey.of(category.label).equals(key)) {
				return Optional.of(category);
			}
		}
		return Optional.empty();
	}
}
