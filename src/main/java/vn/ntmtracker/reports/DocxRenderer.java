package vn.ntmtracker.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Column;
import vn.ntmtracker.reports.OfficialDocument.Heading;
import vn.ntmtracker.reports.OfficialDocument.Layout;
import vn.ntmtracker.reports.OfficialDocument.Paragraph;
import vn.ntmtracker.reports.OfficialDocument.Row;
import vn.ntmtracker.reports.OfficialDocument.Run;
import vn.ntmtracker.reports.OfficialDocument.Table;

/**
 * The document as an editable Word file: Times New Roman, A4 with the official margins, the header and the closing as
 * borderless two-column tables, the short lines as paragraph borders (never character underline), the page number
 * centred in the header from page 2 (a different first page), "DỰ THẢO" as a watermark on drafts.
 */
final class DocxRenderer {

	/** Twentieths of a point per millimetre. */
	private static final double TWIPS_PER_MM = 1440 / 25.4;
	private static final int TEXT_WIDTH = twips(210 - PageLayout.LEFT_MM - PageLayout.RIGHT_MM);

	private DocxRenderer() {
	}

	static byte[] render(OfficialDocument document) {
		try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
			PageLayout.Sizes sizes = PageLayout.sizes(document.layout());
			docx.getProperties().getCoreProperties().setTitle(document.typeName() + " " + String.join(" ", document.summaryLines()));
			docx.getProperties().getCoreProperties().setCreator("NTM Tracker");
			page(docx, document, sizes);
			header(docx, document, sizes);
			XWPFParagraph type = paragraph(docx, ParagraphAlignment.CENTER);
			type.setSpacingBefore(360);
			run(type, document.typeName(), sizes.type(), true, false);
			for (String line : document.summaryLines()) {
				run(paragraph(docx, ParagraphAlignment.CENTER), line, sizes.summary(), true, false);
			}
			if (!document.summaryLines().isEmpty()) {
				rule(docx.createParagraph(), TEXT_WIDTH, 0.3);
			}
			for (Block block : document.body()) {
				block(docx, block, sizes);
			}
			closing(docx, document, sizes);
			docx.write(out);
			return document.draft() ? lightenWatermark(out.toByteArray()) : out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("DOCX could not be written", ex);
		}
	}

	private static void page(XWPFDocument docx, OfficialDocument document, PageLayout.Sizes sizes) {
		CTSectPr section = docx.getDocument().getBody().isSetSectPr() ? docx.getDocument().getBody().getSectPr()
				: docx.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(twips(PageLayout.TOP_MM)));
		margins.setBottom(BigInteger.valueOf(twips(PageLayout.BOTTOM_MM)));
		margins.setLeft(BigInteger.valueOf(twips(PageLayout.LEFT_MM)));
		margins.setRight(BigInteger.valueOf(twips(PageLayout.RIGHT_MM)));
		margins.setHeader(BigInteger.valueOf(twips(8)));
		margins.setFooter(BigInteger.valueOf(twips(8)));
		// No number on page 1 (NĐ 30): the first page has its own, empty header.
		section.addNewTitlePg();
		XWPFHeaderFooterPolicy policy = docx.createHeaderFooterPolicy();
		if (document.draft()) {
			policy.createWatermark("DỰ THẢO");
		}
		XWPFHeader header = policy.getDefaultHeader() != null ? policy.getDefaultHeader() : docx.createHeader(HeaderFooterType.DEFAULT);
		if (policy.getFirstPageHeader() == null) {
			docx.createHeader(HeaderFooterType.FIRST);
		}
		XWPFParagraph number = header.getParagraphs().isEmpty() ? header.createParagraph() : header.getParagraphs().get(0);
		number.setAlignment(ParagraphAlignment.CENTER);
		CTSimpleField field = number.getCTP().addNewFldSimple();
		field.setInstr("PAGE");
		var run = field.addNewR();
		var properties = run.addNewRPr();
		properties.addNewRFonts().setAscii(Fonts.FAMILY);
		properties.getRFontsArray(0).setHAnsi(Fonts.FAMILY);
		properties.addNewSz().setVal(BigInteger.valueOf(sizes.pageNumber() * 2L));
		run.addNewT().setStringValue("2");
	}

	private static void header(XWPFDocument docx, OfficialDocument document, PageLayout.Sizes sizes) {
		boolean party = document.layout() == Layout.PARTY;
		OfficialDocument.Header header = document.header();
		int leftWidth = TEXT_WIDTH * PageLayout.headerLeftPercent(document.layout()) / 100;
		int rightWidth = TEXT_WIDTH - leftWidth;
		XWPFTable table = frame(docx, leftWidth, rightWidth);
		XWPFTableCell left = table.getRow(0).getCell(0);
		XWPFTableCell right = table.getRow(0).getCell(1);
		XWPFParagraph first = left.getParagraphs().get(0);
		first.setAlignment(ParagraphAlignment.CENTER);
		if (header.superiorBody() != null && !header.superiorBody().isBlank()) {
			lines(first, header.superiorBody(), sizes.superior(), false, false);
			first = cellParagraph(left);
		}
		lines(first, header.issuingBody(), sizes.issuer(), true, false);
		if (party) {
			run(cellParagraph(left), "*", 14, false, false);
		}
		else {
			rule(cellParagraph(left), leftWidth, 0.34);
		}
		XWPFParagraph number = cellParagraph(left);
		number.setSpacingBefore(60);
		run(number, header.numberLine(), 13, false, false);

		XWPFParagraph top = right.getParagraphs().get(0);
		top.setAlignment(ParagraphAlignment.CENTER);
		if (party) {
			underline(top, "ĐẢNG CỘNG SẢN VIỆT NAM", sizes.mottoTop(), rightWidth);
		}
		else {
			run(top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sizes.mottoTop(), true, false);
			underline(cellParagraph(right), "Độc lập - Tự do - Hạnh phúc", 14, rightWidth);
		}
		XWPFParagraph place = cellParagraph(right);
		place.setSpacingBefore(120);
		run(place, header.placeAndDate(), sizes.place(), false, true);
	}

	/**
	 * POI draws the watermark black and level, and office suites then print it over the text; light grey and diagonal,
	 * as Word's own "DRAFT" watermark, it leaves the text readable. The shape is only reachable in the written XML.
	 */
	static byte[] lightenWatermark(byte[] docx) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length + 1024);
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx));
				java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			java.util.zip.ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				if (entry.getName().matches("word/header\\d+\\.xml")) {
					String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
					xml = xml.replace("fillcolor=\"black\"", "fillcolor=\"#d9d9d9\"")
						.replace("mso-position-vertical-relative:margin\"", "mso-position-vertical-relative:margin;rotation:315\"");
					content = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** A centred bold line with a solid line under it as long as the text: a bottom border, indented to the text's width. */
	private static void underline(XWPFParagraph paragraph, String text, int size, int cellWidth) {
		run(paragraph, text, size, true, false);
		int textWidth = (int) Math.ceil(Measure.width(text, size, true) * 20) + 60;
		// Some slack on each side: office suites wrap a line that fits to the twip.
		int indent = Math.max(0, (cellWidth - textWidth) / 2 - 200);
		paragraph.setIndentationLeft(indent);
		paragraph.setIndentationRight(indent);
		paragraph.setBorderBottom(Borders.SINGLE);
	}

	/** A short solid line, a share of the width, centred: an empty paragraph with a bottom border. */
	private static void rule(XWPFParagraph paragraph, int width, double share) {
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		int indent = (int) (width * (1 - share) / 2);
		paragraph.setIndentationLeft(indent);
		paragraph.setIndentationRight(indent);
		paragraph.setBorderBottom(Borders.SINGLE);
		paragraph.setSpacingAfter(0);
		paragraph.setSpacingBefore(0);
		paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
		XWPFRun run = paragraph.createRun();
		run.setFontSize(2);
	}

	private static void block(XWPFDocument docx, Block block, PageLayout.Sizes sizes) {
		if (block instanceof Heading heading) {
				XWPFParagraph p = paragraph(docx, ParagraphAlignment.BOTH);
				p.setFirstLineIndent(twips(10));
				p.setSpacingBefore(heading.level() == 1 ? 120 : 0);
				p.setSpacingAfter(120);
				p.setKeepNext(true);
				run(p, heading.text(), sizes.body(), true, false);
			}
			else if (block instanceof Paragraph paragraph) {
				XWPFParagraph p = paragraph(docx, paragraph.style() == OfficialDocument.ParagraphStyle.CENTRED
						? ParagraphAlignment.CENTER : ParagraphAlignment.BOTH);
				if (paragraph.style() != OfficialDocument.ParagraphStyle.CENTRED) {
					p.setFirstLineIndent(twips(10));
				}
				p.setSpacingAfter(120);
				p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
				for (Run run : paragraph.runs()) {
					run(p, run.text(), sizes.body(), run.bold(), run.italic());
				}
			}
			else if (block instanceof Table table) {
				table(docx, table);
			}
	}

	private static void table(XWPFDocument docx, Table data) {
		int columns = data.columns().size();
		XWPFTable table = docx.createTable(1, columns);
		table.setWidth(TEXT_WIDTH);
		table.setTableAlignment(TableRowAlign.CENTER);
		int[] widths = data.columns().stream().mapToInt(c -> TEXT_WIDTH * c.widthPercent() / 100).toArray();
		XWPFTableRow head = table.getRow(0);
		head.setRepeatHeader(true);
		head.setCantSplitRow(true);
		for (int i = 0; i < columns; i++) {
			Column column = data.columns().get(i);
			XWPFTableCell cell = head.getCell(i);
			width(cell, widths[i]);
			cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
			XWPFParagraph p = cell.getParagraphs().get(0);
			p.setAlignment(ParagraphAlignment.CENTER);
			run(p, column.header(), 12, true, false);
		}
		for (Row row : data.rows()) {
			XWPFTableRow line = table.createRow();
			line.setCantSplitRow(true);
			if (row.group()) {
				XWPFTableCell cell = line.getCell(0);
				while (line.getTableCells().size() > 1) {
					line.removeCell(line.getTableCells().size() - 1);
				}
				CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
				properties.addNewGridSpan().setVal(BigInteger.valueOf(columns));
				width(cell, TEXT_WIDTH);
				run(cell.getParagraphs().get(0), row.cells().get(0), 12, true, false);
				continue;
			}
			for (int i = 0; i < columns; i++) {
				XWPFTableCell cell = line.getCell(i);
				width(cell, widths[i]);
				XWPFParagraph p = cell.getParagraphs().get(0);
				p.setAlignment(switch (data.columns().get(i).align()) {
					case LEFT -> ParagraphAlignment.LEFT;
					case CENTRE -> ParagraphAlignment.CENTER;
					case RIGHT -> ParagraphAlignment.RIGHT;
				});
				run(p, i < row.cells().size() ? row.cells().get(i) : "", 12, row.total(), false);
			}
		}
		XWPFParagraph after = docx.createParagraph();
		after.setSpacingAfter(0);
		run(after, "", 6, false, false);
	}

	private static void closing(XWPFDocument docx, OfficialDocument document, PageLayout.Sizes sizes) {
		OfficialDocument.Closing closing = document.closing();
		int leftWidth = TEXT_WIDTH * PageLayout.CLOSING_LEFT_PERCENT / 100;
		XWPFTable table = frame(docx, leftWidth, TEXT_WIDTH - leftWidth);
		table.getRow(0).setCantSplitRow(true);
		XWPFTableCell left = table.getRow(0).getCell(0);
		XWPFTableCell right = table.getRow(0).getCell(1);
		XWPFParagraph title = left.getParagraphs().get(0);
		title.setAlignment(ParagraphAlignment.LEFT);
		title.setSpacingBefore(240);
		if (!closing.recipients().isEmpty()) {
			run(title, "Nơi nhận:", 12, true, true);
			for (String recipient : closing.recipients()) {
				XWPFParagraph p = cellParagraph(left);
				p.setAlignment(ParagraphAlignment.LEFT);
				run(p, PageLayout.recipientLine(recipient), 11, false, false);
			}
		}
		XWPFParagraph authority = right.getParagraphs().get(0);
		authority.setAlignment(ParagraphAlignment.CENTER);
		authority.setSpacingBefore(240);
		OfficialDocument.Signature signature = closing.signature();
		lines(authority, signature.authority(), sizes.body(), true, false);
		if (!signature.title().isBlank()) {
			lines(cellParagraph(right), signature.title(), sizes.body(), true, false);
		}
		XWPFParagraph name = cellParagraph(right);
		name.setSpacingBefore(1440);
		run(name, signature.name(), sizes.body(), true, false);
	}

	private static XWPFTable frame(XWPFDocument docx, int leftWidth, int rightWidth) {
		XWPFTable table = docx.createTable(1, 2);
		table.setWidth(leftWidth + rightWidth);
		var layout = table.getCTTbl().getTblPr().isSetTblLayout() ? table.getCTTbl().getTblPr().getTblLayout()
				: table.getCTTbl().getTblPr().addNewTblLayout();
		layout.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
		table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
		table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
		table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
		table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
		table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
		table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
		table.setCellMargins(0, 0, 0, 0);
		width(table.getRow(0).getCell(0), leftWidth);
		width(table.getRow(0).getCell(1), rightWidth);
		table.getRow(0).getCell(0).getCTTc().getTcPr().addNewVAlign().setVal(STVerticalJc.TOP);
		table.getRow(0).getCell(1).getCTTc().getTcPr().addNewVAlign().setVal(STVerticalJc.TOP);
		return table;
	}

	private static void width(XWPFTableCell cell, int twips) {
		CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
		CTTblWidth width = properties.isSetTcW() ? properties.getTcW() : properties.addNewTcW();
		width.setType(STTblWidth.DXA);
		width.setW(BigInteger.valueOf(twips));
	}

	private static XWPFParagraph cellParagraph(XWPFTableCell cell) {
		XWPFParagraph paragraph = cell.addParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	private static XWPFParagraph paragraph(XWPFDocument docx, ParagraphAlignment alignment) {
		XWPFParagraph paragraph = docx.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	private static void lines(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
		List<String> lines = text == null ? List.of() : text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			XWPFRun run = run(paragraph, lines.get(i), size, bold, italic);
			if (i < lines.size() - 1) {
				run.addBreak();
			}
		}
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(Fonts.FAMILY);
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText(text == null ? "" : text);
		return run;
	}

	private static int twips(double millimetres) {
		return (int) Math.round(millimetres * TWIPS_PER_MM);
	}

	/** Widths of text in Liberation Serif, the metrics of Times New Roman, in points. */
	static final class Measure {

		private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
		private static volatile Font regular;
		private static volatile Font bold;

		private Measure() {
		}

		static double width(String text, int size, boolean isBold) {
			Font font = isBold ? bold() : regular();
			return font.deriveFont((float) size).getStringBounds(text, CONTEXT).getWidth();
		}

		private static Font regular() {
			if (regular == null) {
				regular = load(Fonts.Face.REGULAR);
			}
			return regular;
		}

		private static Font bold() {
			if (bold == null) {
				bold = load(Fonts.Face.BOLD);
			}
			return bold;
		}

		private static Font load(Fonts.Face face) {
			try {
				return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(face.bytes()));
			}
			catch (FontFormatException | IOException ex) {
				throw new IllegalStateException("font " + face.file + " unreadable", ex);
			}
		}
	}
}
