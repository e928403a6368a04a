package vn.ntmtracker.reports;

import java.time.LocalDate;

import vn.ntmtracker.directives.Document;

/**
 * One kind of document the system writes from its records. A kind reads what it needs (with the user's rights), turns
 * it into placeholder values and data sections ({@link ReportModel}) and says what its template may use
 * ({@link Catalogue}); the template, the composer and the renderers do the rest. Adding a kind — the recognition
 * dossier's tờ trình, báo cáo, biên bản and survey report are next — is a new bean and a default template file
 * {@code reports/templates/<key>.yaml}; nothing else changes.
 */
interface ReportKind {

	/** "progress-report": the API's {@code {kind}} and the template's {@code kind:}. */
	String key();

	/** "Báo cáo kết quả thực hiện", for pages. */
	String label();

	/** Where the issued document goes in the register, and its type code (TB, KH, BC, NQ). */
	Document.Kind registerKind();

	/** What identifies the subject: a unit and a period, a plan, or a registered document. */
	Input input();

	Catalogue catalogue();

	/** Reads the records; refuses with 404 what the user may not read. */
	ReportModel build(Request request);

	enum Input {
		UNIT_PERIOD, PLAN, DOCUMENT
	}

	/** The subject of one document; only the parts the kind's {@link Input} names are used. */
	record Request(String unitCode, LocalDate from, LocalDate to, Long planId, Long documentId) {
	}
}
