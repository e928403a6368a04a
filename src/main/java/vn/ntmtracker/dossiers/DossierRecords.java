package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a dossier's steps recorded, besides the steps themselves: documents, the posting with its readings and
 * comments, the meeting, the council's vote, the decision. Read and written here in plain SQL; the rules that use them
 * are {@link StepCompletionPolicy} and {@link Checklist}.
 */
@Component
class DossierRecords {

	record DocumentRow(long id, String stepCode, String kind, String number, LocalDate issuedOn, String fileName, String contentType,
			long size, String sha256, boolean superseded, String uploadedBy, OffsetDateTime uploadedAt) {
	}

	record Posting(String places, LocalDate from, LocalDate to) {

		public long days() {
			return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
		}
	}

	record Reading(long id, LocalDate on, String note, String createdBy) {
	}

	record Comment(long id, String stepCode, LocalDate receivedOn, String author, String text, String answer, LocalDate answeredOn,
			String answeredBy, int version) {

		public boolean answered() {
			return answer != null && !answer.isBlank();
		}
	}

	record Meeting(LocalDate heldOn, int invited, int present, int votesFor, int votesAgainst, String chairedBy) {
	}

	record Council(LocalDate heldOn, String members, int memberCount, int votesFor, int votesAgainst, boolean approved) {
	}

	record Decision(String number, LocalDate decidedOn, String signer, LocalDate effectiveOn, LocalDate announcedOn) {
	}

	private final JdbcClient jdbc;

	DossierRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DocumentRow> documents(long dossierId) {
		return jdbc.sql("""
				select id, step_code, kind, number, issued_on, file_name, content_type, size_bytes, sha256, superseded, uploaded_by, uploaded_at
				from dossier_document where dossier_id = :id order by uploaded_at, id""")
			.param("id", dossierId)
			.query((rs, i) -> new DocumentRow(rs.getLong("id"), rs.getString("step_code"), rs.getString("kind"), rs.getString("number"),
					rs.getObject("issued_on", LocalDate.class), rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("sha256"), rs.getBoolean("superseded"), rs.getString("uploaded_by"),
					rs.getObject("uploaded_at", OffsetDateTime.class)))
			.list();
	}

	record Content(String fileName, String contentType, byte[] bytes) {
	}

