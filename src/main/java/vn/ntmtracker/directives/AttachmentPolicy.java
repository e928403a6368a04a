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
 * What may be attached: PDF, DOCX or plain UTF-8 text up to 10 MB, recognised by content (magic bytes),
 * never by the name or the type the browser claims.
 */
final class AttachmentPolicy {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	enum Type {
		PDF("application/pdf"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
		TXT("text/plain; charset=utf-8");

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
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 }) && isWordDocument(content)) {
			return Type.DOCX;
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

	/** A ZIP is a DOCX only when it holds word/document.xml (an XLSX or a plain ZIP does not). */
	private static boolean isWordDocument(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.getName().equals("word/document.xml")) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
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
