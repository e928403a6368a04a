package vn.ntmtracker.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * OCOP products of communes and their certificates (one per rating; a re-evaluation adds one), the count of products
 * valid on a date, and the certificates about to lapse ({@link OcopValidity}): computed on read for any day, so the
 * "expiring soon" list of a past day is the same whenever it is asked.
 */
@Service
class OcopProducts {

	enum OwnerKind { HOUSEHOLD, COOPERATIVE, ENTERPRISE }

	record Certificate(long id, String number, LocalDate issuedOn, int stars, LocalDate validUntil, LocalDate withdrawnOn) {

		public boolean validOn(LocalDate day) {
			return OcopValidity.validOn(issuedOn, validUntil, withdrawnOn, day);
		}

		public boolean expiringOn(LocalDate day) {
			return OcopValidity.expiringOn(issuedOn, validUntil, withdrawnOn, day);
		}

		public LocalDate reEvaluationDue() {
			return OcopValidity.reEvaluationDue(validUntil);
		}
	}

	record Product(long id, String communeCode, String name, String ownerName, OwnerKind ownerKind, OcopCategory category,
			boolean demo, int version, List<Certificate> certificates) {

		/** The certificate in force on a day, else the latest issued by then (lapsed), else none. */
		Optional<Certificate> certificateOn(LocalDate day) {
			Optional<Certificate> valid = certificates.stream().filter(c -> c.validOn(day))
				.max(Comparator.comparing(Certificate::issuedOn));
			return valid.isPresent() ? valid
					: certificates.stream().filter(c -> !c.issuedOn().isAfter(day)).max(Comparator.comparing(Certificate::issuedOn));
		}
	}

	/** A product as it stood on a day. */
	record ProductOn(Product product, Certificate certificate, boolean valid, boolean expiring, Long daysLeft) {
	}

	/** The OCOP products of a unit's communes on a day. */
	record Listing(String unitCode, LocalDate asOf, long validCount, List<ProductOn> products) {
	}

	private final JdbcClient jdbc;
	private final Units units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final RegisterAudit audit;
	private final Clock clock;

