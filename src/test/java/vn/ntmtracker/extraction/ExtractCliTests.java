package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

class ExtractCliTests {

	private static final String SEED = "src/test/resources/seeds/002_camquang-hatinh-thongbao-ketluan-2024.txt";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return ExtractCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void printsOneObjectPerFileInArgumentOrderAndGoesOnAfterErrors() throws IOException {
		Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
		String missing = dir.resolve("missing.txt").toString();
		int code = run(missing, SEED, empty.toString());
		assertThat(code).isZero();
		JsonNode array = DraftJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(array.size()).isEqualTo(3);
		assertThat(array.get(0).get("file").asString()).isEqualTo(missing);
		assertThat(array.get(0).get("error").asString()).isEqualTo("không tìm thấy tệp");
		assertThat(array.get(1).get("number").asString()).isEqualTo("06/TB-BCĐ");
		assertThat(array.get(2).get("error").asString()).isEqualTo("tệp trống");
		assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void successfulObjectHasTheIssueShapeFirstThenTheHeaderContext() throws IOException {
		run(SEED);
		JsonNode draft = DraftJson.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get(0);
		List<String> keys = new ArrayList<>(draft.propertyNames());
		assertThat(keys).containsExactly("doc_type", "number", "date", "issuer", "subject_units", "criteria_status",
				"unmet_criteria", "target", "directives", "funding", "status_date", "signer", "recipients");
		List<String> directiveKeys = new ArrayList<>(draft.get("directives").get(0).propertyNames());
		assertThat(directiveKeys).containsExactly("text", "assignee", "deadline", "deadline_text", "criterion",
				"assignees", "cooperating", "item_number");
		assertThat(draft.get("date").isNull()).isTrue();
		assertThat(draft.get("funding").isArray()).isTrue();
	}

	@Test
	void unreadableArgumentIsAnErrorObjectNotATrace() {
		int code = run(dir.toString(), "\u0000bad");
		assertThat(code).isZero();
		String json = out.toString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"error\"").doesNotContain("Exception:").doesNotContain("\tat ");
	}

	@Test
	void scoreModePrintsPerFieldFigures() {
		int code = run("--score", "src/test/resources/seeds", "src/test/resources/extraction/expected");
		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("documents: 5")
			.contains("directive.deadline")
			.contains("precision");
	}
}
