package vn.ntmtracker.dossiers;

/**
 * What a dossier accepts as a document, judged by the file's first bytes (never its name): PDF and images for signed
 * scans, DOCX for a document still to be signed.
 */
final class DocumentFiles {

	private DocumentFiles() {
	}

	/** The content type, or null for a file of another kind. */
	static String contentType(byte[] bytes) {
		if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (starts(bytes, 'P', 'K', 3, 4) && new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
			.contains("word/")) {
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		}
		return null;
	}

	static String extension(String contentType) {
		return switch (contentType) {
			case "application/pdf" -> ".pdf";
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			default -> ".docx";
		};
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
