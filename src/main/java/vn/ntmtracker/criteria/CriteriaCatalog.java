package vn.ntmtracker.criteria;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import org.springframework.context.event.EventListener;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.CacheInvalidated;
import vn.ntmtracker.ClusterEvents;
import vn.ntmtracker.AuditEvent.Action;

/**
 * The criteria sets in force and their history. Files under {@code criteria/sets/} are loaded at start-up
 * (idempotently; a published version whose file changed is a start-up error, because published content is
 * immutable and new content is a new version). Administrators derive drafts, edit, publish and retire.
 */
@Service
public class CriteriaCatalog {

	private static final Logger log = LoggerFactory.getLogger(CriteriaCatalog.class);

	/** The topic of {@link CacheInvalidated} for a set version whose status changed; key {@code CODE/version}. */
	public static final String CACHE_TOPIC = "criteria-set";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final ClusterEvents cluster;
	/**
	 * Published and retired versions by reference. Their content never changes, but their status does (retire): a
	 * status change on any node is announced through {@link ClusterEvents} and drops the entry on every node.
	 */
	private final Map<SetRef, CriteriaSetDefinition> published = new ConcurrentHashMap<>();
	/** Crosswalk files are read with the set files at start-up; they only change with a new release. */
	private volatile List<Crosswalk> crosswalks = List.of();
	/** Register bindings of published versions from {@code criteria/bindings.yaml}, read with the set files. */
	private volatile Map<SetRef, Map<String, RegisterBinding>> fileBindings = Map.of();

	CriteriaCatalog(JdbcClient jdbc, ApplicationEventPublisher events, ClusterEvents cluster) {
		this.jdbc = jdbc;
		this.events = events;
		this.cluster = cluster;
	}

	/** A version's status changed on some node (or this node reconnected): forget what is cached of it. */
	@EventListener
	void on(CacheInvalidated event) {
		if (event.coversAll(CACHE_TOPIC)) {
			published.clear();
		}
		else if (CACHE_TOPIC.equals(event.topic())) {
			published.remove(SetRef.parse(event.key()));
		}
	}

	/** The key of a set version in {@link #CACHE_TOPIC} notifications. */
	public static String cacheKey(String code, int version) {
		return code + "/" + version;
	}

	/**
	 * One row of the catalog; also the JSON of {@code GET /api/criteria-sets}. {@code appliesUntil} is the last day
	 * the version applies to a round (its validTo, or the day before a later version takes over; null when open);
	 * {@code neverApplies} is true for drafts and for versions a later version corrects.
	 */
	public record SetSummary(String code, int version, String title, Tier tier, String scope, LocalDate validFrom,
			LocalDate validTo, SetStatus status, int criteriaCount, int indicatorCount, boolean provisional,
			String derivedFrom, LocalDate appliesUntil, boolean neverApplies) {
	}

	/**
	 * A set a unit of a province may be assessed against on a date: national sets and the province's own, each in the
	 * version that applies on that date. {@code current} marks the one the province uses for the tier.
	 */
	public record ApplicableSet(SetRef ref, String title, Tier tier, String provinceCode, String provinceName,
			LocalDate validFrom, LocalDate validTo, boolean provincial, boolean current, boolean provisional) {
	}

	/** A province's choice for one tier: its own sets of that tier and the one marked current (null = national). */
	public record ProvinceChoice(String provinceCode, String provinceName, Tier tier, List<String> provincialSets,
			String currentSet, int rowVersion, String chosenBy) {
	}

	/** A stored version with what the editor needs. */
	public record StoredVersion(CriteriaSetDefinition definition, SetStatus status, String sourceYaml,
			String sourceFile, int rowVersion) {
	}

