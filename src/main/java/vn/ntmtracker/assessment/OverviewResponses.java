package vn.ntmtracker.assessment;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The overview answers already written, kept by their ETag. The tag is computed from the database on every request
 * (the newest round and the round count, the recognition history, the unit tree's revision, the scope and the reader:
 * {@link AssessmentOverview#etag}), so an answer is reused only while nothing it shows has changed — a write anywhere
 * makes a new tag and the next request reads the rows again (fresh on write, no expiry to wait for, and the same on
 * every node because the tag comes from the shared database). The rows are read after the tag, so a stored answer is
 * never older than its tag. Bounded by total size, least recently used first out.
 */
@Component
class OverviewResponses {

	private final long maxBytes;
	private final LinkedHashMap<String, byte[]> answers = new LinkedHashMap<>(64, 0.75f, true);
	private long bytes;

	OverviewResponses(@Value("${ntm.overview.cache-bytes:67108864}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	synchronized byte[] get(String etag) {
		return answers.get(etag);
	}

	synchronized void put(String etag, byte[] answer) {
		if (answer.length > maxBytes / 4) {
			return;
		}
		byte[] previous = answers.put(etag, answer);
		bytes += answer.length - (previous == null ? 0 : previous.length);
		Iterator<Map.Entry<String, byte[]>> oldest = answers.entrySet().iterator();
		while (bytes > maxBytes && oldest.hasNext()) {
			bytes -= oldest.next().getValue().length;
			oldest.remove();
		}
	}

	synchronized int size() {
		return answers.size();
	}
}
