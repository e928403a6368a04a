package vn.ntmtracker.units;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses and validates a CSV of units: {@code code,name,kind,parent_code,valid_from,valid_to} and optionally
 * {@code region,commune_group,especially_disadvantaged,safe_zone_poor_district}. Several rows with one code
 * are periods of one unit (a renaming, or a new parent such as the province after 1/7/2025).
 * Validation is complete before anything is written: the caller gets every error, by row and field.
 */
final class UnitCsvImport {

	static final List<String> REQUIRED = List.of("code", "name", "kind", "parent_code", "valid_from", "valid_to");
	static final List<String> OPTIONAL = List.of("region", "commune_group", "especially_disadvantaged",
			"safe_zone_poor_district");
	static final int MAX_ROWS = 200_000;
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
	private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

	/** What the rest of the system knows about an existing unit, to check parents against. */
	record KnownUnit(String code, UnitKind kind, LocalDate validFrom, LocalDate validTo) {
	}

	record Row(int line, String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
			LocalDate validTo, Region region, Integer communeGroup, boolean especiallyDisadvantaged,
			boolean safeZonePoorDistrict, boolean classified) {

		boolean overlaps(Row other) {
			return !validFrom.isAfter(end(other.validTo)) && !other.validFrom.isAfter(end(validTo));
		}
	}

	record Result(List<Row> rows, List<ImportError> errors) {

		boolean ok() {
			return errors.isEmpty();
		}
	}

	private UnitCsvImport() {
	}

