package vn.ntmtracker.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Threshold values as a province types them, in the threshold form or in the XLSX sheet: one row per key (chung, a
 * region or a commune group) and year, with the value, the source document and its date, and whether it was checked
 * against the official text. Every problem is reported in Vietnamese with where it is ("ô G12", "dòng 3") and why;
 * the caller changes nothing when there is any.
 */
public final class ThresholdRows {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final Pattern DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	/** One typed row; {@code where} names it for messages, {@code cell} names the cell of each column ("G12"). */
	public record Row(String where, Map<String, String> cells, String key, String year, String value, String source,
			String date, String verified, String note) {

		/** Where a column of this row is: the caller names it ("Trang 'Ngưỡng', ô G12"), else the row. */
		String at(String column) {
			String cell = cells == null ? null : cells.get(column);
			return cell == null ? where : cell;
		}

		boolean blank() {
			return empty(key) && empty(year) && empty(value) && empty(source) && empty(date) && empty(verified)
					&& empty(note);
		}
	}

	/** A problem: where it is, and why, in Vietnamese. */
	public record Problem(String where, String message) {

		@Override
		public String toString() {
			return where.isEmpty() ? message : where + ": " + message;
		}
	}

	/** The columns a row's cells are named by. */
	public static final String KEY = "key", YEAR = "year", VALUE = "value", SOURCE = "source", DATE = "date",
			VERIFIED = "verified", NOTE = "note";

	private ThresholdRows() {
	}

	/**
	 * The thresholds of one indicator from its rows. A row without a value is no threshold (a key left empty on
	 * purpose) unless it has a source, which is a mistake. Then the rules of {@link #check}.
	 */
	public static List<Threshold> parse(ThresholdKeying keying, Indicator indicator, List<Row> rows,
			List<Problem> problems) {
		List<Threshold> thresholds = new ArrayList<>();
		int problemsBefore = problems.size();
		Map<String, String> seen = new HashMap<>();
		String label = "chỉ tiêu " + indicator.code();
		for (Row row : rows) {
			if (row.blank()) {
				continue;
			}
			if (empty(row.value())) {
				if (!empty(row.source()) || !empty(row.date()) || !empty(row.note())) {
					problems.add(new Problem(row.at(VALUE), "có nguồn nhưng chưa có giá trị của " + label
							+ "; nhập giá trị, hoặc xóa cả dòng"));
				}
				continue;
			}
			int before = problems.size();
			Threshold key = key(keying, row, label, problems);
			Integer year = year(row, problems);
			BigDecimal value = value(indicator, row, problems);
			LocalDate date = date(row, problems);
			Boolean verified = verified(row, problems);
			if (empty(row.source())) {
				problems.add(new Problem(row.at(SOURCE), "cần ghi văn bản nguồn của giá trị " + label
						+ " (số, ký hiệu văn bản; ví dụ \"QĐ 1360/QĐ-UBND tỉnh Bình Phước\")"));
			}
			if (problems.size() > before) {
				continue;
			}
			Threshold threshold = new Threshold(key.region(), key.group(), year, value,
					new Provenance(row.source().strip(), Boolean.TRUE.equals(verified) ? Verification.VERIFIED
							: Verification.PROVISIONAL, empty(row.note()) ? null : row.note().strip(), date));
			String other = seen.putIfAbsent(ThresholdText.key(threshold), row.at(VALUE));
			if (other != null) {
				problems.add(new Problem(row.at(VALUE), label + ", " + ThresholdText.key(threshold)
						+ ": đã có một giá trị khác ở " + other + "; mỗi vùng/nhóm và năm chỉ một giá trị"));
				continue;
			}
			thresholds.add(threshold);
		}
		// A row that could not be read would only be reported again as a missing value.
		if (problems.size() == problemsBefore) {
			check(keying, indicator, thresholds, rows.isEmpty() ? "" : rows.get(0).where(), problems);
		}
		return thresholds;
	}

