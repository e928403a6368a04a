package vn.ntmtracker.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload over the server's limit before anything reads it. Past the limit the body cannot be parsed, so
 * later filters would see no CSRF token and answer "forbidden"; instead the person is sent back to the page they
 * uploaded from with a sentence naming the limit, and an API client gets 413 with the same sentence. Nothing was read
 * or saved. Runs after the session filter (the message travels as a flash attribute) and before Spring Security.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class UploadLimitFilter extends OncePerRequestFilter {

	private final MessageSource messages;
	private final DataSize limit;
	private final SessionFlashMapManager flash = new SessionFlashMapManager();
	private final JsonMapper json;

	UploadLimitFilter(MessageSource messages, JsonMapper json,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize limit) {
		this.messages = messages;
		this.json = json;
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
				|| type == null || !type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				|| request.getContentLengthLong() <= limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String message = messages.getMessage("upload.tooLarge", new Object[] { limit.toMegabytes() }, "upload.tooLarge",
				request.getLocale());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getWriter(), java.util.Map.of("status", status.value(), "error", status.getReasonPhrase(),
					"message", message, "path", path));
			return;
		}
		String target = request.getContextPath() + backTo(path);
		FlashMap attributes = new FlashMap();
		attributes.put("error", message);
		attributes.setTargetRequestPath(URI.create(target).getPath());
		flash.saveOutputFlashMap(attributes, request, response);
		response.sendRedirect(target);
	}

	/**
	 * The form an upload is posted from, derived from the upload's own address — never from the Referer, which the
	 * client chooses: a directive's progress or completion form is on the directive's page, a new document's on
	 * /documents/new, a threshold sheet's on the set's page; every other upload form posts to its own page.
	 */
	static String backTo(String path) {
		java.util.regex.Matcher directive = java.util.regex.Pattern.compile("^(/directives/\\d+)/(progress|complete)$").matcher(path);
		if (directive.matches()) {
			return directive.group(1);
		}
		if (path.equals("/documents")) {
			return "/documents/new";
		}
		if (path.matches("^/documents/\\d+$")) {
			return path + "/edit";
		}
		java.util.regex.Matcher dossier = java.util.regex.Pattern.compile("^(/dossiers/\\d+)/(documents|survey/import)$").matcher(path);
		if (dossier.matches()) {
			return dossier.group(1) + (dossier.group(2).equals("documents") ? "" : "/survey");
		}
		if (path.matches("^/criteria/[A-Za-z0-9._-]+/thresholds$")) {
			return path.substring(0, path.length() - "/thresholds".length());
		}
		return path;
	}
}
