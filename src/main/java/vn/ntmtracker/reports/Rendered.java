package vn.ntmtracker.reports;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.MediaType;

/** A generated file: its bytes, its name (Vietnamese, as people read it) and its media type. */
record Rendered(byte[] bytes, String fileName, MediaType mediaType) {

	enum Format {
		DOCX("docx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
		PDF("pdf", MediaType.APPLICATION_PDF),
		XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
		HTML("html", new MediaType("text", "html", StandardCharsets.UTF_8));

		final String extension;
		final MediaType mediaType;

		Format(String extension, MediaType mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		static Format parse(String text, Format... allowed) {
			for (Format format : allowed) {
				if (format.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
					return format;
				}
			}
			StringBuilder names = new StringBuilder();
			for (Format format : allowed) {
				names.append(names.length() == 0 ? "" : ", ").append(format.extension);
			}
			throw new ReportException("Định dạng (format): '" + text + "' không hỗ trợ; dùng " + names);
		}
	}

	/**
	 * {@code attachment; filename="Bao-cao-xa-Cam-Quang.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o…}: an ASCII name for
	 * old clients and the real name encoded per RFC 5987 / RFC 6266; quotes, slashes and line breaks never get through.
	 */
	String contentDisposition() {
		return "attachment; filename=\"" + asciiName(fileName) + "\"; filename*=UTF-8''" + encode(safeName(fileName));
	}

	/** Characters that could break a header or a path are replaced; the name stays readable. */
	static String safeName(String name) {
		String clean = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|;]+", "-").strip();
		return clean.length() > 150 ? clean.substring(0, 150) : clean;
	}

	static String asciiName(String name) {
		String stripped = Normalizer.normalize(safeName(name).replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
		return stripped.replaceAll("[^A-Za-z0-9._()-]+", "-").replaceAll("-{2,}", "-");
	}

	private static String encode(String name) {
		StringBuilder out = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
			}
		}
		return out.toString();
	}
}
