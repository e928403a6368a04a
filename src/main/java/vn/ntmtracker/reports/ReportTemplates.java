package vn.ntmtracker.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Permission;

/**
 * Templates as data: each kind ships a national template ({@code reports/templates/<kind>.yaml}, version 0); an
 * administrator saves new versions, nationally ({@code VN}) or for one province, and never overwrites one. A document
 * uses its province's newest version, else the national one; a draft keeps the version it was started on.
 */
@Service
class ReportTemplates {

	static final String NATIONAL = "VN";

	/** One version of a template: where it applies, its number, its text and what it reads as. */
	record Version(String kind, String scope, int version, String body, String note, String createdBy, OffsetDateTime createdAt,
			ReportTemplate template) {
	}

	private final JdbcClient jdbc;
	private final ReportKinds kinds;
	private final Authorization authorization;
	private final AccessPolicy access;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Map<String, Version> shipped = new ConcurrentHashMap<>();
	/** Parsed stored versions: rows never change, so a parse is good for ever. */
	private final Map<String, ReportTemplate> parsed = new ConcurrentHashMap<>();

	ReportTemplates(JdbcClient jdbc, ReportKinds kinds, Authorization authorization, AccessPolicy access,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.kinds = kinds;
		this.authorization = authorization;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** The template shipped with the application for a kind (version 0); a broken one stops the start (tested). */
	Version shipped(String kind) {
		return shipped.computeIfAbsent(kind, key -> {
			String body;
			try (InputStream in = new ClassPathResource("reports/templates/" + key + ".yaml").getInputStream()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("no template file for document kind " + key, ex);
			}
			TemplateParser.Parsed result = TemplateParser.parse(body, kinds::catalogue);
			if (!result.ok()) {
				throw new IllegalStateException("template file of " + key + " is invalid: " + result.errors());
			}
			return new Version(key, NATIONAL, 0, body, "Mẫu gốc của phần mềm", "system", null, result.template());
		});
	}

	/** The template in force for a unit's province: the province's newest version, else the national one. */
	Version current(String kind, String provinceCode) {
		kinds.require(kind);
		if (provinceCode != null) {
			Optional<Version> own = newest(kind, provinceCode);
			if (own.isPresent()) {
				return own.get();
			}
		}
		return newest(kind, NATIONAL).orElseGet(() -> shipped(kind));
	}

	/** The newest version of exactly this scope (no fallback); 0 for the shipped file when the scope is national. */
	int latestNumber(String kind, String scope) {
		return newest(kind, scope).map(Version::version).orElse(0);
	}

	Version version(String kind, String scope, int version) {
		if (version == 0 && NATIONAL.equals(scope)) {
			return shipped(kind);
		}
		return jdbc.sql("select * from report_template where kind = :kind and scope = :scope and version = :version")
			.param("kind", kind).param("scope", scope).param("version", version).query(this::map).optional()
			.orElseThrow(() -> new ReportNotFoundException("Không có phiên bản " + version + " của mẫu " + kind + " (" + scope + ")"));
	}

	List<Version> history(String kind, String scope) {
		return jdbc.sql("select * from report_template where kind = :kind and scope = :scope order by version desc")
			.param("kind", kind).param("scope", scope).query(this::map).list();
	}

	private Optional<Version> newest(String kind, String scope) {
		return jdbc.sql("select * from report_template where kind = :kind and scope = :scope order by version desc limit 1")
			.param("kind", kind).param("scope", scope).query(this::map).optional();
	}

	/**
	 * Checks the text against the kind and saves it as the next version of the scope. {@code expectedVersion} is the
	 * version the editor started from: if someone saved in between, the save is refused (409) rather than lost.
	 */
	@Transactional
	Version save(String kind, String scope, int expectedVersion, String body, String note) {
		authorization.require(Permission.MANAGE_REPORT_TEMPLATES, NATIONAL.equals(scope) ? Authorization.Target.system(LocalDate.now(clock))
				: Authorization.Target.unit(scope, LocalDate.now(clock)));
		kinds.require(kind);
		String text = body == null ? "" : java.text.Normalizer.normalize(body.replace("\r\n", "\n"), java.text.Normalizer.Form.NFC);
		TemplateParser.Parsed result = TemplateParser.parse(text, kinds::catalogue);
		if (!result.ok()) {
			throw new TemplateRefusedException(result.errors());
		}
		if (!result.template().kind().equals(kind)) {
			throw new TemplateRefusedException(List.of("Dòng 1: mẫu này là của loại '" + result.template().kind() + "', không phải '" + kind + "'"));
		}
		if (note != null && note.length() > 500) {
			throw new TemplateRefusedException(List.of("Ghi chú (note): tối đa 500 ký tự"));
		}
		int latest = latestNumber(kind, scope);
		if (latest != expectedVersion) {
			throw new StaleDraftException("Mẫu " + kind + " (" + scope + ") đã có phiên bản " + latest + " do người khác lưu; hãy mở lại để sửa tiếp");
		}
		try {
			jdbc.sql("insert into report_template (kind, scope, version, body, note, created_by) values (:kind, :scope, :version, :body, :note, :user)")
				.param("kind", kind).param("scope", scope).param("version", latest + 1).param("body", text)
				.param("note", note == null || note.isBlank() ? null : note.strip()).param("user", access.currentUsername()).update();
		}
		catch (DuplicateKeyException ex) {
			throw new StaleDraftException("Mẫu " + kind + " (" + scope + ") vừa được người khác lưu; hãy mở lại để sửa tiếp");
		}
		events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "report_template", kind + "/" + scope + "/" + (latest + 1),
				NATIONAL.equals(scope) ? null : scope, Map.of("version", latest), Map.of("version", latest + 1, "note", note == null ? "" : note)));
		return version(kind, scope, latest + 1);
	}

	/** Every problem of a refused template, one per line, with its line number. */
	static class TemplateRefusedException extends ReportException {

		private final List<String> errors;

		TemplateRefusedException(List<String> errors) {
			super("Mẫu không dùng được: " + String.join("; ", errors));
			this.errors = List.copyOf(errors);
		}

		List<String> errors() {
			return errors;
		}
	}

	private Version map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String kind = rs.getString("kind");
		String scope = rs.getString("scope");
		int version = rs.getInt("version");
		String body = rs.getString("body");
		ReportTemplate template = parsed.computeIfAbsent(kind + "/" + scope + "/" + version, key -> {
			TemplateParser.Parsed result = TemplateParser.parse(body, kinds::catalogue);
			// A stored version passed the checks when it was saved; a kind whose catalogue later lost a field falls back
			// to the shipped template rather than printing holes.
			return result.ok() ? result.template() : shipped(kind).template();
		});
		return new Version(kind, scope, version, body, rs.getString("note"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), template);
	}
}
