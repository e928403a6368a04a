package vn.ntmtracker.dossiers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.ntmtracker.units.SearchKey;

/**
 * The ballot workbook of one village: sheet {@value #SHEET} with the dossier in B1 and the village in B2, headers in
 * row 4 (household reference, the name where the procedure allows it, one column per criterion, the overall question,
 * proposals) and one household per row from row 5, answered "Có" (satisfied) or "Không". The same layout is the template
 * and what the import reads; a file is small (one village), read whole with POI's limits, at most {@value #MAX_ROWS} rows.
 */
final class BallotWorkbook {

	static final String SHEET = "Phiếu";
	static final int HEADER_ROW = 3;
	static final int FIRST_ROW = HEADER_ROW + 1;
	static final int MAX_ROWS = 5_000;
	static final long MAX_BYTES = 5L * 1024 * 1024;
	static final String YES = "Có";
	static final String NO = "Không";

	/** The columns for a dossier: reference, optional name, one per item, overall, proposal. */
	record Layout(boolean names, List<SatisfactionTally.Item> items) {

		List<String> headers() {
			List<String> headers = new ArrayList<>();
			headers.add("Mã hộ");
			if (names) {
				headers.add("Họ tên chủ hộ");
			}
			items.forEach(item -> headers.add("TC " + item.number() + ". " + item.name()));
			headers.add("Hài lòng chung");
			headers.add("Ý kiến, đề xuất");
			return headers;
		}

		int firstItem() {
			return names ? 2 : 1;
		}

		int overall() {
			return firstItem() + items.size();
		}

		int proposal() {
			return overall() + 1;
		}

		static String letter(int column) {
			return CellReference.convertNumToColString(column);
		}
	}

	/** A data row: its number in the sheet (from 1) and the text of each column. */
	record SheetRow(int number, String[] cells) {

		String cell(int column) {
			return column < cells.length && cells[column] != null ? cells[column].strip() : "";
		}
	}

	/** What was read: the head cells and the rows, or why the file cannot be read at all. */
	record Read(String dossierCell, String villageCell, List<String> headers, List<SheetRow> rows, String unreadableKey) {
	}

	private BallotWorkbook() {
	}

	static byte[] template(long dossierId, String villageCode, String villageName, String unitName, Layout layout) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			wrap.setFont(font);
			Sheet sheet = workbook.createSheet(SHEET);
			Row first = sheet.createRow(0);
			first.createCell(0).setCellValue("Hồ sơ");
			first.createCell(1).setCellValue(dossierId);
			first.createCell(2).setCellValue("Phiếu lấy ý kiến sự hài lòng của người dân — " + unitName);
			Row second = sheet.createRow(1);
			second.createCell(0).setCellValue("Thôn");
			second.createCell(1).setCellValue(villageCode);
			second.createCell(2).setCellValue(villageName);
			sheet.createRow(2).createCell(0).setCellValue("Mỗi hộ một dòng từ dòng 5; mỗi nội dung ghi Có (hài lòng) hoặc Không."
					+ (layout.names() ? "" : " Không ghi họ tên (dữ liệu cá nhân): chỉ ghi mã hộ.")
					+ " Tệp thay thế toàn bộ phiếu đã có của thôn; có lỗi thì không nhận gì.");
			Row header = sheet.createRow(HEADER_ROW);
			List<String> headers = layout.headers();
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(wrap);
				sheet.setColumnWidth(c, c == 0 || c == layout.proposal() ? 24 * 256 : 14 * 256);
			}
			header.setHeightInPoints(60);
			DataValidationHelper helper = sheet.getDataValidationHelper();
			DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(new String[] { YES, NO }),
					new CellRangeAddressList(FIRST_ROW, FIRST_ROW + 2000, layout.firstItem(), layout.overall()));
			validation.setShowErrorBox(true);
			sheet.addValidationData(validation);
			sheet.createFreezePane(1, FIRST_ROW);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Read read(byte[] bytes, int columns) {
		if (bytes.length > MAX_BYTES) {
			return new Read(null, null, List.of(), List.of(), "dossier.import.tooLarge");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = null;
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				if (SearchKey.of(workbook.getSheetName(i)).equals(SearchKey.of(SHEET))) {
					sheet = workbook.getSheetAt(i);
				}
			}
			if (sheet == null) {
				return new Read(null, null, List.of(), List.of(), "dossier.import.noSheet");
			}
			if (sheet.getLastRowNum() - FIRST_ROW + 1 > MAX_ROWS) {
				return new Read(null, null, List.of(), List.of(), "dossier.import.tooManyRows");
			}
			DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
			String dossier = text(formatter, sheet, 0, 1);
			String village = text(formatter, sheet, 1, 1);
			List<String> headers = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				headers.add(text(formatter, sheet, HEADER_ROW, c));
			}
			List<SheetRow> rows = new ArrayList<>();
			for (int r = FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
				String[] cells = new String[columns];
				boolean empty = true;
				for (int c = 0; c < columns; c++) {
					cells[c] = text(formatter, sheet, r, c);
					empty &= cells[c].isBlank();
				}
				if (!empty) {
					rows.add(new SheetRow(r + 1, cells));
				}
			}
			return new Read(dossier, village, headers, rows, null);
		}
		catch (IOException | RuntimeException ex) {
			return new Read(null, null, List.of(), List.of(), "dossier.import.notXlsx");
		}
	}

	/** "Có" → true, "Không" → false (diacritics and case ignored), anything else → null. */
	static Boolean answer(String text) {
		String key = SearchKey.of(text);
		if (key.equals(SearchKey.of(YES)) || key.equals(SearchKey.of("Hài lòng"))) {
			return true;
		}
		if (key.equals(SearchKey.of(NO)) || key.equals(SearchKey.of("Không hài lòng"))) {
			return false;
		}
		return null;
	}

	private static String text(DataFormatter formatter, Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		if (r == null) {
			return "";
		}
		Cell cell = r.getCell(column);
		return cell == null ? "" : formatter.formatCellValue(cell).strip();
	}
}
