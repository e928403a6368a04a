package vn.ntmtracker.security;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as people read it: who (name and username), when (dd/MM/yyyy HH:mm, Vietnam time), what (the kind of
 * record and the act in words, never CREATE or a table name) and, per field, the value before → after. Field names,
 * enumerated values (statuses, roles, kinds), booleans and ISO dates are shown in the reader's language; a field a
 * change left as it was is not listed, nor the technical row version.
 */
@Component
class AuditTable {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z0-9_]+");
	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Set<String> HIDDEN = Set.of("version", "rowVersion", "searchKey");

	/** The kinds of record the modules audit, for the filter (labels {@code audit.entity.<type>}). */
	static final List<String> ENTITY_TYPES = List.of("user", "role_grant", "user_organisation", "api_token", "unit",
			"unit_classification", "criteria_set", "criteria_province_set", "assessment_round", "assessment_judgement",
			"assessment_stated_status", "plan", "plan_task", "fund_entry", "committee_member", "committee_assignment",
			"committee_weekly_report", "organisation", "document", "document_link", "directive", "attachment",
			"reminder_subscription", "household", "household_year", "household_import", "household_export", "ocop_product",
			"model_area", "dossier", "dossier_document", "dossier_posting", "dossier_reading", "dossier_comment",
			"dossier_procedure", "survey_ballot", "survey_village", "recognition", "report_draft", "report_template", "document_receipt");

	/** Where to look up the name of an enumerated value, tried in order; the first group that matches the record wins. */
	private static final List<Map.Entry<String, List<String>>> VALUE_PREFIXES = List.of(
			Map.entry("assessment", List.of("assessment.status", "assessment.kind", "assessment.judgement", "assessment.level")),
			Map.entry("plan", List.of("planning.status", "planning.taskStatus", "planning.kind", "planning.source", "planning.clearance")),
			Map.entry("fund", List.of("planning.source")),
			Map.entry("directive", List.of("directive.status", "directive.kind", "deadline.kind", "directive.event")),
			Map.entry("document", List.of("document.kind", "document.relation", "document.origin")),
			Map.entry("organisation", List.of("organisation.kind")),
			Map.entry("criteria", List.of("criteria.status", "criteria.tier")),
			Map.entry("household", List.of("household.status", "household.change")),
			Map.entry("ocop", List.of("ocop.owner", "ocop.category")),
			Map.entry("report", List.of("reports.draftStatus")),
			Map.entry("model", List.of("modelArea.kind")),
			Map.entry("unit", List.of("unit.kind")),
			Map.entry("dossier", List.of("dossier.state", "dossier.purpose", "criteria.tier")),
			Map.entry("recognition", List.of("criteria.tier")),
			Map.entry("survey", List.of("dossier.ballot.source")));
	private static final List<String> ANY_PREFIXES = List.of("audit.value", "role", "assessment.status", "directive.status",
			"planning.status", "unit.kind", "organisation.kind", "document.kind", "household.status", "criteria.status",
			"criteria.tier");

	record Change(String field, String before, String after) {
	}

	record Row(long id, String at, String username, String userName, String action, String actionCode, String entity,
			String entityType, String entityId, String unitCode, List<Change> changes) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final MessageSource messages;

	AuditTable(JdbcClient jdbc, JsonMapper json, MessageSource messages) {
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
	}

	List<Row> rows(List<AuditLog.Entry> entries) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = displayNames(entries.stream().map(AuditLog.Entry::username).toList());
		List<Row> rows = new ArrayList<>();
		for (AuditLog.Entry e : entries) {
			String name = "system".equals(e.username()) ? text("audit.system", "system", locale) : names.get(e.username());
			rows.add(new Row(e.id(), when(e.at()), e.username(), name,
					text("audit.action." + e.action(), e.action(), locale), e.action(), entity(e.entityType(), locale), e.entityType(),
					readableId(e.entityId(), e.entityType(), locale), e.unitCode(), changes(e.entityType(), e.before(), e.after(), locale)));
		}
		return rows;
	}

	/** The kinds of record for the filter, with their names. */
	Map<String, String> entityTypes() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> types = new java.util.LinkedHashMap<>();
		ENTITY_TYPES.forEach(type -> types.put(type, entity(type, locale)));
		return types;
	}

	static String when(OffsetDateTime at) {
		return at == null ? "" : at.atZoneSameInstant(AuditLog.VIETNAM).format(WHEN);
	}

	private String entity(String type, Locale locale) {
		return text("audit.entity." + type, type.replace('_', ' '), locale);
	}

	List<Change> changes(String entityType, String before, String after, Locale locale) {
		Map<String, String> old = flatten(before, entityType, locale);
		Map<String, String> now = flatten(after, entityType, locale);
		Set<String> fields = new LinkedHashSet<>(now.keySet());
		fields.addAll(old.keySet());
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			if (HIDDEN.contains(field)) {
				continue;
			}
			String b = old.get(field);
			String a = now.get(field);
			if (before != null && after != null && Objects.equals(b, a)) {
				continue;
			}
			changes.add(new Change(fieldName(field, entityType, locale), b, a));
		}
		return changes;
	}

	private Map<String, String> flatten(String text, String entityType, Locale locale) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return fields;
		}
		JsonNode node = json.readTree(text);
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				fields.put(field.getKey(), value(field.getValue(), entityType, locale));
			}
		}
		else {
			fields.put("value", value(node, entityType, locale));
		}
		return fields;
	}

	private String value(JsonNode node, String entityType, Locale locale) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "—";
		}
		if (node.isBoolean()) {
			return text(node.booleanValue() ? "common.yes" : "common.no", String.valueOf(node.booleanValue()), locale);
		}
		if (node.isArray()) {
			List<String> items = new ArrayList<>();
			node.forEach(item -> items.add(value(item, entityType, locale)));
			return items.isEmpty() ? "—" : String.join(", ", items);
		}
		if (node.isObject()) {
			List<String> parts = new ArrayList<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (!HIDDEN.contains(field.getKey())) {
					parts.add(fieldName(field.getKey(), entityType, locale) + ": "
							+ value(field.getValue(), entityType, locale));
				}
			}
			return String.join("; ", parts);
		}
		if (node.isIntegralNumber() && Math.abs(node.asLong()) >= 100_000) {
			// amounts in đồng as people write them (1.800.000.000); years and small counts stay as they are
			return java.text.NumberFormat.getIntegerInstance(locale).format(node.asLong());
		}
		String raw = node.asString();
		if ("null".equals(raw) || raw.isEmpty()) {
			return "—";
		}
		if (ISO_DATE.matcher(raw).matches()) {
			try {
				return LocalDate.parse(raw).format(DAY);
			}
			catch (java.time.DateTimeException ex) {
				return raw;
			}
		}
		if (ENUM.matcher(raw).matches()) {
			return enumName(raw, entityType, locale);
		}
		return raw.matches("[a-z]{2,20}") ? text("audit.value." + raw, raw, locale) : raw;
	}

	/**
	 * A field's name in the reader's language: the record kind's own name for it ({@code audit.field.<type>.<field>}),
	 * else the common one ({@code audit.field.<field>}); a key that is an enumerated value (a funding source keying an
	 * amount) is named like the value. Keys that are data (indicator codes "17.1", unit codes) are shown as written.
	 */
	String fieldName(String field, String entityType, Locale locale) {
		if (!IDENTIFIER.matcher(field).matches()) {
			// already words (a report section's label in its template) or a code ("17.1", "HT-CAMQUANG")
			return field;
		}
		String named = namedField(field, entityType, locale);
		return named != null ? named : ENUM.matcher(field).matches() ? field : humanise(field);
	}

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	/** The field's name, or null when a field name (lowerCamel or an enumerated value) has none in that language. */
	String namedField(String field, String entityType, Locale locale) {
		if (ENUM.matcher(field).matches()) {
			String name = enumName(field, entityType, locale);
			return name.equals(field) ? null : name;
		}
		String own = messages.getMessage("audit.field." + entityType + "." + field, null, null, locale);
		return own != null ? own : messages.getMessage("audit.field." + field, null, null, locale);
	}

	/** A record's key as written ("42 XA_NTM_NANG_CAO"), its enumerated parts in words ("42 Xã NTM nâng cao"). */
	private String readableId(String entityId, String entityType, Locale locale) {
		if (entityId == null) {
			return null;
		}
		java.util.regex.Matcher token = ENUM_TOKEN.matcher(entityId);
		StringBuilder readable = new StringBuilder();
		while (token.find()) {
			token.appendReplacement(readable, java.util.regex.Matcher.quoteReplacement(enumName(token.group(), entityType, locale)));
		}
		token.appendTail(readable);
		return readable.toString();
	}

	private static final java.util.regex.Pattern ENUM_TOKEN = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");

	private String enumName(String value, String entityType, Locale locale) {
		List<String> prefixes = new ArrayList<>();
		VALUE_PREFIXES.stream().filter(e -> entityType.startsWith(e.getKey())).forEach(e -> prefixes.addAll(e.getValue()));
		prefixes.addAll(ANY_PREFIXES);
		for (String prefix : prefixes) {
			String found = messages.getMessage(prefix + "." + value, null, null, locale);
			if (found != null) {
				return found;
			}
		}
		return value;
	}

	/** "completedOn" → "completed on": a field nobody named yet still reads as words. */
	static String humanise(String field) {
		return field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
	}

	private String text(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

	private Map<String, String> displayNames(Collection<String> usernames) {
		Map<String, String> names = new HashMap<>();
		if (usernames.isEmpty()) {
			return names;
		}
		jdbc.sql("select username, display_name from app_user where username in (:u)").param("u", new LinkedHashSet<>(usernames))
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}
}
