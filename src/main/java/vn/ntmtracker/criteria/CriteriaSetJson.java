package vn.ntmtracker.criteria;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A set version as the JSON document the database stores, and its content hash: SHA-256 over a canonical JSON
 * (properties sorted, empty values left out, decimals written plain), so that formatting or comments in the YAML file
 * do not change it but any change of content does.
 */
public final class CriteriaSetJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.build();

	private CriteriaSetJson() {
	}

	public static String toJson(CriteriaSetDefinition set) {
		return MAPPER.writeValueAsString(set);
	}

	public static CriteriaSetDefinition fromJson(String json) {
		return MAPPER.readValue(json, CriteriaSetDefinition.class);
	}

	/** "sha256:" followed by 64 hex digits. */
	public static String contentHash(CriteriaSetDefinition set) {
		try {
			byte[] canonical = CANONICAL.writeValueAsString(set).getBytes(StandardCharsets.UTF_8);
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}
}
