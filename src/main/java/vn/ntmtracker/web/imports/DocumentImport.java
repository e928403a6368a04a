package vn.ntmtracker.web.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.assessment.AssessmentException;
import vn.ntmtracker.assessment.StatedStatuses;
import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.directives.Directive;
import vn.ntmtracker.directives.DirectiveForm;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentForm;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.DuplicateDocumentException;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.extraction.ExtractionDraft;
import vn.ntmtracker.planning.FundingSource;
import vn.ntmtracker.planning.Funds;
import vn.ntmtracker.planning.PlanException;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitKind;
import vn.ntmtracker.units.UnitScopeProvider;
import vn.ntmtracker.units.Units;

/**
 * From an extraction draft to a review, and from the reviewed form to records. The review is proposed within the
 * document's own context: its subject units read from the text (on the document's date, within the reviewer's
 * jurisdiction), bodies resolved among that neighbourhood's organisations only ({@link BodyResolver}), the criteria sets
 * that apply to the subject unit's province, tier and date, and the document already in the register if it is there.
 * Saving checks everything first and names every problem at once, each at its row; then writes in one transaction —
 * the document (as its issuer's, or as received by a body it was addressed to), its file, directives, the stated
 * statuses with their unmet criteria and the funds mobilised — or nothing.
 */
@Service
class DocumentImport {

