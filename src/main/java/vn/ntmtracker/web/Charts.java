package vn.ntmtracker.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Chart.js configurations as JSON for a canvas's {@code data-chart} attribute: {@code static/js/app.js} draws them, so
 * the pages need no inline script (the Content Security Policy allows none). Used from templates as {@code @charts}.
 * Every chart stands beside a table of the same figures.
 */
@Component("charts")
public class Charts {

	private final JsonMapper json;

	Charts(JsonMapper json) {
		this.json = json;
	}

	/** One series: its label, its values (nulls are gaps) and its colour. */
	public Map<String, Object> series(String label, List<?> data, String colour) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", data);
		series.put("backgroundColor", colour);
		series.put("borderColor", colour);
		return series;
	}

	public String bar(List<?> labels, List<Map<String, Object>> series) {
		return spec("bar", labels, series, false, true);
	}

	public String horizontalBar(List<?> labels, List<Map<String, Object>> series) {
		return spec("bar", labels, series, true, true);
	}

	/** Lines over years, e.g. rates in percent (not forced to whole numbers). */
	public String line(List<?> labels, List<Map<String, Object>> series) {
		return spec("line", labels, series, false, false);
	}

	/**
	 * Two lines read from rows by their accessors' names: the labels from {@code labelOf}, each series from its
	 * accessor (numbers, nulls for gaps). For templates, whose expressions may not build lists.
	 */
	public String twoLines(List<?> rows, String labelOf, String label1, String value1, String colour1, String label2,
			String value2, String colour2) {
		return line(read(rows, labelOf), List.of(series(label1, read(rows, value1), colour1), series(label2, read(rows, value2), colour2)));
	}

	private static List<Object> read(List<?> rows, String accessor) {
		List<Object> values = new java.util.ArrayList<>();
		for (Object row : rows) {
			try {
				java.lang.reflect.Method method = row.getClass().getMethod(accessor);
				method.setAccessible(true); // records of other modules are package-private
				values.add(method.invoke(row));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no " + accessor, ex);
			}
		}
		return values;
	}

	private String spec(String type, List<?> labels, List<Map<String, Object>> series, boolean horizontal, boolean counts) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("type", type);
		spec.put("data", Map.of("labels", labels, "datasets", series));
		Map<String, Object> options = new LinkedHashMap<>();
		if (horizontal) {
			options.put("indexAxis", "y");
		}
		Map<String, Object> axis = new LinkedHashMap<>();
		axis.put("beginAtZero", true);
		if (counts) {
			axis.put("ticks", Map.of("precision", 0));
		}
		options.put("scales", Map.of(horizontal ? "x" : "y", axis));
		spec.put("options", options);
		return json.writeValueAsString(spec);
	}
}