	@Transactional
	public void loadFiles() {
		int inserted = 0;
		List<CriteriaSetFiles.LoadedSet> files = CriteriaSetFiles.loadAll();
		crosswalks = List.copyOf(CrosswalkFiles.loadAll(files));
		fileBindings = BindingFiles.loadAll(files);
		for (CriteriaSetFiles.LoadedSet file : files) {
			CriteriaSetDefinition set = file.definition();
			Optional<String[]> stored = jdbc.sql("select content_hash, status from criteria_set_version where code = :code and version = :version")
				.param("code", set.code()).param("version", set.version())
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).optional();
			if (stored.isEmpty()) {
				insert(set, sourceOf(file.fileName()), file.fileName(), file.contentHash(), "system");
				inserted++;
			}
			else if (!stored.get()[1].equals(SetStatus.DRAFT.name()) && !stored.get()[0].equals(file.contentHash())
					&& !stored.get()[0].equals(CriteriaSetJson.contentHash(set.withStatus(SetStatus.valueOf(stored.get()[1]))))) {
				// A version retired in the application differs from its file only by its status.
				throw new CriteriaFileException(file.fileName() + ": set " + set.code() + " version " + set.version()
						+ " is " + stored.get()[1].toLowerCase() + " and its content changed since it was loaded;"
						+ " published content is immutable — put the new content in a new version");
			}
		}
		if (inserted > 0) {
			log.info("Loaded {} criteria set version(s) from files", inserted);
		}
	}

	private static String sourceOf(String fileName) {
		try {
			return new ClassPathResource(CriteriaSetFiles.FOLDER + fileName).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void insert(CriteriaSetDefinition set, String yaml, String fileName, String hash, String user) {
		jdbc.sql("""
				insert into criteria_set_version (code, version, title, tier, scope_code, scope_name, status, valid_from,
				    valid_to, derived_from_code, derived_from_version, criteria_count, indicator_count, provisional,
				    source_file, source_yaml, definition, content_hash, created_by, published_at)
				values (:code, :version, :title, :tier, :scopeCode, :scopeName, :status, :from, :to, :dfCode, :dfVersion,
				    :criteria, :indicators, :provisional, :file, :yaml, cast(:json as jsonb), :hash, :user,
				    case when :status = 'PUBLISHED' then now() end)""")
			.param("code", set.code()).param("version", set.version()).param("title", set.title())
			.param("tier", set.tier().name())
			.param("scopeCode", set.scope() == null ? null : set.scope().provinceCode())
			.param("scopeName", set.scope() == null ? null : set.scope().provinceName())
			.param("status", set.status().name()).param("from", set.validFrom()).param("to", set.validTo())
			.param("dfCode", set.derivedFrom() == null ? null : set.derivedFrom().code())
			.param("dfVersion", set.derivedFrom() == null ? null : set.derivedFrom().version())
			.param("criteria", set.criteriaCount()).param("indicators", set.indicatorCount())
			.param("provisional", set.hasProvisionalContent()).param("file", fileName).param("yaml", yaml)
			.param("json", CriteriaSetJson.toJson(set)).param("hash", hash).param("user", user)
			.update();
	}

	public List<SetSummary> list() {
		List<SetSummary> rows = jdbc.sql("""
				select code, version, title, tier, scope_name, valid_from, valid_to, status, criteria_count,
				       indicator_count, provisional, derived_from_code, derived_from_version
				from criteria_set_version order by coalesce(valid_from, '1900-01-01') desc, code, version desc""")
			.query((rs, i) -> new SetSummary(rs.getString("code"), rs.getInt("version"), rs.getString("title"),
					Tier.valueOf(rs.getString("tier")), rs.getString("scope_name") == null ? "Toàn quốc" : rs.getString("scope_name"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					SetStatus.valueOf(rs.getString("status")), rs.getInt("criteria_count"), rs.getInt("indicator_count"),
					rs.getBoolean("provisional"),
					rs.getString("derived_from_code") == null ? null : rs.getString("derived_from_code") + " v" + rs.getInt("derived_from_version"),
					null, false))
			.list();
		Map<String, List<SetVersions.Entry>> entries = new LinkedHashMap<>();
		for (SetSummary row : rows) {
			List<Integer> corrects = row.status() == SetStatus.DRAFT ? List.of() : definition(row.code(), row.version()).corrects();
			entries.computeIfAbsent(row.code(), code -> new ArrayList<>())
				.add(new SetVersions.Entry(row.version(), row.status(), row.validFrom(), row.validTo(), corrects));
		}
		return rows.stream().map(row -> {
			List<SetVersions.Entry> versions = entries.get(row.code());
			return new SetSummary(row.code(), row.version(), row.title(), row.tier(), row.scope(), row.validFrom(),
					row.validTo(), row.status(), row.criteriaCount(), row.indicatorCount(), row.provisional(),
					row.derivedFrom(), SetVersions.effectiveValidTo(versions, row.version()).orElse(null),
					!SetVersions.everApplies(versions, row.version()));
		}).toList();
	}

	/**
	 * The version of a set that applies to a round dated {@code date}: a round keeps the version in force on its as-of
	 * date (a 2023 round of QĐ 318 is judged on version 1 after version 2 is published from 01/03/2024). See
	 * {@link SetVersions}.
	 */
	public Optional<CriteriaSetDefinition> versionOn(String code, LocalDate date) {
		return SetVersions.versionOn(entries(code), date).map(version -> definition(code, version));
	}

	/** The stored versions of one set, as {@link SetVersions} needs them. */
	private List<SetVersions.Entry> entries(String code) {
		return jdbc.sql("select version, status, valid_from, valid_to from criteria_set_version where code = :code order by version")
			.param("code", code)
			.query((rs, i) -> {
				int version = rs.getInt(1);
				SetStatus status = SetStatus.valueOf(rs.getString(2));
				List<Integer> corrects = status == SetStatus.DRAFT ? List.of() : definition(code, version).corrects();
				return new SetVersions.Entry(version, status, rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class), corrects);
			})
			.list();
	}

	/**
	 * The sets a unit of {@code provinceCode} may be assessed against for {@code tier} on {@code date}: every national
	 * set and that province's own sets (never another province's), each in the version that applies on the date. The
	 * one the province marked current for the tier comes first with {@code current}; without a mark the national set
	 * is current.
	 */
	public List<ApplicableSet> applicableSets(String provinceCode, Tier tier, LocalDate date) {
		List<String> codes = jdbc.sql("""
				select distinct code from criteria_set_version
				where tier = :tier and status <> 'DRAFT' and (scope_code is null or scope_code = :province)
				order by code""")
			.param("tier", tier.name()).param("province", provinceCode).query(String.class).list();
		String chosen = provinceCode == null ? null : jdbc.sql("""
				select set_code from criteria_province_set where province_code = :province and tier = :tier""")
			.param("province", provinceCode).param("tier", tier.name()).query(String.class).optional().orElse(null);
		List<ApplicableSet> sets = new ArrayList<>();
		for (String code : codes) {
			versionOn(code, date).ifPresent(set -> {
				boolean provincial = set.scope() != null && !set.scope().national();
				if (provincial && !set.scope().provinceCode().equals(provinceCode)) {
					return;
				}
				boolean current = chosen == null ? !provincial : chosen.equals(set.code());
				sets.add(new ApplicableSet(set.ref(), set.title(), set.tier(), provincial ? set.scope().provinceCode() : null,
						provincial ? set.scope().provinceName() : null, set.validFrom(), set.validTo(), provincial, current,
						set.hasProvisionalContent()));
			});
		}
		sets.sort(java.util.Comparator.comparing((ApplicableSet a) -> !a.current()).thenComparing(a -> !a.provincial())
			.thenComparing(a -> a.ref().code()));
		if (!sets.isEmpty() && sets.stream().noneMatch(ApplicableSet::current)) {
			// No national set for this tier (e.g. khu dân cư kiểu mẫu) and no choice: the province's own set is current.
			ApplicableSet first = sets.get(0);
			sets.set(0, new ApplicableSet(first.ref(), first.title(), first.tier(), first.provinceCode(), first.provinceName(),
					first.validFrom(), first.validTo(), first.provincial(), true, first.provisional()));
		}
		return sets;
	}

	/** For each province with sets of its own, and each tier it has sets for: its sets and the current choice. */
	public List<ProvinceChoice> provinceChoices() {
		record Row(String province, String name, Tier tier, String code) {
		}
		List<Row> rows = jdbc.sql("""
				select distinct scope_code, scope_name, tier, code from criteria_set_version
				where scope_code is not null and status <> 'DRAFT' order by scope_name, tier, code""")
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), Tier.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
		Map<String, ProvinceChoice> choices = new LinkedHashMap<>();
		for (Row row : rows) {
			ProvinceChoice existing = choices.get(row.province() + "|" + row.tier());
			List<String> codes = new ArrayList<>(existing == null ? List.of() : existing.provincialSets());
			if (!codes.contains(row.code())) {
				codes.add(row.code());
			}
			choices.put(row.province() + "|" + row.tier(), new ProvinceChoice(row.province(), row.name(), row.tier(),
					List.copyOf(codes), null, -1, null));
		}
		List<ProvinceChoice> result = new ArrayList<>();
		for (ProvinceChoice choice : choices.values()) {
			var stored = jdbc.sql("""
					select set_code, row_version, chosen_by from criteria_province_set
					where province_code = :province and tier = :tier""")
				.param("province", choice.provinceCode()).param("tier", choice.tier().name())
				.query((rs, i) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getString(3) }).optional();
			result.add(new ProvinceChoice(choice.provinceCode(), choice.provinceName(), choice.tier(),
					choice.provincialSets(), stored.map(o -> (String) o[0]).orElse(null),
					stored.map(o -> (Integer) o[1]).orElse(-1), stored.map(o -> (String) o[2]).orElse(null)));
		}
		return result;
	}

	/**
	 * Marks which of a province's own sets is current for a tier, or the national set when {@code setCode} is blank.
	 * {@code expectedRowVersion} is -1 when no choice was stored yet; a concurrent choice is refused.
	 */
	@Transactional
	public void chooseProvinceSet(String provinceCode, Tier tier, String setCode, int expectedRowVersion) {
		String code = setCode == null || setCode.isBlank() ? null : setCode.trim();
		ProvinceChoice choice = provinceChoices().stream()
			.filter(c -> c.provinceCode().equals(provinceCode) && c.tier() == tier).findFirst()
			.orElseThrow(() -> new CriteriaEditException("Tỉnh " + provinceCode + " không có bộ tiêu chí riêng cho loại hình "
					+ tier.label().toLowerCase()));
		if (code != null && !choice.provincialSets().contains(code)) {
			throw new CriteriaEditException("Bộ tiêu chí " + code + " không phải bộ riêng của " + choice.provinceName()
					+ " cho loại hình " + tier.label().toLowerCase());
		}
		int updated;
		if (expectedRowVersion < 0) {
			updated = jdbc.sql("""
					insert into criteria_province_set (province_code, tier, set_code, chosen_by)
					values (:province, :tier, :code, :user) on conflict do nothing""")
				.param("province", provinceCode).param("tier", tier.name()).param("code", code)
				.param("user", currentUser()).update();
		}
		else {
			updated = jdbc.sql("""
					update criteria_province_set set set_code = :code, chosen_by = :user, chosen_at = now(),
					    row_version = row_version + 1
					where province_code = :province and tier = :tier and row_version = :expected""")
				.param("province", provinceCode).param("tier", tier.name()).param("code", code)
				.param("user", currentUser()).param("expected", expectedRowVersion).update();
		}
		if (updated == 0) {
			throw new ConcurrentEditException("Bộ tiêu chí đang áp dụng của " + choice.provinceName()
					+ " vừa được người khác thay đổi; hãy tải lại trang.");
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("setCode", choice.currentSet());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("setCode", code);
		events.publishEvent(AuditEvent.of(expectedRowVersion < 0 ? Action.CREATE : Action.UPDATE, "criteria_province_set",
				provinceCode + " " + tier.name(), null, before, after));
	}

	/** The newest published version of a set (retired ones only when nothing newer is published). */
	public Optional<CriteriaSetDefinition> current(String code) {
		return jdbc.sql("""
				select version from criteria_set_version where code = :code and status <> 'DRAFT'
				order by status = 'PUBLISHED' desc, version desc limit 1""")
			.param("code", code).query(Integer.class).optional().map(version -> definition(code, version));
	}

	/** A published or retired version, cached: those never change. Drafts are read fresh. */
	public CriteriaSetDefinition definition(String code, int version) {
		SetRef ref = new SetRef(code, version);
		CriteriaSetDefinition cached = published.get(ref);
		if (cached != null) {
			return cached;
		}
		StoredVersion stored = stored(code, version).orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		if (stored.status() != SetStatus.DRAFT) {
			published.put(ref, stored.definition());
		}
		return stored.definition();
	}

	/**
	 * The register bindings of a set version by indicator code: those its indicators carry ({@code computedFrom}) and
	 * those {@code criteria/bindings.yaml} gives the version. Empty for a set nothing is counted for.
	 */
	public Map<String, RegisterBinding> bindings(String code, int version) {
		Map<String, RegisterBinding> bindings = new LinkedHashMap<>();
		Map<String, RegisterBinding> fromFile = fileBindings.getOrDefault(new SetRef(code, version), Map.of());
		for (Indicator indicator : definition(code, version).allIndicators()) {
			RegisterBinding binding = indicator.computedFrom() != null ? indicator.computedFrom() : fromFile.get(indicator.code());
			if (binding != null) {
				bindings.put(indicator.code(), binding);
			}
		}
		return bindings;
	}

	public Optional<StoredVersion> stored(String code, int version) {
		return jdbc.sql("""
				select definition::text, status, source_yaml, source_file, row_version
				from criteria_set_version where code = :code and version = :version""")
			.param("code", code).param("version", version)
			.query((rs, i) -> new StoredVersion(CriteriaSetJson.fromJson(rs.getString(1)),
					SetStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.optional();
	}

	public List<Integer> versions(String code) {
		return jdbc.sql("select version from criteria_set_version where code = :code order by version")
			.param("code", code).query(Integer.class).list();
	}

	/**
	 * Starts a draft from a published version: the next version of the same set, or a new set (e.g. a
	 * province's stricter variant) when {@code newCode} is given.
	 */
	@Transactional
	public SetRef derive(String code, int version, String newCode, String provinceCode, String provinceName,
			String title) {
		StoredVersion source = stored(code, version).orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		if (source.status() == SetStatus.DRAFT) {
			throw new CriteriaEditException("Chỉ tạo phiên bản mới từ một bộ tiêu chí đã ban hành");
		}
		String targetCode = newCode == null || newCode.isBlank() ? code : newCode.trim().toUpperCase();
		if (!targetCode.matches("[A-Z0-9][A-Z0-9_.-]{1,63}")) {
			throw new CriteriaEditException("Mã bộ tiêu chí không hợp lệ: " + targetCode);
		}
		int targetVersion = jdbc.sql("select coalesce(max(version), 0) + 1 from criteria_set_version where code = :code")
			.param("code", targetCode).query(Integer.class).single();
		Map<String, Object> yaml = yaml().load(source.sourceYaml());
		Map<String, Object> draft = new LinkedHashMap<>(yaml);
		draft.put("code", targetCode);
		draft.put("version", targetVersion);
		draft.put("status", "DRAFT");
		Map<String, Object> derivedFrom = new LinkedHashMap<>();
		derivedFrom.put("code", code);
		derivedFrom.put("version", version);
		draft.put("derivedFrom", derivedFrom);
		if (title != null && !title.isBlank()) {
			draft.put("title", title.trim());
		}
		if (provinceCode != null && !provinceCode.isBlank()) {
			Map<String, Object> scope = new LinkedHashMap<>();
			scope.put("provinceCode", provinceCode.trim());
			scope.put("provinceName", provinceName == null || provinceName.isBlank() ? provinceCode.trim() : provinceName.trim());
			draft.put("scope", scope);
		}
		String text = dump(draft);
		CriteriaSetFiles.LoadedSet parsed = parse(targetCode, text);
		insert(parsed.definition(), text, null, parsed.contentHash(), currentUser());
		events.publishEvent(AuditEvent.of(Action.CREATE, "criteria_set", targetCode + " v" + targetVersion, null, null,
				Map.of("derivedFrom", code + " v" + version)));
		return new SetRef(targetCode, targetVersion);
	}

	/** Saves an edited draft; validation errors (with key paths) leave the stored draft unchanged. */
	@Transactional
	public List<ValidationError> saveDraft(String code, int version, String yamlText, int expectedRowVersion) {
		StoredVersion stored = stored(code, version).orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		requireDraft(stored);
		CriteriaSetFiles.LoadedSet parsed;
		try {
			parsed = parse(code, yamlText);
		}
		catch (CriteriaFileException ex) {
			return List.of(new ValidationError("", ex.getMessage()));
		}
		CriteriaSetDefinition set = parsed.definition();
		List<ValidationError> errors = new ArrayList<>();
		if (!set.code().equals(code) || set.version() != version) {
			errors.add(new ValidationError("code", "Mã và phiên bản của bản nháp phải giữ nguyên: " + code + " v" + version));
		}
		if (set.status() != SetStatus.DRAFT) {
			errors.add(new ValidationError("status", "Bản nháp phải giữ trạng thái DRAFT; dùng nút Ban hành để ban hành"));
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		updateDraft(code, version, yamlText, set, parsed.contentHash(), expectedRowVersion);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "criteria_set", code + " v" + version, null,
				Map.of("contentHash", "previous"), Map.of("contentHash", parsed.contentHash(),
						"changes", CriteriaSetDiff.between(stored.definition(), set).size())));
		return List.of();
	}

	private void updateDraft(String code, int version, String yamlText, CriteriaSetDefinition set, String hash,
			int expectedRowVersion) {
		int updated = jdbc.sql("""
				update criteria_set_version set source_yaml = :yaml, definition = cast(:json as jsonb), content_hash = :hash,
				    title = :title, tier = :tier, scope_code = :scopeCode, scope_name = :scopeName, valid_from = :from,
				    valid_to = :to, criteria_count = :criteria, indicator_count = :indicators, provisional = :provisional,
				    row_version = row_version + 1
				where code = :code and version = :version and row_version = :expected and status = 'DRAFT'""")
			.param("yaml", yamlText).param("json", CriteriaSetJson.toJson(set)).param("hash", hash)
			.param("title", set.title()).param("tier", set.tier().name())
			.param("scopeCode", set.scope() == null ? null : set.scope().provinceCode())
			.param("scopeName", set.scope() == null ? null : set.scope().provinceName())
			.param("from", set.validFrom()).param("to", set.validTo()).param("criteria", set.criteriaCount())
			.param("indicators", set.indicatorCount()).param("provisional", set.hasProvisionalContent())
			.param("code", code).param("version", version).param("expected", expectedRowVersion)
			.update();
		if (updated == 0) {
			throw new ConcurrentEditException("Bản nháp " + code + " v" + version
					+ " vừa được người khác sửa. Hãy tải lại trang, xem thay đổi của họ rồi sửa lại.");
		}
	}

	/**
	 * Applies a change made in the threshold form or the XLSX sheet. Editing a draft changes that draft (refused when
	 * someone saved it since {@code expectedRowVersion}); editing a published or retired version writes the next
	 * version as a new draft derived from it. Nothing is written when nothing changes or the result is not a valid
	 * set. Returns the draft and the changes in Vietnamese.
	 */
	@Transactional
	public Edit edit(String code, int version, int expectedRowVersion, UnaryOperator<CriteriaSetDefinition> change,
			String how) {
		StoredVersion stored = stored(code, version).orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		boolean newDraft = stored.status() != SetStatus.DRAFT;
		if (!newDraft && stored.rowVersion() != expectedRowVersion) {
			throw new ConcurrentEditException("Bản nháp " + code + " v" + version
					+ " vừa được người khác sửa. Hãy tải lại trang, xem thay đổi của họ rồi sửa lại.");
		}
		if (newDraft) {
			int newer = jdbc.sql("""
					select coalesce(max(version), 0) from criteria_set_version
					where code = :code and version > :version and status <> 'DRAFT'""")
				.param("code", code).param("version", version).query(Integer.class).single();
			if (newer > 0) {
				throw new CriteriaEditException("Đã có " + code + " phiên bản " + newer + " ban hành sau phiên bản " + version
						+ "; hãy sửa (hoặc tải bảng ngưỡng của) phiên bản mới nhất để không làm mất các thay đổi của phiên bản đó.");
			}
		}
		int targetVersion = newDraft ? jdbc.sql("select coalesce(max(version), 0) + 1 from criteria_set_version where code = :code")
			.param("code", code).query(Integer.class).single() : version;
		CriteriaSetDefinition target = change.apply(newDraft ? stored.definition().draft(targetVersion) : stored.definition());
		List<String> changes = ReadableDiff.between(stored.definition(), target);
		if (changes.isEmpty()) {
			throw new CriteriaEditException("Không có thay đổi nào so với " + code + " phiên bản " + version
					+ "; không tạo bản nháp.");
		}
		String yamlText = CriteriaSetYamlWriter.write(target);
		CriteriaSetFiles.LoadedSet parsed;
		try {
			parsed = parse(code, yamlText);
		}
		catch (CriteriaFileException ex) {
			throw new CriteriaEditException("Bộ tiêu chí sau khi sửa chưa hợp lệ, chưa lưu: " + ex.getMessage());
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("how", how);
		after.put("changes", changes);
		if (newDraft) {
			insert(parsed.definition(), yamlText, null, parsed.contentHash(), currentUser());
			after.put("derivedFrom", code + " v" + version);
			events.publishEvent(AuditEvent.of(Action.CREATE, "criteria_set", code + " v" + targetVersion, null, null, after));
		}
		else {
			updateDraft(code, version, yamlText, parsed.definition(), parsed.contentHash(), expectedRowVersion);
			events.publishEvent(AuditEvent.of(Action.UPDATE, "criteria_set", code + " v" + version, null,
					Map.of("contentHash", CriteriaSetJson.contentHash(stored.definition())), after));
		}
		return new Edit(new SetRef(code, targetVersion), changes, newDraft);
	}

	/** The draft an edit wrote, what changed in Vietnamese, and whether the draft is new. */
	public record Edit(SetRef draft, List<String> changes, boolean newDraft) {
	}

	/** What a draft changes compared with the version it was derived from (or the previous version), in Vietnamese. */
	public List<String> changesOf(String code, int version) {
		CriteriaSetDefinition draft = definition(code, version);
		SetRef base = draft.derivedFrom() != null ? draft.derivedFrom()
				: version > 1 ? new SetRef(code, version - 1) : null;
		if (base == null || stored(base.code(), base.version()).isEmpty()) {
			return List.of();
		}
		return ReadableDiff.between(definition(base.code(), base.version()), draft);
	}

	@Transactional
	public List<ValidationError> publish(String code, int version, int expectedRowVersion) {
		StoredVersion stored = stored(code, version).orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		requireDraft(stored);
		List<ValidationError> errors = CriteriaSetValidator.validate(stored.definition());
		if (!errors.isEmpty()) {
			return errors;
		}
		String yaml = dump(withStatus(stored.sourceYaml(), "PUBLISHED"));
		CriteriaSetFiles.LoadedSet parsed = parse(code, yaml);
		changeStatus(code, version, expectedRowVersion, SetStatus.PUBLISHED, yaml, parsed);
		events.publishEvent(new CriteriaSetPublished(code, version));
		return List.of();
	}

	@Transactional
	public void retire(String code, int version, int expectedRowVersion) {
		StoredVersion stored = stored(code, version).orElseThrow(() -> new CriteriaSetNotFoundException(code, version));
		if (stored.status() != SetStatus.PUBLISHED) {
			throw new CriteriaEditException("Chỉ ngừng áp dụng được bộ tiêu chí đang ban hành");
		}
		String yaml = dump(withStatus(stored.sourceYaml(), "RETIRED"));
		changeStatus(code, version, expectedRowVersion, SetStatus.RETIRED, yaml, parse(code, yaml));
		published.remove(new SetRef(code, version));
	}

	private void changeStatus(String code, int version, int expectedRowVersion, SetStatus status, String yaml,
			CriteriaSetFiles.LoadedSet parsed) {
		int updated = jdbc.sql("""
				update criteria_set_version set status = :status, source_yaml = :yaml, definition = cast(:json as jsonb),
				    content_hash = :hash, row_version = row_version + 1,
				    published_at = case when :status = 'PUBLISHED' then now() else published_at end
				where code = :code and version = :version and row_version = :expected""")
			.param("status", status.name()).param("yaml", yaml).param("json", CriteriaSetJson.toJson(parsed.definition()))
			.param("hash", parsed.contentHash()).param("code", code).param("version", version)
			.param("expected", expectedRowVersion).update();
		if (updated == 0) {
			throw new ConcurrentEditException("Bộ tiêu chí " + code + " v" + version + " vừa được người khác thay đổi; hãy tải lại trang.");
		}
		cluster.publish(CACHE_TOPIC, cacheKey(code, version));
		events.publishEvent(AuditEvent.of(Action.UPDATE, "criteria_set", code + " v" + version, null, null,
				Map.of("status", status.name())));
	}

	public List<CriteriaSetDiff.Change> diff(String fromCode, int fromVersion, String toCode, int toVersion) {
		return CriteriaSetDiff.between(definition(fromCode, fromVersion), definition(toCode, toVersion));
	}

	public List<Crosswalk> crosswalks() {
		return crosswalks;
	}

	private static void requireDraft(StoredVersion stored) {
		if (stored.status() != SetStatus.DRAFT) {
			throw new CriteriaEditException("Bộ tiêu chí đã ban hành không sửa được; hãy tạo phiên bản mới");
		}
	}

	private static Map<String, Object> withStatus(String yamlText, String status) {
		Map<String, Object> yaml = new LinkedHashMap<>(yaml().<Map<String, Object>>load(yamlText));
		yaml.put("status", status);
		return yaml;
	}

	private static CriteriaSetFiles.LoadedSet parse(String code, String yamlText) {
		return CriteriaSetFiles.load(code.toLowerCase() + ".yaml", new StringReader(yamlText));
	}

	private static String dump(Map<String, Object> yaml) {
		return yaml().dump(yaml);
	}

	/**
	 * Dates stay text on the way through (SnakeYAML would turn 2022-01-01 into a timestamp and write it back
	 * as 2022-01-01T00:00:00Z), so a derived draft reads like the file it came from.
	 */
	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setWidth(120);
		options.setIndent(2);
		Resolver resolver = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
				addImplicitResolver(Tag.INT, INT, "-+0123456789");
				addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
				addImplicitResolver(Tag.NULL, NULL, "~nN\0");
				addImplicitResolver(Tag.NULL, EMPTY, null);
			}
		};
		return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options, resolver);
	}

	private static String currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}
}
