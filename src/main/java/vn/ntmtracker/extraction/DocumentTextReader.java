package vn.ntmtracker.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Gets the plain text out of a .txt/.md, .docx or text PDF, refusing what cannot be a document: empty, too large,
 * binary, scanned or encrypted. Every refusal is an {@link ExtractionException} with a message for the user.
 */
final class DocumentTextReader {

	/** Seed documents are 8–21 kB; 20 MB leaves room for embedded images in .docx and PDF. */
	static final long MAX_BYTES = 20L * 1024 * 1024;

	private DocumentTextReader() {
	}

	static String read(Path path) {
		long size;
		try {
			if (Files.isDirectory(path)) {
				throw new ExtractionException("is a directory, not a document");
			}
			size = Files.size(path);
		}
		catch (NoSuchFileException ex) {
			throw new ExtractionException("file not found");
		}
		catch (IOException ex) {
			throw new ExtractionException("cannot read file: " + ex.getClass().getSimpleName());
		}
		// Refuse before reading, so a huge file never reaches memory.
		checkSize(size);
		byte[] content;
		try {
			content = Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new ExtractionException("cannot read file: " + ex.getClass().getSimpleName());
		}
		Path name = path.getFileName();
		return read(name == null ? path.toString() : name.toString(), content);
	}

	static String read(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new ExtractionException("empty file");
		}
		checkSize(content.length);
		String ext = extension(fileName);
		String text;
		if (startsWith(content, "%PDF") || ext.equals("pdf")) {
			text = readPdf(content);
		}
		else if (startsWith(content, "PK\u0003\u0004") || ext.equals("docx")) {
			text = readDocx(content);
		}
		else if (ext.equals("doc") || startsWith(content, "\u00D0\u00CF\u0011\u00E0")) {
			throw new ExtractionException("old binary Word (.doc) is not supported; save it as .docx or PDF");
		}
		else {
			text = readPlain(content);
		}
		if (text.isBlank()) {
			throw new ExtractionException("no text in document");
		}
		return text;
	}

	private static void checkSize(long size) {
		if (size > MAX_BYTES) {
			throw new ExtractionException(String.format(Locale.ROOT, "file too large (%.1f MB, limit %d MB)",
					size / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024)));
		}
		if (size == 0) {
			throw new ExtractionException("empty file");
		}
	}

	private static String readPlain(byte[] content) {
		String text;
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
			text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
		}
		else if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
			text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
		}
		else {
			try {
				text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(content))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw new ExtractionException("not a text document (binary content or not UTF-8 encoded)");
			}
		}
		if (looksBinary(text)) {
			throw new ExtractionException("not a text document (binary content)");
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static boolean looksBinary(String text) {
		int control = 0;
		int sample = Math.min(text.length(), 64_000);
		for (int i = 0; i < sample; i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return true;
			}
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
				control++;
			}
		}
		return control > sample / 100 + 2;
	}

	private static String readDocx(byte[] content) {
		try (InputStream in = new ByteArrayInputStream(content); XWPFDocument doc = new XWPFDocument(in)) {
			StringBuilder out = new StringBuilder();
			for (IBodyElement element : doc.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					appendParagraph(out, paragraph);
				}
				else if (element instanceof XWPFTable table) {
					appendTable(out, table);
				}
			}
			return out.toString();
		}
		catch (IOException | RuntimeException ex) {
			throw new ExtractionException("not a readable .docx file (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static void appendParagraph(StringBuilder out, XWPFParagraph paragraph) {
		String text = paragraph.getText();
		if (text == null || text.isBlank()) {
			out.append('\n');
			return;
		}
		// Word's automatic numbering is not part of the text; a marker keeps list items recognisable as items.
		boolean listItem = paragraph.getNumID() != null && !text.strip().matches("^([-+•–]|\\d+[.)]|\\(\\d+\\)).*");
		out.append(listItem ? "- " : "").append(text).append("\n\n");
	}

	private static void appendTable(StringBuilder out, XWPFTable table) {
		for (XWPFTableRow row : table.getRows()) {
			StringJoiner cells = new StringJoiner(" | ");
			for (XWPFTableCell cell : row.getTableCells()) {
				cells.add(cell.getText().replaceAll("\\s+", " ").strip());
			}
			out.append(cells).append('\n');
		}
		out.append('\n');
	}

	private static String readPdf(byte[] content) {
		try (PDDocument pdf = Loader.loadPDF(content)) {
			if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
				throw new ExtractionException("encrypted PDF: text extraction is not permitted");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(pdf);
			if (text.replaceAll("\\s+", "").length() < 20) {
				throw new ExtractionException("no text layer (scanned or image-only PDF); OCR is not supported");
			}
			return text;
		}
		catch (InvalidPasswordException ex) {
			throw new ExtractionException("encrypted PDF: a password is required");
		}
		catch (IOException ex) {
			throw new ExtractionException("not a readable PDF file (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static boolean startsWith(byte[] content, String magic) {
		if (content.length < magic.length()) {
			return false;
		}
		for (int i = 0; i < magic.length(); i++) {
			if ((content[i] & 0xFF) != magic.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static String extension(String fileName) {
		if (fileName == null) {
			return "";
		}
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
