package vn.ntmtracker.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.UnitScope;
import vn.ntmtracker.units.Units;

/**
 * Accounts as an administrator or a coordination office manages them: create (a one-time password shown once, to be
 * changed at first login), edit, disable and re-enable, grant and revoke roles on unit subtrees (a sector department
 * with its criteria), reset a password. A coordination office manages the accounts whose grants all lie in its
 * subtree and grants only there, never administrator or nationwide roles. The last active administrator cannot be
 * disabled nor lose the role. Disabling or resetting ends the user's sessions and tokens at once. Every change is
 * audited.
 */
@Service
public class UserAdministration {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
	static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,100}\\.[^@\\s]{1,50}");
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final UserAccounts accounts;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final Units units;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	UserAdministration(JdbcClient jdbc, UserAccounts accounts, AccessPolicy access, Authorization authorization, Units units,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.access = access;
		this.authorization = authorization;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	public record GrantView(long id, Role role, String unitCode, String unitName, List<Integer> criteria) {
	}

	public record UserView(String username, String displayName, String email, boolean enabled, boolean mustChangePassword,
			List<GrantView> grants, int version) {
	}

	public record UserPage(List<UserView> content, int page, int size, long totalElements) {

		public int totalPages() {
			return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
		}
	}

	public record Created(String username, String oneTimePassword) {
	}

	public record NewGrant(Role role, String unitCode, List<Integer> criteria) {
	}

	/** Users the current manager may see: everyone for an administrator, else those with a grant in their subtrees. */
	public UserPage search(String query, int page, int size) {
		CurrentUser me = requireManager();
		String key = SearchKey.of(query);
		UnitScope scope = managedScope(me);
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		// every word of the query, in any order: "giang huong" finds Nguyễn Thị Hương Giang
		String[] words = key.replace("%", "").replace("_", "").split("\\s+");
		for (int i = 0; i < words.length && i < 8; i++) {
			if (!words[i].isEmpty()) {
				where.append(" and u.search_key like :w").append(i);
				params.put("w" + i, "%" + words[i] + "%");
			}
		}
		if (!scope.unrestricted()) {
			where.append(" and exists (select 1 from role_grant g join units_v_line p on p.unit_code = g.unit_code")
				.append(" where g.user_id = u.id and p.path ~ :scope)");
			params.put("scope", scopeRegex(scope));
		}
		var count = jdbc.sql("select count(*) from app_user u" + where);
		var select = jdbc.sql("select u.username from app_user u" + where + " order by u.username limit :limit offset :offset");
		params.forEach((k, v) -> {
			count.param(k, v);
			select.param(k, v);
		});
		long total = count.query(Long.class).single();
		List<String> names = select.param("limit", size).param("offset", (long) page * size).query(String.class).list();
		return new UserPage(names.stream().map(this::view).toList(), page, size, total);
	}

	public UserView get(String username) {
		UserView user = view(username);
		requireManages(user);
		return user;
	}

	@Transactional
	public Created create(String username, String displayName, String email) {
		requireManager();
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		List<String> problems = new ArrayList<>();
		if (!USERNAME.matcher(name).matches()) {
			problems.add("user.error.username");
		}
		else if (accounts.find(name).isPresent()) {
			problems.add("user.error.taken");
		}
		String display = SearchKey.clean(displayName);
		if (display == null || display.isEmpty() || display.length() > 200) {
			problems.add("user.error.displayName");
		}
		String mail = blankToNull(email);
		if (mail != null && (mail.length() > 200 || !EMAIL.matcher(mail).matches())) {
			problems.add("user.error.email");
		}
		if (!problems.isEmpty()) {
			throw new UserAdministrationException(problems);
		}
		String password = oneTimePassword();
		accounts.create(name, display, password, true, List.of());
		jdbc.sql("update app_user set email = :email where username = :u").param("email", mail).param("u", name).update();
		return new Created(name, password);
	}

	@Transactional
	public UserView update(String username, String displayName, String email, Boolean enabled, Integer expectedVersion) {
		UserView before = get(username);
		String display = displayName == null ? before.displayName() : SearchKey.clean(displayName);
		List<String> problems = new ArrayList<>();
		if (display == null || display.isEmpty() || display.length() > 200) {
			problems.add("user.error.displayName");
		}
		String mail = email == null ? before.email() : blankToNull(email);
		if (mail != null && (mail.length() > 200 || !EMAIL.matcher(mail).matches())) {
			problems.add("user.error.email");
		}
		if (!problems.isEmpty()) {
			throw new UserAdministrationException(problems);
		}
		boolean enable = enabled == null ? before.enabled() : enabled;
		if (!enable && before.enabled() && isLastActiveAdministrator(username)) {
			throw new UserAdministrationException(List.of("user.error.lastAdmin"));
		}
		if (!enable && username.equals(access.currentUsername())) {
			throw new UserAdministrationException(List.of("user.error.self"));
		}
		int updated = jdbc.sql("""
				update app_user set display_name = :name, search_key = :key, email = :email, enabled = :enabled, version = version + 1,
				       session_epoch = session_epoch + case when enabled and not :enabled then 1 else 0 end
				where username = :u and (:expected::int is null or version = :expected::int)""")
			.param("name", display).param("key", UserAccounts.searchKey(username, display)).param("email", mail)
			.param("enabled", enable).param("u", username)
			.param("expected", expectedVersion).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("user " + username);
		}
		if (!enable && before.enabled()) {
			accounts.revokeTokens(username);
		}
		UserView after = view(username);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "user", username, null,
				Map.of("displayName", before.displayName(), "email", String.valueOf(before.email()), "enabled", before.enabled()),
				Map.of("displayName", after.displayName(), "email", String.valueOf(after.email()), "enabled", after.enabled())));
		return after;
	}

	@Transactional
	public GrantView grant(String username, NewGrant grant) {
		UserView user = get(username);
		CurrentUser me = requireManager();
		List<String> problems = new ArrayList<>();
		if (grant.role() == null) {
			problems.add("user.error.role");
		}
		String unit = blankToNull(grant.unitCode());
		List<Integer> criteria = grant.criteria() == null ? List.of() : grant.criteria();
		if (grant.role() != null && grant.role() != Role.ADMIN && unit == null && !me.isAdmin()) {
			problems.add("user.error.unitRequired");
		}
		if (unit != null && !units.exists(unit)) {
			problems.add("user.error.unit");
		}
		if (!criteria.isEmpty() && grant.role() != Role.SECTOR) {
			problems.add("user.error.criteriaOnlySector");
		}
		if (criteria.stream().anyMatch(c -> c == null || c < 1 || c > 99)) {
			problems.add("user.error.criteria");
		}
		if (!problems.isEmpty()) {
			throw new UserAdministrationException(problems);
		}
		if (grant.role() == Role.ADMIN || unit == null) {
			if (!me.isAdmin()) {
				throw new AccessDeniedException("Chỉ quản trị hệ thống giao quyền quản trị hoặc quyền toàn quốc");
			}
		}
		else {
			authorization.require(Permission.MANAGE_USERS, Target.unit(unit, LocalDate.now(clock)));
		}
		String packed = criteria.isEmpty() ? null : String.join(",", new TreeSet<>(criteria).stream().map(c -> "*:" + c).toList());
		long id = jdbc.sql("""
				insert into role_grant (user_id, role, unit_code, criteria)
				values ((select id from app_user where username = :u), :role, :unit, :criteria) returning id""")
			.param("u", user.username()).param("role", grant.role().name()).param("unit", unit).param("criteria", packed)
			.query(Long.class).single();
		GrantView created = view(username).grants().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
		events.publishEvent(AuditEvent.of(Action.CREATE, "role_grant", username + "/" + id, unit, null,
				Map.of("role", grant.role().name(), "unit", String.valueOf(unit), "criteria", criteria)));
		return created;
	}

	@Transactional
	public void revoke(String username, long grantId) {
		UserView user = get(username);
		GrantView grant = user.grants().stream().filter(g -> g.id() == grantId).findFirst()
			.orElseThrow(() -> new UserAdministrationException(List.of("user.error.noGrant")));
		CurrentUser me = requireManager();
		if (grant.role() == Role.ADMIN || grant.unitCode() == null) {
			if (!me.isAdmin()) {
				throw new AccessDeniedException("Chỉ quản trị hệ thống thu hồi quyền quản trị hoặc quyền toàn quốc");
			}
			if (grant.role() == Role.ADMIN && isLastActiveAdministrator(username)) {
				throw new UserAdministrationException(List.of("user.error.lastAdmin"));
			}
		}
		else {
			authorization.require(Permission.MANAGE_USERS, Target.unit(grant.unitCode(), LocalDate.now(clock)));
		}
		jdbc.sql("delete from role_grant where id = :id").param("id", grantId).update();
		events.publishEvent(AuditEvent.of(Action.DELETE, "role_grant", username + "/" + grantId, grant.unitCode(),
				Map.of("role", grant.role().name(), "unit", String.valueOf(grant.unitCode()), "criteria", grant.criteria()), null));
	}

	/** A new one-time password, shown once; the user must change it at the next login; sessions and tokens end. */
	@Transactional
	public String resetPassword(String username) {
		get(username);
		String password = oneTimePassword();
		accounts.changePassword(username, password);
		jdbc.sql("update app_user set must_change_password = true where username = :u").param("u", username).update();
		events.publishEvent(AuditEvent.of(Action.UPDATE, "user", username, null, null, Map.of("password", "reset")));
		return password;
	}

	public record ImportedUser(String username, String oneTimePassword, int grants) {
	}

	public record ImportProblem(int row, String column, String message) {
	}

	public record ImportResult(List<ImportedUser> created, List<ImportProblem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	/**
	 * Creates the accounts of an import, all or nothing: every row is checked first (username, name, e-mail, role,
	 * unit, criteria, and the manager's right to grant there), and any problem refuses the whole file with the rows
	 * named. The one-time passwords are in the result only.
	 */
	@Transactional
	public ImportResult importUsers(UserImport.Parsed parsed) {
		CurrentUser me = requireManager();
		List<ImportProblem> problems = new ArrayList<>(parsed.problems().stream()
			.map(p -> new ImportProblem(p.row(), p.column(), p.message())).toList());
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, List<NewGrant>> grants = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(clock);
		for (UserImport.Line line : parsed.lines()) {
			String username = line.username() == null ? "" : line.username().toLowerCase(Locale.ROOT);
			if (!USERNAME.matcher(username).matches()) {
				problems.add(new ImportProblem(line.row(), "username", "Tên đăng nhập phải có 3–64 ký tự a-z, 0-9, dấu chấm, gạch nối, gạch dưới"));
				continue;
			}
			if (accounts.find(username).isPresent()) {
				problems.add(new ImportProblem(line.row(), "username", "Tài khoản " + username + " đã có"));
			}
			String display = SearchKey.clean(line.displayName());
			if (display == null || display.isEmpty() || display.length() > 200) {
				problems.add(new ImportProblem(line.row(), "display_name", "Cần họ tên hoặc tên cơ quan (tối đa 200 ký tự)"));
			}
			else if (names.containsKey(username) && !names.get(username).equals(display)) {
				problems.add(new ImportProblem(line.row(), "display_name", "Tài khoản " + username + " có hai tên khác nhau trong tệp"));
			}
			names.putIfAbsent(username, display);
			if (line.email() != null && (line.email().length() > 200 || !EMAIL.matcher(line.email()).matches())) {
				problems.add(new ImportProblem(line.row(), "email", "Địa chỉ thư không hợp lệ: " + line.email()));
			}
			if (line.role() == null) {
				grants.computeIfAbsent(username, u -> new ArrayList<>());
				continue;
			}
			Role role;
			try {
				role = Role.valueOf(line.role().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new ImportProblem(line.row(), "role", "Vai trò không có: " + line.role() + " (ADMIN, COORDINATION, SECTOR, COMMUNE_OFFICER, VILLAGE_BOARD, LEADER)"));
				continue;
			}
			List<Integer> criteria = UserImport.criteria(line.criteria());
			if (criteria.contains(-1)) {
				problems.add(new ImportProblem(line.row(), "criteria", "Tiêu chí là các số cách nhau bởi dấu cách hoặc dấu chấm phẩy"));
			}
			else if (!criteria.isEmpty() && role != Role.SECTOR) {
				problems.add(new ImportProblem(line.row(), "criteria", "Chỉ tài khoản ngành được giới hạn theo tiêu chí"));
			}
			if (line.unitCode() == null) {
				if (!me.isAdmin()) {
					problems.add(new ImportProblem(line.row(), "unit_code", "Cần mã đơn vị được phân quyền"));
				}
			}
			else if (!units.exists(line.unitCode())) {
				problems.add(new ImportProblem(line.row(), "unit_code", "Không có đơn vị mã " + line.unitCode()));
			}
			else if (!me.isAdmin() && (role == Role.ADMIN
					|| !authorization.may(Permission.MANAGE_USERS, Target.unit(line.unitCode(), today)))) {
				problems.add(new ImportProblem(line.row(), "unit_code", "Bạn không được giao quyền " + role + " tại " + line.unitCode()));
			}
			grants.computeIfAbsent(username, u -> new ArrayList<>()).add(new NewGrant(role, line.unitCode(), criteria));
		}
		if (!problems.isEmpty() || names.isEmpty()) {
			if (names.isEmpty() && problems.isEmpty()) {
				problems.add(new ImportProblem(0, null, "Tệp không có tài khoản nào"));
			}
			return new ImportResult(List.of(), problems);
		}
		List<ImportedUser> created = new ArrayList<>();
		for (var entry : names.entrySet()) {
			String password = oneTimePassword();
			List<NewGrant> userGrants = grants.getOrDefault(entry.getKey(), List.of());
			accounts.create(entry.getKey(), entry.getValue(), password, true, userGrants.stream()
				.map(g -> new Grant(g.role(), g.unitCode(), new java.util.HashSet<>(g.criteria().stream().map(c -> "*:" + c).toList())))
				.toList());
			created.add(new ImportedUser(entry.getKey(), password, userGrants.size()));
		}
		return new ImportResult(created, List.of());
	}

	/** {@link #importUsers} of a CSV file (UTF-8), header {@code username,display_name,email,role,unit_code,criteria}. */
	@Transactional
	public ImportResult importCsv(java.io.Reader csv) throws java.io.IOException {
		requireManager();
		return importUsers(UserImport.csv(csv));
	}

	/** {@link #importUsers} of the first sheet of an XLSX workbook with the same columns as the CSV. */
	@Transactional
	public ImportResult importXlsx(java.io.InputStream xlsx) throws java.io.IOException {
		requireManager();
		return importUsers(UserImport.xlsx(xlsx));
	}

	/** The CSV template: the header and two example rows. */
	public static byte[] importTemplate() {
		return UserImport.template();
	}

	/** The roles the current manager may grant, the most common first: every role for an administrator, else all but administrator. */
	public List<Role> grantableRoles() {
		CurrentUser me = requireManager();
		return List.of(Role.COMMUNE_OFFICER, Role.VILLAGE_BOARD, Role.SECTOR, Role.COORDINATION, Role.LEADER, Role.ADMIN).stream()
			.filter(r -> me.isAdmin() || r != Role.ADMIN).toList();
	}

	public boolean mayManageUsers() {
		return access.currentUser().map(this::isManager).orElse(false);
	}

	// ---- rules -------------------------------------------------------------------------------------------------

	private CurrentUser requireManager() {
		CurrentUser me = access.currentUser().orElseThrow(() -> new AccessDeniedException("Cần đăng nhập"));
		if (!isManager(me)) {
			throw new AccessDeniedException("Chỉ quản trị hệ thống và Văn phòng điều phối quản lý tài khoản");
		}
		return me;
	}

	private boolean isManager(CurrentUser user) {
		return user.isAdmin() || user.has(Role.COORDINATION);
	}

	/** A coordination office manages a user only when every grant the user holds lies in its subtree today. */
	private void requireManages(UserView user) {
		CurrentUser me = requireManager();
		if (me.isAdmin()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		boolean within = !user.grants().isEmpty() && user.grants().stream().allMatch(g -> g.role() != Role.ADMIN
				&& g.unitCode() != null && authorization.may(Permission.MANAGE_USERS, Target.unit(g.unitCode(), today)));
		boolean createdEmpty = user.grants().isEmpty();
		if (!within && !createdEmpty) {
			throw new AccessDeniedException("Tài khoản " + user.username() + " có quyền ngoài phạm vi bạn quản lý");
		}
	}

	private UnitScope managedScope(CurrentUser me) {
		if (me.isAdmin()) {
			return UnitScope.ALL;
		}
		Set<String> roots = new TreeSet<>();
		me.grants().stream().filter(g -> g.role() == Role.COORDINATION).forEach(g -> {
			if (g.unitCode() != null) {
				roots.add(g.unitCode());
			}
		});
		return me.grants().stream().anyMatch(g -> g.role() == Role.COORDINATION && g.nationwide()) ? UnitScope.ALL : UnitScope.of(roots);
	}

	private static String scopeRegex(UnitScope scope) {
		return "/(" + String.join("|", scope.rootCodes().stream().map(c -> c.replaceAll("[^A-Za-z0-9_-]", "")).toList()) + ")/";
	}

	private boolean isLastActiveAdministrator(String username) {
		return jdbc.sql("""
				select count(distinct u.id) = 1 and bool_or(u.username = :u) from app_user u join role_grant g on g.user_id = u.id
				where g.role = 'ADMIN' and u.enabled""").param("u", username).query(Boolean.class).optional().orElse(false);
	}

	private UserView view(String username) {
		record Row(String username, String displayName, String email, boolean enabled, boolean mustChange, int version) {
		}
		Row row = jdbc.sql("select username, display_name, email, enabled, must_change_password, version from app_user where username = :u")
			.param("u", username)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6)))
			.optional().orElseThrow(() -> new UserNotFoundException(username));
		LocalDate today = LocalDate.now(clock);
		List<GrantView> grants = jdbc.sql("""
				select g.id, g.role, g.unit_code, g.criteria from role_grant g join app_user u on u.id = g.user_id
				where u.username = :u order by g.id""").param("u", username)
			.query((rs, i) -> new GrantView(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(3) == null ? null : units.find(rs.getString(3), today).map(vn.ntmtracker.units.Unit::displayName).orElse(rs.getString(3)),
					criteria(rs.getString(4))))
			.list();
		return new UserView(row.username(), row.displayName(), row.email(), row.enabled(), row.mustChange(), grants, row.version());
	}

	private static List<Integer> criteria(String packed) {
		if (packed == null || packed.isBlank()) {
			return List.of();
		}
		List<Integer> numbers = new ArrayList<>();
		for (String entry : packed.split(",")) {
			String number = entry.substring(entry.indexOf(':') + 1).strip();
			if (number.matches("\\d{1,3}")) {
				numbers.add(Integer.valueOf(number));
			}
		}
		return numbers;
	}

	static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
