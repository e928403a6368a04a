package vn.ntmtracker.registers;

import java.util.Optional;

import vn.ntmtracker.units.SearchKey;

/**
 * A household's classification in the yearly review (rà soát hộ nghèo, hộ cận nghèo) under the multidimensional
 * standard in force that year: Nghị định 07/2021/NĐ-CP for 2022–2025, continued through 2026 by Nghị định
 * 351/2025/NĐ-CP (criteria-facts §11). {@code THOAT_NGHEO} marks a household that left poverty or near-poverty in the
 * year; it counts as neither poor nor near-poor.
 */
enum PovertyStatus {

	NGHEO("Nghèo"), CAN_NGHEO("Cận nghèo"), THOAT_NGHEO("Thoát nghèo"), KHONG("Không");

	private final String label;

	PovertyStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String messageKey() {
		return "household.status." + name();
	}

	/** "Nghèo", "hộ nghèo", "HỘ CẬN NGHÈO", "thoat ngheo", "Không", or the code; empty for anything else. */
	static Optional<PovertyStatus> parse(String text) {
		String key = SearchKey.of(text).replace('_', ' ');
		if (key.startsWith("ho ")) {
			key = key.substring(3);
		}
		return switch (key) {
			case "ngheo" -> Optional.of(NGHEO);
			case "can ngheo" -> Optional.of(CAN_NGHEO);
			case "thoat ngheo" -> Optional.of(THOAT_NGHEO);
			case "khong", "khong ngheo" -> Optional.of(KHONG);
			default -> Optional.empty();
		};
	}
}
