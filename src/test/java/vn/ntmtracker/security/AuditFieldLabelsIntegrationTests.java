package vn.ntmtracker.security;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field name the audit log holds — at the top of a record or inside a nested one, whatever wrote it, whichever
 * tests ran before — has a name in Vietnamese ({@code audit.field.<name>}, or the enumerated value's name when the key
 * is one, as a funding source keying an amount), so the administrator never reads "received from" or "document id" in
 * the Vietnamese log. Keys that are data (indicator codes "17.1", unit codes "HT-CAMQUANG") are shown as written and
 * left out. The demo's own writes are audited, so the set checked is never empty whatever ran before.
 */
@IntegrationTest
class AuditFieldLabelsIntegrationTests {

	/** The technical fields the log never shows (as {@link AuditTable}). */
	static final Set<String> HIDDEN = Set.of("version", "rowVersion", "searchKey");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTable table;

	/** Keys that name a field (lowerCamel, snake) or an enumerated value; not indicator or unit codes. */
	static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9_]*|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}");

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyFieldTheAuditLogHoldsHasAVietnameseName() {
		Set<Map.Entry<String, String>> fields = new java.util.HashSet<>();
		jdbc.sql("""
				select entity_type, before::text from audit_log where before is not null
				union all select entity_type, after::text from audit_log where after is not null""")
			.query((rs, n) -> {
				String type = rs.getString(1);
				Set<String> keys = new TreeSet<>();
				collect(json.readTree(rs.getString(2)), keys);
				keys.forEach(key -> fields.add(Map.entry(type, key)));
				return n;
			}).list();
		assertThat(fields).as("field names in the audit log").isNotEmpty();
		Set<String> unnamed = new TreeSet<>();
		for (Map.Entry<String, String> field : fields) {
			String key = field.getValue();
			if (!HIDDEN.contains(key) && NAME.matcher(key).matches()
					&& table.namedField(key, field.getKey(), Locale.forLanguageTag("vi")) == null) {
				unnamed.add(field.getKey() + "." + key);
			}
		}
		assertThat(unnamed).as("audit fields without a Vietnamese name (audit.field.<name> in messages.properties)").isEmpty();
	}

	/** Amounts read as people write them: "1.800.000.000" in Vietnamese, "1,800,000,000" in English; a year stays "2023". */
	@Test
	void amountsAreGroupedTheWayTheReaderWritesThemAndYearsAreNot() {
		var vi = table.changes("fund_entry", null, "{\"year\":2023,\"amount\":1800000000,\"source\":\"LONG_GHEP\"}",
				Locale.forLanguageTag("vi"));
		assertThat(vi).extracting(AuditTable.Change::after).containsExactly("2023", "1.800.000.000", "Vốn lồng ghép");
		assertThat(vi).extracting(AuditTable.Change::field).containsExactly("Năm", "Số tiền", "Nguồn vốn");
		var en = table.changes("fund_entry", null, "{\"amount\":1800000000}", Locale.ENGLISH);
		assertThat(en).extracting(AuditTable.Change::after).containsExactly("1,800,000,000");
		// a report section kept under its template label is shown as written, not lowercased into "mở đầu"
		var draft = table.changes("report_draft", null, "{\"texts\":{\"Mở đầu — thành phần\":\"Ngày 12/3\"}}",
				Locale.forLanguageTag("vi"));
		assertThat(draft).extracting(AuditTable.Change::after).containsExactly("Mở đầu — thành phần: Ngày 12/3");
	}

	private void collect(JsonNode node, Set<String> fields) {
		if (node.isObject()) {
			node.properties().forEach(field -> {
				fields.add(field.getKey());
				collect(field.getValue(), fields);
			});
		}
		else if (node.isArray()) {
			node.forEach(item -> collect(item, fields));
		}
	}

}
