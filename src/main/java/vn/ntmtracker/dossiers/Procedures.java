package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.ValidationError;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;

/**
 * The procedure templates: the shipped files (stored at start-up; a stored version whose file changed stops the start,
 * like a published criteria set) and the versions administrators add. Every version is kept as its YAML text; parsed
 * versions are cached by code and version, which is safe because a version never changes. Which template a dossier
 * follows is decided once, when it is opened: the version applicable on that day for the level and province.
 */
@Component
public class Procedures {

	/** A stored version, for the list page. */
	public record Summary(String code, int version, String title, Purpose purpose, List<Tier> tiers, String scope,
			LocalDate validFrom, LocalDate validTo, boolean provisional, String sourceFile, int steps) {
	}

	private final JdbcClient jdbc;
	private final Authorization authorization;
	private final AccessPolicy access;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;
	private final Map<String, Procedure> parsed = new ConcurrentHashMap<>();

	Procedures(JdbcClient jdbc, Authorization authorization, AccessPolicy access, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.authorization = authorization;
		this.access = access;
		this.events = events;
	}

	/** Stores the shipped files not stored yet; refuses to start when a stored version's file was edited. */
	@Transactional
	void loadFiles() {
		for (ProcedureFiles.Loaded file : ProcedureFiles.loadAll()) {
			Procedure p = file.procedure();
			Optional<String> stored = jdbc.sql("select content_hash from dossier_procedure where code = :code and version = :version")
				.param("code", p.code()).param("version", p.version()).query(String.class).optional();
			if (stored.isPresent() && !stored.get().equals(file.hash())) {
				throw new ProcedureFileException(file.fileName(), List.of(new ValidationError("version",
						"procedure " + p.ref() + " is already in use and may not change: add a new version (version: " + (p.version() + 1) + ")")));
			}
			if (stored.isEmpty()) {
				insert(p, file.fileName(), file.yaml(), file.hash(), "system");
			}
			parsed.put(key(p.code(), p.version()), p);
		}
	}

	public List<Summary> list() {
		List<Summary> all = new ArrayList<>();
		for (Stored row : stored()) {
			Procedure p = get(row.code(), row.version());
			all.add(new Summary(p.code(), p.version(), p.title(), p.purpose(), p.tiers(), p.national() ? null : p.provinceName(),
					p.validFrom(), p.validTo(), p.provisional(), row.sourceFile(), p.steps().size()));
		}
		return all;
	}

	public Procedure get(String code, int version) {
		return parsed.computeIfAbsent(key(code, version), k -> {
			Stored row = jdbc.sql("select code, version, source_file, source_yaml from dossier_procedure where code = :code and version = :version")
				.param("code", code).param("version", version)
				.query((rs, i) -> new Stored(rs.getString("code"), rs.getInt("version"), rs.getString("source_file"), rs.getString("source_yaml")))
				.optional().orElseThrow(() -> new DossierNotFoundException("procedure", code + " v" + version));
			return ProcedureFiles.load(row.sourceFile() == null ? code + ".yaml" : row.sourceFile(), row.yaml()).procedure();
		});
	}

	/** The YAML text of a version, as stored. */
	public String yaml(String code, int version) {
		return jdbc.sql("select source_yaml from dossier_procedure where code = :code and version = :version").param("code", code)
			.param("version", version).query(String.class).optional()
			.orElseThrow(() -> new DossierNotFoundException("procedure", code + " v" + version));
	}

	/**
	 * The template a dossier of this purpose and level opened on {@code on} in that province follows: a province's own
	 * template before a national one, the highest version of a code.
	 */
	public Optional<Procedure> applicable(Purpose purpose, Tier tier, String provinceCode, LocalDate on) {
		return stored().stream().map(row -> get(row.code(), row.version()))
			.filter(p -> p.appliesTo(purpose, tier, provinceCode, on))
			.max(Comparator.comparing((Procedure p) -> !p.national()).thenComparing(Procedure::code, Comparator.reverseOrder())
				.thenComparingInt(Procedure::version));
	}

	/**
	 * Adds a version written by an administrator: validated like a shipped file (errors name the key path); it must be a
	 * new version of its code. Returns the problems, empty when stored.
	 */
	@Transactional
	public List<String> add(String fileName, String yaml) {
		authorization.require(Permission.MANAGE_PROCEDURES, Target.system(LocalDate.now(clock)));
		String name = fileName == null || fileName.isBlank() ? "procedure.yaml" : fileName.strip();
		ProcedureFiles.Loaded file;
		try {
			file = ProcedureFiles.load(name, yaml == null ? "" : yaml);
		}
		catch (ProcedureFileException ex) {
			return ex.lines();
		}
		Procedure p = file.procedure();
		Integer latest = jdbc.sql("select max(version) from dossier_procedure where code = :code").param("code", p.code())
			.query(Integer.class).single();
		if (latest != null && p.version() <= latest) {
			return List.of(name + ": version: " + p.code() + " already has version " + latest + ": write version: " + (latest + 1));
		}
		insert(p, name, file.yaml(), file.hash(), access.currentUsername());
		events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "dossier_procedure", p.ref(), null, null,
				Map.of("title", p.title(), "hash", file.hash())));
		return List.of();
	}

	private void insert(Procedure p, String fileName, String yaml, String hash, String user) {
		jdbc.sql("""
				insert into dossier_procedure (code, version, title, purpose, source_file, source_yaml, content_hash, created_by)
				values (:code, :version, :title, :purpose, :file, :yaml, :hash, :user)""")
			.param("code", p.code()).param("version", p.version()).param("title", p.title()).param("purpose", p.purpose().name())
			.param("file", fileName).param("yaml", yaml).param("hash", hash).param("user", user).update();
	}

	private record Stored(String code, int version, String sourceFile, String yaml) {
	}

	private List<Stored> stored() {
		return jdbc.sql("select code, version, source_file from dossier_procedure order by code, version")
			.query((rs, i) -> new Stored(rs.getString("code"), rs.getInt("version"), rs.getString("source_file"), null)).list();
	}

	private static String key(String code, int version) {
		return code + "/" + version;
	}
}
