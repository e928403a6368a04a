package vn.ntmtracker.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntmtracker.security.Permission;

/** JSON API of the documents register, their directives and the organisations that issue and receive them. */
@RestController
@RequestMapping("/api")
@Tag(name = "Văn bản", description = "Documents register: conclusion notices, plans, resolutions… with their directives")
class DocumentApiController {

	private final DocumentRegister register;
	private final vn.ntmtracker.units.Units units;
	private final DirectiveDesk desk;
	private final DirectiveQueries queries;
	private final DirectiveAccess access;
	private final Attachments attachments;
	private final Organisations organisations;

	private final Clock clock;

	DocumentApiController(DocumentRegister register, DirectiveDesk desk, DirectiveQueries queries, DirectiveAccess access,
			Attachments attachments, Organisations organisations, vn.ntmtracker.units.Units units, Clock clock) {
		this.clock = clock;
		this.register = register;
		this.units = units;
		this.desk = desk;
		this.queries = queries;
		this.access = access;
		this.attachments = attachments;
		this.organisations = organisations;
	}

	record DocumentPayload(Integer version, Document.Kind kind, String number, LocalDate issuedOn, Integer issuedYear,
			Long issuerId, String signer, Document.SigningForm signingForm, String signerTitle, String subject,
			List<String> distribution, List<String> unitCodes, DirectiveApiController.FilePayload attachment,
			Long correctionOf, Document.ReceiptForm receipt) {

		DocumentForm form() {
			return new DocumentForm(kind, number, issuedOn, issuedYear, issuerId, signer, signingForm, signerTitle, subject,
					distribution == null ? null : String.join("\n", distribution), unitCodes);
		}
	}

	record DocumentDetail(Document document, String signingForm, List<Document.Link> links, List<Attachments.Info> attachments,
			List<Document.Receipt> receipts) {
	}

	record LinkPayload(Document.Relation relation, Long targetId) {
	}

	record Progress(Document document, BucketCounts buckets, List<DirectiveRow> directives) {
	}

	record OrganisationPayload(Integer version, String code, Organisation.Kind kind, String name, String unitCode) {
	}