	private static final Pattern DAY = Pattern.compile("[Nn]gày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern YEAR_LINE = Pattern.compile("năm\\s+(\\d{4})");

	/** Who registers the document: its issuer (văn bản đi) or a body it was addressed to (văn bản đến). */
	enum Mode {
		ISSUED, RECEIVED
	}

	/** What to do when the document is already in the register. */
	enum Choice {
		/** Open the existing record; nothing is saved. */
		OPEN,
		/** Register this one as the correction of the existing one, which it supersedes. */
		CORRECTION,
		/** Record the receipt on the issuer's existing record (with the statuses and funds), nothing duplicated. */
		RECEIVE,
		/** A document without a number that only resembles the existing one: register it as another document. */
		NEW
	}

	/** "Not chosen" and "dropped" in a body slot; any other value is an organisation id. */
	static final long DROPPED = 0;

	/**
	 * One body slot of a row — a lead, a joint lead or a cooperating body — as the document names it and as resolved or
	 * chosen: {@code organisationId} null while it is to be chosen, {@link #DROPPED} when the reviewer leaves it out.
	 */
	record Slot(String named, Long organisationId, BodyResolver.Outcome outcome, List<Organisation> suggestions) {

		public boolean chosen() {
			return organisationId != null && organisationId != DROPPED;
		}

		public boolean unresolved() {
			return organisationId == null;
		}
	}

	/** One directive or request row. */
	record Item(int row, boolean keep, boolean request, String requestText, String text, String ref, List<Slot> leads,
			List<Slot> cooperating, String deadline, LocalDate deadlineDate, String criterion) {
	}

	/** One stated criteria status row, with the criteria the document says are not met ("1, 2, 5"). */
	record Status(int row, boolean keep, String unitName, String unitCode, LocalDate statedOn, StatedStatuses.Level level,
			Integer achieved, Integer total, String unmet, String unmetNames) {

		public List<Integer> unmetNumbers() {
			List<Integer> numbers = new ArrayList<>();
			for (String part : (unmet == null ? "" : unmet).split("[,;\\s]+")) {
				if (part.matches("\\d{1,2}")) {
					numbers.add(Integer.valueOf(part));
				}
			}
			return numbers;
		}

		public boolean unmetReadable() {
			return unmet == null || unmet.isBlank() || unmet.strip().matches("\\d{1,2}([,;\\s]+\\d{1,2})*[,;\\s]*");
		}
	}

	/** One funding line (nguồn vốn) the document gives, to be recorded as funds mobilised by the subject unit. */
	record Funding(int row, boolean keep, String wording, FundingSource source, Long amount, Integer year) {
	}

	/** The document's header as proposed or corrected. */
	record Header(Document.Kind kind, String number, LocalDate issuedOn, Integer issuedYear, Long issuerId, String issuerNamed,
			String subject, List<String> unitCodes, String setCode, Document.SigningForm signingForm, String signerTitle,
			String signer, String distribution) {

		public int year() {
			return issuedOn != null ? issuedOn.getYear() : issuedYear == null ? 0 : issuedYear;
		}
	}

	/** The receipt of a document received (văn bản đến). */
	record Receipt(Long recipientId, LocalDate receivedOn, String receivedFrom, String incomingNumber) {
	}

	/** Everything the review page shows and sends back. */
	record Review(Header header, Mode mode, Receipt receipt, Choice choice, Long existingId, List<Item> items,
			List<Status> statuses, List<Funding> funding) {
	}

	/**
	 * What the review is proposed within: the subject unit and its province on the document's day, the organisations
	 * that may be chosen, the sets that apply, the bodies the reviewer may register a receipt for, the documents already
	 * registered that are this one, and whether the reviewer may register it for its issuer.
	 */
	record Context(String subjectCode, String subjectName, String provinceCode, LocalDate day, List<Organisation> organisations,
			List<CriteriaCatalog.ApplicableSet> sets, List<Organisation> recipients, List<DocumentIntake.Existing> existing,
			boolean mayIssue) {
	}

	/** A problem found before saving: where it is ({@code anchor}: "header", "item-3"…) and what it is. */
	record Problem(String anchor, String message) {
	}

	/** The reviewed form cannot be saved as it is; nothing was saved. */
	static class ReviewRefusedException extends RuntimeException {

		final List<Problem> problems;

		ReviewRefusedException(List<Problem> problems) {
			super(problems.isEmpty() ? "refused" : problems.get(0).message());
			this.problems = List.copyOf(problems);
		}
	}

	/** What a save did: the document shown afterwards and the sentence that says what was written. */
	record Saved(long documentId, String message) {
	}

	/**
	 * The file as uploaded, kept between reading and saving so that the saved document carries its original;
	 * {@code token} ties it to the review form it was read for.
	 */
	record UploadedFile(String token, String name, byte[] content) implements java.io.Serializable {
	}

	private final DocumentIntake intake;
	private final StatedStatuses stated;
	private final Units units;
	private final UnitScopeProvider scopes;
	private final CriteriaCatalog catalog;
	private final Funds funds;
	private final Authorization authorization;
	private final MessageSource messages;
	private final Clock clock;

	DocumentImport(DocumentIntake intake, StatedStatuses stated, Units units, UnitScopeProvider scopes, CriteriaCatalog catalog,
			Funds funds, Authorization authorization, MessageSource messages, Clock clock) {
		this.intake = intake;
		this.stated = stated;
		this.units = units;
		this.scopes = scopes;
		this.catalog = catalog;
		this.funds = funds;
		this.authorization = authorization;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- proposing ---------------------------------------------------------------------------------------------------

	/** The review proposed for a draft: every field filled from the document's text and context, nothing saved. */
	Review propose(ExtractionDraft draft) {
		LocalDate day = dayOf(draft.date(), yearOf(draft), statedOn(draft));
		List<String> unitCodes = matchUnits(draft.subjectUnits(), day, draft.text());
		BodyResolver resolver = resolver(unitCodes, day);
		BodyResolver.Resolution issuer = resolver.resolve(draft.issuer());
		Tier tier = tierOf(draft);
		String province = provinceOf(unitCodes, day);
		String setCode = province == null || tier == null ? null : proposedSet(province, tier, day, draft);
		ExtractionDraft.Signer signer = draft.signer();
		Header header = new Header(kindOf(docType(draft)), draft.number(), draft.date(), draft.date() == null ? yearOf(draft) : null,
				issuer.organisationId(), draft.issuer(), subjectOf(draft), unitCodes, setCode,
				signer == null ? null : signingForm(signer.capacity()), signer == null ? null : titleCase(signer.title()),
				signer == null ? null : signer.name(), String.join("\n", draft.recipients()));

		List<Item> items = new ArrayList<>();
		int row = 0;
		for (ExtractionDraft.Directive directive : draft.directives()) {
			row++;
			List<String> leadNames = directive.assignees().isEmpty()
					? (directive.assignee() == null ? List.of("") : List.of(directive.assignee())) : directive.assignees();
			List<Slot> leads = slots(resolver.resolveAll(leadNames), false);
			List<Slot> cooperating = new ArrayList<>(slots(resolver.resolveAll(directive.cooperating()), true));
			Set<Long> taken = new java.util.HashSet<>();
			leads.stream().filter(Slot::chosen).forEach(s -> taken.add(s.organisationId()));
			// A body named twice, or both leading and cooperating, is kept once, as the first role it was given.
			cooperating.replaceAll(s -> s.chosen() && !taken.add(s.organisationId())
					? new Slot(s.named(), DROPPED, s.outcome(), s.suggestions()) : s);
			// One more, empty, for a body the document names that the reader missed.
			cooperating.add(new Slot(null, DROPPED, null, List.of()));
			boolean request = directive.request() != null;
			items.add(new Item(row, true, request, directive.request(), request ? directive.handling() : directive.text(),
					itemNumber(directive.itemNumber()), leads, cooperating, directive.deadlineText(), directive.deadline(),
					directive.criterion() == null ? null : directive.criterion().toString()));
		}

		List<Status> statuses = new ArrayList<>();
		LocalDate statedOn = statedOn(draft);
		String unmet = draft.unmetCriteria().stream().filter(u -> u.number() != null).map(u -> u.number().toString())
			.reduce((a, b) -> a + ", " + b).orElse(null);
		String unmetNames = draft.unmetCriteria().stream().filter(u -> u.number() != null && u.name() != null)
			.map(u -> u.number() + "=" + u.name()).reduce((a, b) -> a + "|" + b).orElse(null);
		for (ExtractionDraft.CriteriaStatus status : draft.criteriaStatus()) {
			Optional<String> code = matchUnits(List.of(status.unit()), day, draft.text()).stream().findFirst();
			// The unmet list belongs to the subject unit's status (the first one stated for it).
			boolean own = unmet != null && statuses.stream().noneMatch(s -> s.unmet() != null)
					&& (code.isEmpty() || unitCodes.isEmpty() || code.get().equals(unitCodes.get(0)));
			statuses.add(new Status(statuses.size() + 1, true, status.unit(), code.orElse(null), statedOn, levelOf(status.level()),
					status.achieved(), status.total(), own ? unmet : null, own ? unmetNames : null));
		}
		if (unmet != null && statuses.stream().noneMatch(s -> s.unmet() != null)) {
			// Unmet criteria named without a score: a row for the subject unit, its score to be entered by the reviewer.
			statuses.add(new Status(statuses.size() + 1, true, draft.subjectUnits().isEmpty() ? null : draft.subjectUnits().get(0),
					unitCodes.isEmpty() ? null : unitCodes.get(0), statedOn, levelOf(tierLevel(draft)), null, null, unmet, unmetNames));
		}

		List<Funding> funding = new ArrayList<>();
		for (ExtractionDraft.Funding line : draft.funding()) {
			funding.add(new Funding(funding.size() + 1, true, line.source(), FundingSource.fromWording(line.source()),
					line.amountVnd(), header.year() == 0 ? null : header.year()));
		}

		Context context = context(header, statuses);
		Mode mode = context.mayIssue() ? Mode.ISSUED : Mode.RECEIVED;
		Long recipient = defaultRecipient(context);
		Organisation issuerOrg = issuer.organisation();
		Receipt receipt = new Receipt(recipient, LocalDate.now(clock),
				issuerOrg != null ? issuerOrg.name() : draft.issuer(), null);
		Choice choice = null;
		Long existingId = null;
		if (!context.existing().isEmpty()) {
			DocumentIntake.Existing first = context.existing().get(0);
			existingId = first.document().id();
			// The issuer's own record of a document addressed to us is linked, never copied.
			boolean receivedAlready = recipient != null && first.receipts().stream().anyMatch(r -> r.organisationId() == recipient);
			choice = mode == Mode.RECEIVED && !receivedAlready ? Choice.RECEIVE : null;
		}
		return new Review(header, mode, receipt, choice, existingId, items, statuses, funding);
	}

	/**
	 * The set a document's criteria numbers refer to: among the sets that apply to the province, tier and day, the one
	 * with as many criteria as the document counts ("3/20" in Hà Tĩnh is its own 20-criteria set), else the one the
	 * province uses for that tier.
	 */
	private String proposedSet(String province, Tier tier, LocalDate day, ExtractionDraft draft) {
		List<CriteriaCatalog.ApplicableSet> sets = catalog.applicableSets(province, tier, day);
		Integer total = draft.criteriaStatus().isEmpty() ? null : draft.criteriaStatus().get(0).total();
		List<String> counted = sets.stream().map(s -> s.ref().code())
			.filter(code -> total != null && catalog.versionOn(code, day).map(CriteriaSetDefinition::criteriaCount).orElse(-1).equals(total))
			.toList();
		if (counted.size() == 1) {
			return counted.get(0);
		}
		return sets.stream().filter(CriteriaCatalog.ApplicableSet::current).map(s -> s.ref().code()).findFirst().orElse(null);
	}

	private static List<Slot> slots(List<BodyResolver.Resolution> resolutions, boolean cooperating) {
		List<Slot> slots = new ArrayList<>();
		for (BodyResolver.Resolution r : resolutions) {
			Long id = r.resolved() ? r.organisationId()
					: cooperating && r.outcome() == BodyResolver.Outcome.VAGUE ? Long.valueOf(DROPPED) : null;
			slots.add(new Slot(r.named(), id, r.outcome(), r.candidates()));
		}
		return slots;
	}

	/** "(1)", "2)", "3." as the document numbers its items: "1", "2", "3"; "2.1a" and "Một là" as written. */
	static String itemNumber(String written) {
		if (written == null || written.isBlank()) {
			return null;
		}
		String number = written.strip().replaceAll("^\\((.*)\\)$", "$1").replaceAll("[).:]+$", "").strip();
		return number.isEmpty() ? null : number;
	}

	/** The reviewer's own body at the subject unit (their People's Committee first), else the subject unit's. */
	private static Long defaultRecipient(Context context) {
		return context.recipients().stream()
			.sorted(Comparator.comparing((Organisation o) -> !o.unitCode().equals(context.subjectCode()))
				.thenComparing(o -> o.kind() != Organisation.Kind.PEOPLES_COMMITTEE))
			.map(Organisation::id).findFirst().orElse(null);
	}

	/** The review's context, recomputed from the header as the reviewer left it. */
	Context context(Header header, List<Status> statuses) {
		LocalDate statusDay = statuses.stream().map(Status::statedOn).filter(java.util.Objects::nonNull).findFirst().orElse(null);
		LocalDate day = dayOf(header.issuedOn(), header.issuedYear(), statusDay);
		List<String> unitCodes = header.unitCodes().stream().filter(units::exists).toList();
		String subject = unitCodes.isEmpty() ? null : unitCodes.get(0);
		String subjectName = subject == null ? null : units.find(subject, day).map(Unit::displayName).orElse(subject);
		String province = provinceOf(unitCodes, day);
		BodyResolver resolver = resolver(unitCodes, day);
		List<Organisation> options = new ArrayList<>(resolver.candidates());
		List<Organisation> mine = intake.myOrganisations();
		mine.stream().filter(o -> options.stream().noneMatch(x -> x.id() == o.id())).forEach(options::add);
		if (subject == null && options.isEmpty()) {
			options.addAll(intake.organisations());
		}
		List<CriteriaCatalog.ApplicableSet> sets = new ArrayList<>();
		if (province != null) {
			for (Tier tier : Tier.values()) {
				sets.addAll(catalog.applicableSets(province, tier, day));
			}
		}
		List<Organisation> recipients = new ArrayList<>();
		for (Organisation o : options) {
			boolean addressed = unitCodes.contains(o.unitCode()) || mine.stream().anyMatch(m -> m.id() == o.id());
			if (addressed && intake.mayReceiveFor(o.id(), LocalDate.now(clock))) {
				recipients.add(o);
			}
		}
		List<DocumentIntake.Existing> existing = header.issuerId() == null || header.year() == 0 ? List.of()
				: intake.existing(header.issuerId(), header.number(), header.issuedOn(), header.issuedYear(), header.subject());
		boolean mayIssue = header.issuerId() != null && intake.mayIssueFor(header.issuerId(), day);
		return new Context(subject, subjectName, province, day, options, sets, recipients, existing, mayIssue);
	}

	/**
	 * The resolver over the subject units' neighbourhood on the day: each unit, its ancestors and the units under it,
	 * and only their organisations. Without a subject unit nothing can be resolved (and nothing is guessed).
	 */
	private BodyResolver resolver(List<String> unitCodes, LocalDate day) {
		Map<String, BodyResolver.Place> places = new LinkedHashMap<>();
		for (String code : unitCodes) {
			for (Unit unit : units.ancestors(code, day)) {
				places.putIfAbsent(unit.code(), new BodyResolver.Place(unit.code(), unit.name(), unit.level()));
			}
			for (Unit unit : units.subtree(code, day)) {
				places.putIfAbsent(unit.code(), new BodyResolver.Place(unit.code(), unit.name(), unit.level()));
			}
		}
		List<BodyResolver.Place> ordered = places.values().stream().sorted(Comparator.comparingInt(BodyResolver.Place::level)).toList();
		return new BodyResolver(ordered, unitCodes.isEmpty() ? null : unitCodes.get(0), intake.organisationsOf(places.keySet()));
	}

	private String provinceOf(List<String> unitCodes, LocalDate day) {
		return unitCodes.isEmpty() ? null : units.lineOn(unitCodes.get(0), day).stream().findFirst().orElse(null);
	}

	/**
	 * The unit codes for the unit names a document is about ("xã Bản Bo"), as units stood on the document's day and
	 * within the reviewer's jurisdiction. A name several units bear is settled by the places above them the text names
	 * ("huyện Tam Đường"); when that does not settle it, the name is left for the reviewer.
	 */
	List<String> matchUnits(List<String> names, LocalDate day, String text) {
		String textKey = " " + SearchKey.of(text) + " ";
		Set<String> codes = new LinkedHashSet<>();
		for (String name : names) {
			matchUnit(name, day, textKey).ifPresent(codes::add);
		}
		return List.copyOf(codes);
	}

	private Optional<String> matchUnit(String name, LocalDate day, String textKey) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String key = SearchKey.of(name);
		UnitKind kind = null;
		String bare = key;
		for (UnitKind k : UnitKind.values()) {
			String label = SearchKey.of(k.label()) + " ";
			if (key.startsWith(label) && (kind == null || label.length() > SearchKey.of(kind.label()).length() + 1)) {
				kind = k;
				bare = key.substring(label.length()).strip();
			}
		}
		String wanted = bare;
		List<Unit> found = units.search(bare, null, day, scopes.current(), 0, 20).content().stream()
			.filter(u -> SearchKey.of(u.name()).equals(wanted)).toList();
		if (kind != null) {
			int level = kind.level();
			found = found.stream().filter(u -> u.level() == level).toList();
		}
		if (found.size() <= 1) {
			return found.stream().map(Unit::code).findFirst();
		}
		Map<String, Integer> named = new LinkedHashMap<>();
		for (Unit unit : found) {
			int count = 0;
			for (Unit ancestor : units.ancestors(unit.code(), day)) {
				count += textKey.contains(" " + SearchKey.of(ancestor.name()) + " ") ? 1 : 0;
			}
			named.put(unit.code(), count);
		}
		int best = named.values().stream().max(Integer::compare).orElse(0);
		List<String> top = named.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
		return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
	}

	// ---- checking ----------------------------------------------------------------------------------------------------

	/** Every problem of the reviewed form, each at its row, in page order; empty when it can be saved. */
	List<Problem> check(Review review, Context context) {
		List<Problem> problems = new ArrayList<>();
		Header h = review.header();
		boolean linking = !context.existing().isEmpty() && review.choice() == Choice.RECEIVE;
		if (!context.existing().isEmpty() && (review.choice() == null || review.choice() == Choice.NEW
				&& context.existing().stream().anyMatch(DocumentIntake.Existing::exact))) {
			DocumentIntake.Existing first = context.existing().get(0);
			problems.add(new Problem("duplicate", text(first.exact() ? "import.problem.duplicate" : "import.problem.similar",
					first.document().numberOrBlank(), first.document().dateText(), first.document().issuerName())));
		}
		if (review.choice() == Choice.OPEN) {
			return problems;
		}
		if (!linking) {
			if (h.kind() == null) {
				problems.add(new Problem("header", text("document.error.kind")));
			}
			if (h.subject() == null || h.subject().isBlank()) {
				problems.add(new Problem("header", text("import.problem.subject")));
			}
			if (h.issuedOn() == null && h.issuedYear() == null) {
				problems.add(new Problem("header", text("document.error.date")));
			}
			if (h.issuedOn() != null && h.issuedOn().isAfter(LocalDate.now(clock))) {
				problems.add(new Problem("header", text("import.problem.future", h.issuedOn())));
			}
			if (h.issuerId() == null) {
				problems.add(new Problem("header", text("import.problem.issuer", h.issuerNamed() == null ? "—" : h.issuerNamed())));
			}
		}
		for (String code : h.unitCodes()) {
			if (!units.exists(code)) {
				problems.add(new Problem("header", text("document.error.unit", code)));
			}
		}
		if (h.unitCodes().isEmpty()) {
			problems.add(new Problem("header", text("import.problem.units")));
		}
		if (h.setCode() != null && context.sets().stream().noneMatch(s -> s.ref().code().equals(h.setCode()))) {
			problems.add(new Problem("header", text("import.problem.set", h.setCode(),
					context.subjectName() == null ? "—" : context.subjectName())));
		}
		if (review.mode() == Mode.ISSUED && h.issuerId() != null && !context.mayIssue() && !linking) {
			problems.add(new Problem("mode", text("import.problem.mayNotIssue",
					intake.organisation(h.issuerId()).map(Organisation::name).orElse("—"))));
		}
		if (review.mode() == Mode.RECEIVED) {
			Receipt r = review.receipt();
			if (r.recipientId() == null) {
				problems.add(new Problem("mode", text("document.error.recipient")));
			}
			else if (!intake.mayReceiveFor(r.recipientId(), r.receivedOn() == null ? LocalDate.now(clock) : r.receivedOn())) {
				problems.add(new Problem("mode", text("import.problem.mayNotReceive",
						intake.organisation(r.recipientId()).map(Organisation::name).orElse("—"))));
			}
			if (r.receivedOn() == null) {
				problems.add(new Problem("mode", text("document.error.receivedOn")));
			}
			else if (r.receivedOn().isAfter(LocalDate.now(clock))) {
				problems.add(new Problem("mode", text("import.problem.receivedFuture", r.receivedOn())));
			}
			if (r.receivedFrom() == null || r.receivedFrom().isBlank()) {
				problems.add(new Problem("mode", text("document.error.receivedFrom")));
			}
			if (linking && r.recipientId() != null) {
				DocumentIntake.Existing first = existing(review, context);
				if (first != null && first.receipts().stream().anyMatch(x -> x.organisationId() == r.recipientId())) {
					problems.add(new Problem("duplicate", text("document.error.receivedTwice",
							intake.organisation(r.recipientId()).map(Organisation::name).orElse("—"))));
				}
			}
		}
		if (review.mode() == Mode.RECEIVED ? false : review.choice() == Choice.RECEIVE) {
			problems.add(new Problem("duplicate", text("import.problem.receiveNeedsReceipt")));
		}
		if (!linking) {
			checkItems(review, context, problems);
		}
		checkStatuses(review, context, problems);
		checkFunding(review, context, problems);
		return problems;
	}

	private DocumentIntake.Existing existing(Review review, Context context) {
		return context.existing().stream().filter(e -> review.existingId() == null || e.document().id() == review.existingId())
			.findFirst().orElse(null);
	}

	private void checkItems(Review review, Context context, List<Problem> problems) {
		Header h = review.header();
		CriteriaSetDefinition set = h.setCode() == null ? null : catalog.versionOn(h.setCode(), context.day()).orElse(null);
		for (Item item : review.items()) {
			if (!item.keep()) {
				continue;
			}
			String anchor = "item-" + item.row();
			String label = text("import.row", item.row());
			if (item.text() == null || item.text().isBlank()) {
				problems.add(new Problem(anchor, label + text("directive.error.noText")));
			}
			int position = 0;
			for (Slot lead : item.leads()) {
				if (lead.unresolved()) {
					problems.add(new Problem(anchor, label + text(position == 0 ? "import.problem.lead" : "import.problem.coLead",
							lead.named() == null || lead.named().isBlank() ? "—" : lead.named())));
				}
				position++;
			}
			if (item.leads().stream().noneMatch(Slot::chosen) && item.leads().stream().noneMatch(Slot::unresolved)) {
				problems.add(new Problem(anchor, label + text("import.problem.noLead")));
			}
			for (Slot body : item.cooperating()) {
				if (body.unresolved()) {
					problems.add(new Problem(anchor, label + text("import.problem.cooperating", body.named())));
				}
			}
			Set<Long> seen = new java.util.HashSet<>();
			for (Slot s : concat(item.leads(), item.cooperating())) {
				if (s.chosen() && !seen.add(s.organisationId())) {
					problems.add(new Problem(anchor, label + text("import.problem.twice",
							intake.organisation(s.organisationId()).map(Organisation::name).orElse("?"))));
				}
			}
			if (item.deadline() != null && !item.deadline().isBlank() && h.year() > 0
					&& !intake.deadlineReadable(item.deadline(), h.year())) {
				problems.add(new Problem(anchor, label + text("directive.error.deadlineUnreadable", item.deadline())));
			}
			if (item.criterion() != null && !item.criterion().isBlank()) {
				if (set == null) {
					problems.add(new Problem(anchor, label + text("import.problem.criterionNeedsSet", item.criterion())));
				}
				else if (!item.criterion().strip().matches("\\d{1,2}") || set.criterion(Integer.parseInt(item.criterion().strip())).isEmpty()) {
					problems.add(new Problem(anchor, label + text("import.problem.criterion", item.criterion(), set.code(), set.criteriaCount())));
				}
			}
			if (item.request() && (item.requestText() == null || item.requestText().isBlank())) {
				problems.add(new Problem(anchor, label + text("import.problem.requestText")));
			}
			if (item.request() && h.unitCodes().isEmpty()) {
				problems.add(new Problem(anchor, text("import.error.requestUnit", item.row())));
			}
		}
	}

	private static List<Slot> concat(List<Slot> a, List<Slot> b) {
		List<Slot> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private void checkStatuses(Review review, Context context, List<Problem> problems) {
		for (Status s : review.statuses()) {
			if (!s.keep()) {
				continue;
			}
			String anchor = "status-" + s.row();
			String label = text("import.statusRow", s.row());
			if (s.unitCode() == null || !units.exists(s.unitCode())) {
				problems.add(new Problem(anchor, label + text("import.problem.statusUnit", s.unitName() == null ? "—" : s.unitName())));
			}
			if (s.level() == null || s.achieved() == null || s.total() == null) {
				problems.add(new Problem(anchor, label + text("import.problem.statusScore")));
			}
			else if (s.total() <= 0 || s.achieved() < 0 || s.achieved() > s.total()) {
				problems.add(new Problem(anchor, label + text("import.problem.statusImpossible", s.achieved(), s.total())));
			}
			if (s.statedOn() == null) {
				problems.add(new Problem(anchor, label + text("import.problem.statusDate")));
			}
			if (!s.unmetReadable()) {
				problems.add(new Problem(anchor, label + text("import.problem.unmetUnreadable", s.unmet())));
			}
			else if (s.total() != null) {
				Set<Integer> seen = new java.util.HashSet<>();
				for (int n : s.unmetNumbers()) {
					if (n < 1 || n > s.total()) {
						problems.add(new Problem(anchor, label + text("import.problem.unmetOutside", n, s.total())));
					}
					else if (!seen.add(n)) {
						problems.add(new Problem(anchor, label + text("import.problem.unmetTwice", n)));
					}
				}
			}
			if (s.unitCode() != null && units.exists(s.unitCode()) && s.statedOn() != null && !authorization.may(
					Permission.RECORD_STATED_STATUS, Authorization.Target.unit(s.unitCode(), s.statedOn()))) {
				problems.add(new Problem(anchor, text("import.error.statusAccess", s.row(), s.unitCode())));
			}
		}
	}

	private void checkFunding(Review review, Context context, List<Problem> problems) {
		String unit = review.header().unitCodes().isEmpty() ? null : review.header().unitCodes().get(0);
		for (Funding f : review.funding()) {
			if (!f.keep()) {
				continue;
			}
			String anchor = "funding-" + f.row();
			String label = text("import.fundingRow", f.row());
			if (f.source() == null) {
				problems.add(new Problem(anchor, label + text("import.problem.fundingSource")));
			}
			if (f.amount() == null || f.amount() <= 0 || f.amount() > 1_000_000_000_000_000L) {
				problems.add(new Problem(anchor, label + text("import.problem.fundingAmount")));
			}
			if (f.year() == null || f.year() < 2000 || f.year() > LocalDate.now(clock).getYear()) {
				problems.add(new Problem(anchor, label + text("import.problem.fundingYear", f.year() == null ? "—" : f.year())));
			}
			if (unit == null) {
				problems.add(new Problem(anchor, label + text("import.problem.units")));
			}
			else if (f.year() != null && f.year() >= 2000 && units.exists(unit) && !funds.mayRecord(unit, f.year())) {
				problems.add(new Problem(anchor, label + text("import.problem.fundingAccess", unit)));
			}
		}
	}

	// ---- saving ------------------------------------------------------------------------------------------------------

	/**
	 * Saves the reviewed document in one transaction, after {@link #check}; a refusal on the way (a rule of the register
	 * the check could not see) is named at its row and undoes everything.
	 */
	@Transactional
	Saved save(Review review, Context context, UploadedFile file) {
		List<Problem> problems = check(review, context);
		if (!problems.isEmpty()) {
			throw new ReviewRefusedException(problems);
		}
		Header h = review.header();
		Document.ReceiptForm receipt = review.mode() == Mode.RECEIVED ? new Document.ReceiptForm(review.receipt().recipientId(),
				review.receipt().receivedOn(), review.receipt().receivedFrom(), review.receipt().incomingNumber()) : null;
		Document document;
		int kept = 0;
		String key;
		if (review.choice() == Choice.RECEIVE && !context.existing().isEmpty()) {
			DocumentIntake.Existing existing = existing(review, context);
			try {
				intake.receive(existing.document().id(), receipt);
			}
			catch (DocumentIntake.RefusedException ex) {
				throw new ReviewRefusedException(List.of(new Problem("mode", ex.getMessage())));
			}
			document = existing.document();
			key = "import.savedReceipt";
		}
		else {
			DocumentForm form = new DocumentForm(h.kind(), h.number(), h.issuedOn(), h.issuedOn() == null ? h.issuedYear() : null,
					h.issuerId(), h.signer(), h.signingForm(), h.signerTitle(), h.subject(), h.distribution(), h.unitCodes());
			LocalDate assignedOn = h.issuedOn() != null ? h.issuedOn()
					: h.issuedYear() != null ? LocalDate.of(h.issuedYear(), 1, 1) : LocalDate.now(clock);
			String raisedBy = h.unitCodes().isEmpty() ? null : h.unitCodes().get(0);
			List<DirectiveForm> directives = new ArrayList<>();
			List<Integer> rows = new ArrayList<>();
			for (Item item : review.items()) {
				if (!item.keep()) {
					continue;
				}
				List<Long> leads = item.leads().stream().filter(Slot::chosen).map(Slot::organisationId).toList();
				List<Long> cooperating = item.cooperating().stream().filter(Slot::chosen).map(Slot::organisationId).toList();
				String criterion = blankToNull(item.criterion());
				directives.add(new DirectiveForm(item.request() ? Directive.Kind.REQUEST : Directive.Kind.DIRECTIVE,
						blankToNull(item.ref()), item.text(), item.request() ? blankToNull(item.requestText()) : null,
						item.request() ? raisedBy : null, leads.get(0), cooperating, null, h.unitCodes(),
						criterion == null ? null : h.setCode(), criterion, assignedOn, blankToNull(item.deadline()), false,
						leads.subList(1, leads.size())));
				rows.add(item.row());
			}
			Long correctionOf = review.choice() == Choice.CORRECTION ? review.existingId() : null;
			try {
				document = review.mode() == Mode.RECEIVED
						? intake.registerReceived(form, receipt, file == null ? null : file.name(), file == null ? null : file.content(),
								directives, correctionOf)
						: intake.register(form, file == null ? null : file.name(), file == null ? null : file.content(), directives,
								correctionOf);
			}
			catch (DocumentIntake.RefusedException ex) {
				String anchor = ex.item() > 0 && ex.item() <= rows.size() ? "item-" + rows.get(ex.item() - 1) : "header";
				throw new ReviewRefusedException(List.of(new Problem(anchor, ex.getMessage())));
			}
			catch (DuplicateDocumentException ex) {
				Document first = ex.existing().get(0);
				throw new ReviewRefusedException(List.of(new Problem("duplicate", text("import.problem.duplicate",
						first.numberOrBlank(), first.dateText(), first.issuerName()))));
			}
			catch (AccessDeniedException ex) {
				throw new ReviewRefusedException(List.of(new Problem("mode", ex.getMessage())));
			}
			kept = directives.size();
			key = correctionOf != null ? "import.savedCorrection" : review.mode() == Mode.RECEIVED ? "import.savedReceived" : "import.saved";
		}
		int noted = saveStatuses(review, document);
		int funded = saveFunding(review, document);
		String message = text(key, kept) + (noted == 0 ? "" : " " + text("import.savedStatuses", noted))
				+ (funded == 0 ? "" : " " + text("import.savedFunding", funded));
		return new Saved(document.id(), message);
	}

	private int saveStatuses(Review review, Document document) {
		int noted = 0;
		String setCode = review.header().setCode();
		Map<Integer, String> setNames = new LinkedHashMap<>();
		for (Status s : review.statuses()) {
			if (!s.keep()) {
				continue;
			}
			Map<Integer, String> names = names(s.unmetNames());
			if (setCode != null) {
				catalog.versionOn(setCode, s.statedOn()).ifPresent(set -> set.criteria()
					.forEach(c -> setNames.putIfAbsent(c.number(), c.name())));
			}
			List<StatedStatuses.Unmet> unmet = s.unmetNumbers().stream()
				.map(n -> new StatedStatuses.Unmet(n, names.getOrDefault(n, setNames.get(n)))).toList();
			try {
				stated.note(s.unitCode(), s.statedOn(), s.level(), s.achieved(), s.total(), setCode, sourceOf(document),
						"/documents/" + document.id(), unmet);
			}
			catch (AccessDeniedException ex) {
				throw new ReviewRefusedException(List.of(new Problem("status-" + s.row(), text("import.error.statusAccess", s.row(), s.unitCode()))));
			}
			catch (AssessmentException ex) {
				throw new ReviewRefusedException(List.of(new Problem("status-" + s.row(), text("import.statusRow", s.row()) + ex.getMessage())));
			}
			noted++;
		}
		return noted;
	}

	private int saveFunding(Review review, Document document) {
		int funded = 0;
		String unit = review.header().unitCodes().isEmpty() ? null : review.header().unitCodes().get(0);
		for (Funding f : review.funding()) {
			if (!f.keep()) {
				continue;
			}
			try {
				funds.recordMobilised(unit, f.year(), f.source(), f.amount(),
						"Theo " + sourceOf(document) + (f.wording() == null ? "" : " (" + f.wording() + ")"));
			}
			catch (AccessDeniedException ex) {
				throw new ReviewRefusedException(List.of(new Problem("funding-" + f.row(), text("import.fundingRow", f.row())
						+ text("import.problem.fundingAccess", unit))));
			}
			catch (PlanException ex) {
				throw new ReviewRefusedException(List.of(new Problem("funding-" + f.row(), text("import.fundingRow", f.row()) + ex.getMessage())));
			}
			funded++;
		}
		return funded;
	}

	private static Map<Integer, String> names(String unmetNames) {
		Map<Integer, String> names = new LinkedHashMap<>();
		for (String pair : (unmetNames == null ? "" : unmetNames).split("\\|")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).matches("\\d{1,2}")) {
				names.put(Integer.valueOf(pair.substring(0, eq)), pair.substring(eq + 1));
			}
		}
		return names;
	}

