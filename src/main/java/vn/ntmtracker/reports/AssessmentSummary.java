package vn.ntmtracker.reports;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import vn.ntmtracker.assessment.AssessmentOverview;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.Units;

/** The assessment summary of an area as of a date, from the assessment module's overview (two queries). */
@Service
class AssessmentSummary {

	private final AssessmentOverview overview;
	private final AccessPolicy access;
	private final Units units;

	AssessmentSummary(AssessmentOverview overview, AccessPolicy access, Units units) {
		this.overview = overview;
		this.access = access;
		this.units = units;
	}

	Rendered workbook(String unitCode, String setCode, LocalDate asOf, boolean signedOffOnly) {
		if (unitCode == null || unitCode.isBlank()) {
			throw new ReportException("Địa bàn (unit): cần mã tỉnh, huyện hoặc xã");
		}
		if (setCode == null || setCode.isBlank()) {
			throw new ReportException("Bộ tiêu chí (set): cần mã bộ tiêu chí, ví dụ HT-2022-XA-NTM-NC");
		}
		if (asOf == null) {
			throw new ReportException("Ngày số liệu (to): cần ngày, ví dụ 2024-12-31");
		}
		if (!units.exists(unitCode) || !access.canRead(unitCode)) {
			throw new ReportNotFoundException("Không tìm thấy đơn vị " + unitCode);
		}
		AssessmentOverview.Overview data = overview.of(unitCode, setCode, asOf, signedOffOnly, null, null);
		String name = "Tổng hợp " + data.set().code() + " - " + data.root().displayName() + " - " + VietnameseText.date(asOf).replace('/', '-');
		return new Rendered(AssessmentSummaryWorkbook.write(data), name + ".xlsx", Rendered.Format.XLSX.mediaType);
	}
}
