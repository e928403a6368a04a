package vn.ntmtracker.units;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: search and browse the tree, a unit with its history, and the CSV import for administrators. */
@Controller
class UnitController {

	static final int PAGE_SIZE = 25;
	static final long MAX_CSV_BYTES = 10L * 1024 * 1024;

	private final Units units;
	private final UnitWriter writer;
	private final UnitScopeProvider scopes;

	private final Clock clock;

	UnitController(Units units, UnitWriter writer, UnitScopeProvider scopes, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.writer = writer;
		this.scopes = scopes;
	}

	@GetMapping("/units")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		UnitKind unitKind = UnitKind.parse(kind).orElse(null);
		UnitScope scope = scopes.current();
		model.addAttribute("q", q);
		model.addAttribute("kind", unitKind);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("asOf", day);
		if ((q == null || q.isBlank()) && unitKind == null) {
			model.addAttribute("roots", units.roots(day, scope));
		}
		else {
			model.addAttribute("result", units.search(q, unitKind, asOf, scope, Math.max(page, 0), PAGE_SIZE));
		}
		return "units/search";
	}

	@GetMapping("/units/{code}")
	String show(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		Unit unit = units.get(code, day);
		if (!units.isWithin(code, scopes.current())) {
			throw new AccessDeniedException("Đơn vị " + code + " nằm ngoài phạm vi được giao");
		}
		model.addAttribute("unit", unit);
		model.addAttribute("asOf", day);
		model.addAttribute("validOnDate", !unit.validFrom().isAfter(day) && (unit.validTo() == null || !unit.validTo().isBefore(day)));
		model.addAttribute("ancestors", units.ancestors(code, day));
		model.addAttribute("children", units.children(code, day));
		model.addAttribute("history", units.history(code));
		model.addAttribute("classification", units.classification(code, day));
		return "units/show";
	}

	@GetMapping("/units/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importForm() {
		return "units/import";
	}

	/** The import file's columns with two example rows: a province and a commune under it (post-2025, no district). */
	static final String CSV_TEMPLATE = """
			code,name,kind,parent_code,valid_from,valid_to,region,commune_group,especially_disadvantaged,safe_zone_poor_district
			42,Hà Tĩnh,tỉnh,,2025-07-01,,BTB,,,
			42-CAMXUYEN,Cẩm Xuyên,xã,42,2025-07-01,,BTB,2,,
			""";

	@GetMapping("/units/template.csv")
	@PreAuthorize("hasRole('ADMIN')")
	org.springframework.http.ResponseEntity<byte[]> template() {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-don-vi.csv\"")
			.body(("\uFEFF" + CSV_TEMPLATE).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/units/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importCsv(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
		model.addAttribute("fileName", file.getOriginalFilename());
		if (file.isEmpty()) {
			model.addAttribute("errors", java.util.List.of(new ImportError(0, null, "Chưa chọn tệp, hoặc tệp trống")));
			return "units/import";
		}
		if (file.getSize() > MAX_CSV_BYTES) {
			model.addAttribute("errors", java.util.List.of(new ImportError(0, null, "Tệp lớn hơn giới hạn 10 MB")));
			return "units/import";
		}
		UnitWriter.ImportReport report = writer.importCsv(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
		if (!report.ok()) {
			model.addAttribute("errors", report.errors());
			return "units/import";
		}
		redirect.addFlashAttribute("imported", report.created());
		return "redirect:/units";
	}
}
