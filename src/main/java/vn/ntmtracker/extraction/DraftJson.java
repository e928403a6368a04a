package vn.ntmtracker.extraction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of drafts, shared by the command line, the scorer and the tests. */
public final class DraftJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
