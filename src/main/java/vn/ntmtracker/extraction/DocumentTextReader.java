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
	/**
	 * What a .docx may inflate to, every part together, checked before parsing: a 1.3 MB file whose text part
	 * inflated to 95 MB (a ratio under POI's zip-bomb guard) once cost 64 s of CPU and 5.4 GB of heap.
	 */
	static final long MAX_DOCX_INFLATED = 40L * 1024 * 1024;
	/** The longest text read from a document: about 500 pages, far beyond any plan or notice. */
	static final int MAX_CHARS = 1_500_000;
	/** PDF pages read; the text of the pages beyond is not read. */
	static final int MAX_PDF_PAGES = 500;

	private DocumentTextReader() {
	}

	static String read(Path path) {
		long size;
		try {
			if (Files.isDirectory(path)) {
				throw new ExtractionException("là một thư mục, không phải văn bản");
			}
			size = Files.size(path);
		}
		catch (NoSuchFileException ex) {
			throw new ExtractionException("không tìm thấy tệp");
		}
		catch (IOException ex) {
			throw new ExtractionException("không đọc được tệp (" + ex.getClass().getSimpleName() + ")");
		}
		// Refuse before reading, so a huge file never reaches memory.
		checkSize(size);
		byte[] content;
		try {
			content = Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new ExtractionException("không đọc được tệp (" + ex.getClass().getSimpleName() + ")");
		}
		Path name = path.getFileName();
		return read(name == null ? path.toString() : name.toString(), content);
	}

	static String read(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new ExtractionException("tệp trống");
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
			throw new ExtractionException("tệp Word cũ (.doc) chưa đọc được; hãy lưu lại dưới dạng .docx hoặc PDF");
		}
		else {
			text = readPlain(content);
		}
		if (text.isBlank()) {
			throw new ExtractionException("văn bản không có chữ");
		}
		if (text.length() > MAX_CHARS) {
			throw new ExtractionException(String.format(Locale.ROOT, "văn bản quá dài (%,d ký tự, tối đa %,d)", text.length(), MAX_CHARS)
				.replace(',', '.'));
		}
		return text;
	}

	private static void checkSize(long size) {
		if (size > MAX_BYTES) {
			throw new ExtractionException(String.format(Locale.ROOT, "tệp quá lớn (%.1f MB, tối đa %d MB)",
					size / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024)));
		}
		if (size == 0) {
			throw new ExtractionException("tệp trống");
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
				throw new ExtractionException("không phải văn bản chữ (nội dung nhị phân hoặc không mã hóa UTF-8)");
			}
		}
		if (looksBinary(text)) {
			throw new ExtractionException("không phải văn bản chữ (nội dung nhị phân)");
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

	/**
	 * Inflates every part once, counting, before POI builds anything: the sizes a zip declares can lie, the bytes it
	 * inflates to cannot.
	 */
	private static void checkInflatedSize(byte[] content) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(content))) {
			java.util.zip.ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				int read;
				while ((read = zip.read(buffer)) > 0) {
					total += read;
					if (total > MAX_DOCX_INFLATED) {
						throw new ExtractionException(String.format(Locale.ROOT,
								"tệp .docx giải nén ra quá lớn (hơn %d MB; phần %s)", MAX_DOCX_INFLATED / (1024 * 1024), entry.getName()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new ExtractionException("không đọc được tệp .docx (tệp hỏng hoặc không đúng định dạng)");
		}
	}

	private static String readDocx(byte[] content) {
		checkInflatedSize(content);
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
			throw new ExtractionException("không đọc được tệp .docx (tệp hỏng hoặc không đúng định dạng)");
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
		// Parsed objects are cached in a temporary file, not the heap, so a huge PDF cannot exhaust memory.
		try (PDDocument pdf = Loader.loadPDF(new org.apache.pdfbox.io.RandomAccessReadBuffer(content), null, null, null,
				org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
			if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
				throw new ExtractionException("PDF được mã hóa, không cho phép lấy chữ");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setEndPage(Math.min(pdf.getNumberOfPages(), MAX_PDF_PAGES));
			String text = stripper.getText(pdf);
			if (text.replaceAll("\\s+", "").length() < 20) {
				throw new ExtractionException("PDF không có lớp chữ (bản quét hoặc chỉ có hình); chưa hỗ trợ nhận dạng chữ (OCR)");
			}
			return text;
		}
		catch (InvalidPasswordException ex) {
			throw new ExtractionException("PDF được mã hóa, cần mật khẩu");
		}
		catch (IOException ex) {
			throw new ExtractionException("không đọc được tệp PDF (tệp hỏng hoặc không đúng định dạng)");
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
