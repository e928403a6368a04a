package vn.ntmtracker.criteria;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The threshold sheet a province fills offline: one row per indicator (and part) × "áp dụng cho" (chung, each region
 * or commune group) × year, with the value in force, its source document and date, and whether it is verified.
 * Reading it back is all or nothing: every problem names the sheet, the cell and why, and nothing is changed while
 * there is one.
 */
public final class ThresholdWorkbook {

	public static final String SHEET = "Ngưỡng";

	static final String META = "_thongtin";

	static final int HEADER_ROW = 3;

	static final int MAX_ROWS = 10_000;

	static final String[] HEADERS = { "Mã chỉ tiêu", "Chỉ tiêu", "Cách đo", "Đơn vị", "Áp dụng cho", "Năm (trống = mọi năm)",
			"Giá trị", "Văn bản nguồn", "Ngày văn bản", "Đã xác minh (Có/Không)", "Ghi chú" };

	static final int CODE = 0, KEY = 4, YEAR = 5, VALUE = 6, SOURCE = 7, DATE = 8, VERIFIED = 9, NOTE = 10;

	/** What an upload changes: the version it was downloaded from, and the thresholds of each indicator in the sheet. */
	public record Upload(SetRef base, int rowVersion, Map<String, List<Threshold>> thresholds) {

		/** The base version with the uploaded thresholds in place of the old ones. */
		public CriteriaSetDefinition applyTo(CriteriaSetDefinition set) {
			CriteriaSetDefinition changed = set;
			for (var entry : thresholds.entrySet()) {
				Indicator indicator = changed.indicator(entry.getKey()).orElseThrow();
				changed = changed.withIndicator(indicator.withThresholds(entry.getValue()));
			}
			return changed;
		}
	}

	private ThresholdWorkbook() {
	}

