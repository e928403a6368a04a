package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What the home pages say about directives and requests, as the reader may see them: the items of my bodies due soon
 * or overdue, and a unit's overdue items by assignee.
 */
@Service
public class DirectiveFigures {

	/** One directive or request to act on; {@code daysLeft} is negative when late. */
	public record WorkItem(long id, String text, String leadName, String documentNumber, LocalDate due, long daysLeft,
			boolean request, boolean overdue) {
	}

	/** An assignee with its open items and how many of them are overdue. */
	public record AssigneeLoad(long organisationId, String name, long open, long overdue) {
	}

	private final DirectiveQueries queries;
	private final DirectiveAccess access;

	DirectiveFigures(DirectiveQueries queries, DirectiveAccess access) {
		this.queries = queries;
		this.access = access;
	}

	/** Open items led by or shared with my bodies that are overdue or due within {@code days}, most urgent first. */
	public List<WorkItem> myWork(LocalDate today, int days) {
		if (access.myOrganisations().isEmpty()) {
			return List.of();
		}
		DirectiveFilter mine = new DirectiveFilter(null, null, null, true, null, null, null, null, today);
		return queries.find(mine, access.reach(), access.myOrganisations()).stream()
			.filter(DirectiveRow::open)
			.filter(row -> row.due() != null && !row.due().isAfter(today.plusDays(days)))
			.map(row -> item(row, today))
			.sorted(Comparator.comparing(WorkItem::due))
			.limit(50)
			.toList();
	}

	/** The open items targeting the unit's subtree, by lead body, most overdue first. */
	public List<AssigneeLoad> loadByAssignee(String unitCode, LocalDate today) {
		List<DirectiveRow> rows = queries.find(DirectiveFilter.asOf(today).forUnit(unitCode), access.reach(), access.myOrganisations());
		return queries.summary(rows, DirectiveQueries.GroupBy.ASSIGNEE, today).stream()
			.map(line -> new AssigneeLoad(Long.parseLong(line.key()), line.label(),
					line.counts().notDue() + line.counts().inProgress() + line.counts().overdue(), line.counts().overdue()))
			.filter(load -> load.open() > 0)
			.sorted(Comparator.comparingLong(AssigneeLoad::overdue).reversed().thenComparing(AssigneeLoad::name))
			.toList();
	}

	private static WorkItem item(DirectiveRow row, LocalDate today) {
		long left = row.daysLeft(today);
		return new WorkItem(row.id(), row.requestText() != null ? row.requestText() : row.text(), row.leadName(),
				row.documentNumber(), row.due(), left, row.kind() == Directive.Kind.REQUEST, row.bucket() == Bucket.OVERDUE);
	}
}