	@GetMapping("/documents")
	@Operation(summary = "Documents in your reach, newest first; q searches number and subject (diacritics ignored)")
	DocumentRegister.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) Document.Kind kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return register.search(q, kind, Math.max(page, 0), Math.min(Math.max(size, 1), 500));
	}

	@GetMapping("/documents/{id}")
	@Operation(summary = "A document with its links and attachments")
	DocumentDetail get(@PathVariable long id) {
		return detail(register.readable(id));
	}

	@PostMapping("/documents")
	@Operation(summary = "Register a document (issuer's members or writers over the issuer's unit); issuedOn may be null "
			+ "with issuedYear given. The same document again (issuer, number, date) answers 409 with existingId, unless "
			+ "correctionOf names the document it corrects (it is then superseded). With receipt {organisationId, receivedOn, "
			+ "receivedFrom, incomingNumber} the document is registered as received by that body (văn bản đến).")
	ResponseEntity<DocumentDetail> create(@RequestBody DocumentPayload body) {
		List<Attachments.Upload> files = body.attachment() == null ? List.of() : List.of(body.attachment().upload());
		Document document = body.receipt() == null ? register.register(body.form(), files, body.correctionOf())
				: register.registerReceived(body.form(), files, body.receipt(), body.correctionOf());
		return ResponseEntity.status(HttpStatus.CREATED).body(detail(document));
	}

	@PostMapping("/documents/{id}/receipts")
	@Operation(summary = "Record that a body received a document already registered (văn bản đến): {organisationId, "
			+ "receivedOn, receivedFrom, incomingNumber}; members of the body or writers over its unit")
	ResponseEntity<Document.Receipt> receive(@PathVariable long id, @RequestBody Document.ReceiptForm body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(register.receive(id, body));
	}

	@PutMapping("/documents/{id}")
	@Operation(summary = "Edit a document; send the version you read (409 when someone saved in between)")
	DocumentDetail update(@PathVariable long id, @RequestBody DocumentPayload body) {
		if (body.version() == null) {
			throw new DirectiveRuleException("directive.error.versionRequired");
		}
		return detail(register.update(id, body.version(), body.form()));
	}

	@PostMapping("/documents/{id}/links")
	@Operation(summary = "Link the document to one it implements, answers or cites")
	DocumentDetail link(@PathVariable long id, @RequestBody LinkPayload body) {
		register.link(id, body.relation(), body.targetId() == null ? -1 : body.targetId());
		return detail(register.get(id));
	}

	@PostMapping("/documents/{id}/directives")
	@Operation(summary = "Add a directive or request (kind REQUEST with raisedByUnit and requestText) to a document; the deadline is the original wording")
	ResponseEntity<DirectiveRow> addDirective(@PathVariable long id, @RequestBody DirectiveForm body) {
		long directiveId = desk.create(id, body);
		return ResponseEntity.status(HttpStatus.CREATED).body(queries.one(directiveId, access.reach(), LocalDate.now(clock)));
	}

	@GetMapping("/documents/{id}/progress")
	@Operation(summary = "Progress of a document's directives as of a day: bucket counts and each directive")
	Progress progress(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		Document document = register.readable(id);
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		List<DirectiveRow> rows = queries.find(DirectiveFilter.asOf(day).forDocument(id), access.reach(), access.myOrganisations());
		return new Progress(document, DirectiveQueries.count(rows), rows);
	}

	@GetMapping("/documents/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download a document's attachment")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		register.readable(id);
		Attachments.Content content = attachments.content(attachmentId)
			.filter(c -> c.documentId() != null && c.documentId() == id)
			.orElseThrow(() -> new DocumentNotFoundException(id));
		return download(content);
	}

	@GetMapping("/directives/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment of a directive's progress report or completion")
	ResponseEntity<byte[]> directiveAttachment(@PathVariable long id, @PathVariable long attachmentId) {
		queries.one(id, access.reach(), LocalDate.now(clock));
		Attachments.Content content = attachments.content(attachmentId)
			.filter(c -> c.eventId() != null && attachments.directiveOfEvent(c.eventId()).orElse(-1L) == id)
			.orElseThrow(() -> new DirectiveNotFoundException(id));
		return download(content);
	}

	/** A photo's display copy, shown in the page (inline) and cached by the reader's browser only. */
	static ResponseEntity<byte[]> display(Attachments.Content content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
				.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.contentType(MediaType.parseMediaType(content.mediaType())).body(content.bytes());
	}

	static ResponseEntity<byte[]> download(Attachments.Content content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(content.mediaType())).body(content.bytes());
	}

	@GetMapping("/organisations")
	@Operation(summary = "Organisations (diacritics-insensitive search by name or code)")
	List<Organisation> organisations(@RequestParam(required = false) String q) {
		return q == null || q.isBlank() ? organisations.all() : organisations.search(q);
	}

	@PostMapping("/organisations")
	@Operation(summary = "Create an organisation attached to a unit (writers over that unit)")
	ResponseEntity<Organisation> createOrganisation(@RequestBody OrganisationPayload body) {
		if (body.unitCode() == null || !units.exists(body.unitCode())) {
			throw new DirectiveRuleException("document.error.unit", String.valueOf(body.unitCode()));
		}
		access.require(Permission.EDIT_ORGANISATION, body.unitCode(), LocalDate.now(clock));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(organisations.create(body.code(), body.kind(), body.name(), body.unitCode()));
	}

	@PutMapping("/organisations/{id}")
	@Operation(summary = "Rename an organisation; send the version you read (409 when stale)")
	Organisation updateOrganisation(@PathVariable long id, @RequestBody OrganisationPayload body) {
		Organisation organisation = organisations.require(id);
		access.require(Permission.EDIT_ORGANISATION, organisation.unitCode(), LocalDate.now(clock));
		if (body.version() == null) {
			throw new DirectiveRuleException("directive.error.versionRequired");
		}
		return organisations.update(id, body.version(), body.kind(), body.name());
	}

	private DocumentDetail detail(Document document) {
		return new DocumentDetail(document, document.signingForm() == null ? null : document.signingForm().printed(),
				register.links(document.id()), attachments.ofDocument(document.id()), register.receipts(document.id()));
	}
}
