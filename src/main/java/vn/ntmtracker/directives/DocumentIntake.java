package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.security.Permission;

/**
 * What other modules may do with the documents register: list the organisations documents name, find a document
 * already registered, and register a document that arrived from outside (an imported file a person has reviewed) with
 * its file, directives and requests, in one transaction — as its issuer, or as a body it was addressed to (văn bản
 * đến). The same rules apply as to a document typed in: a refused item refuses the whole document. Reports read a
 * document's directives and a unit's follow-up here, take the next number of an issuer's register and attach the file
 * they generated.
 */
@Service
public class DocumentIntake {

	/** The largest file the register keeps with a document; a file over it is refused. */
	public static final long MAX_FILE_BYTES = AttachmentPolicy.MAX_BYTES;

	/**
	 * Why a document was refused, already in the user's language ("Mục 3: …"). Nothing was saved. {@code item} is the
	 * position (from 1) of the refused directive among those given, 0 when the document itself was refused.
	 */
	public static class RefusedException extends RuntimeException {

		private final int item;

		RefusedException(String message) {
			this(message, 0);
		}

		RefusedException(String message, int item) {
			super(message);
			this.item = item;
		}

		public int item() {
			return item;
		}
	}

	/** A document already in the register that is the one described; {@code exact}: same issuer, number and date. */
	public record Existing(Document document, boolean exact, List<Document.Receipt> receipts, int directives) {
	}

	/**
	 * A directive or request as of a day, for documents generated from the register: the deadline in force that day
	 * and its bucket.
	 */
	public record DirectiveLine(long id, long documentId, String documentNumber, Directive.Kind kind, String ref,
			String text, String requestText, String raisedByUnit, long leadId, String leadName, String cooperating,
			String setCode, String criterionNumber, LocalDate assignedOn, String deadlineWording, LocalDate due,
			boolean extended, LocalDate completedOn, Bucket bucket, List<String> unitCodes) {
	}

