package vn.ntmtracker.units;

import java.time.Clock;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the unit tree. Reads are limited to the caller's jurisdiction; writes to administrators. */
@RestController
@RequestMapping("/api/units")
@Tag(name = "Đơn vị hành chính", description = "Units over time: search, tree as of a date, history, import")
class UnitApiController {

	private final Units units;
	private final UnitWriter writer;
	private final UnitScopeProvider scopes;
	private final UnitPicker picker;

	private final Clock clock;

	UnitApiController(Units units, UnitWriter writer, UnitScopeProvider scopes, UnitPicker picker, Clock clock) {
		this.picker = picker;
		this.clock = clock;
		this.units = units;
		this.writer = writer;
		this.scopes = scopes;
	}

	@GetMapping
	@Operation(summary = "Search units by name (diacritics and case ignored) or code, optionally of one kind and valid on a date")
	UnitPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		UnitKind unitKind = null;
		if (kind != null && !kind.isBlank()) {
			unitKind = UnitKind.parse(kind).orElseThrow(() -> new BadRequest("Unknown kind: " + kind));
		}
		return units.search(q, unitKind, asOf, scopes.current(), Math.max(page, 0), Math.min(Math.max(size, 1), 500));
	}

	@GetMapping("/search")
	@Operation(summary = "For a unit field: units of your jurisdiction valid on a date (default today, i.e. after the 2025 reform) whose name contains q (diacritics and case ignored) or whose code starts with it; level=3 or level=1,2,3 limits the levels; at most 20, the exact name first")
	UnitPicker.Choices pick(@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String level) {
		return picker.search(q, asOf, level);
	}

	@GetMapping("/{code}")
	@Operation(summary = "A unit as of a date (default today): name, kind, parent")
	Unit get(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		Unit unit = units.get(code, day(asOf));
		requireRead(code);
		return unit;
	}

	@GetMapping("/{code}/children")
	@Operation(summary = "Units directly under this one on a date")
	List<Unit> children(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		units.get(code, day(asOf));
		requireRead(code);
		return units.children(code, day(asOf));
	}

	@GetMapping("/{code}/subtree")
	@Operation(summary = "The unit and every unit under it on a date")
	List<Unit> subtree(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		units.get(code, day(asOf));
		requireRead(code);
		return units.subtree(code, day(asOf));
	}

	@GetMapping("/{code}/history")
	@Operation(summary = "Names, parents, classifications, merges and splits over the unit's life")
	UnitHistory history(@PathVariable String code) {
		units.get(code, LocalDate.now(clock));
		requireRead(code);
		return units.history(code);
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Import units from CSV (code,name,kind,parent_code,valid_from,valid_to[,region,commune_group,...]); all or nothing")
	ResponseEntity<UnitWriter.ImportReport> importCsv(@RequestBody String csv) throws IOException {
		if (csv.length() > UnitController.MAX_CSV_BYTES) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(new UnitWriter.ImportReport(0, List.of(new ImportError(0, null, "Tệp lớn hơn giới hạn 10 MB"))));
		}
		UnitWriter.ImportReport report = writer.importCsv(new StringReader(csv));
		return ResponseEntity.status(report.ok() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
	}

	record MergeRequest(List<String> predecessors, String successor, LocalDate effectiveDate, String legalBasis,
			String note) {
	}

	@PostMapping("/merges")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Merge units into a successor from a date; their villages move to the successor")
	ResponseEntity<UnitHistory> merge(@RequestBody MergeRequest request) {
		if (request.predecessors() == null || request.predecessors().isEmpty() || request.successor() == null
				|| request.effectiveDate() == null) {
			throw new BadRequest("predecessors, successor and effectiveDate are required");
		}
		writer.merge(request.predecessors(), request.successor(), request.effectiveDate(), request.legalBasis(),
				request.note());
		return ResponseEntity.ok(units.history(request.successor()));
	}

	private void requireRead(String code) {
		if (!units.isWithin(code, scopes.current())) {
			throw new AccessDeniedException("Đơn vị " + code + " nằm ngoài phạm vi được phân quyền của bạn");
		}
	}

	private LocalDate day(LocalDate asOf) {
		return asOf == null ? LocalDate.now(clock) : asOf;
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.BAD_REQUEST)
	static class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}
	}
}