	static Result read(Reader input, Function<String, KnownUnit> existing) throws IOException {
		List<ImportError> errors = new ArrayList<>();
		List<List<String>> lines = parseCsv(new BufferedReader(input), errors);
		if (!errors.isEmpty()) {
			return new Result(List.of(), errors);
		}
		if (lines.isEmpty()) {
			return new Result(List.of(), List.of(new ImportError(1, null, "Tệp trống: cần dòng tiêu đề " + String.join(",", REQUIRED))));
		}
		Map<String, Integer> columns = header(lines.get(0), errors);
		if (!errors.isEmpty()) {
			return new Result(List.of(), errors);
		}
		if (lines.size() - 1 > MAX_ROWS) {
			return new Result(List.of(), List.of(new ImportError(1, null, "Quá " + MAX_ROWS + " dòng; hãy chia nhỏ tệp")));
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			List<String> cells = lines.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			Row row = row(i + 1, cells, columns, errors);
			if (row != null) {
				rows.add(row);
			}
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new ImportError(1, null, "Tệp không có dòng dữ liệu nào"));
		}
		checkAcrossRows(rows, existing, errors);
		errors.sort(java.util.Comparator.comparingInt(ImportError::row));
		return new Result(errors.isEmpty() ? rows : List.of(), errors);
	}

	private static Map<String, Integer> header(List<String> cells, List<ImportError> errors) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
				errors.add(new ImportError(1, name, "Cột không được hỗ trợ: \"" + cells.get(i) + "\""));
			}
			columns.put(name, i);
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				errors.add(new ImportError(1, required, "Thiếu cột bắt buộc \"" + required + "\""));
			}
		}
		return columns;
	}

	private static Row row(int line, List<String> cells, Map<String, Integer> columns, List<ImportError> errors) {
		int before = errors.size();
		Function<String, String> cell = column -> {
			Integer index = columns.get(column);
			return index == null || index >= cells.size() ? "" : SearchKey.clean(cells.get(index));
		};
		String code = cell.apply("code");
		if (code.isEmpty()) {
			errors.add(new ImportError(line, "code", "Thiếu mã đơn vị"));
		}
		else if (!CODE.matcher(code).matches()) {
			errors.add(new ImportError(line, "code", "Mã \"" + code + "\" không hợp lệ (chỉ chữ, số, dấu . _ -; tối đa 40 ký tự)"));
		}
		String name = cell.apply("name");
		if (name.isEmpty()) {
			errors.add(new ImportError(line, "name", "Thiếu tên đơn vị"));
		}
		else if (name.length() > 200) {
			errors.add(new ImportError(line, "name", "Tên dài quá 200 ký tự"));
		}
		UnitKind kind = UnitKind.parse(cell.apply("kind")).orElse(null);
		if (kind == null) {
			errors.add(new ImportError(line, "kind", "Loại đơn vị \"" + cell.apply("kind") + "\" không hợp lệ (ví dụ: tỉnh, huyện, xã, phường, thôn, bản)"));
		}
		LocalDate from = date(cell.apply("valid_from"), line, "valid_from", true, errors);
		LocalDate to = date(cell.apply("valid_to"), line, "valid_to", false, errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(new ImportError(line, "valid_to", "Ngày kết thúc " + format(to) + " trước ngày bắt đầu " + format(from)));
		}
		String parent = cell.apply("parent_code");
		if (kind != null && kind.level() == 1 && !parent.isEmpty()) {
			errors.add(new ImportError(line, "parent_code", "Đơn vị cấp tỉnh không có đơn vị cấp trên"));
		}
		if (kind != null && kind.level() > 1 && parent.isEmpty()) {
			errors.add(new ImportError(line, "parent_code", "Thiếu mã đơn vị cấp trên"));
		}
		if (!parent.isEmpty() && parent.equals(code)) {
			errors.add(new ImportError(line, "parent_code", "Đơn vị không thể là cấp trên của chính nó"));
		}
		if (kind != null && kind.isDistrictLevel() && from != null
				&& (to == null || to.isAfter(UnitKind.LAST_DAY_OF_DISTRICTS))) {
			errors.add(new ImportError(line, "valid_to", "Cấp huyện chấm dứt hoạt động từ 01/07/2025: ngày kết thúc phải không muộn hơn 30/06/2025"));
		}
		Region region = null;
		String regionText = cell.apply("region");
		if (!regionText.isEmpty()) {
			try {
				region = Region.valueOf(regionText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new ImportError(line, "region", "Vùng \"" + regionText + "\" không hợp lệ (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL)"));
			}
		}
		Integer group = null;
		String groupText = cell.apply("commune_group");
		if (!groupText.isEmpty()) {
			if (groupText.matches("[123]")) {
				group = Integer.valueOf(groupText);
			}
			else {
				errors.add(new ImportError(line, "commune_group", "Nhóm xã phải là 1, 2 hoặc 3"));
			}
		}
		Boolean dbkk = flag(cell.apply("especially_disadvantaged"), line, "especially_disadvantaged", errors);
		Boolean atk = flag(cell.apply("safe_zone_poor_district"), line, "safe_zone_poor_district", errors);
		if (errors.size() > before) {
			return null;
		}
		boolean classified = region != null || group != null || dbkk || atk;
		return new Row(line, code, name, kind, parent.isEmpty() ? null : parent, from, to, region, group, dbkk, atk,
				classified);
	}

	private static void checkAcrossRows(List<Row> rows, Function<String, KnownUnit> existing, List<ImportError> errors) {
		Map<String, List<Row>> byCode = new LinkedHashMap<>();
		rows.forEach(row -> byCode.computeIfAbsent(row.code(), code -> new ArrayList<>()).add(row));
		for (var entry : byCode.entrySet()) {
			List<Row> periods = entry.getValue();
			Row first = periods.get(0);
			if (existing.apply(entry.getKey()) != null) {
				errors.add(new ImportError(first.line(), "code", "Mã " + entry.getKey() + " đã có trong hệ thống"));
			}
			for (int i = 0; i < periods.size(); i++) {
				Row row = periods.get(i);
				if (row.kind() != first.kind()) {
					errors.add(new ImportError(row.line(), "kind", "Mã " + row.code() + " đã khai báo loại " + first.kind().label() + " ở dòng " + first.line()));
				}
				for (int j = 0; j < i; j++) {
					if (row.overlaps(periods.get(j))) {
						errors.add(new ImportError(row.line(), "valid_from", "Thời hạn hiệu lực trùng với dòng " + periods.get(j).line() + " của cùng mã " + row.code()));
					}
				}
			}
		}
		for (Row row : rows) {
			if (row.parentCode() == null) {
				continue;
			}
			List<Row> parentRows = byCode.get(row.parentCode());
			KnownUnit known = parentRows == null ? existing.apply(row.parentCode()) : null;
			if (parentRows == null && known == null) {
				errors.add(new ImportError(row.line(), "parent_code", "Không tìm thấy đơn vị cấp trên có mã " + row.parentCode()));
				continue;
			}
			UnitKind parentKind = parentRows != null ? parentRows.get(0).kind() : known.kind();
			LocalDate lastDay = end(row.validTo());
			if (!row.kind().acceptsParentLevel(parentKind.level(), row.validFrom())
					|| !row.kind().acceptsParentLevel(parentKind.level(), lastDay)) {
				errors.add(new ImportError(row.line(), "parent_code", "Một " + row.kind().label() + " không thể trực thuộc "
						+ parentKind.label() + " " + row.parentCode()
						+ (parentKind.isDistrictLevel() ? " sau 30/06/2025" : "")));
				continue;
			}
			boolean covered = parentRows != null
					? covers(parentRows.stream().map(r -> new LocalDate[] { r.validFrom(), r.validTo() }).toList(), row)
					: covers(List.<LocalDate[]>of(new LocalDate[] { known.validFrom(), known.validTo() }), row);
			if (!covered) {
				errors.add(new ImportError(row.line(), "parent_code", "Đơn vị cấp trên " + row.parentCode()
						+ " không có hiệu lực suốt thời gian " + format(row.validFrom()) + " – "
						+ (row.validTo() == null ? "nay" : format(row.validTo()))));
			}
		}
		detectCycles(rows, errors);
	}

	/** Levels already forbid cycles; this guards against a future kind table that would not. */
	private static void detectCycles(List<Row> rows, List<ImportError> errors) {
		Map<String, Set<String>> parents = new HashMap<>();
		Map<String, Integer> lineOf = new HashMap<>();
		for (Row row : rows) {
			if (row.parentCode() != null) {
				parents.computeIfAbsent(row.code(), c -> new HashSet<>()).add(row.parentCode());
				lineOf.putIfAbsent(row.code(), row.line());
			}
		}
		Set<String> reported = new HashSet<>();
		for (String start : parents.keySet()) {
			Set<String> seen = new HashSet<>();
			List<String> frontier = new ArrayList<>(List.of(start));
			while (!frontier.isEmpty()) {
				String next = frontier.remove(frontier.size() - 1);
				for (String parent : parents.getOrDefault(next, Set.of())) {
					if (parent.equals(start) && reported.add(start)) {
						errors.add(new ImportError(lineOf.get(start), "parent_code", "Vòng lặp cấp trên: " + start + " nằm dưới chính nó"));
					}
					else if (seen.add(parent)) {
						frontier.add(parent);
					}
				}
			}
		}
	}

	private static boolean covers(List<LocalDate[]> periods, Row row) {
		LocalDate day = row.validFrom();
		LocalDate last = end(row.validTo());
		List<LocalDate[]> sorted = new ArrayList<>(periods);
		sorted.sort(java.util.Comparator.comparing(p -> p[0]));
		for (LocalDate[] period : sorted) {
			if (period[0].isAfter(day)) {
				return false;
			}
			LocalDate periodEnd = end(period[1]);
			if (!periodEnd.isBefore(day)) {
				if (!periodEnd.isBefore(last)) {
					return true;
				}
				day = periodEnd.plusDays(1);
			}
		}
		return false;
	}

	static LocalDate end(LocalDate validTo) {
		return validTo == null ? LocalDate.MAX : validTo;
	}

	private static LocalDate date(String text, int line, String field, boolean required, List<ImportError> errors) {
		if (text.isEmpty()) {
			if (required) {
				errors.add(new ImportError(line, field, "Thiếu ngày (dạng 2025-07-01 hoặc 1/7/2025)"));
			}
			return null;
		}
		try {
			return text.contains("/") ? LocalDate.parse(text, VN_DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.add(new ImportError(line, field, "Ngày \"" + text + "\" không hợp lệ (dạng 2025-07-01 hoặc 1/7/2025)"));
			return null;
		}
	}

	private static Boolean flag(String text, int line, String field, List<ImportError> errors) {
		String key = SearchKey.of(text);
		if (key.isEmpty() || key.equals("0") || key.equals("false") || key.equals("khong")) {
			return false;
		}
		if (key.equals("1") || key.equals("true") || key.equals("x") || key.equals("co")) {
			return true;
		}
		errors.add(new ImportError(line, field, "Giá trị \"" + text + "\" không hợp lệ (dùng 1/0, có/không)"));
		return false;
	}

	static String format(LocalDate date) {
		return date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	/** RFC 4180 with a UTF-8 BOM tolerated; a comma or semicolon separator, detected from the header line. */
	static List<List<String>> parseCsv(BufferedReader reader, List<ImportError> errors) throws IOException {
		StringBuilder all = new StringBuilder();
		char[] buffer = new char[8192];
		int read;
		while ((read = reader.read(buffer)) != -1) {
			all.append(buffer, 0, read);
		}
		String text = all.toString();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.indexOf('\0') >= 0) {
			errors.add(new ImportError(1, null, "Tệp không phải CSV văn bản (có ký tự nhị phân)"));
			return List.of();
		}
		int firstLineEnd = text.indexOf('\n');
		String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
		List<List<String>> lines = new ArrayList<>();
		List<String> current = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int quoteStartLine = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				quoted = true;
				quoteStartLine = line;
				cell.setLength(0);
			}
			else if (c == separator) {
				current.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				current.add(cell.toString());
				cell.setLength(0);
				lines.add(current);
				current = new ArrayList<>();
				line++;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			errors.add(new ImportError(quoteStartLine, null, "Dấu ngoặc kép mở ở dòng " + quoteStartLine + " không được đóng"));
		}
		if (cell.length() > 0 || !current.isEmpty()) {
			current.add(cell.toString());
			lines.add(current);
		}
		return lines;
	}
}
