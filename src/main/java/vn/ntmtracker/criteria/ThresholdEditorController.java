package vn.ntmtracker.criteria;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an administrator uses to put a province's official values in: a form per indicator, the XLSX threshold sheet
 * (download, fill, upload), the confirmation before publishing that names every change, and the choice of a
 * province's current set per tier. Every write makes or changes a draft; nothing is in force before it is published.
 */
@Controller
class ThresholdEditorController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

	/** Empty rows offered under the existing ones in the form, to add values. */
	static final int SPARE_ROWS = 4;

	private final CriteriaCatalog catalog;

	private final List<PublicationImpact> impacts;

	ThresholdEditorController(CriteriaCatalog catalog, List<PublicationImpact> impacts) {
		this.catalog = catalog;
		this.impacts = impacts;
	}

	// ---- XLSX threshold sheet ---------------------------------------------------------------------------------

	@GetMapping("/criteria/{code}/thresholds.xlsx")
	ResponseEntity<byte[]> download(@PathVariable String code, @RequestParam int version) {
		CriteriaCatalog.StoredVersion stored = catalog.stored(code, version)
			.orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("nguong-" + code + "-v" + version + ".xlsx").build().toString())
			.body(ThresholdWorkbook.write(stored.definition(), stored.rowVersion()));
	}

	@PostMapping("/criteria/{code}/thresholds")
	@PreAuthorize("hasRole('ADMIN')")
	String upload(@PathVariable String code, @RequestParam int version, @RequestParam("file") MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		List<ThresholdRows.Problem> problems = new ArrayList<>();
		Optional<ThresholdWorkbook.Upload> upload = Optional.empty();
		if (file.isEmpty()) {
			problems.add(new ThresholdRows.Problem("", "Chưa chọn tệp, hoặc tệp trống"));
		}
		else if (file.getSize() > MAX_UPLOAD_BYTES) {
			problems.add(new ThresholdRows.Problem("", "Tệp lớn hơn giới hạn 5 MB của bảng ngưỡng"));
		}
		else {
			upload = ThresholdWorkbook.read(file.getInputStream(), (c, v) -> catalog.stored(c, v).map(CriteriaCatalog.StoredVersion::definition), problems);
		}
		if (upload.isPresent() && !upload.get().base().code().equals(code)) {
			problems.add(new ThresholdRows.Problem("", "Bảng ngưỡng này thuộc bộ " + upload.get().base()
					+ ", không phải bộ " + code + "; hãy tải lên ở trang của bộ đó"));
		}
		if (problems.isEmpty()) {
			ThresholdWorkbook.Upload sheet = upload.orElseThrow();
			try {
				CriteriaCatalog.Edit edit = catalog.edit(code, sheet.base().version(), sheet.rowVersion(), sheet::applyTo,
						"xlsx:" + file.getOriginalFilename());
				redirect.addFlashAttribute("message", edit.newDraft() ? "criteria.uploadedNew" : "criteria.uploadedDraft");
				return "redirect:/criteria/" + code + "/publish?version=" + edit.draft().version();
			}
			catch (CriteriaEditException | ConcurrentEditException ex) {
				problems.add(new ThresholdRows.Problem("", ex.getMessage()));
			}
		}
		model.addAttribute("set", catalog.definition(code, version));
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("problems", problems);
		return "criteria/upload";
	}

	// ---- form per indicator -----------------------------------------------------------------------------------

	/** One row of the form as shown: what is stored, or what was typed when the form comes back with errors. */
	record FormRow(String key, String year, String value, String source, String date, boolean verified, String note) {
	}

	@GetMapping("/criteria/{code}/indicator")
	@PreAuthorize("hasRole('ADMIN')")
	String form(@PathVariable String code, @RequestParam int version, @RequestParam String indicator, Model model) {
		CriteriaCatalog.StoredVersion stored = catalog.stored(code, version)
			.orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		Indicator current = stored.definition().indicator(indicator)
			.orElseThrow(() -> new CriteriaEditException("Bộ tiêu chí " + code + " không có chỉ tiêu " + indicator));
		List<FormRow> rows = new ArrayList<>();
		for (Threshold t : current.thresholds()) {
			Provenance p = t.provenance();
			rows.add(new FormRow(ThresholdText.keyCell(t), t.year() == null ? "" : t.year().toString(),
					ThresholdText.number(t.value()), p == null ? "" : p.source(),
					p == null ? "" : ThresholdText.date(p.date()), p != null && p.verified(), p == null ? "" : p.note()));
		}
		for (int i = 0; i < SPARE_ROWS; i++) {
			rows.add(new FormRow(ThresholdText.GENERAL, "", "", "", "", false, ""));
		}
		fill(model, stored, current, rows, current.name(), current.description(), current.kind(), current.unit(),
				current.notApplicableAllowed());
		return "criteria/indicator";
	}

	@PostMapping("/criteria/{code}/indicator")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@PathVariable String code, @RequestParam int version, @RequestParam String indicator,
			@RequestParam int rowVersion, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		CriteriaCatalog.StoredVersion stored = catalog.stored(code, version)
			.orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		CriteriaSetDefinition set = stored.definition();
		Indicator current = set.indicator(indicator)
			.orElseThrow(() -> new CriteriaEditException("Bộ tiêu chí " + code + " không có chỉ tiêu " + indicator));
		List<ThresholdRows.Problem> problems = new ArrayList<>();
		String name = form.getFirst("name") == null ? "" : form.getFirst("name").strip();
		String description = blankToNull(form.getFirst("description"));
		ValueKind kind = current.kind();
		try {
			kind = ValueKind.valueOf(form.getFirst("kind"));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new ThresholdRows.Problem("Cách đo", "chọn một cách đo trong danh sách"));
		}
		String unit = blankToNull(form.getFirst("unit"));
		boolean notApplicable = form.containsKey("notApplicableAllowed");
		if (name.isEmpty()) {
			problems.add(new ThresholdRows.Problem("Tên chỉ tiêu", "không được để trống"));
		}
		if (kind.needsUnit() && unit == null) {
			problems.add(new ThresholdRows.Problem("Đơn vị", "cách đo \"" + kind.label() + "\" cần đơn vị (ví dụ triệu đồng/người/năm)"));
		}
		if (notApplicable && current.code().matches(".*[a-z]$")) {
			problems.add(new ThresholdRows.Problem("(nếu có)", "chỉ ghi \"nếu có\" cho cả chỉ tiêu, không cho một phần của chỉ tiêu"));
		}
		List<ThresholdRows.Row> typed = new ArrayList<>();
		List<FormRow> echo = new ArrayList<>();
		int count = parseInt(form.getFirst("rows"));
		for (int i = 0; i < count; i++) {
			String line = "Dòng " + (i + 1);
			Map<String, String> cells = new LinkedHashMap<>();
			cells.put(ThresholdRows.KEY, line + ", cột Áp dụng cho");
			cells.put(ThresholdRows.YEAR, line + ", cột Năm");
			cells.put(ThresholdRows.VALUE, line + ", cột Giá trị");
			cells.put(ThresholdRows.SOURCE, line + ", cột Văn bản nguồn");
			cells.put(ThresholdRows.DATE, line + ", cột Ngày văn bản");
			cells.put(ThresholdRows.VERIFIED, line + ", cột Đã xác minh");
			cells.put(ThresholdRows.NOTE, line + ", cột Ghi chú");
			String verified = form.containsKey("t" + i + ".verified") ? "Có" : "Không";
			ThresholdRows.Row row = new ThresholdRows.Row(line, cells, form.getFirst("t" + i + ".key"),
					form.getFirst("t" + i + ".year"), form.getFirst("t" + i + ".value"), form.getFirst("t" + i + ".source"),
					form.getFirst("t" + i + ".date"), verified, form.getFirst("t" + i + ".note"));
			typed.add(row);
			echo.add(new FormRow(nz(row.key()), nz(row.year()), nz(row.value()), nz(row.source()), nz(row.date()),
					"Có".equals(verified), nz(row.note())));
		}
		Indicator shape = new Indicator(current.code(), name, kind, kind.needsUnit() ? unit : null, notApplicable,
				current.sector(), current.provenance(), List.of(), description, current.parts(), current.computedFrom());
		List<Threshold> thresholds = kind.needsThreshold()
				? ThresholdRows.parse(set.thresholdKeying(), shape, typed, problems)
				: List.of();
		if (!kind.needsThreshold() && typed.stream().anyMatch(r -> !ThresholdRows.empty(r.value()))) {
			problems.add(new ThresholdRows.Problem("", "Cách đo \"" + kind.label() + "\" không có giá trị ngưỡng; xóa các giá trị, hoặc chọn cách đo khác"));
		}
		if (problems.isEmpty()) {
			Indicator changed = shape.withThresholds(thresholds);
			try {
				CriteriaCatalog.Edit edit = catalog.edit(code, version, rowVersion, s -> s.withIndicator(changed),
						"form:" + current.code());
				redirect.addFlashAttribute("message", edit.newDraft() ? "criteria.formNewDraft" : "criteria.formSaved");
				return "redirect:/criteria/" + code + "/publish?version=" + edit.draft().version();
			}
			catch (CriteriaEditException | ConcurrentEditException ex) {
				problems.add(new ThresholdRows.Problem("", ex.getMessage()));
			}
		}
		model.addAttribute("problems", problems);
		fill(model, stored, current, echo, name, description, kind, unit, notApplicable);
		model.addAttribute("rowVersion", rowVersion);
		return "criteria/indicator";
	}

	private void fill(Model model, CriteriaCatalog.StoredVersion stored, Indicator indicator, List<FormRow> rows,
			String name, String description, ValueKind kind, String unit, boolean notApplicable) {
		CriteriaSetDefinition set = stored.definition();
		model.addAttribute("set", set);
		model.addAttribute("stored", stored);
		model.addAttribute("indicator", indicator);
		model.addAttribute("criterion", set.criterionOf(indicator.code()).orElse(null));
		model.addAttribute("rows", rows);
		model.addAttribute("name", name);
		model.addAttribute("description", description);
		model.addAttribute("kind", kind);
		model.addAttribute("unit", unit);
		model.addAttribute("notApplicable", notApplicable);
		model.addAttribute("kinds", ValueKind.values());
		model.addAttribute("keys", keyChoices(set.thresholdKeying()));
		model.addAttribute("rowVersion", stored.rowVersion());
	}

	private static List<String> keyChoices(ThresholdKeying keying) {
		List<String> keys = new ArrayList<>();
		keys.add(ThresholdText.GENERAL);
		if (keying == ThresholdKeying.REGION) {
			for (Region region : Region.values()) {
				keys.add(region.abbreviation());
			}
		}
		else if (keying == ThresholdKeying.COMMUNE_GROUP) {
			for (CommuneGroup group : CommuneGroup.values()) {
				keys.add("Nhóm " + group.number());
			}
		}
		return keys;
	}

	// ---- confirmation before publishing -----------------------------------------------------------------------

	@GetMapping("/criteria/{code}/publish")
	@PreAuthorize("hasRole('ADMIN')")
	String confirm(@PathVariable String code, @RequestParam int version, Model model) {
		CriteriaCatalog.StoredVersion stored = catalog.stored(code, version)
			.orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		model.addAttribute("set", stored.definition());
		model.addAttribute("stored", stored);
		model.addAttribute("changes", catalog.changesOf(code, version));
		model.addAttribute("validation", CriteriaSetValidator.validate(stored.definition()));
		model.addAttribute("impact", stored.status() == SetStatus.DRAFT
				? impacts.stream().flatMap(i -> i.of(stored.definition()).stream()).toList() : List.of());
		return "criteria/publish";
	}

	// ---- a province's current set per tier ----------------------------------------------------------------------

	@GetMapping("/criteria/provinces")
	@PreAuthorize("hasRole('ADMIN')")
	String provinces(Model model) {
		model.addAttribute("choices", catalog.provinceChoices());
		return "criteria/provinces";
	}

	@PostMapping("/criteria/provinces")
	@PreAuthorize("hasRole('ADMIN')")
	String choose(@RequestParam String provinceCode, @RequestParam Tier tier,
			@RequestParam(required = false) String setCode, @RequestParam int rowVersion, RedirectAttributes redirect) {
		try {
			catalog.chooseProvinceSet(provinceCode, tier, setCode, rowVersion);
			redirect.addFlashAttribute("message", "criteria.provinceChosen");
		}
		catch (CriteriaEditException | ConcurrentEditException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/criteria/provinces";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

	private static int parseInt(String text) {
		try {
			return Math.min(Integer.parseInt(text), 200);
		}
		catch (NumberFormatException | NullPointerException ex) {
			return 0;
		}
	}
}
