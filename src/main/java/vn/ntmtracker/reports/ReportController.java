package vn.ntmtracker.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Permission;

/**
 * Pages: the drafts list and a new draft; the editor of a draft (header, signature, recipients and the free-text
 * sections beside a live preview) with downloads and issuing; the template editor for administrators.
 */
@Controller
class ReportController {

	private final ReportKinds kinds;
	private final ReportDrafts drafts;
	private final ReportTemplates templates;
	private final Issuers issuers;
	private final Authorization authorization;
	private final Clock clock;

	ReportController(ReportKinds kinds, ReportDrafts drafts, ReportTemplates templates, Issuers issuers, Authorization authorization,
			Clock clock) {
		this.kinds = kinds;
		this.drafts = drafts;
		this.templates = templates;
		this.issuers = issuers;
		this.authorization = authorization;
		this.clock = clock;
	}

	@GetMapping("/reports")
	String list(Model model) {
		model.addAttribute("kinds", kinds.all());
		model.addAttribute("drafts", drafts.list(100));
		model.addAttribute("labels", labels());
		model.addAttribute("mayManageTemplates", authorization.may(Permission.MANAGE_REPORT_TEMPLATES,
				Authorization.Target.system(LocalDate.now(clock))));
		return "reports/list";
	}

	@PostMapping("/reports/drafts")
	String create(@RequestParam String kind, @RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long plan, @RequestParam(required = false) Long document, RedirectAttributes redirect) {
		try {
			long id = drafts.create(kind, new ReportKind.Request(blankToNull(unit), from, to, plan, document));
			return "redirect:/reports/drafts/" + id;
		}
		// a subject the user may not read is not found (404), as everywhere; only the draft's own refusals come back here
		catch (ReportException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/reports";
		}
	}

	@GetMapping("/reports/drafts/{id}")
	String edit(@PathVariable long id, Model model) {
		ReportDrafts.Loaded loaded = drafts.load(id);
		show(loaded, loaded.draft(), loaded.editableTexts(), model);
		return "reports/draft";
	}

	private void show(ReportDrafts.Loaded loaded, ReportDraft draft, Map<String, String> texts, Model model) {
		model.addAttribute("loaded", loaded);
		model.addAttribute("draft", draft);
		model.addAttribute("texts", texts);
		model.addAttribute("sections", loaded.template().template().freeSections());
		model.addAttribute("kindLabel", loaded.kind().label());
		model.addAttribute("mayEdit", drafts.mayEdit(loaded.draft()));
		model.addAttribute("mayIssue", drafts.mayIssue(loaded.draft()));
		List<vn.ntmtracker.directives.Organisation> organisations = new java.util.ArrayList<>(issuers.organisationsOf(loaded.draft().unitCode()));
		if (draft.issuerId() != null && organisations.stream().noneMatch(o -> o.id() == draft.issuerId())) {
			issuers.organisation(draft.issuerId()).ifPresent(organisations::add);
		}
		model.addAttribute("organisations", organisations);
		model.addAttribute("defaults", loaded.model().defaults());
		model.addAttribute("template", loaded.template());
		// The preview travels inside the page (srcdoc): framing another URL of the app is refused by its frame policy.
		model.addAttribute("previewHtml", HtmlWriter.write(loaded.document(!loaded.draft().issued())));
	}

