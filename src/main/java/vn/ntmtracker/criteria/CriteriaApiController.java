package vn.ntmtracker.criteria;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the criteria catalog. Criteria sets are public legal content: any logged-in user may read them. */
@RestController
@RequestMapping("/api/criteria-sets")
@Tag(name = "Bộ tiêu chí", description = "Criteria sets as versioned data")
class CriteriaApiController {

	private final CriteriaCatalog catalog;

	CriteriaApiController(CriteriaCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "Every version of every criteria set, with counts of criteria and indicators")
	List<CriteriaCatalog.SetSummary> list() {
		return catalog.list();
	}

	@GetMapping("/applicable")
	@Operation(summary = "The sets a unit of a province may be assessed against for a tier on a date: national sets and that province's own, each in the version in force, the province's current one first")
	List<CriteriaCatalog.ApplicableSet> applicable(@RequestParam(required = false) String province, @RequestParam Tier tier,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return catalog.applicableSets(province, tier, on);
	}

	@GetMapping("/{code}")
	@Operation(summary = "One set as a full tree with thresholds and provenance: ?version=, or the version in force ?on= a date, else the current published version")
	CriteriaSetDefinition get(@PathVariable String code, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		if (version != null) {
			return catalog.definition(code, version);
		}
		if (on != null) {
			return catalog.versionOn(code, on).orElseThrow(() -> new CriteriaSetNotFoundException(code, 0));
		}
		return catalog.current(code).orElseGet(() -> {
			List<Integer> versions = catalog.versions(code);
			if (versions.isEmpty()) {
				throw new CriteriaSetNotFoundException(code, 0);
			}
			return catalog.definition(code, versions.get(versions.size() - 1));
		});
	}

	@GetMapping("/{code}/diff")
	@Operation(summary = "Changes from one version to another (of this set or of the set given in ?to=)")
	List<CriteriaSetDiff.Change> diff(@PathVariable String code, @RequestParam int fromVersion,
			@RequestParam(required = false) String to, @RequestParam int toVersion) {
		return catalog.diff(code, fromVersion, to == null ? code : to, toVersion);
	}
}
