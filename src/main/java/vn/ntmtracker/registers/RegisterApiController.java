package vn.ntmtracker.registers;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API of the registers. Every call is scoped by the caller's reach and the personal-data policy, and written to
 * the audit log (reads as READ, exports as EXPORT with their purpose).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Sổ theo dõi", description = "Households and poverty, OCOP products, model residential areas and gardens; values computed for indicators")
class RegisterApiController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Households households;
	private final HouseholdImport imports;
	private final OcopProducts ocop;
	private final ModelAreas modelAreas;
	private final RegisterIndicators indicators;
	private final RegisterAudit audit;
	private final Clock clock;

	RegisterApiController(Households households, HouseholdImport imports, OcopProducts ocop, ModelAreas modelAreas,
			RegisterIndicators indicators, RegisterAudit audit, Clock clock) {
		this.households = households;
		this.imports = imports;
		this.ocop = ocop;
		this.modelAreas = modelAreas;
		this.indicators = indicators;
		this.audit = audit;
		this.clock = clock;
	}

	/** Counts of a year: households with a status, poor, near-poor, the poverty rate and the share of insured members (%). */
	record Summary(long households, long poor, long nearPoor, BigDecimal povertyRate, BigDecimal insuredShare) {
	}

	record HouseholdRow(long id, String villageCode, String code, String headName, String address, int year, PovertyStatus status,
			int members, int insuredMembers, Boolean housingStandard, Boolean cleanWater, List<Integer> deprivations,
			String cadre, boolean demo) {

		static HouseholdRow of(HouseholdStore.ListRow row) {
			HouseholdYear y = row.entry();
			return new HouseholdRow(row.id(), row.villageCode(), row.code(), row.maskedName(), row.address(), y.year(), y.status(),
					y.members(), y.insuredMembers(), y.housingStandard(), y.cleanWater(),
					y.deprivations().stream().map(Deprivation::number).sorted().toList(), y.cadre(), row.demo());
		}
	}

	record HouseholdPage(List<HouseholdRow> content, int page, int size, long totalElements, String note) {
	}

	record YearView(int year, PovertyStatus status, int members, int insuredMembers, Boolean housingStandard,
			Boolean cleanWater, List<Integer> deprivations, String cadre, String note, int version, Long importId) {
	}

	record HouseholdDetail(long id, String villageCode, String code, String headName, String idNumber, String address,
			boolean demo, int version, List<YearView> years) {
	}

	record Change(long id, String villageCode, String code, String headName, PovertyStatus before, PovertyStatus after,
			PovertyChange change) {
	}

	record Changes(int year, Map<PovertyChange, Long> counts, List<Change> households) {
	}

	record TrendPoint(int year, long households, long poor, long nearPoor, BigDecimal povertyRate, BigDecimal nearPovertyRate) {
	}

	record ExportRequest(Integer year, String purpose) {
	}

	record OcopProduct(long id, String name, String ownerName, OcopProducts.OwnerKind ownerKind, OcopCategory category,
			String communeCode, int stars, String certificateNumber, LocalDate issuedOn, LocalDate validUntil,
			LocalDate reEvaluationDue, boolean valid, boolean expiringSoon, Long daysLeft, int version, boolean demo) {

		static OcopProduct of(OcopProducts.ProductOn p) {
			OcopProducts.Product product = p.product();
			OcopProducts.Certificate c = p.certificate();
			return new OcopProduct(product.id(), product.name(), product.ownerName(), product.ownerKind(), product.category(),
					product.communeCode(), c.stars(), c.number(), c.issuedOn(), c.validUntil(), c.reEvaluationDue(), p.valid(),
					p.expiring(), p.daysLeft(), product.version(), product.demo());
		}
	}

	record OcopListing(String unitCode, LocalDate asOf, long validProducts, List<OcopProduct> products) {
	}

	record NewOcopProduct(String name, String ownerName, OcopProducts.OwnerKind ownerKind, String category,
			String certificateNumber, LocalDate issuedOn, Integer stars) {
	}

	record NewCertificate(Integer version, String certificateNumber, LocalDate issuedOn, Integer stars) {
	}

	record ModelAreaView(long id, String villageCode, ModelAreas.Kind kind, String name, String setCode, String decisionNumber,
			LocalDate recognisedOn, LocalDate revokedOn, boolean recognised, int version, boolean demo) {
	}

	record ModelAreaListing(String unitCode, LocalDate asOf, int villages, int villagesWithResidentialArea,
			BigDecimal villageShare, long residentialAreas, long gardens, List<ModelAreaView> areas) {
	}

	record NewModelArea(ModelAreas.Kind kind, String name, String setCode, String decisionNumber, LocalDate recognisedOn,
			String note) {
	}

	record Revocation(Integer version, LocalDate revokedOn, String reason) {
	}

	record FromRegister(Integer version, Boolean judgement, String override, String reason) {
	}

	record ComputationView(String indicatorCode, String indicatorName, String register, String rule, BigDecimal figure,
			long numerator, Long denominator, String value, String evidence, String storedValue, String storedEvidence,
			boolean current, boolean judgedByAssessor) {

		static ComputationView of(RegisterIndicators.Computation c) {
			return new ComputationView(c.indicatorCode(), c.indicatorName(), c.binding().register().name(),
					c.binding().rule().name(), c.figure().value(), c.figure().numerator(), c.figure().denominator(), c.value(),
					c.evidence(), c.storedValue(), c.storedEvidence(), c.current(), c.judgedByAssessor());
		}
	}

	// ---- households -------------------------------------------------------------------------------------------------

	@GetMapping("/units/{code}/households/summary")
	@Operation(summary = "Household counts of a year over the unit's villages (counts only: open to every reader of the unit)")
	Summary summary(@PathVariable String code, @RequestParam(required = false) Integer year) {
		int y = year != null ? year : households.years(code).get(0);
		HouseholdStore.Counts c = households.counts(code, y);
		audit.read("household_summary", code + "/" + y, code, Map.of("year", y));
		return new Summary(c.households(), c.poor(), c.nearPoor(), c.povertyRate(), c.insuredShare());
	}

	@GetMapping("/units/{code}/households")
	@Operation(summary = "Households of a year, names masked; only the commune and village roles of the unit (403 for counts-only readers)",
			description = "Filters: status (NGHEO, CAN_NGHEO, THOAT_NGHEO, KHONG), cadre, village, q (code, address, name; diacritics ignored)")
	HouseholdPage list(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) PovertyStatus status, @RequestParam(required = false) String cadre,
			@RequestParam(required = false) String village, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		int y = year != null ? year : households.years(code).get(0);
		Households.Page result = households.page(code, new HouseholdStore.Filter(y, status, cadre, village, q), page, size);
		audit.read("household_list", code + "/" + y, code, Map.of("year", y, "page", page, "rows", result.rows().size()));
		return new HouseholdPage(result.rows().stream().map(HouseholdRow::of).toList(), result.page(), result.size(), result.total(),
				"Tên chủ hộ được che; xem một hộ để thấy đầy đủ (được ghi nhật ký)");
	}

	@GetMapping("/households/{id}")
	@Operation(summary = "One household with its years, names in clear; every view is written to the audit log; 404 for those who may not see it")
	HouseholdDetail detail(@PathVariable long id) {
		Households.Detail d = households.detail(id);
		HouseholdStore.Row h = d.household();
		return new HouseholdDetail(h.id(), h.villageCode(), h.code(), h.headName(), h.idNumber(), h.address(), h.demo(),
				h.version(), d.years().values().stream().map(y -> new YearView(y.entry().year(), y.entry().status(),
						y.entry().members(), y.entry().insuredMembers(), y.entry().housingStandard(), y.entry().cleanWater(),
						y.entry().deprivations().stream().map(Deprivation::number).sorted().toList(), y.entry().cadre(),
						y.entry().note(), y.version(), y.importId())).toList());
	}

	@GetMapping("/units/{code}/households/changes")
	@Operation(summary = "Households that left poverty, fell into it, are new poor… between the year before and the year; households listed only for the unit's own roles")
	Changes changes(@PathVariable String code, @RequestParam int year) {
		Households.Changes c = households.changes(code, year);
		audit.read("household_changes", code + "/" + year, code, Map.of("year", year));
		return new Changes(year, c.counts(), c.households().stream().map(h -> new Change(h.id(), h.villageCode(), h.code(),
				h.maskedName(), h.before(), h.after(), h.change())).toList());
	}

	@GetMapping("/units/{code}/households/trend")
	@Operation(summary = "Households, poor, near-poor and rates per recorded year")
	List<TrendPoint> trend(@PathVariable String code) {
		audit.read("household_trend", code, code, Map.of());
		return households.trend(code).stream().map(c -> new TrendPoint(c.year(), c.households(), c.poor(), c.nearPoor(),
				c.povertyRate(), c.nearPovertyRate())).toList();
	}

	@GetMapping("/units/{code}/households/template.xlsx")
	@Operation(summary = "The import workbook for the unit and year (blank, with the unit's village codes)")
	ResponseEntity<byte[]> template(@PathVariable String code, @RequestParam int year) {
		return xlsx(households.template(code, year), "so-ho-" + code + "-" + year + ".xlsx");
	}

	@PostMapping(path = "/units/{code}/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a year of households from the workbook: all or nothing, 422 with {sheet, cell, message} per problem")
	HouseholdImport.Result importFile(@PathVariable String code, @RequestParam int year, @RequestPart("file") MultipartFile file)
			throws IOException {
		return imports.importFile(code, year, file.getOriginalFilename(), file.getInputStream(), file.getSize());
	}

	@PostMapping("/units/{code}/households/export")
	@Operation(summary = "Households with personal data as a workbook, for a stated purpose (≥ 10 characters) recorded in the audit log")
	ResponseEntity<byte[]> export(@PathVariable String code, @RequestBody ExportRequest request) {
		int year = request.year() != null ? request.year() : households.years(code).get(0);
		return xlsx(households.export(code, year, request.purpose()), "so-ho-" + code + "-" + year + ".xlsx");
	}

	// ---- OCOP -------------------------------------------------------------------------------------------------------

	@GetMapping("/units/{code}/ocop")
	@Operation(summary = "OCOP products of the unit's communes as they stood on a day (default today): the number valid, each with expiry and re-evaluation due")
	OcopListing ocop(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
		OcopProducts.Listing listing = ocop.list(code, day);
		audit.read("ocop_list", code + "/" + day, code, Map.of("asOf", day.toString()));
		return new OcopListing(code, day, listing.validCount(), listing.products().stream().map(OcopProduct::of).toList());
	}

	@PostMapping("/units/{code}/ocop")
	@Operation(summary = "Record an OCOP product of a commune with its certificate (valid 36 months)")
	ResponseEntity<Map<String, Object>> newOcop(@PathVariable String code, @RequestBody NewOcopProduct body) {
		long id = ocop.create(code, body.name(), body.ownerName(), body.ownerKind(),
				body.category() == null ? null : OcopCategory.parse(body.category()).orElse(null), body.certificateNumber(),
				body.issuedOn(), body.stars(), false);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	@PostMapping("/ocop/{id}/certificates")
	@Operation(summary = "Record a re-evaluation: a new certificate for the product (409 when the product changed since it was read)")
	Map<String, Object> reEvaluate(@PathVariable long id, @RequestBody NewCertificate body) {
		ocop.addCertificate(id, body.certificateNumber(), body.issuedOn(), body.stars(), body.version() == null ? -1 : body.version());
		return Map.of("id", id);
	}

	@GetMapping("/ocop/due")
	@Operation(summary = "Due items: OCOP certificates valid on the day (default today) that lapse within 90 days, soonest first")
	List<DueItem> due(@RequestParam String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
		List<DueItem> due = ocop.due(unit, day);
		audit.read("ocop_due", unit + "/" + day, unit, Map.of("asOf", day.toString()));
		return due;
	}

	// ---- model areas --------------------------------------------------------------------------------------------

	@GetMapping("/units/{code}/model-areas")
	@Operation(summary = "Model residential areas and gardens of the unit's villages and the counts recognised on a day")
	ModelAreaListing modelAreas(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
		ModelAreas.Counts counts = modelAreas.counts(code, day);
		audit.read("model_area_list", code + "/" + day, code, Map.of("asOf", day.toString()));
		return new ModelAreaListing(code, day, counts.villages(), counts.withArea().size(), counts.villageShare(),
				counts.residentialAreas(), counts.gardens(), modelAreas.list(code, day).stream()
					.map(a -> new ModelAreaView(a.id(), a.villageCode(), a.kind(), a.name(), a.setCode(), a.decisionNumber(),
							a.recognisedOn(), a.revokedOn(), a.recognisedOn(day), a.version(), a.demo())).toList());
	}

	@PostMapping("/units/{code}/model-areas")
	@Operation(summary = "Record a model residential area or garden of a village (the code is the village) with its recognition decision")
	ResponseEntity<Map<String, Object>> newModelArea(@PathVariable String code, @RequestBody NewModelArea body) {
		long id = modelAreas.create(code, body.kind(), body.name(), body.setCode(), body.decisionNumber(), body.recognisedOn(),
				body.note(), false);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	@PostMapping("/model-areas/{id}/revocation")
	@Operation(summary = "Record that a model area lost its recognition from a day, with the reason")
	Map<String, Object> revoke(@PathVariable long id, @RequestBody Revocation body) {
		modelAreas.revoke(id, body.revokedOn(), body.reason(), body.version() == null ? -1 : body.version());
		return Map.of("id", id);
	}

	// ---- indicators -------------------------------------------------------------------------------------------------

	@GetMapping("/assessments/{id}/values/{indicator}/from-register")
	@Operation(summary = "What computing the indicator from its register would give now, beside the stored value")
	ComputationView preview(@PathVariable long id, @PathVariable String indicator) {
		RegisterIndicators.Computation c = indicators.preview(id, indicator);
		audit.read("register_computation", id + "/" + indicator, null, Map.of("rule", c.binding().rule().name()));
		return ComputationView.of(c);
	}

	@PostMapping("/assessments/{id}/values/{indicator}/from-register")
	@Operation(summary = "Fill the indicator from its register: the value, and the formula, counts and date as evidence; "
			+ "override with {override, reason}; judgement (true/false) for an indicator judged on evidence without a condition")
	ComputationView fill(@PathVariable long id, @PathVariable String indicator, @RequestBody FromRegister body) {
		return ComputationView.of(indicators.fill(id, indicator, body.version() == null ? -1 : body.version(), body.judgement(),
				body.override(), body.reason()));
	}

	static ResponseEntity<byte[]> xlsx(byte[] bytes, String fileName) {
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}
}