	/**
	 * The rules of the schema, said in Vietnamese: a kind with a threshold needs at least one; a year (or every year)
	 * with values for some regions (groups) needs all seven regions (three groups) or a general value.
	 */
	public static void check(ThresholdKeying keying, Indicator indicator, List<Threshold> thresholds, String where,
			List<Problem> problems) {
		String label = "Chỉ tiêu " + indicator.code();
		if (indicator.kind() == null) {
			return;
		}
		if (!indicator.kind().needsThreshold()) {
			if (!thresholds.isEmpty()) {
				problems.add(new Problem(where, label + " đo bằng \"" + indicator.kind().label()
						+ "\" nên không có giá trị ngưỡng; xóa các giá trị, hoặc đổi cách đo"));
			}
			return;
		}
		if (thresholds.isEmpty()) {
			problems.add(new Problem(where, label + " (" + indicator.kind().label() + ") cần ít nhất một giá trị ngưỡng"));
			return;
		}
		Map<Integer, Set<Region>> regions = new LinkedHashMap<>();
		Map<Integer, Set<CommuneGroup>> groups = new LinkedHashMap<>();
		Set<Integer> general = new java.util.HashSet<>();
		for (Threshold t : thresholds) {
			if (t.region() != null) {
				regions.computeIfAbsent(t.year(), y -> EnumSet.noneOf(Region.class)).add(t.region());
			}
			else if (t.group() != null) {
				groups.computeIfAbsent(t.year(), y -> EnumSet.noneOf(CommuneGroup.class)).add(t.group());
			}
			else {
				general.add(t.year());
			}
		}
		regions.forEach((year, have) -> {
			if (!general.contains(null) && !general.contains(year) && have.size() < Region.values().length) {
				List<String> missing = new ArrayList<>();
				for (Region region : Region.values()) {
					if (!have.contains(region)) {
						missing.add(region.abbreviation());
					}
				}
				problems.add(new Problem(where, label + (year == null ? "" : ", năm " + year)
						+ ": có giá trị cho một số vùng nhưng thiếu vùng " + String.join(", ", missing)
						+ "; cần đủ 7 vùng, hoặc thêm một giá trị chung"));
			}
		});
		groups.forEach((year, have) -> {
			if (!general.contains(null) && !general.contains(year) && have.size() < CommuneGroup.values().length) {
				List<String> missing = new ArrayList<>();
				for (CommuneGroup group : CommuneGroup.values()) {
					if (!have.contains(group)) {
						missing.add(String.valueOf(group.number()));
					}
				}
				problems.add(new Problem(where, label + (year == null ? "" : ", năm " + year)
						+ ": thiếu nhóm " + String.join(", ", missing) + "; cần đủ 3 nhóm, hoặc thêm một giá trị chung"));
			}
		});
	}

	private static Threshold key(ThresholdKeying keying, Row row, String label, List<Problem> problems) {
		String folded = ThresholdText.fold(row.key());
		if (folded.isEmpty() || folded.equals("CHUNG") || folded.equals("CHITIEUCHUNG")) {
			return Threshold.general(null, null);
		}
		for (Region region : Region.values()) {
			if (folded.equals(region.name()) || folded.equals("VUNG" + region.name())
					|| folded.equals(ThresholdText.fold(region.label())) || folded.equals("VUNG" + ThresholdText.fold(region.label()))) {
				if (keying != ThresholdKeying.REGION) {
					problems.add(new Problem(row.at(KEY), "bộ tiêu chí này không chia ngưỡng theo vùng"
							+ (keying == ThresholdKeying.COMMUNE_GROUP ? " mà theo nhóm xã 1, 2, 3" : "") + ": \"" + row.key() + "\""));
				}
				return new Threshold(region, null, null, null, null);
			}
		}
		Matcher group = Pattern.compile("(?:NHOM|XANHOM)?([123])").matcher(folded);
		if (group.matches()) {
			if (keying != ThresholdKeying.COMMUNE_GROUP) {
				problems.add(new Problem(row.at(KEY), "bộ tiêu chí này không chia ngưỡng theo nhóm xã"
						+ (keying == ThresholdKeying.REGION ? " mà theo 7 vùng" : "") + ": \"" + row.key() + "\""));
			}
			return new Threshold(null, CommuneGroup.of(Integer.parseInt(group.group(1))), null, null, null);
		}
		problems.add(new Problem(row.at(KEY), "\"" + row.key() + "\" không phải là \"Chung\", một vùng (TDMNPB, ĐBSH, BTB, "
				+ "DHNTB, TN, ĐNB, ĐBSCL) hay một nhóm xã (Nhóm 1, 2, 3) của " + label));
		return Threshold.general(null, null);
	}

