package vn.ntmtracker.dossiers;

import java.util.List;
import java.util.Map;

/**
 * The seam for the official-documents capability (the {@code reports} module, not yet merged): each step's documents
 * name a {@code template} code in the procedure (TO_TRINH_XA, BAO_CAO_KET_QUA_XA, BAO_CAO_TONG_HOP_Y_KIEN, BIEN_BAN_HOP,
 * BAO_CAO_HAI_LONG, BAO_CAO_THAM_TRA, QUYET_DINH_CONG_NHAN…); an implementation renders them from the dossier's data in
 * the official layout (NĐ 30/2020/NĐ-CP). Until one is present the dossier page lists the template codes and officers
 * attach signed scans, which also replace a generated document once signed.
 */
public interface DossierDocumentGenerator {

	/** Whether this generator renders documents of the template code. */
	boolean renders(String templateCode);

	/** The document as a file (DOCX or PDF), from the dossier's data. */
	Generated render(String templateCode, Data data);

	/** A rendered file. */
	record Generated(String fileName, String contentType, byte[] content) {
	}

	/**
	 * What a document is made from: the unit, level and year, the step and document, and the dossier's records as plain
	 * values (rounds, survey rates, meeting, council, decision) keyed by name.
	 */
	record Data(long dossierId, String unitCode, String unitName, String level, int targetYear, String procedure, String stepName,
			String documentName, Map<String, Object> values, List<Map<String, Object>> criteria) {
	}
}