	OcopProducts(JdbcClient jdbc, Units units, AccessPolicy access, Authorization authorization, RegisterAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- reading --------------------------------------------------------------------------------------------------

	Listing list(String unitCode, LocalDate asOf) {
		access.requireRead(unitCode);
		List<ProductOn> products = new ArrayList<>();
		for (Product product : products(units.subtreeCodes(unitCode, asOf))) {
			Certificate certificate = product.certificateOn(asOf).orElse(null);
			if (certificate == null) {
				continue;
			}
			boolean valid = certificate.validOn(asOf);
			products.add(new ProductOn(product, certificate, valid, certificate.expiringOn(asOf),
					valid ? ChronoUnit.DAYS.between(asOf, certificate.validUntil()) : null));
		}
		products.sort(Comparator.comparing((ProductOn p) -> !p.valid()).thenComparing(p -> p.certificate().validUntil()));
		return new Listing(unitCode, asOf, products.stream().filter(ProductOn::valid).count(), products);
	}

	Product product(long id) {
		Product product = products("p.id = :id", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> new RecordNotFoundException("sản phẩm OCOP", id));
		if (!access.canRead(product.communeCode())) {
			throw new RecordNotFoundException("sản phẩm OCOP", id);
		}
		return product;
	}

	/** Products of the communes with a certificate valid on the day (for the indicator rule). */
	List<ProductOn> validOn(Collection<String> communeCodes, LocalDate day) {
		List<ProductOn> valid = new ArrayList<>();
		for (Product product : products(communeCodes)) {
			product.certificateOn(day).filter(c -> c.validOn(day))
				.ifPresent(c -> valid.add(new ProductOn(product, c, true, c.expiringOn(day), ChronoUnit.DAYS.between(day, c.validUntil()))));
		}
		return valid;
	}

	/**
	 * Certificates valid on {@code asOf} whose warning period has begun ({@link OcopValidity#WARNING_DAYS} before the last
	 * valid day), soonest first, over the given communes; a product already re-rated (a later certificate) is not due.
	 */
	List<DueItem> due(Collection<String> communeCodes, LocalDate asOf) {
		List<DueItem> due = new ArrayList<>();
		for (Product product : products(communeCodes)) {
			product.certificateOn(asOf).filter(c -> c.expiringOn(asOf))
				.filter(c -> product.certificates().stream().noneMatch(later -> later.issuedOn().isAfter(c.issuedOn())))
				.ifPresent(c -> due.add(new DueItem(DueItem.OCOP_CERTIFICATE_EXPIRING, product.id(), product.communeCode(),
						product.name() + " (" + c.stars() + " sao, giấy chứng nhận " + c.number() + ")", c.reEvaluationDue(),
						c.validUntil(), ChronoUnit.DAYS.between(asOf, c.validUntil()))));
		}
		due.sort(Comparator.comparing(DueItem::dueOn).thenComparing(DueItem::recordId));
		return due;
	}

	/** The due items of everything the user may read under {@code unitCode}. */
	List<DueItem> due(String unitCode, LocalDate asOf) {
		access.requireRead(unitCode);
		return due(units.subtreeCodes(unitCode, asOf), asOf);
	}

	private List<Product> products(Collection<String> communeCodes) {
		return products("p.commune_code = any(:codes)", Map.of("codes", communeCodes.toArray(String[]::new)));
	}

	private List<Product> products(String where, Map<String, Object> params) {
		Map<Long, Product> products = new LinkedHashMap<>();
		Map<Long, List<Certificate>> certificates = new LinkedHashMap<>();
		jdbc.sql("select p.* from ocop_product p where " + where + " order by p.name, p.id").params(params).query(rs -> {
			long id = rs.getLong("id");
			List<Certificate> list = new ArrayList<>();
			certificates.put(id, list);
			products.put(id, new Product(id, rs.getString("commune_code"), rs.getString("name"), rs.getString("owner_name"),
					OwnerKind.valueOf(rs.getString("owner_kind")), OcopCategory.valueOf(rs.getString("category")),
					rs.getBoolean("demo"), rs.getInt("version"), list));
		});
		if (!products.isEmpty()) {
			jdbc.sql("select * from ocop_certificate where product_id = any(:ids) order by issued_on, id")
				.param("ids", products.keySet().toArray(Long[]::new))
				.query(rs -> {
					certificates.get(rs.getLong("product_id")).add(new Certificate(rs.getLong("id"), rs.getString("number"),
							rs.getObject("issued_on", LocalDate.class), rs.getInt("stars"), rs.getObject("valid_until", LocalDate.class),
							rs.getObject("withdrawn_on", LocalDate.class)));
				});
		}
		return List.copyOf(products.values());
	}

	// ---- writing --------------------------------------------------------------------------------------------------

	/** A new product with its first certificate. */
	@Transactional
	long create(String communeCode, String name, String ownerName, OwnerKind ownerKind, OcopCategory category,
			String certificateNumber, LocalDate issuedOn, Integer stars, boolean demo) {
		authorization.require(Permission.RECORD_OCOP, Target.unit(communeCode, today()));
		List<Problem> problems = new ArrayList<>();
		Unit commune = units.find(communeCode, today()).orElseThrow(() -> new RecordNotFoundException("đơn vị", communeCode));
		if (commune.level() != RegisterUnits.COMMUNE) {
			problems.add(Problem.field("commune", "ocop.error.notACommune", communeCode));
		}
		String cleanName = required("name", name, 200, problems);
		String cleanOwner = required("ownerName", ownerName, 200, problems);
		if (ownerKind == null) {
			problems.add(Problem.field("ownerKind", "ocop.error.ownerKind"));
		}
		if (category == null) {
			problems.add(Problem.field("category", "ocop.error.category"));
		}
		String number = certificate(certificateNumber, issuedOn, stars, problems);
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		String user = access.currentUsername();
		long id = jdbc.sql("""
				insert into ocop_product (commune_code, name, owner_name, owner_kind, category, demo, search_key, created_by)
				values (:commune, :name, :owner, :kind, :category, :demo, :key, :user) returning id""")
			.param("commune", communeCode).param("name", cleanName).param("owner", cleanOwner).param("kind", ownerKind.name())
			.param("category", category.name()).param("demo", demo).param("key", SearchKey.of(cleanName + " " + cleanOwner))
			.param("user", user).query(Long.class).single();
		insertCertificate(id, number, issuedOn, stars, user);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", cleanName);
		after.put("owner", cleanOwner);
		after.put("category", category.name());
		after.put("certificate", number);
		after.put("issuedOn", issuedOn.toString());
		after.put("stars", stars);
		audit.record(Action.CREATE, "ocop_product", id, communeCode, null, after);
		return id;
	}

	/** A re-evaluation: a new certificate for the product, over the product version that was read. */
	@Transactional
	void addCertificate(long productId, String certificateNumber, LocalDate issuedOn, Integer stars, int expectedVersion) {
		Product product = product(productId);
		authorization.require(Permission.RECORD_OCOP, Target.unit(product.communeCode(), today()));
		List<Problem> problems = new ArrayList<>();
		String number = certificate(certificateNumber, issuedOn, stars, problems);
		if (number != null && product.certificates().stream().anyMatch(c -> c.number().equals(number))) {
			problems.add(Problem.field("certificateNumber", "ocop.error.duplicateCertificate", number));
		}
		if (issuedOn != null && product.certificates().stream().anyMatch(c -> !issuedOn.isAfter(c.issuedOn()))) {
			problems.add(Problem.field("issuedOn", "ocop.error.notAfterPrevious"));
		}
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		int bumped = jdbc.sql("update ocop_product set version = version + 1, updated_by = :user, updated_at = now() where id = :id and version = :version")
			.param("user", access.currentUsername()).param("id", productId).param("version", expectedVersion).update();
		if (bumped == 0) {
			throw new OptimisticLockingFailureException("ocop product " + productId);
		}
		insertCertificate(productId, number, issuedOn, stars, access.currentUsername());
		audit.record(Action.UPDATE, "ocop_product", productId, product.communeCode(), null,
				Map.of("certificate", number, "issuedOn", issuedOn.toString(), "stars", stars));
	}

	private void insertCertificate(long productId, String number, LocalDate issuedOn, int stars, String user) {
		jdbc.sql("""
				insert into ocop_certificate (product_id, number, issued_on, stars, valid_until, created_by)
				values (:product, :number, :issued, :stars, :until, :user)""")
			.param("product", productId).param("number", number).param("issued", issuedOn).param("stars", stars)
			.param("until", OcopValidity.validUntil(issuedOn)).param("user", user).update();
	}

	private String certificate(String certificateNumber, LocalDate issuedOn, Integer stars, List<Problem> problems) {
		String number = required("certificateNumber", certificateNumber, 60, problems);
		if (issuedOn == null) {
			problems.add(Problem.field("issuedOn", "ocop.error.issuedOnMissing"));
		}
		else if (issuedOn.isAfter(today())) {
			problems.add(Problem.field("issuedOn", "ocop.error.issuedInFuture", issuedOn));
		}
		if (stars == null || stars < 3 || stars > 5) {
			problems.add(Problem.field("stars", "ocop.error.stars"));
		}
		return number;
	}

	static String required(String field, String text, int max, List<Problem> problems) {
		String clean = HouseholdRules.blankToNull(SearchKey.clean(text));
		if (clean == null) {
			problems.add(Problem.field(field, "register.error.required"));
		}
		else if (clean.length() > max) {
			problems.add(Problem.field(field, "register.error.tooLong", max));
		}
		return clean;
	}
}
