package vn.ntmtracker.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.units.Unit;

/**
 * The offline round-trip of assessment values: a template with one row per unit and one typed, validated
 * column per indicator (structure locked), and the reader that checks the structure, refuses formulas and
 * parses every cell, reporting problems by sheet and cell.
 */
final class AssessmentWorkbook {

	static final String DATA = "SoLieu";
	static final String META = "_meta";
	static final int HEADER_ROW = 3;
	static final int FIRST_VALUE_COLUMN = 2;
	static final String SHEET_PASSWORD = "ntm";

	/** One problem in an uploaded workbook. */
	public record CellProblem(String sheet, String cell, String message) {
	}

	/** One unit's row (numbered from 1): its code and the value of each non-empty indicator cell. */
	record UnitRow(int rowNumber, String unitCode, Map<String, IndicatorValue> values) {
	}

	record Parsed(String setCode, int setVersion, List<UnitRow> rows, List<CellProblem> problems) {
	}

	private AssessmentWorkbook() {
	}

	static byte[] template(CriteriaSetDefinition set, List<Unit> units) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(DATA);
			CellStyle locked = workbook.createCellStyle();
			locked.setLocked(true);
			locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			locked.setWrapText(true);
			CellStyle open = workbook.createCellStyle();
			open.setLocked(false);
			sheet.createRow(0).createCell(0).setCellValue(set.title() + " (" + set.code() + " v" + set.version() + ")");
			sheet.createRow(1).createCell(0).setCellValue(
					"Nhập giá trị vào các ô trắng. Tỷ lệ: số từ 0 đến 100. Đạt/Không đạt: chọn trong danh sách. KAD = không áp dụng (chỉ chỉ tiêu \"nếu có\"). Không sửa các ô xám, không chèn cột.");
			Row criteriaRow = sheet.createRow(2);
			Row header = sheet.createRow(HEADER_ROW);
			header.createCell(0).setCellValue("Mã đơn vị");
			header.createCell(1).setCellValue("Tên đơn vị");
			header.getCell(0).setCellStyle(locked);
			header.getCell(1).setCellStyle(locked);
			List<Indicator> indicators = indicators(set);
			DataValidationHelper validations = sheet.getDataValidationHelper();
			int lastRow = HEADER_ROW + Math.max(units.size(), 1);
			int column = FIRST_VALUE_COLUMN;
			for (Criterion criterion : set.criteria()) {
				for (Indicator indicator : criterion.indicators().stream().flatMap(Indicator::withParts).toList()) {
					criteriaRow.createCell(column).setCellValue(criterion.number() + ". " + criterion.name());
					Cell cell = header.createCell(column);
					cell.setCellValue(indicator.code() + " " + indicator.name());
					cell.setCellStyle(locked);
					DataValidationConstraint constraint = switch (indicator.kind()) {
						case BOOLEAN, TEXT_EVIDENCE -> validations.createExplicitListConstraint(
								indicator.notApplicableAllowed() ? new String[] { "Đạt", "Không đạt", "KAD" } : new String[] { "Đạt", "Không đạt" });
						case PERCENT_AT_LEAST, PERCENT_AT_MOST -> validations.createDecimalConstraint(
								DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
						case COUNT_MUST_BE_ZERO -> validations.createIntegerConstraint(
								DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
						default -> validations.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
					};
					DataValidation validation = validations.createValidation(constraint,
							new CellRangeAddressList(HEADER_ROW + 1, lastRow, column, column));
					validation.setShowErrorBox(true);
					validation.createErrorBox("Giá trị không hợp lệ", "Chỉ tiêu " + indicator.code() + ": " + indicator.kind().label());
					sheet.addValidationData(validation);
					sheet.setColumnWidth(column, 14 * 256);
					column++;
				}
			}
			int rowIndex = HEADER_ROW + 1;
			for (Unit unit : units) {
				Row row = sheet.createRow(rowIndex++);
				row.createCell(0).setCellValue(unit.code());
				row.createCell(1).setCellValue(unit.displayName());
				row.getCell(0).setCellStyle(locked);
				row.getCell(1).setCellStyle(locked);
				for (int c = FIRST_VALUE_COLUMN; c < column; c++) {
					row.createCell(c).setCellStyle(open);
				}
			}
			sheet.setColumnWidth(0, 22 * 256);
			sheet.setColumnWidth(1, 28 * 256);
			sheet.createFreezePane(FIRST_VALUE_COLUMN, HEADER_ROW + 1);
			sheet.protectSheet(SHEET_PASSWORD);
			Sheet meta = workbook.createSheet(META);
			meta.createRow(0).createCell(0).setCellValue(set.code());
			meta.getRow(0).createCell(1).setCellValue(set.version());
			Row codes = meta.createRow(1);
			for (int i = 0; i < indicators.size(); i++) {
				codes.createCell(i).setCellValue(indicators.get(i).code());
			}
			workbook.setSheetHidden(workbook.getSheetIndex(META), true);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static List<Indicator> indicators(CriteriaSetDefinition set) {
		return set.allIndicators();
	}

	/** Above this many data rows an upload is refused: split the file (a province has about 1,000 communes). */
	static final int MAX_ROWS = 20_000;

	/**
	 * Reads a filled template as it streams past (the workbook is never built in memory); {@code setLookup} resolves
	 * the set named in the hidden sheet. Each cell is parsed once, into the value it is stored as.
	 */
	static Parsed read(InputStream input, java.util.function.BiFunction<String, Integer, CriteriaSetDefinition> setLookup)
			throws IOException {
		ZipSecureFile.setMinInflateRatio(0.005);
		Path file = Files.createTempFile("ntm-import-", ".xlsx");
		try {
			Files.copy(input, file, StandardCopyOption.REPLACE_EXISTING);
			XlsxRows workbook;
			try {
				workbook = XlsxRows.open(file);
			}
			catch (XlsxRows.UnreadableWorkbook ex) {
				return unreadable();
			}
			try {
				return read(workbook, setLookup);
			}
			catch (XlsxRows.UnreadableWorkbook ex) {
				return unreadable();
			}
			finally {
				workbook.close();
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static Parsed unreadable() {
		return new Parsed(null, 0, List.of(), List.of(new CellProblem("", "", "Không đọc được tệp: không phải tệp Excel .xlsx hợp lệ")));
	}

	private static Parsed read(XlsxRows workbook, java.util.function.BiFunction<String, Integer, CriteriaSetDefinition> setLookup)
			throws XlsxRows.UnreadableWorkbook {
		List<List<XlsxRows.Cell>> meta = new ArrayList<>();
		boolean hasMeta = workbook.read(META, (row, cells) -> {
			if (row == 0) {
				meta.add(cells);
			}
			return row < 1;
		});
		if (!workbook.hasSheet(DATA) || !hasMeta || meta.isEmpty()) {
			String missing = !workbook.hasSheet(DATA) ? DATA : META;
			return new Parsed(null, 0, List.of(), List.of(new CellProblem(missing, "",
					"Tệp không phải mẫu nhập liệu của NTM Tracker (thiếu trang " + missing + "); hãy tải mẫu mới")));
		}
		String setCode = text(meta.get(0), 0);
		int setVersion;
		CriteriaSetDefinition set;
		try {
			setVersion = new java.math.BigDecimal(text(meta.get(0), 1)).intValueExact();
			set = setLookup.apply(setCode, setVersion);
		}
		catch (RuntimeException ex) {
			return new Parsed(setCode, 0, List.of(), List.of(new CellProblem(META, "A1", "Bộ tiêu chí " + setCode + " v"
					+ text(meta.get(0), 1) + " không có trong hệ thống")));
		}
		List<Indicator> indicators = indicators(set);
		List<CellProblem> problems = new ArrayList<>();
		List<UnitRow> rows = new ArrayList<>();
		boolean[] headerSeen = { false };
		workbook.read(DATA, (r, cells) -> {
			if (r < HEADER_ROW) {
				return true;
			}
			if (r == HEADER_ROW) {
				headerSeen[0] = true;
				checkHeader(indicators, cells, problems);
				return problems.isEmpty();
			}
			if (!headerSeen[0]) {
				checkHeader(indicators, List.of(), problems);
				return false;
			}
			if (rows.size() >= MAX_ROWS) {
				problems.add(new CellProblem(DATA, ref(r, 0), "Tệp có hơn " + MAX_ROWS
						+ " dòng số liệu; hãy chia thành nhiều tệp (mỗi tệp một huyện hoặc một nhóm xã)"));
				return false;
			}
			unitRow(indicators, r, cells, rows, problems);
			return true;
		});
		if (!headerSeen[0] && problems.isEmpty()) {
			checkHeader(indicators, List.of(), problems);
		}
		if (!problems.isEmpty() && rows.isEmpty() && problems.stream().allMatch(p -> p.message().startsWith("Cấu trúc mẫu"))) {
			return new Parsed(setCode, setVersion, List.of(), problems);
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new CellProblem(DATA, "", "Tệp không có dòng số liệu nào"));
		}
		return new Parsed(setCode, setVersion, rows, problems);
	}

	private static void checkHeader(List<Indicator> indicators, List<XlsxRows.Cell> cells, List<CellProblem> problems) {
		for (int i = 0; i < indicators.size(); i++) {
			String text = text(cells, FIRST_VALUE_COLUMN + i).strip();
			String code = indicators.get(i).code();
			if (!text.startsWith(code + " ") && !text.equals(code)) {
				problems.add(new CellProblem(DATA, ref(HEADER_ROW, FIRST_VALUE_COLUMN + i),
						"Cấu trúc mẫu đã bị thay đổi: cột này phải là chỉ tiêu " + code + ", đang là \"" + text + "\""));
			}
		}
		if (!text(cells, FIRST_VALUE_COLUMN + indicators.size()).isBlank()) {
			problems.add(new CellProblem(DATA, ref(HEADER_ROW, FIRST_VALUE_COLUMN + indicators.size()), "Cấu trúc mẫu đã bị thay đổi: có cột thừa"));
		}
	}

	private static void unitRow(List<Indicator> indicators, int r, List<XlsxRows.Cell> cells, List<UnitRow> rows,
			List<CellProblem> problems) {
		String unit = "";
		Map<String, IndicatorValue> values = new LinkedHashMap<>();
		for (XlsxRows.Cell cell : cells) {
			if (cell.column() == 0) {
				unit = cell.text().strip();
				continue;
			}
			int i = cell.column() - FIRST_VALUE_COLUMN;
			if (i < 0 || i >= indicators.size()) {
				continue;
			}
			Indicator indicator = indicators.get(i);
			switch (cell.kind()) {
				case FORMULA -> problems.add(new CellProblem(DATA, ref(r, cell.column()), "Ô chứa công thức; hãy nhập giá trị (chỉ tiêu " + indicator.code() + ")"));
				case ERROR -> problems.add(new CellProblem(DATA, ref(r, cell.column()), "Ô báo lỗi " + cell.text() + "; hãy nhập giá trị (chỉ tiêu " + indicator.code() + ")"));
				default -> {
					// a number is stored with a dot and read as such; typed text is read the Vietnamese way (comma decimals)
					boolean number = cell.kind() == XlsxRows.Cell.Kind.NUMBER;
					String text = number ? cell.text() : cell.text().strip();
					if (text.isEmpty()) {
						continue;
					}
					try {
						values.put(indicator.code(), number ? ValueInput.parseStoredNumber(indicator, text) : ValueInput.parse(indicator, text, null));
					}
					catch (IllegalArgumentException ex) {
						problems.add(new CellProblem(DATA, ref(r, cell.column()), ex.getMessage()));
					}
				}
			}
		}
		if (unit.isEmpty()) {
			if (!values.isEmpty()) {
				problems.add(new CellProblem(DATA, ref(r, 0), "Thiếu mã đơn vị"));
			}
			return;
		}
		rows.add(new UnitRow(r + 1, unit, values));
	}

	private static String text(List<XlsxRows.Cell> cells, int column) {
		for (XlsxRows.Cell cell : cells) {
			if (cell.column() == column) {
				return cell.text();
			}
		}
		return "";
	}

	static String ref(int row, int column) {
		return new CellReference(row, column).formatAsString(false);
	}
}
