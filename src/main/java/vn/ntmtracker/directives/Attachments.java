package vn.ntmtracker.directives;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/** Files attached to documents and to directive events, stored in PostgreSQL. */
@Component
class Attachments {

	/** A file as uploaded, before checking. */
	record Upload(String fileName, byte[] content) {

		boolean present() {
			return content != null && content.length > 0;
		}
	}

	/** What lists show: no content. */
	record Info(long id, String fileName, String mediaType, int sizeBytes) {

		/** A photo, shown as a thumbnail linking to the original. */
		public boolean image() {
			return mediaType.startsWith("image/");
		}
	}

	record Content(String fileName, String mediaType, byte[] bytes, Long documentId, Long eventId) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	Attachments(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Checks every upload before anything is written, so that one bad file stores none. */
	static void checkAll(List<Upload> uploads) {
		uploads.stream().filter(Upload::present).forEach(upload -> AttachmentPolicy.check(upload.fileName(), upload.content()));
	}

	long storeForDocument(long documentId, Upload upload, String username, String unitCode) {
		return store("document_id", documentId, upload, username, unitCode);
	}

	long storeForEvent(long eventId, Upload upload, String username, String unitCode) {
		return store("event_id", eventId, upload, username, unitCode);
	}

	private long store(String ownerColumn, long ownerId, Upload upload, String username, String unitCode) {
		AttachmentPolicy.Type type = AttachmentPolicy.check(upload.fileName(), upload.content());
		String name = safeName(upload.fileName());
		byte[] preview = type.image() ? ImagePreview.displayCopy(upload.content(), type) : null;
		long id = jdbc.sql("""
				insert into attachment (%s, file_name, media_type, size_bytes, sha256, content, preview, uploaded_by)
				values (:owner, :name, :type, :size, :sha, :content, :preview, :user) returning id""".formatted(ownerColumn))
			.param("owner", ownerId).param("name", name).param("type", type.mediaType)
			.param("size", upload.content().length).param("sha", sha256(upload.content()))
			.param("content", upload.content()).param("preview", preview, java.sql.Types.BINARY)
			.param("user", username).query(Long.class).single();
		events.publishEvent(AuditEvent.of(Action.CREATE, "attachment", String.valueOf(id), unitCode, null,
				Map.of("fileName", name, "type", type.name(), "bytes", upload.content().length, ownerColumn, ownerId)));
		return id;
	}

	List<Info> ofDocument(long documentId) {
		return jdbc.sql("select id, file_name, media_type, size_bytes from attachment where document_id = :id order by id")
			.param("id", documentId).query(Info.class).list();
	}

	Map<Long, List<Info>> ofEvents(long directiveId) {
		record Row(long eventId, Info info) {
		}
		return jdbc.sql("""
				select a.event_id, a.id, a.file_name, a.media_type, a.size_bytes from attachment a
				join directive_event e on e.id = a.event_id where e.directive_id = :id order by a.id""")
			.param("id", directiveId)
			.query((rs, i) -> new Row(rs.getLong(1), new Info(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))))
			.list().stream()
			.collect(java.util.stream.Collectors.groupingBy(Row::eventId,
					java.util.stream.Collectors.mapping(Row::info, java.util.stream.Collectors.toList())));
	}

	Optional<Content> content(long id) {
		return jdbc.sql("select file_name, media_type, content, document_id, event_id from attachment where id = :id")
			.param("id", id)
			.query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3),
					(Long) rs.getObject(4), (Long) rs.getObject(5)))
			.optional();
	}

	/**
	 * The display copy of a photo (a JPEG of at most 1,280 px), or the original where none was needed; the owner
	 * columns come along so that callers check the reader's reach exactly as for the original.
	 */
	Optional<Content> preview(long id) {
		return jdbc.sql("""
				select file_name, case when preview is null then media_type else 'image/jpeg' end,
				       coalesce(preview, content), document_id, event_id
				from attachment where id = :id and media_type like 'image/%'""")
			.param("id", id)
			.query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3),
					(Long) rs.getObject(4), (Long) rs.getObject(5)))
			.optional();
	}

	Optional<Long> directiveOfEvent(long eventId) {
		return jdbc.sql("select directive_id from directive_event where id = :id").param("id", eventId)
			.query(Long.class).optional();
	}

	private static String safeName(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "tep-dinh-kem" : fileName;
		name = name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
