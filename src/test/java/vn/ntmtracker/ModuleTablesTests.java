package vn.ntmtracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables: SQL in one module never names another module's table — reads across modules go
 * through the owner's Java API or a view the owner publishes for that purpose (named {@code <owner>_v_…}) in its own
 * migration. {@code ModularityTests} cannot see SQL text; this can.
 */
class ModuleTablesTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	static final Path SOURCES = Path.of("src/main/java/vn/ntmtracker");
	static final Pattern CREATED = Pattern.compile("(?i)create\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
	static final Pattern USED = Pattern.compile("(?i)\\b(?:from|join|into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)\\b");

	record Owned(String module, boolean view) {
	}

	static Map<String, Owned> owners() throws IOException {
		Map<String, Owned> owners = new HashMap<>();
		try (Stream<Path> modules = Files.list(MIGRATIONS)) {
			for (Path module : modules.filter(Files::isDirectory).toList()) {
				try (Stream<Path> files = Files.list(module)) {
					for (Path file : files.toList()) {
						Matcher m = CREATED.matcher(Files.readString(file));
						while (m.find()) {
							owners.put(m.group(2).toLowerCase(), new Owned(module.getFileName().toString(), m.group(1).equalsIgnoreCase("view")));
						}
					}
				}
			}
		}
		owners.put("spring_session", new Owned("security", false));
		owners.put("spring_session_attributes", new Owned("security", false));
		return owners;
	}

	static List<String> crossings() throws IOException {
		Map<String, Owned> owners = owners();
		List<String> crossings = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				Matcher m = USED.matcher(Files.readString(file));
				while (m.find()) {
					Owned owner = owners.get(m.group(1).toLowerCase());
					if (owner == null || owner.module().equals(module)) {
						continue;
					}
					boolean publishedView = owner.view() && m.group(1).toLowerCase().startsWith(owner.module() + "_v_");
					if (!publishedView) {
						crossings.add(relative + ": " + m.group(1) + " belongs to " + owner.module());
					}
				}
			}
		}
		return crossings;
	}

	@Test
	void noModuleQueriesAnotherModulesTables() throws IOException {
		assertThat(crossings()).isEmpty();
	}

	@Test
	void theCheckFindsAPlantedCrossing() throws IOException {
		Map<String, Owned> owners = owners();
		assertThat(owners).containsKeys("unit", "unit_path", "assessment_round", "app_user");
		Matcher m = USED.matcher("select r.* from assessment_round r join unit_path p on p.unit_id = r.id");
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		assertThat(found).containsExactly("assessment_round", "unit_path");
		assertThat(owners.get("unit_path").module()).isEqualTo("units");
	}
}