	private static String sourceOf(Document document) {
		return (document.number() == null ? "" : document.number() + " ") + "ngày " + document.dateText()
				+ (document.issuerName() == null ? "" : " — " + document.issuerName());
	}

	private String text(String key, Object... arguments) {
		Object[] shown = java.util.Arrays.stream(arguments)
			.map(a -> a instanceof LocalDate d ? d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear() : a).toArray();
		return messages.getMessage(key, shown, key, LocaleContextHolder.getLocale());
	}

	// ---- reading the draft ------------------------------------------------------------------------------------------

	/** The day the document speaks for: its date, else the day its text reports on, else its year's end (or today). */
	LocalDate dayOf(LocalDate issuedOn, Integer issuedYear, LocalDate statedOn) {
		if (issuedOn != null) {
			return issuedOn;
		}
		if (statedOn != null) {
			return statedOn;
		}
		LocalDate today = LocalDate.now(clock);
		if (issuedYear == null || issuedYear < 1945 || issuedYear > 2200) {
			return today;
		}
		LocalDate end = LocalDate.of(issuedYear, 12, 31);
		return end.isAfter(today) ? today : end;
	}

	private static Tier tierOf(ExtractionDraft draft) {
		ExtractionDraft.Level level = tierLevel(draft);
		if (level == null) {
			return null;
		}
		return switch (level) {
			case NTM_NANG_CAO -> Tier.XA_NTM_NANG_CAO;
			case NTM_KIEU_MAU -> Tier.XA_NTM_KIEU_MAU;
			case KDC_NTM_KIEU_MAU -> Tier.KDC_NTM_KIEU_MAU;
			case THON_NTM -> Tier.THON_NTM;
			default -> Tier.XA_NTM;
		};
	}