	/** "07/TB-UBND" or "07-NQ/ĐU": the sequence number in front. */
	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,6})\\s*[/-]");

	private final DocumentRegister register;
	private final DirectiveDesk desk;
	private final Organisations organisations;
	private final DirectiveMessages messages;
	private final DirectiveQueries queries;
	private final DirectiveAccess access;
	private final Attachments attachments;
	private final JdbcClient jdbc;

	DocumentIntake(DocumentRegister register, DirectiveDesk desk, Organisations organisations,
			DirectiveMessages messages, DirectiveQueries queries, DirectiveAccess access, Attachments attachments,
			JdbcClient jdbc) {
		this.register = register;
		this.desk = desk;
		this.organisations = organisations;
		this.messages = messages;
		this.queries = queries;
		this.access = access;
		this.attachments = attachments;
		this.jdbc = jdbc;
	}

	public Optional<Organisation> organisation(long id) {
		return organisations.find(id);
	}

	/** The id of the document registered with that number in that year, whoever may read it (callers check). */
	public Optional<Long> idByNumber(String number, int issuedYear) {
		return jdbc.sql("select id from document where number = :number and issued_year = :year order by id limit 1")
			.param("number", number).param("year", issuedYear).query(Long.class).optional();
	}

	/** A document the current user may read; one out of reach answers as if it did not exist (404). */
	public Document readable(long id) {
		return register.readable(id);
	}

	/** The directives and requests of a readable document as of a day, in the order of their item numbers. */
	public List<DirectiveLine> directivesOf(long documentId, LocalDate asOf) {
		register.readable(documentId);
		return queries.find(DirectiveFilter.asOf(asOf).forDocument(documentId), access.reach(), access.myOrganisations())
			.stream().map(DocumentIntake::line).sorted(Comparator.comparing(DirectiveLine::ref, DocumentIntake::compareRefs)
				.thenComparingLong(DirectiveLine::id))
			.toList();
	}

	/**
	 * The directives in the user's reach that target the unit or a unit under it, and the requests it raised, as of a
	 * day: what a unit's progress report follows up.
	 */
	public List<DirectiveLine> directivesFor(String unitCode, LocalDate asOf) {
		List<DirectiveRow> targeted = queries.find(DirectiveFilter.asOf(asOf).forUnit(unitCode), access.reach(), access.myOrganisations());
		List<DirectiveRow> raised = queries.find(DirectiveFilter.asOf(asOf), access.reach(), access.myOrganisations()).stream()
			.filter(row -> row.kind() == Directive.Kind.REQUEST && unitCode.equals(row.raisedByUnit())).toList();
		return java.util.stream.Stream.concat(targeted.stream(), raised.stream()).map(DocumentIntake::line).distinct()
			.sorted(Comparator.comparing(DirectiveLine::assignedOn).thenComparingLong(DirectiveLine::documentId)
				.thenComparing(DirectiveLine::ref, DocumentIntake::compareRefs).thenComparingLong(DirectiveLine::id))
			.toList();
	}

	/** The highest sequence number the issuer's register holds for documents of that kind in that year (0 if none). */
	public int highestNumber(long issuerId, Document.Kind kind, int year) {
		return jdbc.sql("select number from document where issuer_id = :issuer and kind = :kind and issued_year = :year and number is not null")
			.param("issuer", issuerId).param("kind", kind.name()).param("year", year).query(String.class).list().stream()
			.map(LEADING_NUMBER::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
	}

	/**
	 * Attaches a generated file to a registered document; gives the document its number and date when it had none
	 * (a notice entered with its directives before it was numbered). The issuer's rules apply as to any edit.
	 */
	@Transactional
	public Document attachIssued(long documentId, int expectedVersion, String number, LocalDate issuedOn, String fileName,
			byte[] file) {
		Document document = register.readable(documentId);
		Document updated = document;
		if (document.number() == null || document.number().isBlank()) {
			updated = register.update(documentId, expectedVersion, new DocumentForm(document.kind(), number,
					issuedOn != null ? issuedOn : document.issuedOn(), document.issuedYear(), document.issuerId(),
					document.signer(), document.signingForm(), document.signerTitle(), document.subject(),
					String.join("\n", document.distribution()), document.unitCodes()));
		}
		else if (document.version() != expectedVersion) {
			throw new org.springframework.dao.OptimisticLockingFailureException("document " + documentId);
		}
		try {
			Attachments.checkAll(List.of(new Attachments.Upload(fileName, file)));
			access.requireActFor(organisations.require(document.issuerId()), vn.ntmtracker.security.Permission.REGISTER_DOCUMENT,
					DocumentRegister.day(updated), null, null);
			attachments.storeForDocument(documentId, new Attachments.Upload(fileName, file), access.username(),
					updated.issuerUnitCode());
		}
		catch (DirectiveRuleException ex) {
			throw new RefusedException(messages.of(ex));
		}
		return updated;
	}

	private static DirectiveLine line(DirectiveRow row) {
		return new DirectiveLine(row.id(), row.documentId(), row.documentNumber(), row.kind(), row.ref(), row.text(),
				row.requestText(), row.raisedByUnit(), row.leadId(), row.leadName(), row.cooperating(), row.setCode(),
				row.criterionNumber(), row.assignedOn(), row.deadlineWording(), row.due(), row.extended(), row.completedOn(),
				row.bucket(), row.unitCodes());
	}

	/** "1.2" before "1.10", "2.1a" after "2.1"; items without a number last. */
	static int compareRefs(String a, String b) {
		if (a == null || b == null) {
			return a == null ? (b == null ? 0 : 1) : -1;
		}
		String[] x = a.replaceAll("[()]", "").split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)|\\.");
		String[] y = b.replaceAll("[()]", "").split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)|\\.");
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			boolean nx = x[i].matches("\\d+");
			boolean ny = y[i].matches("\\d+");
			int c = nx && ny ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(x.length, y.length);
	}

	public List<Organisation> organisations() {
		return organisations.all();
	}

	/** The organisations attached to the units, by unit then name. */
	public List<Organisation> organisationsOf(Collection<String> unitCodes) {
		return organisations.ofUnits(unitCodes);
	}

	/** The organisations the current user belongs to. */
	public List<Organisation> myOrganisations() {
		return access.currentOrganisations();
	}

	/** Organisations whose name or code matches, diacritics ignored. */
	public List<Organisation> searchOrganisations(String query) {
		return organisations.search(query);
	}

	/** Whether the current user may register documents issued by the organisation, on that day. */
	public boolean mayIssueFor(long organisationId, LocalDate day) {
		return organisations.find(organisationId)
			.map(o -> access.mayActFor(o, Permission.REGISTER_DOCUMENT, day, null, null)).orElse(false);
	}

	/** Whether the current user may register what the organisation received, on that day. */
	public boolean mayReceiveFor(long organisationId, LocalDate day) {
		return organisations.find(organisationId)
			.map(o -> access.mayActFor(o, Permission.RECEIVE_DOCUMENT, day, null, null)).orElse(false);
	}

	/** Whether the register reads the deadline wording (as it will at save), for a document of that year. */
	public boolean deadlineReadable(String wording, int year) {
		return Deadline.read(wording, year).isPresent();
	}

	/**
	 * Documents already registered that are the one described (same issuer, number and date; without a number: same
	 * issuer, year and subject), among those the user may read, each with its receipts and number of directives.
	 */
	public List<Existing> existing(Long issuerId, String number, LocalDate issuedOn, Integer issuedYear, String subject) {
		return register.sameAs(issuerId, number, issuedOn, issuedYear, subject).stream()
			.map(same -> new Existing(same.document(), same.exact(), register.receipts(same.document().id()),
					register.directiveCount(same.document().id())))
			.toList();
	}

	/** The receipts recorded for a document. */
	public List<Document.Receipt> receipts(long documentId) {
		return register.receipts(documentId);
	}

	/**
	 * Registers the document for its issuer with the original file attached (when given) and creates its directives and
	 * requests in order. Items are numbered from 1 in the refusal message. A document already registered is refused
	 * ({@link DuplicateDocumentException}) unless {@code correctionOf} names it: the new one then supersedes it.
	 */
	@Transactional
	public Document register(DocumentForm form, String fileName, byte[] file, List<DirectiveForm> items, Long correctionOf) {
		Document document;
		try {
			document = register.register(form, uploads(fileName, file), correctionOf);
		}
		catch (DirectiveRuleException ex) {
			throw new RefusedException(messages.of(ex));
		}
		createAll(document, items);
		return document;
	}

	@Transactional
	public Document register(DocumentForm form, String fileName, byte[] file, List<DirectiveForm> items) {
		return register(form, fileName, file, items, null);
	}

	/**
	 * Registers a document the receiving body got (văn bản đến) when its issuer keeps no record of it here, with the
	 * receipt, the file and the directives it brings (which the receiving body then tracks).
	 */
	@Transactional
	public Document registerReceived(DocumentForm form, Document.ReceiptForm receipt, String fileName, byte[] file,
			List<DirectiveForm> items, Long correctionOf) {
		Document document;
		try {
			document = register.registerReceived(form, uploads(fileName, file), receipt, correctionOf);
		}
		catch (DirectiveRuleException ex) {
			throw new RefusedException(messages.of(ex));
		}
		createAll(document, items);
		return document;
	}

	/** Records the receipt of a document already registered (the issuer's own record): nothing is duplicated. */
	@Transactional
	public Document.Receipt receive(long documentId, Document.ReceiptForm receipt) {
		try {
			return register.receive(documentId, receipt);
		}
		catch (DirectiveRuleException ex) {
			throw new RefusedException(messages.of(ex));
		}
	}

	private void createAll(Document document, List<DirectiveForm> items) {
		int item = 0;
		for (DirectiveForm directive : items) {
			item++;
			try {
				desk.create(document.id(), directive);
			}
			catch (DirectiveRuleException ex) {
				throw new RefusedException(messages.text("import.error.item", item, messages.of(ex)), item);
			}
		}
	}

	private static List<Attachments.Upload> uploads(String fileName, byte[] file) {
		return file == null || file.length == 0 ? List.of() : List.of(new Attachments.Upload(fileName, file));
	}
}
