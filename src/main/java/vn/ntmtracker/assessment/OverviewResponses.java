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
 * never older than its tag. Each answer is kept plain and gzip-compressed (compressed once, when stored: a browser or
 * client that accepts gzip then gets 17 KB instead of 250 KB per 1,000 communes without the server compressing the
 * same bytes on every request). Bounded by total size, least recently used first out.
 */
@Component
class OverviewResponses {

	private final long maxBytes;
	/** One stored answer: the JSON and the same bytes gzip-compressed. */
	record Answer(byte[] plain, byte[] gzip) {

		static Answer of(byte[] plain) {
			java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream(plain.length / 8 + 64);
			try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(compressed, 8192)) {
				out.write(plain);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return new Answer(plain, compressed.toByteArray());
		}

		long size() {
			return (long) plain.length + gzip.length;
		}
	}

	private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
	private long bytes;

	OverviewResponses(@Value("${ntm.overview.cache-bytes:67108864}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	synchronized Answer get(String etag) {
		return answers.get(etag);
	}

	/** Compresses (outside the lock) and keeps the answer; returns it either way. */
	Answer put(String etag, byte[] plain) {
		Answer answer = Answer.of(plain);
		if (answer.size() > maxBytes / 4) {
			return answer;
		}
		synchronized (this) {
			Answer previous = answers.put(etag, answer);
			bytes += answer.size() - (previous == null ? 0 : previous.size());
			Iterator<Map.Entry<String, Answer>> oldest = answers.entrySet().iterator();
			while (bytes > maxBytes && oldest.hasNext()) {
				bytes -= oldest.next().getValue().size();
				oldest.remove();
			}
		}
		return answer;
	}

	synchronized int size() {
		return answers.size();
	}
}
