package vn.ntmtracker.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a list of accounts to create: CSV (UTF-8) or the first sheet of an XLSX, with the header
 * {@code username,display_name,email,role,unit_code,criteria}. A username on several rows gets several grants;
 * {@code criteria} (sector departments) is a list of criterion numbers separated by spaces or semicolons. Only the
 * shape is checked here; {@link UserAdministration#importUsers} checks the rest and writes all or nothing.
 */
final class UserImport {

	static final List<String> COLUMNS = List.of("username", "display_name", "email", "role", "unit_code", "criteria");
	static final int MAX_ROWS = 5_000;

	record Line(int row, String username, String displayName, String email, String role, String unitCode, String criteria) {
	}

	record Problem(int row, String column, String message) {
	}

	record Parsed(List<Line> lines, List<Problem> problems) {
	}

	private UserImport() {
	}

	static Parsed csv(Reader reader) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		int read;
		while ((read = reader.read(buffer)) > 0) {
			text.append(buffer, 0, read);
			if (text.length() > 5_000_000) {
				return new Parsed(List.of(), List.of(new Problem(0, null, "Tệp lớn hơn 5 MB")));
			}
		}
		String[] lines = text.toString().replace("\uFEFF", "").split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				rows.add(splitCsv(lines[i]));
				numbers.add(i + 1);
			}
		}
		return parse(rows, numbers);
	}

	/** The first sheet of a workbook; rows are named by their number in the sheet, as the spreadsheet shows them. */
	static Parsed xlsx(InputStream input) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (Workbook workbook = WorkbookFactory.create(input)) {
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS + 1) {
				return new Parsed(List.of(), List.of(new Problem(0, null, "Nhiều hơn " + MAX_ROWS + " dòng")));
			}
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < COLUMNS.size(); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell));
				}
				if (cells.stream().anyMatch(value -> !value.isBlank())) {
					rows.add(cells);
					numbers.add(row.getRowNum() + 1);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not a workbook, a damaged one, or one past POI's limits: the same answer, nothing written
			return new Parsed(List.of(), List.of(new Problem(0, null, "Tệp không phải bảng tính Excel (.xlsx) đọc được")));
		}
		return parse(rows, numbers);
	}

	private static Parsed parse(List<List<String>> rows, List<Integer> numbers) {
		List<Problem> problems = new ArrayList<>();
		if (rows.isEmpty()) {
			return new Parsed(List.of(), List.of(new Problem(0, null, "Tệp trống")));
		}
		List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		Map<String, Integer> index = new LinkedHashMap<>();
		for (String column : COLUMNS) {
			int at = header.indexOf(column);
			if (at < 0 && !column.equals("email") && !column.equals("criteria")) {
				problems.add(new Problem(numbers.get(0), column, "Thiếu cột " + column));
			}
			index.put(column, at);
		}
		if (rows.size() - 1 > MAX_ROWS) {
			problems.add(new Problem(0, null, "Nhiều hơn " + MAX_ROWS + " dòng"));
		}
		if (!problems.isEmpty()) {
			return new Parsed(List.of(), problems);
		}
		List<Line> lines = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			lines.add(new Line(numbers.get(i), cell(row, index.get("username")), cell(row, index.get("display_name")),
					cell(row, index.get("email")), cell(row, index.get("role")), cell(row, index.get("unit_code")),
					cell(row, index.get("criteria"))));
		}
		return new Parsed(lines, List.of());
	}

	private static String cell(List<String> row, int index) {
		if (index < 0 || index >= row.size()) {
			return null;
		}
		String value = row.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	/** One CSV line: commas, with double quotes around fields that hold commas or quotes. */
	static List<String> splitCsv(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	static List<Integer> criteria(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[;\\s]+")).filter(s -> !s.isBlank()).map(s -> s.matches("\\d{1,2}") ? Integer.valueOf(s) : -1)
			.toList();
	}

	/** The CSV header and two example rows: a commune officer and a sector department limited to criterion 17. */
	static byte[] template() {
		return ("username,display_name,email,role,unit_code,criteria\n"
				+ "canbo.camquang,Nguyễn Văn A,nva@example.vn,COMMUNE_OFFICER,HT-CAMQUANG,\n"
				+ "so.nnmt,Sở Nông nghiệp và Môi trường,,SECTOR,42,17\n").getBytes(StandardCharsets.UTF_8);
	}
}