	public static byte[] write(CriteriaSetDefinition set, int rowVersion) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(SHEET);
			CellStyle info = workbook.createCellStyle();
			info.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			info.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			info.setWrapText(true);
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			header.setFillForegroundColor(IndexedColors.GREY_40_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle day = workbook.createCellStyle();
			day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			sheet.createRow(0).createCell(0).setCellValue(set.title() + " — " + set.code() + " phiên bản " + set.version());
			sheet.createRow(1).createCell(0).setCellValue("Sửa các cột Giá trị, Văn bản nguồn, Ngày văn bản (ngày/tháng/năm), "
					+ "Đã xác minh (Có nếu đã đối chiếu với văn bản chính thức), Ghi chú. Xóa giá trị để bỏ một ngưỡng; "
					+ "sao chép một dòng để thêm ngưỡng cho một năm. Không sửa mã chỉ tiêu, không đổi tên trang.");
			sheet.createRow(2).createCell(0).setCellValue("Cách chia ngưỡng: " + keyingLabel(set.thresholdKeying())
					+ ". Tải lên để tạo một bản nháp mới; bản nháp chỉ có hiệu lực sau khi quản trị viên ban hành.");
			Row head = sheet.createRow(HEADER_ROW);
			for (int c = 0; c < HEADERS.length; c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(HEADERS[c]);
				cell.setCellStyle(header);
			}
			int r = HEADER_ROW + 1;
			for (Indicator indicator : set.allIndicators()) {
				if (indicator.kind() == null || !indicator.kind().needsThreshold()) {
					continue;
				}
				for (Threshold threshold : grid(set, indicator)) {
					Row row = sheet.createRow(r++);
					info(row, 0, indicator.code(), info);
					info(row, 1, indicator.name(), info);
					info(row, 2, indicator.kind().label(), info);
					info(row, 3, indicator.kind().percent() ? "%" : indicator.unit(), info);
					row.createCell(KEY).setCellValue(ThresholdText.keyCell(threshold));
					if (threshold.year() != null) {
						row.createCell(YEAR).setCellValue(threshold.year());
					}
					if (threshold.value() != null) {
						row.createCell(VALUE).setCellValue(threshold.value().doubleValue());
						Provenance provenance = threshold.provenance();
						row.createCell(SOURCE).setCellValue(provenance == null ? "" : provenance.source());
						Cell date = row.createCell(DATE);
						date.setCellStyle(day);
						if (provenance != null && provenance.date() != null) {
							date.setCellValue(provenance.date());
						}
						row.createCell(VERIFIED).setCellValue(provenance != null && provenance.verified() ? "Có" : "Không");
						if (provenance != null && provenance.note() != null) {
							row.createCell(NOTE).setCellValue(provenance.note());
						}
					}
				}
			}
			int last = Math.max(r - 1, HEADER_ROW + 1);
			DataValidationHelper validation = sheet.getDataValidationHelper();
			sheet.addValidationData(validation.createValidation(validation.createExplicitListConstraint(keyChoices(set)),
					new CellRangeAddressList(HEADER_ROW + 1, last + 200, KEY, KEY)));
			sheet.addValidationData(validation.createValidation(validation.createExplicitListConstraint(new String[] { "Có", "Không" }),
					new CellRangeAddressList(HEADER_ROW + 1, last + 200, VERIFIED, VERIFIED)));
			int[] widths = { 10, 50, 18, 14, 12, 12, 10, 40, 13, 12, 40 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(1, HEADER_ROW + 1);
			Sheet meta = workbook.createSheet(META);
			meta(meta, 0, "code", set.code());
			meta(meta, 1, "version", String.valueOf(set.version()));
			meta(meta, 2, "rowVersion", String.valueOf(rowVersion));
			meta(meta, 3, "thresholdKeying", String.valueOf(set.thresholdKeying()));
			workbook.setSheetHidden(workbook.getSheetIndex(META), true);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rows of one indicator: for each year it has values for (and "every year"), the general key and every
	 * region or group, with the value where there is one and an empty row where there is none.
	 */
	static List<Threshold> grid(CriteriaSetDefinition set, Indicator indicator) {
		Set<Integer> years = new LinkedHashSet<>();
		if (indicator.thresholds().stream().anyMatch(t -> t.year() == null)) {
			years.add(null);
		}
		indicator.thresholds().stream().map(Threshold::year).filter(y -> y != null).sorted().forEach(years::add);
		if (years.isEmpty()) {
			years.add(null);
		}
		List<Threshold> grid = new ArrayList<>();
		for (Integer year : years) {
			for (Threshold key : keys(set.thresholdKeying())) {
				Threshold existing = indicator.thresholds().stream()
					.filter(t -> t.region() == key.region() && t.group() == key.group() && java.util.Objects.equals(t.year(), year))
					.findFirst().orElse(null);
				grid.add(existing != null ? existing : new Threshold(key.region(), key.group(), year, null, null));
			}
		}
		return grid;
	}

	private static List<Threshold> keys(ThresholdKeying keying) {
		List<Threshold> keys = new ArrayList<>();
		keys.add(new Threshold(null, null, null, null, null));
		if (keying == ThresholdKeying.REGION) {
			for (Region region : Region.values()) {
				keys.add(new Threshold(region, null, null, null, null));
			}
		}
		else if (keying == ThresholdKeying.COMMUNE_GROUP) {
			for (CommuneGroup group : CommuneGroup.values()) {
				keys.add(new Threshold(null, group, null, null, null));
			}
		}
		return keys;
	}

	private static String[] keyChoices(CriteriaSetDefinition set) {
		return keys(set.thresholdKeying()).stream().map(ThresholdText::keyCell).toArray(String[]::new);
	}

	private static String keyingLabel(ThresholdKeying keying) {
		return switch (keying == null ? ThresholdKeying.NONE : keying) {
			case REGION -> "chung và 7 vùng (TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL)";
			case COMMUNE_GROUP -> "chung và 3 nhóm xã (Nhóm 1, Nhóm 2, Nhóm 3)";
			case NONE -> "một giá trị chung";
		};
	}

	private static void info(Row row, int column, String text, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(text == null ? "" : text);
		cell.setCellStyle(style);
	}

	private static void meta(Sheet sheet, int row, String key, String value) {
		Row r = sheet.createRow(row);
		r.createCell(0).setCellValue(key);
		r.createCell(1).setCellValue(value);
	}

	/**
	 * Reads an uploaded sheet. {@code lookup} finds the version the sheet was downloaded from. Returns empty and
	 * fills {@code problems} when anything is wrong; then nothing may be changed.
	 */
	public static Optional<Upload> read(InputStream input, BiFunction<String, Integer, Optional<CriteriaSetDefinition>> lookup,
			List<ThresholdRows.Problem> problems) {
		ZipSecureFile.setMinInflateRatio(0.005);
		Workbook workbook;
		try {
			workbook = WorkbookFactory.create(input);
		}
		catch (IOException | RuntimeException ex) {
			problems.add(new ThresholdRows.Problem("", "Tệp không đọc được như một bảng tính Excel (.xlsx)"));
			return Optional.empty();
		}
		try (workbook) {
			return read(workbook, lookup, problems);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Upload> read(Workbook workbook, BiFunction<String, Integer, Optional<CriteriaSetDefinition>> lookup,
			List<ThresholdRows.Problem> problems) {
		Sheet meta = workbook.getSheet(META);
		Sheet sheet = workbook.getSheet(SHEET);
		if (meta == null || sheet == null) {
			problems.add(new ThresholdRows.Problem("", "Tệp không phải bảng ngưỡng tải từ hệ thống: thiếu trang '"
					+ (sheet == null ? SHEET : META) + "'. Hãy tải bảng ngưỡng mới và điền vào đó"));
			return Optional.empty();
		}
		DataFormatter formatter = new DataFormatter();
		Map<String, String> info = new LinkedHashMap<>();
		for (Row row : meta) {
			info.put(formatter.formatCellValue(row.getCell(0)), formatter.formatCellValue(row.getCell(1)));
		}
		String code = info.get("code");
		int version;
		int rowVersion;
		try {
			version = Integer.parseInt(info.getOrDefault("version", ""));
			rowVersion = Integer.parseInt(info.getOrDefault("rowVersion", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(new ThresholdRows.Problem("Trang '" + META + "'", "thông tin phiên bản đã bị sửa; hãy tải bảng ngưỡng mới"));
			return Optional.empty();
		}
		Optional<CriteriaSetDefinition> found = code == null ? Optional.empty() : lookup.apply(code, version);
		if (found.isEmpty()) {
			problems.add(new ThresholdRows.Problem("Trang '" + META + "'", "không có bộ tiêu chí " + code + " phiên bản " + version));
			return Optional.empty();
		}
		CriteriaSetDefinition set = found.get();
		Row head = sheet.getRow(HEADER_ROW);
		for (int c = 0; c < HEADERS.length; c++) {
			String text = head == null ? "" : formatter.formatCellValue(head.getCell(c)).strip();
			if (!text.equals(HEADERS[c])) {
				problems.add(new ThresholdRows.Problem(where(HEADER_ROW, c), "tiêu đề cột phải là \"" + HEADERS[c]
						+ "\", không phải \"" + text + "\"; không chèn, xóa hay đổi tên cột"));
			}
		}
		if (!problems.isEmpty()) {
			return Optional.empty();
		}
		if (sheet.getLastRowNum() > HEADER_ROW + MAX_ROWS) {
			problems.add(new ThresholdRows.Problem("Trang '" + SHEET + "'", "quá nhiều dòng (tối đa " + MAX_ROWS + ")"));
			return Optional.empty();
		}
		Map<String, List<ThresholdRows.Row>> byIndicator = new LinkedHashMap<>();
		for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			String[] cells = new String[HEADERS.length];
			boolean formula = false;
			for (int c = 0; c < HEADERS.length; c++) {
				Cell cell = row.getCell(c);
				if (cell != null && cell.getCellType() == CellType.FORMULA) {
					problems.add(new ThresholdRows.Problem(where(r, c), "ô chứa công thức; hãy nhập giá trị"));
					formula = true;
				}
				cells[c] = text(cell, c, formatter);
			}
			if (formula) {
				continue;
			}
			String indicatorCode = cells[CODE].strip();
			ThresholdRows.Row typed = new ThresholdRows.Row("Trang '" + SHEET + "', dòng " + (r + 1),
					Map.of(ThresholdRows.KEY, where(r, KEY), ThresholdRows.YEAR, where(r, YEAR), ThresholdRows.VALUE,
							where(r, VALUE), ThresholdRows.SOURCE, where(r, SOURCE), ThresholdRows.DATE, where(r, DATE),
							ThresholdRows.VERIFIED, where(r, VERIFIED), ThresholdRows.NOTE, where(r, NOTE)),
					cells[KEY], cells[YEAR], cells[VALUE], cells[SOURCE], cells[DATE], cells[VERIFIED], cells[NOTE]);
			if (indicatorCode.isEmpty()) {
				if (!typed.blank()) {
					problems.add(new ThresholdRows.Problem(where(r, CODE), "dòng có giá trị nhưng thiếu mã chỉ tiêu"));
				}
				continue;
			}
			Optional<Indicator> indicator = set.indicator(indicatorCode);
			if (indicator.isEmpty()) {
				problems.add(new ThresholdRows.Problem(where(r, CODE), "bộ tiêu chí " + set.code() + " không có chỉ tiêu \""
						+ indicatorCode + "\""));
				continue;
			}
			if (!indicator.get().kind().needsThreshold()) {
				problems.add(new ThresholdRows.Problem(where(r, CODE), "chỉ tiêu " + indicatorCode + " đo bằng \""
						+ indicator.get().kind().label() + "\", không có giá trị ngưỡng; xóa dòng này"));
				continue;
			}
			byIndicator.computeIfAbsent(indicatorCode, k -> new ArrayList<>()).add(typed);
		}
		Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
		byIndicator.forEach((indicatorCode, rows) -> thresholds.put(indicatorCode,
				ThresholdRows.parse(set.thresholdKeying(), set.indicator(indicatorCode).orElseThrow(), rows, problems)));
		return problems.isEmpty() ? Optional.of(new Upload(set.ref(), rowVersion, thresholds)) : Optional.empty();
	}

	private static String text(Cell cell, int column, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.NUMERIC) {
			if (column == DATE && DateUtil.isCellDateFormatted(cell)) {
				return cell.getLocalDateTimeCellValue().toLocalDate().toString();
			}
			BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
			return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
		}
		return formatter.formatCellValue(cell).strip();
	}

	/** "Trang 'Ngưỡng', ô G12". */
	static String where(int row, int column) {
		return "Trang '" + SHEET + "', ô " + new CellReference(row, column).formatAsString(false);
	}
}