	Optional<Content> content(long dossierId, long documentId) {
		return jdbc.sql("select file_name, content_type, content from dossier_document where dossier_id = :d and id = :id")
			.param("d", dossierId).param("id", documentId)
			.query((rs, i) -> new Content(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"))).optional();
	}

	long addDocument(long dossierId, String stepCode, String kind, String number, LocalDate issuedOn, String fileName, String contentType,
			byte[] bytes, String sha256, String user) {
		jdbc.sql("update dossier_document set superseded = true where dossier_id = :d and step_code = :s and kind = :k and not superseded")
			.param("d", dossierId).param("s", stepCode).param("k", kind).update();
		return jdbc.sql("""
				insert into dossier_document (dossier_id, step_code, kind, number, issued_on, file_name, content_type, size_bytes, sha256,
				                              content, uploaded_by)
				values (:d, :s, :k, :number, :issued, :file, :type, :size, :sha, :content, :user) returning id""")
			.param("d", dossierId).param("s", stepCode).param("k", kind).param("number", number).param("issued", issuedOn)
			.param("file", fileName).param("type", contentType).param("size", (long) bytes.length).param("sha", sha256)
			.param("content", bytes).param("user", user).query(Long.class).single();
	}

	Optional<Posting> posting(long dossierId) {
		return jdbc.sql("select places, posted_from, posted_to from dossier_posting where dossier_id = :id").param("id", dossierId)
			.query((rs, i) -> new Posting(rs.getString("places"), rs.getObject("posted_from", LocalDate.class),
					rs.getObject("posted_to", LocalDate.class)))
			.optional();
	}

	void savePosting(long dossierId, Posting posting) {
		jdbc.sql("""
				insert into dossier_posting (dossier_id, places, posted_from, posted_to) values (:id, :places, :from, :to)
				on conflict (dossier_id) do update set places = excluded.places, posted_from = excluded.posted_from, posted_to = excluded.posted_to""")
			.param("id", dossierId).param("places", posting.places()).param("from", posting.from()).param("to", posting.to()).update();
	}

	List<Reading> readings(long dossierId) {
		return jdbc.sql("select id, read_on, note, created_by from dossier_reading where dossier_id = :id order by read_on, id")
			.param("id", dossierId)
			.query((rs, i) -> new Reading(rs.getLong("id"), rs.getObject("read_on", LocalDate.class), rs.getString("note"),
					rs.getString("created_by")))
			.list();
	}

	long addReading(long dossierId, LocalDate on, String note, String user) {
		return jdbc.sql("insert into dossier_reading (dossier_id, read_on, note, created_by) values (:id, :on, :note, :user) returning id")
			.param("id", dossierId).param("on", on).param("note", note).param("user", user).query(Long.class).single();
	}

	List<Comment> comments(long dossierId) {
		return jdbc.sql("select * from dossier_comment where dossier_id = :id order by received_on, id").param("id", dossierId)
			.query((rs, i) -> comment(rs)).list();
	}

	Optional<Comment> comment(long dossierId, long commentId) {
		return jdbc.sql("select * from dossier_comment where dossier_id = :d and id = :id").param("d", dossierId).param("id", commentId)
			.query((rs, i) -> comment(rs)).optional();
	}

	private static Comment comment(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Comment(rs.getLong("id"), rs.getString("step_code"), rs.getObject("received_on", LocalDate.class), rs.getString("author"),
				rs.getString("text"), rs.getString("answer"), rs.getObject("answered_on", LocalDate.class), rs.getString("answered_by"),
				rs.getInt("version"));
	}

	long addComment(long dossierId, String stepCode, LocalDate receivedOn, String author, String text, String user) {
		return jdbc.sql("""
				insert into dossier_comment (dossier_id, step_code, received_on, author, text, created_by)
				values (:id, :step, :on, :author, :text, :user) returning id""")
			.param("id", dossierId).param("step", stepCode).param("on", receivedOn).param("author", author).param("text", text)
			.param("user", user).query(Long.class).single();
	}

	void answer(long dossierId, long commentId, String answer, LocalDate on, String user, int expectedVersion) {
		int updated = jdbc.sql("""
				update dossier_comment set answer = :answer, answered_on = :on, answered_by = :user, version = version + 1
				where dossier_id = :d and id = :id and version = :version""")
			.param("answer", answer).param("on", on).param("user", user).param("d", dossierId).param("id", commentId)
			.param("version", expectedVersion).update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("comment " + commentId + " changed");
		}
	}

	Optional<Meeting> meeting(long dossierId) {
		return jdbc.sql("select * from dossier_meeting where dossier_id = :id").param("id", dossierId)
			.query((rs, i) -> new Meeting(rs.getObject("held_on", LocalDate.class), rs.getInt("invited"), rs.getInt("present"),
					rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getString("chaired_by")))
			.optional();
	}

	void saveMeeting(long dossierId, Meeting m) {
		jdbc.sql("""
				insert into dossier_meeting (dossier_id, held_on, invited, present, votes_for, votes_against, chaired_by)
				values (:id, :on, :invited, :present, :for, :against, :chair)
				on conflict (dossier_id) do update set held_on = excluded.held_on, invited = excluded.invited, present = excluded.present,
				    votes_for = excluded.votes_for, votes_against = excluded.votes_against, chaired_by = excluded.chaired_by""")
			.param("id", dossierId).param("on", m.heldOn()).param("invited", m.invited()).param("present", m.present())
			.param("for", m.votesFor()).param("against", m.votesAgainst()).param("chair", m.chairedBy()).update();
	}

	Optional<Council> council(long dossierId) {
		return jdbc.sql("select * from dossier_council where dossier_id = :id").param("id", dossierId)
			.query((rs, i) -> new Council(rs.getObject("held_on", LocalDate.class), rs.getString("members"), rs.getInt("member_count"),
					rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getBoolean("approved")))
			.optional();
	}

	void saveCouncil(long dossierId, Council c) {
		jdbc.sql("""
				insert into dossier_council (dossier_id, held_on, members, member_count, votes_for, votes_against, approved)
				values (:id, :on, :members, :count, :for, :against, :approved)
				on conflict (dossier_id) do update set held_on = excluded.held_on, members = excluded.members, member_count = excluded.member_count,
				    votes_for = excluded.votes_for, votes_against = excluded.votes_against, approved = excluded.approved""")
			.param("id", dossierId).param("on", c.heldOn()).param("members", c.members()).param("count", c.memberCount())
			.param("for", c.votesFor()).param("against", c.votesAgainst()).param("approved", c.approved()).update();
	}

	Optional<Decision> decision(long dossierId) {
		return jdbc.sql("select * from dossier_decision where dossier_id = :id").param("id", dossierId)
			.query((rs, i) -> new Decision(rs.getString("number"), rs.getObject("decided_on", LocalDate.class), rs.getString("signer"),
					rs.getObject("effective_on", LocalDate.class), rs.getObject("announced_on", LocalDate.class)))
			.optional();
	}

	void saveDecision(long dossierId, Decision d) {
		jdbc.sql("""
				insert into dossier_decision (dossier_id, number, decided_on, signer, effective_on) values (:id, :number, :on, :signer, :effective)""")
			.param("id", dossierId).param("number", d.number()).param("on", d.decidedOn()).param("signer", d.signer())
			.param("effective", d.effectiveOn()).update();
	}

	void announce(long dossierId, LocalDate on) {
		jdbc.sql("update dossier_decision set announced_on = :on where dossier_id = :id").param("on", on).param("id", dossierId).update();
	}
}
