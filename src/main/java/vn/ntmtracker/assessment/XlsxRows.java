package vn.ntmtracker.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the rows of one sheet of an .xlsx file as they stream past, without building the workbook: memory stays
 * bounded by the shared strings and one row, whatever the number of rows. Each cell comes with its text as typed
 * (shared or inline string, the number as stored, TRUE/FALSE) and whether it holds a formula.
 */
final class XlsxRows {

	/** A cell of a row; {@code column} from 0. */
	record Cell(int column, String text, Kind kind) {

		enum Kind {
			TEXT, NUMBER, BOOLEAN, FORMULA, ERROR
		}
	}

	/** Receives each row with at least one cell, {@code row} from 0; returns false to stop reading. */
	interface RowHandler {

		boolean row(int row, List<Cell> cells);
	}

	/** The file is not an .xlsx workbook, or a sheet is missing. */
	static final class UnreadableWorkbook extends Exception {

		UnreadableWorkbook(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private final OPCPackage pkg;
	private final XSSFReader reader;
	private final ReadOnlySharedStringsTable strings;

	/**
	 * Shared strings as plain text, each made once: POI builds an XML rich-text object per lookup, and a 5,000-row
	 * workbook looks up the same few hundred strings (unit codes, "Đạt", "x") hundreds of thousands of times.
	 */
	private final java.util.Map<Integer, String> texts = new java.util.HashMap<>();

	private XlsxRows(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
		this.pkg = pkg;
		this.reader = new XSSFReader(pkg);
		this.strings = new ReadOnlySharedStringsTable(pkg, false);
	}

	private String sharedString(int index) {
		String text = texts.get(index);
		if (text == null) {
			// an index the table does not have fails here, as before, and is not kept
			text = strings.getItemAt(index).getString();
			texts.put(index, text);
		}
		return text;
	}

	/** Opens a workbook file for reading; the caller closes the package with {@link #close()}. */
	static XlsxRows open(Path file) throws UnreadableWorkbook {
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			return new XlsxRows(pkg);
		}
		catch (IOException | OpenXML4JException | SAXException | RuntimeException ex) {
			if (pkg != null) {
				pkg.revert();
			}
			throw new UnreadableWorkbook("not an .xlsx workbook", ex);
		}
	}

	void close() {
		pkg.revert();
	}

	/** Whether the workbook has a sheet of that name. */
	boolean hasSheet(String name) throws UnreadableWorkbook {
		try {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream ignored = sheets.next()) {
					if (sheets.getSheetName().equals(name)) {
						return true;
					}
				}
			}
			return false;
		}
		catch (IOException | InvalidFormatException | RuntimeException ex) {
			throw new UnreadableWorkbook("unreadable sheet list", ex);
		}
	}

	/** Streams the rows of the named sheet to the handler; false when there is no such sheet. */
	boolean read(String sheetName, RowHandler handler) throws UnreadableWorkbook {
		try {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					if (!sheets.getSheetName().equals(sheetName)) {
						continue;
					}
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(new SheetHandler(this::sharedString, handler));
					try {
						xml.parse(new InputSource(sheet));
					}
					catch (Stop stop) {
						// the handler had enough
					}
					return true;
				}
			}
			return false;
		}
		catch (IOException | InvalidFormatException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new UnreadableWorkbook("unreadable sheet " + sheetName, ex);
		}
	}

	/** Thrown through the parser when the handler asks to stop. */
	private static final class Stop extends SAXException {

		Stop() {
			super("stopped by the row handler");
		}
	}

	/** The worksheet XML: {@code <row r><c r t><f/><v/><is><t/></is></c></row>}. */
	private static final class SheetHandler extends DefaultHandler {

		private final java.util.function.IntFunction<String> strings;
		private final RowHandler handler;
		private final List<Cell> cells = new ArrayList<>();
		private final StringBuilder text = new StringBuilder();
		private int row = -1;
		private int column = -1;
		private String type;
		private boolean formula;
		private boolean inValue;
		private boolean inInline;
		private String value;

		SheetHandler(java.util.function.IntFunction<String> strings, RowHandler handler) {
			this.strings = strings;
			this.handler = handler;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					row = r == null ? row + 1 : Integer.parseInt(r) - 1;
					column = -1;
					cells.clear();
				}
				case "c" -> {
					String r = attributes.getValue("r");
					column = r == null ? column + 1 : column(r);
					type = attributes.getValue("t");
					formula = false;
					value = null;
				}
				case "f" -> formula = true;
				case "v" -> {
					inValue = true;
					text.setLength(0);
				}
				case "is" -> {
					inInline = true;
					text.setLength(0);
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inValue || inInline) {
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v" -> {
					inValue = false;
					value = text.toString();
				}
				case "is" -> {
					inInline = false;
					value = text.toString();
				}
				case "c" -> cell();
				case "row" -> {
					if (!cells.isEmpty() && !handler.row(row, List.copyOf(cells))) {
						throw new Stop();
					}
				}
				default -> {
				}
			}
		}

		private void cell() {
			if (formula) {
				cells.add(new Cell(column, value == null ? "" : value, Cell.Kind.FORMULA));
				return;
			}
			if (value == null) {
				return;
			}
			Cell cell = switch (type == null ? "n" : type) {
				case "s" -> new Cell(column, strings.apply(Integer.parseInt(value.trim())), Cell.Kind.TEXT);
				case "inlineStr", "str" -> new Cell(column, value, Cell.Kind.TEXT);
				case "b" -> new Cell(column, value.trim().equals("1") ? "TRUE" : "FALSE", Cell.Kind.BOOLEAN);
				case "e" -> new Cell(column, value, Cell.Kind.ERROR);
				default -> new Cell(column, value.trim(), Cell.Kind.NUMBER);
			};
			cells.add(cell);
		}

		/** "AB12" → 27. */
		static int column(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
			}
			return column - 1;
		}
	}
}
