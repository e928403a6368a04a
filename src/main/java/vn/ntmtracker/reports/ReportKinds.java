package vn.ntmtracker.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The registry of document kinds: every {@link ReportKind} bean, by key. */
@Component
class ReportKinds {

	private final Map<String, ReportKind> kinds = new LinkedHashMap<>();

	ReportKinds(List<ReportKind> beans) {
		beans.stream().sorted(java.util.Comparator.comparing(ReportKind::key)).forEach(kind -> {
			if (kinds.put(kind.key(), kind) != null) {
				throw new IllegalStateException("two document kinds with key " + kind.key());
			}
		});
	}

	Optional<ReportKind> find(String key) {
		return Optional.ofNullable(key).map(kinds::get);
	}

	ReportKind require(String key) {
		return find(key).orElseThrow(() -> new ReportNotFoundException("Không có loại văn bản '" + key + "'; có: "
				+ String.join(", ", kinds.keySet())));
	}

	List<ReportKind> all() {
		return List.copyOf(kinds.values());
	}

	/** The catalogue of a kind, or null: what the template parser needs. */
	Catalogue catalogue(String key) {
		return find(key).map(ReportKind::catalogue).orElse(null);
	}
}
