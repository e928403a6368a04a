package vn.ntmtracker.directives;

import java.time.Clock;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the documents register: the list, registering a document, and a document's progress with its directives. */
@Controller
class DocumentController {

	private final DocumentRegister register;
	private final DirectiveDesk desk;
	private final DirectiveQueries queries;
	private final DirectiveAccess access;
	private final Organisations organisations;
	private final Attachments attachments;
	private final DirectiveMessages messages;

	private final Clock clock;

	DocumentController(DocumentRegister register, DirectiveDesk desk, DirectiveQueries queries, DirectiveAccess access,
			Organisations organisations, Attachments attachments, DirectiveMessages messages, Clock clock) {
		this.clock = clock;
		this.register = register;
		this.desk = desk;
		this.queries = queries;
		this.access = access;
		this.organisations = organisations;
		this.attachments = attachments;
		this.messages = messages;
	}

	@GetMapping("/documents")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Document.Kind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", register.search(q, kind, Math.max(page, 0), DirectiveController.PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", Document.Kind.values());
		return "directives/documents";
	}

	@GetMapping("/documents/new")
	String form(Model model) {
		model.addAttribute("kinds", Document.Kind.values());
		model.addAttribute("forms", Document.SigningForm.values());
		model.addAttribute("organisations", organisations.all());
		return "directives/document-form";
	}

	@PostMapping("/documents")
	String create(@RequestParam(required = false) Document.Kind kind, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) Integer issuedYear, @RequestParam(required = false) Long issuerId,
			@RequestParam(required = false) String signer, @RequestParam(required = false) Document.SigningForm signingForm,
			@RequestParam(required = false) String signerTitle, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String distribution, @RequestParam(required = false) String units,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long correctionOf, Model model,
			RedirectAttributes redirect) throws IOException {
		DocumentForm form = new DocumentForm(kind, number, issuedOn, issuedYear, issuerId, signer, signingForm, signerTitle,
				subject, distribution, codes(units));
		try {
			Attachments.Upload upload = DirectiveController.upload(file);
			Document document = register.register(form, upload == null ? List.of() : List.of(upload), correctionOf);
			redirect.addFlashAttribute("message", messages.text(correctionOf == null ? "document.registered" : "document.corrected"));
			return "redirect:/documents/" + document.id();
		}
		catch (DuplicateDocumentException ex) {
			// Nothing saved: the page names the existing document and offers to register this one as its correction.
			Document first = ex.existing().get(0);
			model.addAttribute("error", messages.text("document.error.duplicate", first.numberOrBlank(), first.dateText(),
					first.issuerName(), first.id()));
			model.addAttribute("existing", ex.existing());
			model.addAttribute("form", form);
			model.addAttribute("units", units);
			return form(model);
		}
		catch (DirectiveRuleException ex) {
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("form", form);
			model.addAttribute("units", units);
			return form(model);
		}
	}

	@GetMapping("/documents/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Document document = register.readable(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DocumentForm(document.kind(), document.number(), document.issuedOn(),
					document.issuedOn() == null ? document.issuedYear() : null, document.issuerId(), document.signer(),
					document.signingForm(), document.signerTitle(), document.subject(),
					String.join("\n", document.distribution()), document.unitCodes()));
			model.addAttribute("units", String.join(", ", document.unitCodes()));
			model.addAttribute("version", document.version());
		}
		model.addAttribute("doc", document);
		return form(model);
	}

	@PostMapping("/documents/{id}")
	String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Document.Kind kind,
			@RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) Integer issuedYear, @RequestParam(required = false) Long issuerId,
			@RequestParam(required = false) String signer, @RequestParam(required = false) Document.SigningForm signingForm,
			@RequestParam(required = false) String signerTitle, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String distribution, @RequestParam(required = false) String units, Model model,
			RedirectAttributes redirect) {
		DocumentForm form = new DocumentForm(kind, number, issuedOn, issuedYear, issuerId, signer, signingForm, signerTitle,
				subject, distribution, codes(units));
		try {
			register.update(id, version, form);
			redirect.addFlashAttribute("message", messages.text("document.updated"));
			return "redirect:/documents/" + id;
		}
		catch (DirectiveRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("error", ex instanceof DirectiveRuleException rule ? messages.of(rule)
					: messages.text("document.error.conflict"));
			model.addAttribute("form", form);
			model.addAttribute("units", units);
			model.addAttribute("version", version);
			return edit(id, model);
		}
	}

	@GetMapping("/documents/{id}")
	String show(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		Document document = register.readable(id);
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		List<DirectiveRow> rows = queries.find(DirectiveFilter.asOf(day).forDocument(id), access.reach(), access.myOrganisations());
		rows = new ArrayList<>(rows);
		rows.sort(java.util.Comparator.comparing(DirectiveRow::id));
		model.addAttribute("doc", document);
		model.addAttribute("asOf", day);
		model.addAttribute("rows", rows);
		model.addAttribute("counts", DirectiveQueries.count(rows));
		model.addAttribute("buckets", Bucket.values());
		model.addAttribute("links", register.links(id));
		model.addAttribute("files", attachments.ofDocument(id));
		model.addAttribute("mayEdit", !document.superseded() && register.mayEdit(document));
		model.addAttribute("receipts", register.receipts(id));
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("relations", java.util.Arrays.stream(Document.Relation.values())
			.filter(r -> r != Document.Relation.CORRECTS).toList());
		model.addAttribute("others", register.search(null, null, 0, 200).content().stream().filter(d -> d.id() != id).toList());
		return "directives/document";
	}

	@PostMapping("/documents/{id}/directives")
	String addDirective(@PathVariable long id, @RequestParam(defaultValue = "DIRECTIVE") Directive.Kind kind,
			@RequestParam(required = false) String ref, @RequestParam(required = false) String text,
			@RequestParam(required = false) String requestText, @RequestParam(required = false) String raisedByUnit,
			@RequestParam(required = false) Long leadId, @RequestParam(required = false) List<Long> cooperatingIds,
			@RequestParam(required = false) String person, @RequestParam(required = false) String units,
			@RequestParam(required = false) String setCode, @RequestParam(required = false) String criterionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedOn,
			@RequestParam(required = false) String deadline, @RequestParam(defaultValue = "false") boolean evidenceRequired,
			RedirectAttributes redirect) {
		List<String> targets = codes(units);
		if (targets.isEmpty()) {
			targets = register.get(id).unitCodes();
		}
		try {
			desk.create(id, new DirectiveForm(kind, ref, text, requestText, raisedByUnit, leadId, cooperatingIds, person, targets,
					setCode, criterionNumber, assignedOn, deadline, evidenceRequired));
			redirect.addFlashAttribute("message", messages.text("directive.created"));
		}
		catch (DirectiveRuleException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/documents/" + id;
	}

	@PostMapping("/documents/{id}/links")
	String link(@PathVariable long id, @RequestParam(required = false) Document.Relation relation,
			@RequestParam(required = false) Long targetId, RedirectAttributes redirect) {
		try {
			register.link(id, relation, targetId == null ? -1 : targetId);
			redirect.addFlashAttribute("message", messages.text("document.linked"));
		}
		catch (DirectiveRuleException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", messages.conflict());
		}
		return "redirect:/documents/" + id;
	}

	@GetMapping("/documents/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		register.readable(id);
		return DocumentApiController.download(attachments.content(attachmentId)
			.filter(c -> c.documentId() != null && c.documentId() == id)
			.orElseThrow(() -> new DocumentNotFoundException(id)));
	}

	@GetMapping("/documents/{id}/attachments/{attachmentId}/preview")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long attachmentId) {
		register.readable(id);
		return DocumentApiController.display(attachments.preview(attachmentId)
			.filter(c -> c.documentId() != null && c.documentId() == id)
			.orElseThrow(() -> new DocumentNotFoundException(id)));
	}

	@GetMapping("/organisations")
	String organisations(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("organisations", q == null || q.isBlank() ? organisations.all() : organisations.search(q));
		model.addAttribute("q", q);
		model.addAttribute("kinds", Organisation.Kind.values());
		return "directives/organisations";
	}

	@PostMapping("/organisations")
	String createOrganisation(@RequestParam String code, @RequestParam(required = false) Organisation.Kind kind,
			@RequestParam String name, @RequestParam String unitCode, RedirectAttributes redirect) {
		try {
			access.require(vn.ntmtracker.security.Permission.EDIT_ORGANISATION, unitCode, LocalDate.now(clock));
			organisations.create(code, kind, name, unitCode);
			redirect.addFlashAttribute("message", messages.text("organisation.created"));
		}
		catch (DirectiveRuleException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		catch (vn.ntmtracker.units.UnitNotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/organisations";
	}

	private static List<String> codes(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
