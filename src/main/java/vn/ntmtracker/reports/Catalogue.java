package vn.ntmtracker.reports;

import java.util.Map;

/**
 * What a document kind offers its template: the placeholders ({@code unit.name} → "tên đơn vị") and the data sections
 * (tables and lists) it builds, each with a description for the administrator who edits the template.
 */
record Catalogue(Map<String, String> fields, Map<String, String> data) {

	boolean knows(String name) {
		return fields.containsKey(name) || data.containsKey(name);
	}
}
