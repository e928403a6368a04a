package vn.ntmtracker.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

	/** One unit's row: its code and the raw text of each non-empty indicator cell. */
	record UnitRow(int rowNumber, String unitCode, Map<String, ValueInput.Raw> values) {
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

	/** Reads a filled template; {@code setLookup} resolves the set named in the hidden sheet. */
	static Parsed read(InputStream input, java.util.function.BiFunction<String, Integer, CriteriaSetDefinition> setLookup)
			throws IOException {
		List<CellProblem> problems = new ArrayList<>();
		ZipSecureFile.setMinInflateRatio(0.005);
		Workbook workbook;
		try {
			workbook = WorkbookFactory.create(input);
		}
		catch (Exception ex) {
			return new Parsed(null, 0, List.of(), List.of(new CellProblem("", "", "Không đọc được tệp: không phải tệp Excel .xlsx hợp lệ")));
		}
		try (workbook) {
			Sheet meta = workbook.getSheet(META);
			Sheet sheet = workbook.getSheet(DATA);
			if (meta == null || sheet == null || meta.getRow(0) == null) {
				return new Parsed(null, 0, List.of(), List.of(new CellProblem(sheet == null ? DATA : META, "",
						"Tệp không phải mẫu nhập liệu của NTM Tracker (thiếu trang " + (sheet == null ? DATA : META) + "); hãy tải mẫu mới")));
			}
			String setCode = new DataFormatter().formatCellValue(meta.getRow(0).getCell(0));
			int setVersion = (int) meta.getRow(0).getCell(1).getNumericCellValue();
			CriteriaSetDefinition set;
			try {
				set = setLookup.apply(setCode, setVersion);
			}
			catch (RuntimeException ex) {
				return new Parsed(setCode, setVersion, List.of(), List.of(new CellProblem(META, "A1", "Bộ tiêu chí " + setCode + " v" + setVersion + " không có trong hệ thống")));
			}
			List<Indicator> indicators = indicators(set);
			Row header = sheet.getRow(HEADER_ROW);
			DataFormatter formatter = new DataFormatter();
			for (int i = 0; i < indicators.size(); i++) {
				Cell cell = header == null ? null : header.getCell(FIRST_VALUE_COLUMN + i);
				String text = cell == null ? "" : formatter.formatCellValue(cell).trim();
				if (!text.startsWith(indicators.get(i).code() + " ") && !text.equals(indicators.get(i).code())) {
					problems.add(new CellProblem(DATA, ref(HEADER_ROW, FIRST_VALUE_COLUMN + i),
							"Cấu trúc mẫu đã bị thay đổi: cột này phải là chỉ tiêu " + indicators.get(i).code() + ", đang là \"" + text + "\""));
				}
			}
			Cell extra = header == null ? null : header.getCell(FIRST_VALUE_COLUMN + indicators.size());
			if (extra != null && !formatter.formatCellValue(extra).isBlank()) {
				problems.add(new CellProblem(DATA, ref(HEADER_ROW, FIRST_VALUE_COLUMN + indicators.size()), "Cấu trúc mẫu đã bị thay đổi: có cột thừa"));
			}
			if (!problems.isEmpty()) {
				return new Parsed(setCode, setVersion, List.of(), problems);
			}
			List<UnitRow> rows = new ArrayList<>();
			for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				String unit = row.getCell(0) == null ? "" : formatter.formatCellValue(row.getCell(0)).trim();
				Map<String, ValueInput.Raw> values = new LinkedHashMap<>();
				for (int i = 0; i < indicators.size(); i++) {
					Cell cell = row.getCell(FIRST_VALUE_COLUMN + i);
					if (cell == null || cell.getCellType() == CellType.BLANK) {
						continue;
					}
					String where = ref(r, FIRST_VALUE_COLUMN + i);
					if (cell.getCellType() == CellType.FORMULA) {
						problems.add(new CellProblem(DATA, where, "Ô chứa công thức; hãy nhập giá trị (chỉ tiêu " + indicators.get(i).code() + ")"));
						continue;
					}
					String text = cell.getCellType() == CellType.NUMERIC
							? java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
							: formatter.formatCellValue(cell).trim();
					if (text.isEmpty()) {
						continue;
					}
					try {
						ValueInput.parse(indicators.get(i), text, null);
						values.put(indicators.get(i).code(), new ValueInput.Raw(text, null));
					}
					catch (IllegalArgumentException ex) {
						problems.add(new CellProblem(DATA, where, ex.getMessage()));
					}
				}
				if (unit.isEmpty()) {
					if (!values.isEmpty()) {
						problems.add(new CellProblem(DATA, ref(r, 0), "Thiếu mã đơn vị"));
					}
					continue;
				}
				rows.add(new UnitRow(r + 1, unit, values));
			}
			if (rows.isEmpty() && problems.isEmpty()) {
				problems.add(new CellProblem(DATA, "", "Tệp không có dòng số liệu nào"));
			}
			return new Parsed(setCode, setVersion, rows, problems);
		}
	}

	static String ref(int row, int column) {
		return new CellReference(row, column).formatAsString(false);
	}
}
