package vn.ntmtracker.registers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import vn.ntmtracker.units.SearchKey;

/**
 * Reads the household sheet as a stream of rows (SAX over the sheet's XML), never building the workbook: memory is
 * the shared strings plus one row. Limits: the uncompressed shared strings and sheet are capped (a zip bomb stops
 * there), and at most {@link #MAX_ROWS} households are read; beyond that the file is refused as a whole.
 */
final class HouseholdSheetReader {

	static final int MAX_ROWS = 20_000;
	static final long MAX_UNCOMPRESSED = 200L * 1024 * 1024;

	/** One non-empty data row: its number in the sheet (from 1) and the text of each column. */
	record SheetRow(int number, String[] cells) {

		String cell(HouseholdWorkbook.Column column) {
			String value = cells[column.ordinal()];
			return value == null ? "" : value.strip();
		}
	}

	/** What the sheet's head says and every structural problem (missing sheet, wrong header). */
	record Head(String year, String unit, List<Problem> problems) {
	}

	/** A file that cannot be read as the household workbook at all; nothing of it is used. */
	static final class Unreadable extends Exception {

		private static final long serialVersionUID = 1L;

		private final transient Problem problem;

		Unreadable(Problem problem) {
			super(problem.key());
			this.problem = problem;
		}

		Problem problem() {
			return problem;
		}
	}

	private HouseholdSheetReader() {
	}

	/** Streams the data rows to {@code rows}; returns the head (year and unit cells) and structural problems. */
	static Head read(Path file, Consumer<SheetRow> rows) throws Unreadable {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings;
			try (InputStream data = reader.getSharedStringsData()) {
				strings = new ReadOnlySharedStringsTable(data == null ? InputStream.nullInputStream() : new Capped(data));
			}
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					if (SearchKey.of(sheets.getSheetName()).equals(SearchKey.of(HouseholdWorkbook.SHEET))) {
						return parse(new Capped(sheet), strings, rows);
					}
				}
			}
			throw new Unreadable(Problem.field("file", "household.import.noSheet", HouseholdWorkbook.SHEET));
		}
		catch (TooManyRows ex) {
			throw new Unreadable(Problem.field("file", "household.import.tooManyRows", MAX_ROWS));
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			// POI and the XML parser wrap what the limits throw; anything else is not a workbook this import can read.
			for (Throwable cause = ex; cause != null; cause = cause instanceof SAXException sax && sax.getException() != null
					? sax.getException() : cause.getCause()) {
				if (cause instanceof TooLarge) {
					throw new Unreadable(Problem.field("file", "household.import.tooLarge"));
				}
				if (cause instanceof TooManyRows) {
					throw new Unreadable(Problem.field("file", "household.import.tooManyRows", MAX_ROWS));
				}
			}
			throw new Unreadable(Problem.field("file", "household.import.notXlsx"));
		}
	}

	private static Head parse(InputStream sheet, ReadOnlySharedStringsTable strings, Consumer<SheetRow> rows)
			throws IOException, SAXException, ParserConfigurationException {
		Collector collector = new Collector(rows);
		XMLReader xml = XMLHelper.newXMLReader();
		xml.setContentHandler(new XSSFSheetXMLHandler(null, strings, collector, new DataFormatter(java.util.Locale.ROOT), false));
		xml.parse(new InputSource(sheet));
		List<Problem> problems = new ArrayList<>();
		for (HouseholdWorkbook.Column column : HouseholdWorkbook.Column.values()) {
			String found = collector.header[column.ordinal()];
			if (!SearchKey.of(found).equals(SearchKey.of(column.header()))) {
				problems.add(Problem.cell(HouseholdWorkbook.SHEET, column.letter() + (HouseholdWorkbook.HEADER_ROW + 1),
						"household.import.header", column.header(), found == null ? "" : found));
			}
		}
		return new Head(collector.year, collector.unit, problems);
	}

	/** Collects the head cells and hands each data row on as soon as it ends. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<SheetRow> rows;
		private final String[] header = new String[HouseholdWorkbook.Column.values().length];
		private String year;
		private String unit;
		private String[] current;
		private int count;

		Collector(Consumer<SheetRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			current = new String[HouseholdWorkbook.Column.values().length];
		}

		@Override
		public void endRow(int rowNum) {
			if (rowNum < HouseholdWorkbook.FIRST_DATA_ROW) {
				return;
			}
			boolean empty = true;
			for (String value : current) {
				if (value != null && !value.isBlank()) {
					empty = false;
					break;
				}
			}
			if (empty) {
				return;
			}
			if (++count > MAX_ROWS) {
				throw new TooManyRows();
			}
			rows.accept(new SheetRow(rowNum + 1, current));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (reference == null) {
				return;
			}
			CellReference ref = new CellReference(reference);
			int row = ref.getRow();
			int col = ref.getCol();
			if (row == 0 && col == 1) {
				year = value;
			}
			else if (row == 1 && col == 1) {
				unit = value;
			}
			else if (row == HouseholdWorkbook.HEADER_ROW && col < header.length) {
				header[col] = value;
			}
			else if (row >= HouseholdWorkbook.FIRST_DATA_ROW && col < current.length) {
				current[col] = value;
			}
		}
	}

	/** More rows than an import takes: reading stops at once. */
	private static final class TooManyRows extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooManyRows() {
			super(null, null, false, false);
		}
	}

	/** An uncompressed part larger than any real household sheet. */
	private static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;
	}

	/** Counts what is read from a part and refuses to go beyond {@link #MAX_UNCOMPRESSED}. */
	private static final class Capped extends FilterInputStream {

		private long read;

		Capped(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) throws TooLarge {
			read += n;
			if (read > MAX_UNCOMPRESSED) {
				throw new TooLarge();
			}
		}
	}
}
