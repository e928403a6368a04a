package vn.ntmtracker.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded input before anything reads it (ASVS V5.1, V13.1): a body other than an upload may be at most 2 MB (10 MB
 * for the CSV imports, 16 MB for JSON that carries an attachment), and no parameter or JSON text may carry a NUL character, which PostgreSQL cannot store and
 * which used to end in a 500 after half the work. Uploads (multipart) have their own limit ({@link UploadLimitFilter}).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2)
class RequestLimitsFilter extends OncePerRequestFilter {

	static final int BODY_LIMIT = 2 * 1024 * 1024;
	static final int IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
	/** JSON carrying an attachment of up to 10 MB in base64 (4/3 of its size) and its fields. */
	static final int ATTACHMENT_BODY_LIMIT = 16 * 1024 * 1024;
	private static final Set<String> IMPORTS = Set.of("/api/units/import", "/api/users/import", "/units/import");
	private static final java.util.regex.Pattern ATTACHMENTS = java.util.regex.Pattern
		.compile("^/api/(documents(/\\d+)?|directives/\\d+/(progress|completion))$");

	private final JsonMapper json;

	RequestLimitsFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			chain.doFilter(request, response);
			return;
		}
		int limit = IMPORTS.contains(path) ? IMPORT_BODY_LIMIT : ATTACHMENTS.matcher(path).matches() ? ATTACHMENT_BODY_LIMIT : BODY_LIMIT;
		if (request.getContentLengthLong() > limit) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "Dữ liệu gửi lên lớn hơn giới hạn " + limit / (1024 * 1024) + " MB");
			return;
		}
		HttpServletRequest checked = request;
		if (type.startsWith(MediaType.APPLICATION_JSON_VALUE) || type.startsWith("text/")) {
			byte[] body = request.getInputStream().readNBytes(limit + 1);
			if (body.length > limit) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "Dữ liệu gửi lên lớn hơn giới hạn " + limit / (1024 * 1024) + " MB");
				return;
			}
			if (holdsNul(body)) {
				refuse(request, response, HttpStatus.BAD_REQUEST, "Dữ liệu chứa ký tự NUL (\\u0000), không lưu được");
				return;
			}
			checked = new CachedBody(request, body);
		}
		String field = nulParameter(checked);
		if (field != null) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "Trường \"" + field + "\" chứa ký tự NUL (\\u0000), không lưu được");
			return;
		}
		chain.doFilter(checked, response);
	}

	private static boolean holdsNul(byte[] body) {
		for (byte b : body) {
			if (b == 0) {
				return true;
			}
		}
		return new String(body, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT).contains("\\u0000");
	}

	private static String nulParameter(HttpServletRequest request) {
		Enumeration<String> names = request.getParameterNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			if (name.indexOf('\0') >= 0) {
				return "?";
			}
			for (String value : request.getParameterValues(name)) {
				if (value != null && value.indexOf('\0') >= 0) {
					return name;
				}
			}
		}
		return null;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(), Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", message,
				"path", request.getRequestURI()));
	}

	/** The body, read once within the limit, handed on as if unread. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
					java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
