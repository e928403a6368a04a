package vn.ntmtracker.criteria;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Shared fixtures: the shipped sets, the broken-file fixtures, and copy-with-change helpers for records. */
final class TestSets {

	static final Path BROKEN = Path.of("src/test/resources/criteria-broken");

	private static List<CriteriaSetFiles.LoadedSet> shipped;

	private TestSets() {
	}

	static synchronized List<CriteriaSetFiles.LoadedSet> shipped() {
		if (shipped == null) {
			shipped = CriteriaSetFiles.loadAll();
		}
		return shipped;
	}

	static CriteriaSetDefinition set(String code) {
		return shipped().stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no shipped set " + code));
	}

	static CriteriaSetDefinition set(String code, int version) {
		return shipped().stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.filter(s -> s.code().equals(code) && s.version() == version)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no shipped set " + code + " v" + version));
	}

	static String text(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String minimalYaml() {
		return text(BROKEN.resolve("minimal.yaml"));
	}

	static CriteriaSetDefinition minimal() {
		return load("minimal.yaml", minimalYaml()).definition();
	}

	static CriteriaSetFiles.LoadedSet load(String name, String yaml) {
		return CriteriaSetFiles.load(name, new StringReader(yaml));
	}

	static CriteriaSetDefinition withCriteria(CriteriaSetDefinition s, List<Criterion> criteria) {
		return new CriteriaSetDefinition(s.code(), s.version(), s.title(), s.legalBasis(), s.tier(), s.scope(),
				s.derivedFrom(), s.validFrom(), s.validTo(), s.status(), s.thresholdKeying(),
				s.declaredIndicatorCount(), s.note(), s.groups(), criteria, s.conditions());
	}

	static CriteriaSetDefinition withVersion(CriteriaSetDefinition s, int version, SetStatus status) {
		return new CriteriaSetDefinition(s.code(), version, s.title(), s.legalBasis(), s.tier(), s.scope(),
				s.ref(), s.validFrom(), s.validTo(), status, s.thresholdKeying(), s.declaredIndicatorCount(),
				s.note(), s.groups(), s.criteria(), s.conditions());
	}

	static CriteriaSetDefinition withIndicator(CriteriaSetDefinition s, String code, UnaryOperator<Indicator> change) {
		return withCriteria(s, s.criteria().stream().map(c -> withIndicators(c, c.indicators().stream()
			.map(i -> i.code().equals(code) ? change.apply(i) : i).toList())).toList());
	}

	static Criterion withIndicators(Criterion c, List<Indicator> indicators) {
		return new Criterion(c.number(), c.name(), c.group(), c.criticalForRevocation(), c.criticalReason(),
				c.provenance(), indicators);
	}

	static Indicator withThresholds(Indicator i, List<Threshold> thresholds) {
		return new Indicator(i.code(), i.name(), i.kind(), i.unit(), i.notApplicableAllowed(), i.sector(),
				i.provenance(), thresholds);
	}
}
