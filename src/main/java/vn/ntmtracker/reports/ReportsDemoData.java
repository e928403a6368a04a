package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.StartupTask;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;

/**
 * Demo drafts (profile {@code demo} only), on the seeds' dates: seed 002's conclusion notice regenerated from its
 * registered directives, with the meeting's opening and assessment as the seed words them, drafted by the district's
 * coordination office; and Cẩm Quang's 2024 progress report started by the commune officer. Runs once.
 */
@Component
@Profile("demo")
@Order(50)
class ReportsDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(ReportsDemoData.class);

	private final ReportDrafts drafts;
	private final UserAccounts accounts;
	private final JdbcClient jdbc;

	private final vn.ntmtracker.directives.DocumentIntake documents;

	ReportsDemoData(ReportDrafts drafts, UserAccounts accounts, JdbcClient jdbc, vn.ntmtracker.directives.DocumentIntake documents) {
		this.documents = documents;
		this.drafts = drafts;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void run() {
		if (jdbc.sql("select count(*) from report_draft").query(Long.class).single() > 0) {
			return;
		}
		Long notice = documents.idByNumber("06/TB-BCĐ", 2024).orElse(null);
		if (notice == null) {
			return;
		}
		try {
			actAs("vpdp-camxuyen");
			long draft = drafts.create("conclusion-notice", new ReportKind.Request(null, null, null, null, notice));
			drafts.save(draft, 0, new ReportDraft.Edit(null, null, "BAN CHỈ ĐẠO", null, null, null,
					"KẾT LUẬN CỦA THƯỜNG TRỰC BAN CHỈ ĐẠO\ntại các cuộc làm việc với xã Cẩm Quang về tình hình, kết quả xây dựng\nxã nông thôn mới nâng cao năm 2024",
					null, null, null, null, Map.of("opening", """
							Ngày 12/3/2024, Thường trực Ban Chỉ đạo huyện tổ chức làm việc với xã Cẩm Quang nhằm đánh giá tình hình, kết quả thực hiện nhiệm vụ thời gian qua; định hướng mục tiêu, nhiệm vụ, giải pháp xây dựng xã đạt chuẩn nông thôn mới nâng cao trong năm 2024. Tham dự cuộc làm việc có các đồng chí: Thường trực Huyện ủy; Chủ tịch Hội đồng nhân dân huyện; Thường trực Ban chỉ đạo huyện, Lãnh đạo Ủy ban nhân dân huyện; Đại diện lãnh đạo Ủy ban MTTQ Việt Nam huyện và các đoàn thể chính trị - xã hội huyện; Văn phòng Huyện ủy; Trưởng các phòng, ngành phụ trách tiêu chí; Đảng ủy, Thường trực Hội đồng nhân dân, lãnh đạo Ủy ban nhân dân, các ban, ngành, đoàn thể, các thôn của xã Cẩm Quang. Sau khi nghe báo cáo của UBND xã Cẩm Quang, ý kiến của các đại biểu dự họp, Thường trực Huyện ủy, Thường trực Ban Chỉ đạo huyện thống nhất kết luận:""",
							"assessment", """
							Cẩm Quang là xã đạt chuẩn nông thôn mới từ năm 2015, là địa phương có điều kiện thuận lợi để xây dựng nông thôn mới nâng cao. Thời gian qua, cấp ủy, chính quyền xã đã tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ xây dựng xã nông thôn mới nâng cao, tuy nhiên đến nay kết quả thực hiện còn khá hạn chế, mới có **3/20 tiêu chí** đạt chuẩn; khối lượng công việc của các tiêu chí còn lại còn khá lớn, kết quả giữa các thôn chưa đồng đều.""",
							"direction", "Để phát huy những kết quả đạt được, đẩy nhanh tiến độ thực hiện các tiêu chí xã NTM nâng cao, đảm bảo đạt chuẩn vào năm 2024 theo lộ trình, Thường trực Ban Chỉ đạo huyện yêu cầu:")));
			actAs("camquang");
			drafts.create("progress-report", new ReportKind.Request("HT-CAMQUANG", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null));
			log.info("Demo drafts loaded (seed 002 notice, Cẩm Quang report 2024)");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void actAs(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}
}
