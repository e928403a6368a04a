package vn.ntmtracker.directives;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What may be attached: PDF, DOCX, XLSX, a JPEG or PNG photo, or plain UTF-8 text up to 10 MB, recognised by content
 * (magic bytes, the parts inside an Office file, an image's header read by ImageIO), never by the name or the type the
 * browser claims. A photo is refused when its header cannot be read or it claims more than {@link #MAX_PIXELS} pixels
 * (a decompression bomb).
 */
final class AttachmentPolicy {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** 50 megapixels: more than any phone camera; a larger claim is refused before any decoding. */
	static final long MAX_PIXELS = 50_000_000L;

	enum Type {
		PDF("application/pdf"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
		JPEG("image/jpeg"),
		PNG("image/png"),
		TXT("text/plain; charset=utf-8");

		boolean image() {
			return this == JPEG || this == PNG;
		}

		final String mediaType;

		Type(String mediaType) {
			this.mediaType = mediaType;
		}
	}

	private AttachmentPolicy() {
	}

	static Type check(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new DirectiveRuleException("attachment.error.empty", fileName);
		}
		if (content.length > MAX_BYTES) {
			throw new DirectiveRuleException("attachment.error.tooLarge", fileName, MAX_BYTES / (1024 * 1024));
		}
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Type.PDF;
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return checkedImage(fileName, content, Type.JPEG);
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return checkedImage(fileName, content, Type.PNG);
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			String part = officePart(content);
			if ("word/document.xml".equals(part)) {
				return Type.DOCX;
			}
			if ("xl/workbook.xml".equals(part)) {
				return Type.XLSX;
			}
		}
		if (isText(content)) {
			return Type.TXT;
		}
		throw new DirectiveRuleException("attachment.error.type", fileName);
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The main part of an Office file: a ZIP is a DOCX when it holds word/document.xml, an XLSX when it holds
	 * xl/workbook.xml; a plain ZIP is neither (null).
	 */
	private static String officePart(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.getName().equals("word/document.xml") || entry.getName().equals("xl/workbook.xml")) {
					return entry.getName();
				}
			}
			return null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

	/** The image's header must be readable as the type its magic bytes say, with a sane size. */
	private static Type checkedImage(String fileName, byte[] content, Type type) {
		java.awt.Dimension size = ImagePreview.dimensions(content);
		if (size == null) {
			throw new DirectiveRuleException("attachment.error.image", fileName);
		}
		if ((long) size.width * size.height > MAX_PIXELS) {
			throw new DirectiveRuleException("attachment.error.imageTooLarge", fileName, size.width, size.height);
		}
		return type;
	}

	/** Valid UTF-8 without NUL or other control characters than tab, line feed, carriage return and form feed. */
	private static boolean isText(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
			return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}
}
