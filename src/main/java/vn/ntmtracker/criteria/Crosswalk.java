package vn.ntmtracker.criteria;

import java.util.List;

/**
 * How the criteria of one set version correspond to those of another, for trends across periods (e.g. QĐ 318 NTM
 * no. 17 "Môi trường và an toàn thực phẩm" → QĐ 51/2025 no. 8 "Môi trường và cảnh quan nông thôn"). Only the
 * correspondences a source supports are listed; a criterion without an entry has no counterpart we can vouch for.
 */
public record Crosswalk(String fileName, SetRef from, SetRef to, Provenance provenance, List<Entry> entries) {

	/** How the two criteria relate. */
	public enum Relation {
		/** Same criterion, same name. */
		SAME,
		/** Same criterion under a new name or number. */
		RENAMED,
		/** The source criterion is split; this target is one of the parts. */
		SPLIT,
		/** Several source criteria merge into this target. */
		MERGED,
		/** The target covers part of the source criterion's content. */
		PARTIAL
	}

	public record Entry(int fromNumber, String fromName, int toNumber, String toName, Relation relation, String note) {
	}

	public Crosswalk {
		entries = entries == null ? List.of() : List.copyOf(entries);
	}

	/** Target numbers a source criterion maps to one-to-one (SAME or RENAMED), or -1. */
	public int oneToOne(int fromNumber) {
		for (Entry entry : entries) {
			if (entry.fromNumber() == fromNumber
					&& (entry.relation() == Relation.SAME || entry.relation() == Relation.RENAMED)) {
				return entry.toNumber();
			}
		}
		return -1;
	}
}
