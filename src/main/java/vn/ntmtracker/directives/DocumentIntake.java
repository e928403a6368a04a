package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.security.Permission;

/**
 * What other modules may do with the documents register: list the organisations documents name, find a document
 * already registered, and register a document that arrived from outside (an imported file a person has reviewed) with
 * its file, directives and requests, in one transaction — as its issuer, or as a body it was addressed to (văn bản
 * đến). The same rules apply as to a document typed in: a refused item refuses the whole document.
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

	private final DocumentRegister register;
	private final DirectiveDesk desk;
	private final Organisations organisations;
	private final DirectiveMessages messages;
	private final DirectiveAccess access;

	DocumentIntake(DocumentRegister register, DirectiveDesk desk, Organisations organisations,
			DirectiveMessages messages, DirectiveAccess access) {
		this.register = register;
		this.desk = desk;
		this.organisations = organisations;
		this.messages = messages;
		this.access = access;
	}

	public List<Organisation> organisations() {
		return organisations.all();
	}

	/** The organisations attached to the units, by unit then name. */
	public List<Organisation> organisationsOf(Collection<String> unitCodes) {
		return organisations.ofUnits(unitCodes);
	}

	public Optional<Organisation> organisation(long id) {
		return organisations.find(id);
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