	private static ExtractionDraft.Level tierLevel(ExtractionDraft draft) {
		if (!draft.criteriaStatus().isEmpty()) {
			return draft.criteriaStatus().get(0).level();
		}
		return draft.target() == null ? null : draft.target().level();
	}

	private static Document.SigningForm signingForm(String capacity) {
		String key = SearchKey.of(capacity).replaceAll("[^a-z]", "");
		return switch (key) {
			case "tm" -> Document.SigningForm.TM;
			case "kt" -> Document.SigningForm.KT;
			case "tl" -> Document.SigningForm.TL;
			default -> null;
		};
	}

	private static String titleCase(String title) {
		return title == null || title.isBlank() ? null : Character.toUpperCase(title.charAt(0)) + title.substring(1);
	}

	/** The year in the date line ("ngày   tháng   năm 2024"), for drafts whose day is blank. */
	static Integer yearOf(ExtractionDraft draft) {
		if (draft.date() != null) {
			return draft.date().getYear();
		}
		Matcher matcher = YEAR_LINE.matcher(draft.text() == null ? "" : draft.text());
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
	}

	/**
	 * The date a stated status holds on: the document's date, else the day its text reports on (the extractor's
	 * status date: "ngày 10 tháng 3 năm 2023", "Ngày 12/3/2024, Thường trực … làm việc …"), else none.
	 */
	static LocalDate statedOn(ExtractionDraft draft) {
		if (draft.date() != null) {
			return draft.date();
		}
		if (draft.statusDate() != null) {
			return draft.statusDate();
		}
		Matcher day = DAY.matcher(draft.text() == null ? "" : draft.text());
		while (day.find()) {
			try {
				return LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)), Integer.parseInt(day.group(1)));
			}
			catch (java.time.DateTimeException ex) {
				// "ngày 31/2/2024" is a typo, not a date: try the next one.
			}
		}
		return null;
	}

	/**
	 * The subject (trích yếu): the lines under the document-type heading ("THÔNG BÁO", then "KẾT LUẬN CỦA …" after a
	 * blank line or not), up to the next blank line; null when the text has none — never the file's name.
	 */
	static String subjectOf(ExtractionDraft draft) {
		String text = draft.text() == null ? "" : draft.text();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String key = SearchKey.of(lines[i].replace("*", ""));
			if (key.matches("(thong bao|ke hoach|nghi quyet|quyet dinh|bao cao|cong van|to trinh)( .*)?") && key.length() < 40) {
				StringBuilder subject = new StringBuilder(lines[i].trim().length() > 12 ? lines[i].trim() : "");
				int j = i + 1;
				while (subject.length() == 0 && j < lines.length && j < i + 3 && lines[j].isBlank()) {
					j++;
				}
				for (; j < lines.length && j < i + 8 && !lines[j].isBlank(); j++) {
					subject.append(subject.length() > 0 ? " " : "").append(lines[j].trim().replace("*", ""));
				}
				if (subject.length() > 0) {
					String result = subject.toString();
					return result.length() > 300 ? result.substring(0, 300) : result;
				}
			}
		}
		return null;
	}

	static ExtractionDraft.DocType docType(ExtractionDraft draft) {
		return draft.docType() == null ? ExtractionDraft.DocType.OTHER : draft.docType();
	}

	static Document.Kind kindOf(ExtractionDraft.DocType type) {
		return switch (type) {
			case THONG_BAO_KET_LUAN -> Document.Kind.CONCLUSION_NOTICE;
			case KE_HOACH -> Document.Kind.PLAN;
			case NGHI_QUYET -> Document.Kind.RESOLUTION;
			case QUYET_DINH -> Document.Kind.DECISION;
			case BAO_CAO -> Document.Kind.REPORT;
			default -> Document.Kind.OTHER;
		};
	}

	static StatedStatuses.Level levelOf(ExtractionDraft.Level level) {
		return level == null ? StatedStatuses.Level.NTM : StatedStatuses.Level.valueOf(level.name());
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
