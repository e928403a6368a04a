package vn.ntmtracker;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most a few heavy parses (document extraction, workbook imports) run at once; the others wait a little, then get
 * "busy, try again" instead of piling up until the heap is gone. Three 95 MB .docx parsed at once once ended in an
 * OutOfMemoryError.
 */
@Component
public class HeavyWork {

	private final Semaphore permits;
	private final long waitSeconds;

	HeavyWork(@Value("${ntm.heavy-work.concurrency:2}") int concurrency, @Value("${ntm.heavy-work.wait-seconds:20}") long waitSeconds) {
		this.permits = new Semaphore(Math.max(1, concurrency), true);
		this.waitSeconds = waitSeconds;
	}

	public <T> T run(Callable<T> work) throws Exception {
		if (!permits.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
			throw new BusyException();
		}
		try {
			return work.call();
		}
		finally {
			permits.release();
		}
	}

	/** The server is already reading as many files as it may; nothing was done. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
	public static class BusyException extends RuntimeException {

		BusyException() {
			super("Máy chủ đang bận đọc các tệp khác; chưa có gì được lưu, vui lòng thử lại sau ít phút.");
		}
	}
}