	@PostMapping("/reports/drafts/{id}")
	String save(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> texts = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			if (key.startsWith("text.")) {
				texts.put(key.substring(5), value);
			}
		});
		ReportDraft.Edit edit = new ReportDraft.Edit(parseLong(form.get("issuerId")), form.get("superiorBody"), form.get("issuingBody"),
				form.get("issuerCode"), form.get("place"), parseDate(form.get("issuedOn")), form.get("summary"), form.get("signatureAuthority"),
				form.get("signatureTitle"), form.get("signerName"), form.get("recipients"), texts);
		try {
			drafts.save(id, version, edit);
			redirect.addFlashAttribute("message", "saved");
			return "redirect:/reports/drafts/" + id;
		}
		catch (ReportException | StaleDraftException ex) {
			ReportDrafts.Loaded loaded = drafts.load(id);
			show(loaded, loaded.draft(), texts, model);
			model.addAttribute("error", ex.getMessage());
			return "reports/draft";
		}
	}

	@PostMapping("/reports/drafts/{id}/issue")
	String issue(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		try {
			ReportDraft issued = drafts.issue(id, version);
			redirect.addFlashAttribute("issued", issued.numberText());
		}
		catch (ReportException | StaleDraftException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/reports/drafts/" + id;
	}

	@GetMapping("/reports/drafts/{id}/preview")
	ResponseEntity<byte[]> preview(@PathVariable long id) {
		return ResponseEntity.ok().contentType(Rendered.Format.HTML.mediaType)
			.body(draftFile(drafts, id, Rendered.Format.HTML).bytes());
	}

	@GetMapping("/reports/drafts/{id}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format) {
		return ReportApiController.file(draftFile(drafts, id, Rendered.Format.parse(format, Rendered.Format.DOCX, Rendered.Format.PDF)));
	}

	static Rendered draftFile(ReportDrafts drafts, long id, Rendered.Format format) {
		ReportDrafts.Loaded loaded = drafts.load(id);
		OfficialDocument document = loaded.document(!loaded.draft().issued());
		DocumentNumber number = new DocumentNumber(document.layout(), loaded.draft().number() != null ? loaded.draft().number()
				: loaded.model().defaults().number(), loaded.template().template().typeCode(), loaded.draft().header().issuerCode());
		return Reports.write(document, format, Reports.fileName(loaded.kind(), loaded.model(), document, number));
	}

	@GetMapping("/reports/templates")
	String templateList(Model model) {
		authorization.require(Permission.MANAGE_REPORT_TEMPLATES, Authorization.Target.system(LocalDate.now(clock)));
		model.addAttribute("kinds", kinds.all());
		return "reports/templates";
	}

	@GetMapping("/reports/templates/{kind}")
	String template(@PathVariable String kind, @RequestParam(defaultValue = ReportTemplates.NATIONAL) String scope, Model model) {
		authorization.require(Permission.MANAGE_REPORT_TEMPLATES, Authorization.Target.system(LocalDate.now(clock)));
		ReportKind reportKind = kinds.require(kind);
		ReportTemplates.Version current = templates.current(kind, ReportTemplates.NATIONAL.equals(scope) ? null : scope);
		int latest = templates.latestNumber(kind, scope);
		templateModel(model, reportKind, scope, current.body(), latest, current);
		return "reports/template";
	}

	@PostMapping("/reports/templates/{kind}")
	String saveTemplate(@PathVariable String kind, @RequestParam(defaultValue = ReportTemplates.NATIONAL) String scope,
			@RequestParam int version, @RequestParam String body, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		ReportKind reportKind = kinds.require(kind);
		try {
			ReportTemplates.Version saved = templates.save(kind, scope, version, body, note);
			redirect.addFlashAttribute("message", saved.version());
			return "redirect:/reports/templates/" + kind + "?scope=" + scope;
		}
		catch (ReportTemplates.TemplateRefusedException ex) {
			templateModel(model, reportKind, scope, body, version, templates.current(kind, ReportTemplates.NATIONAL.equals(scope) ? null : scope));
			model.addAttribute("errors", ex.errors());
			return "reports/template";
		}
		catch (StaleDraftException | ReportException ex) {
			templateModel(model, reportKind, scope, body, version, templates.current(kind, ReportTemplates.NATIONAL.equals(scope) ? null : scope));
			model.addAttribute("errors", List.of(ex.getMessage()));
			return "reports/template";
		}
	}

	private void templateModel(Model model, ReportKind kind, String scope, String body, int baseVersion, ReportTemplates.Version current) {
		model.addAttribute("kind", kind);
		model.addAttribute("scope", scope);
		model.addAttribute("body", body);
		model.addAttribute("baseVersion", baseVersion);
		model.addAttribute("current", current);
		model.addAttribute("history", templates.history(kind.key(), scope));
		model.addAttribute("catalogue", kind.catalogue());
	}

	private Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		kinds.all().forEach(k -> labels.put(k.key(), k.label()));
		return labels;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Long parseLong(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new ReportException("Cơ quan ban hành (issuerId): '" + text + "' không phải mã tổ chức");
		}
	}

	private static LocalDate parseDate(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new ReportException("Ngày ban hành (issuedOn): '" + text + "' không phải ngày");
		}
	}
}
