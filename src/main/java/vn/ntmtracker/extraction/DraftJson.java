package vn.ntmtracker.extraction;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of drafts, shared by the command line, the scorer and the tests. Reading ignores fields the
 * draft does not have, so an expectation may carry its own notes (source, kind, doubts).
 */
public final class DraftJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DraftJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static JsonNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}

	public static ExtractionDraft read(String json) {
		return MAPPER.readValue(json, ExtractionDraft.class);
	}
}
