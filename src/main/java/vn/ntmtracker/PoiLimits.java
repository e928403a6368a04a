package vn.ntmtracker;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Limits for every workbook and document read with Apache POI, set once before the first request: a part of an
 * .xlsx or .docx may not inflate beyond 64 MB nor at a ratio above 1:100, and no single record beyond 100 MB. A
 * 5 MB workbook of a million rows once took 5.6 GB of heap.
 */
@Component
@Order(0)
class PoiLimits implements StartupTask {

	static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

	@Override
	public void run() {
		apply();
	}

	static void apply() {
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		ZipSecureFile.setMinInflateRatio(0.01);
		IOUtils.setByteArrayMaxOverride(100 * 1024 * 1024);
	}
}
