package vn.ntmtracker.directives;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with the documents register: list the organisations documents name, and register a
 * document that arrived from outside (an imported file a person has reviewed) with its file, directives and requests,
 * in one transaction. The same rules apply as to a document typed in: a refused item refuses the whole document.
 */
@Service
public class DocumentIntake {

	/** The largest file the register keeps with a document; a file over it is refused. */
	public static final long MAX_FILE_BYTES = AttachmentPolicy.MAX_BYTES;

	/** Why a document was refused, already in the user's language ("Mục 3: …"). Nothing was saved. */
	public static class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}
	}

	private final DocumentRegister register;
	private final DirectiveDesk desk;
	private final Organisations organisations;
	private final DirectiveMessages messages;

	DocumentIntake(DocumentRegister register, DirectiveDesk desk, Organisations organisations,
			DirectiveMessages messages) {
		this.register = register;
		this.desk = desk;
		this.organisations = organisations;
		this.messages = messages;
	}

	public List<Organisation> organisations() {
		return organisations.all();
	}

	/** Organisations whose name or code matches, diacritics ignored. */
	public List<Organisation> searchOrganisations(String query) {
		return organisations.search(query);
	}

	/**
	 * Registers the document with the original file attached (when given) and creates its directives and requests in
	 * order. Items are numbered from 1 in the refusal message.
	 */
	@Transactional
	public Document register(DocumentForm form, String fileName, byte[] file, List<DirectiveForm> items) {
		Document document;
		try {
			document = register.register(form,
					file == null || file.length == 0 ? List.of() : List.of(new Attachments.Upload(fileName, file)));
		}
		catch (DirectiveRuleException ex) {
			throw new RefusedException(messages.of(ex));
		}
		int item = 0;
		for (DirectiveForm directive : items) {
			item++;
			try {
				desk.create(document.id(), directive);
			}
			catch (DirectiveRuleException ex) {
				throw new RefusedException(messages.text("import.error.item", item, messages.of(ex)));
			}
		}
		return document;
	}
}
