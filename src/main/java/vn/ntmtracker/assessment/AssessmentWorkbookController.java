package vn.ntmtracker.assessment;

import java.time.Clock;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/** The spreadsheet round-trip: download a template for a set and an area, upload it filled. */
@Controller
class AssessmentWorkbookController {

	static final long MAX_BYTES = 10L * 1024 * 1024;
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CriteriaCatalog catalog;
	private final Units units;
	private final AccessPolicy access;
	private final AssessmentImport importer;
	private final vn.ntmtracker.HeavyWork heavyWork;

	private final Clock clock;

	AssessmentWorkbookController(CriteriaCatalog catalog, Units units, AccessPolicy access, AssessmentImport importer, vn.ntmtracker.HeavyWork heavyWork, Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
		this.units = units;
		this.access = access;
		this.importer = importer;
		this.heavyWork = heavyWork;
	}

	@GetMapping("/assessments/import")
	String form(Model model) {
		model.addAttribute("sets", catalog.list().stream().filter(s -> s.status() != SetStatus.DRAFT).toList());
		return "assessment/import";
	}

	@GetMapping({ "/assessments/template.xlsx", "/api/assessments/template.xlsx" })
	ResponseEntity<byte[]> template(@RequestParam String set, @RequestParam(required = false) Integer version,
			@RequestParam String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) throws IOException {
		access.requireRead(unit);
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		CriteriaSetDefinition definition = version != null ? catalog.definition(set, version)
				: catalog.versionOn(set, day).or(() -> catalog.current(set))
					.orElseThrow(() -> new AssessmentException("Không có bộ tiêu chí " + set));
		int level = definition.tier().unitLevel();
		List<Unit> rows = units.subtree(unit, day).stream().filter(u -> u.level() == level).toList();
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("mau-nhap-" + definition.code() + "-" + unit + ".xlsx").build().toString())
			.body(AssessmentWorkbook.template(definition, rows));
	}

	@PostMapping("/assessments/import")
	String upload(@RequestParam("file") MultipartFile file,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "SELF") RoundKind kind, Model model) throws IOException {
		model.addAttribute("sets", catalog.list().stream().filter(s -> s.status() != SetStatus.DRAFT).toList());
		model.addAttribute("fileName", file.getOriginalFilename());
		AssessmentImport.Result result = run(file, asOf, kind);
		model.addAttribute("result", result);
		return "assessment/import";
	}

	@PostMapping(path = "/api/assessments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@Operation(summary = "Import a filled template (multipart 'file', 'asOf', 'kind'): all or nothing, problems by sheet and cell")
	ResponseEntity<Map<String, Object>> api(@RequestParam("file") MultipartFile file,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "SELF") RoundKind kind) throws IOException {
		AssessmentImport.Result result = run(file, asOf, kind);
		return ResponseEntity.status(result.ok() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("created", result.created(), "updated", result.updated(), "rounds", result.rounds(), "problems", result.problems()));
	}

	private AssessmentImport.Result run(MultipartFile file, LocalDate asOf, RoundKind kind) throws IOException {
		if (file.isEmpty()) {
			return AssessmentImport.Result.refused(List.of(new AssessmentWorkbook.CellProblem("", "", "Chưa chọn tệp, hoặc tệp trống")));
		}
		if (file.getSize() > MAX_BYTES) {
			return AssessmentImport.Result.refused(List.of(new AssessmentWorkbook.CellProblem("", "", "Tệp lớn hơn giới hạn 10 MB")));
		}
		try {
			return heavyWork.run(() -> importer.importWorkbook(file.getInputStream(), asOf, kind));
		}
		catch (RuntimeException | IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
