package vn.ntmtracker.units;

import java.util.List;

/** One page of units; the JSON shape of {@code GET /api/units}. */
public record UnitPage(List<Unit> content, int page, int size, long totalElements) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}