	private static Integer year(Row row, List<Problem> problems) {
		if (empty(row.year())) {
			return null;
		}
		String text = row.year().strip().replaceFirst("\\.0+$", "");
		try {
			int year = Integer.parseInt(text);
			if (year < 1990 || year > 2100) {
				problems.add(new Problem(row.at(YEAR), "năm " + year + " không hợp lý (từ 1990 đến 2100); để trống nếu giá trị áp dụng cho mọi năm"));
			}
			return year;
		}
		catch (NumberFormatException ex) {
			problems.add(new Problem(row.at(YEAR), "\"" + row.year() + "\" không phải là một năm; để trống nếu giá trị áp dụng cho mọi năm"));
			return null;
		}
	}

	/** Vietnamese decimals use a comma; a dot followed by exactly three digits is a thousands separator. */
	static BigDecimal number(String text) {
		String cleaned = text.strip().replace(" ", "").replace("%", "");
		if (cleaned.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
			cleaned = cleaned.replace(".", "");
		}
		return new BigDecimal(cleaned.replace(',', '.'));
	}

	private static BigDecimal value(Indicator indicator, Row row, List<Problem> problems) {
		BigDecimal value;
		try {
			value = number(row.value());
		}
		catch (NumberFormatException ex) {
			problems.add(new Problem(row.at(VALUE), "\"" + row.value() + "\" không phải là một số (chỉ tiêu " + indicator.code()
					+ "; dùng dấu phẩy cho phần thập phân, ví dụ 16,5)"));
			return null;
		}
		if (value.signum() < 0) {
			problems.add(new Problem(row.at(VALUE), "giá trị của chỉ tiêu " + indicator.code() + " không được âm: " + row.value()));
		}
		else if (indicator.kind() != null && indicator.kind().percent() && value.compareTo(HUNDRED) > 0) {
			problems.add(new Problem(row.at(VALUE), "chỉ tiêu " + indicator.code() + " là tỷ lệ phần trăm: giá trị phải từ 0 đến 100, không phải " + row.value()));
		}
		return value;
	}

	private static LocalDate date(Row row, List<Problem> problems) {
		if (empty(row.date())) {
			return null;
		}
		String text = row.date().strip();
		Matcher dmy = DMY.matcher(text);
		try {
			if (dmy.matches()) {
				return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1)));
			}
			return LocalDate.parse(text);
		}
		catch (java.time.DateTimeException ex) {
			problems.add(new Problem(row.at(DATE), "\"" + text + "\" không phải là ngày hợp lệ (viết dạng 28/7/2022)"));
			return null;
		}
	}

	private static Boolean verified(Row row, List<Problem> problems) {
		String folded = ThresholdText.fold(row.verified());
		return switch (folded) {
			case "", "KHONG", "CHUA", "TAMTINH", "FALSE", "0", "N", "NO" -> false;
			case "CO", "DAXACMINH", "TRUE", "1", "X", "Y", "YES" -> true;
			default -> {
				problems.add(new Problem(row.at(VERIFIED), "ghi \"Có\" nếu giá trị đã đối chiếu với văn bản chính thức, "
						+ "\"Không\" nếu chưa; không hiểu \"" + row.verified() + "\""));
				yield null;
			}
		};
	}

	static boolean empty(String text) {
		return text == null || text.isBlank();
	}
}
