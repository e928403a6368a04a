package vn.ntmtracker.units;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** Kinds of administrative unit, with their level in the tree (1 province … 4 village). */
public enum UnitKind {

	TINH(1, "tỉnh"),
	THANH_PHO_TRUC_THUOC_TW(1, "thành phố trực thuộc trung ương"),
	HUYEN(2, "huyện"),
	THI_XA(2, "thị xã"),
	THANH_PHO_THUOC_TINH(2, "thành phố thuộc tỉnh"),
	QUAN(2, "quận"),
	XA(3, "xã"),
	PHUONG(3, "phường"),
	THI_TRAN(3, "thị trấn"),
	DAC_KHU(3, "đặc khu"),
	THON(4, "thôn"),
	BAN(4, "bản"),
	XOM(4, "xóm"),
	AP(4, "ấp"),
	TO_DAN_PHO(4, "tổ dân phố"),
	KHU_DAN_CU(4, "khu dân cư");

	/** The district level was abolished by the 2025 Law on Local Government Organisation, from 01/07/2025. */
	public static final LocalDate LAST_DAY_OF_DISTRICTS = LocalDate.of(2025, 6, 30);

	private final int level;
	private final String label;

	UnitKind(int level, String label) {
		this.level = level;
		this.label = label;
	}

	public int level() {
		return level;
	}

	/** Vietnamese name of the kind, lower case as used before a proper name ("xã Cẩm Quang"). */
	public String label() {
		return label;
	}

	/**
	 * The kind before a proper name, once: "xã Cẩm Quang", but "Thôn 6" and "Tổ dân phố 3" for names that already
	 * start with the kind (never "thôn Thôn 6"). Case and diacritics are ignored, and only a whole word counts, so
	 * "Xuân Lộc" stays "xã Xuân Lộc".
	 */
	public String withName(String name) {
		if (name == null || name.isBlank()) {
			return label;
		}
		String key = SearchKey.of(name);
		String kindKey = SearchKey.of(label);
		return key.equals(kindKey) || key.startsWith(kindKey + " ") ? name : label + " " + name;
	}

	public String messageKey() {
		return "unit.kind." + name();
	}

	public boolean isDistrictLevel() {
		return level == 2;
	}

	/** Which levels a unit of this kind may hang under on a given date. */
	public boolean acceptsParentLevel(int parentLevel, LocalDate on) {
		return switch (level) {
			case 1 -> false;
			case 2 -> parentLevel == 1;
			case 3 -> parentLevel == 1 || (parentLevel == 2 && !on.isAfter(LAST_DAY_OF_DISTRICTS));
			default -> parentLevel == 3;
		};
	}

	/** Accepts the enum name ("XA") or the Vietnamese label with or without diacritics ("xã", "xa"). */
	public static Optional<UnitKind> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String key = SearchKey.of(text).replace(' ', '_');
		return Arrays.stream(values())
			.filter(kind -> kind.name().equalsIgnoreCase(key) || SearchKey.of(kind.label).replace(' ', '_').equals(key))
			.findFirst();
	}
}
