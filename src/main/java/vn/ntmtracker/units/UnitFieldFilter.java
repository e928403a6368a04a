package vn.ntmtracker.units;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forms sent without script: a unit field (marked by the picker fragment with a hidden {@code _unit} naming it) may hold
 * a name as typed — "Cẩm Quang", "cam quang", "xã Cẩm Quang" — and the page's controller receives the code instead,
 * when the name is that of exactly one unit of the reader's jurisdiction on the form's {@code asOf} date (today
 * without one). A list field ("HT-CAMQUANG, Cẩm Lĩnh") is resolved item by item. Anything else reaches the controller
 * as typed, and the unit lookup answers "không tìm thấy đơn vị …" for it. Runs after Spring Security (the scope is the
 * signed-in reader's); never on the JSON API, whose clients send codes.
 */
@Component
class UnitFieldFilter extends OncePerRequestFilter {

	/** The hidden field naming the unit fields of a form. */
	static final String MARKER = "_unit";

	private final UnitPicker picker;

	UnitFieldFilter(UnitPicker picker) {
		this.picker = picker;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")) {
			return true;
		}
		if ("GET".equals(request.getMethod())) {
			return false;
		}
		String type = request.getContentType();
		// A JSON or CSV body is not a form: reading parameters would not find the marker anyway.
		return type != null && !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] marked = request.getParameterValues(MARKER);
		if (marked == null || marked.length == 0) {
			chain.doFilter(request, response);
			return;
		}
		Set<String> fields = Arrays.stream(marked).map(String::strip).filter(f -> !f.isEmpty() && !f.equals(MARKER))
			.collect(Collectors.toSet());
		LocalDate asOf = date(request.getParameter("asOf"));
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		boolean changed = false;
		for (String field : fields) {
			String[] values = parameters.get(field);
			if (values == null) {
				continue;
			}
			String[] resolved = Arrays.stream(values).map(value -> resolve(value, asOf)).toArray(String[]::new);
			if (!Arrays.equals(values, resolved)) {
				parameters.put(field, resolved);
				changed = true;
			}
		}
		chain.doFilter(changed ? new Resolved(request, parameters) : request, response);
	}

	/** Each comma-separated item that names one unit becomes its code; the rest is kept as typed. */
	private String resolve(String value, LocalDate asOf) {
		if (value == null || value.isBlank()) {
			return value;
		}
		if (!value.contains(",")) {
			return picker.resolve(value, asOf).orElse(value);
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty())
			.map(item -> picker.resolve(item, asOf).orElse(item)).collect(Collectors.joining(", "));
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The request with the unit fields' values replaced. */
	private static final class Resolved extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Resolved(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values.clone();
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}
	}
}
