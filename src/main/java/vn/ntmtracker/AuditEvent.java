package vn.ntmtracker;

import java.util.List;

/**
 * Published by any module inside the transaction of a write; the security module records it in the audit
 * log in the same transaction, so that a rolled-back change leaves no audit row and a committed one always
 * has one. {@code before}/{@code after} are records or maps, serialised to JSON by the listener.
 */
public record AuditEvent(List<Entry> entries) {

	/**
	 * What was done. READ and EXPORT record access to personal data (Nghị định 13/2023/NĐ-CP): a view of one person's
	 * record, and an export with its stated purpose.
	 */
	public enum Action { CREATE, UPDATE, DELETE, READ, EXPORT }

	public record Entry(Action action, String entityType, String entityId, String unitCode, Object before,
			Object after) {
	}

	public static AuditEvent of(Action action, String entityType, String entityId, String unitCode, Object before,
			Object after) {
		return new AuditEvent(List.of(new Entry(action, entityType, entityId, unitCode, before, after)));
	}
}
