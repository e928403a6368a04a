package vn.ntmtracker.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;

import static vn.ntmtracker.planning.FundingSource.DOANH_NGHIEP;
import static vn.ntmtracker.planning.FundingSource.LONG_GHEP;
import static vn.ntmtracker.planning.FundingSource.NGAN_SACH_HUYEN;
import static vn.ntmtracker.planning.FundingSource.NGAN_SACH_TINH;
import static vn.ntmtracker.planning.FundingSource.NGAN_SACH_XA;
import static vn.ntmtracker.planning.FundingSource.NHAN_DAN;
import vn.ntmtracker.StartupTask;

/**
 * The seeds' stories as plans (profile demo), entered through the services by the accounts that would do it:
 * Cẩm Thạch's funds mobilised in 2021 exactly as seed 001 reports them, and Cẩm Lĩnh's 2023 nâng cao plan
 * (seed 004) with its steering committee, weekly reports and village plans (thôn 6 reaching khu dân cư kiểu mẫu,
 * thôn 2–5 maintaining it). Quantities, costs and committee members' names are illustrations; criterion 20 is
 * left without a task on purpose so that the gap list shows it.
 */
@Component
@Profile("demo")
@Order(40)
class PlanningDemoData implements StartupTask {

	static final String COMMUNE_SET = "HT-2022-XA-NTM-NC";
	static final String VILLAGE_SET = "HT-2022-KDC-NTM-KM";

	private final Plans plans;
	private final Funds funds;
	private final Committee committee;
	private final UserAccounts accounts;
	private final JdbcClient jdbc;

	PlanningDemoData(Plans plans, Funds funds, Committee committee, UserAccounts accounts, JdbcClient jdbc) {
		this.plans = plans;
		this.funds = funds;
		this.committee = committee;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void run() {
		if (jdbc.sql("select count(*) from plan").query(Long.class).single() > 0) {
			return;
		}
		try {
			camThachFunds();
			camLinh();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Seed 001: "Tổng nguồn vốn chi cho xây dựng cơ sở hạ tầng là: 31.003.700.000 đồng. Trong đó: …". */
	private void camThachFunds() {
		actAs("camthach");
		fund("TH-CAMTHACH", 2021, NGAN_SACH_HUYEN, 650_000_000L, "Huyện (seed 001)");
		fund("TH-CAMTHACH", 2021, NGAN_SACH_XA, 10_031_100_000L, "Xã (seed 001)");
		fund("TH-CAMTHACH", 2021, NHAN_DAN, 13_055_000_000L, "Nhân dân đóng góp (seed 001)");
		fund("TH-CAMTHACH", 2021, LONG_GHEP, 7_180_000_000L, "Vốn lồng ghép (seed 001)");
		fund("TH-CAMTHACH", 2021, DOANH_NGHIEP, 87_600_000L, "Doanh nghiệp (seed 001)");
	}

	private void camLinh() {
		actAs("camlinh");
		long plan = plans.create("HT-CAMLINH", new Plans.NewPlan("Khung kế hoạch xây dựng xã Cẩm Lĩnh đạt chuẩn NTM nâng cao năm 2023",
				COMMUNE_SET, null, LocalDate.of(2023, 12, 31), null));
		long planning = task(plan, new TaskDraft(1, null, "Rà soát, điều chỉnh quy hoạch chung xây dựng xã", TaskKind.OTHER, null,
				null, null, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 5, 31), null, "UBND xã", "Cán bộ địa chính - xây dựng",
				"Phòng Kinh tế và Hạ tầng huyện", 300_000_000L, Map.of(NGAN_SACH_HUYEN, 200_000_000L, NGAN_SACH_XA, 100_000_000L)));
		long road = task(plan, new TaskDraft(2, null, "Bê tông hóa, mở rộng đường trục thôn 4 – thôn 6", TaskKind.WORKS,
				SiteClearance.IN_PROGRESS, new BigDecimal("2.5"), "km", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 9, 30), null,
				"UBND xã", "Phó Chủ tịch UBND xã", "Ban phát triển thôn 4, 6; MTTQ xã", 4_200_000_000L,
				Map.of(NGAN_SACH_TINH, 1_500_000_000L, NGAN_SACH_XA, 1_200_000_000L, NHAN_DAN, 1_500_000_000L)));
		long school = task(plan, new TaskDraft(5, null, "Xây dựng 4 phòng học trường mầm non", TaskKind.WORKS, SiteClearance.DONE,
				new BigDecimal("4"), "phòng học", LocalDate.of(2023, 4, 1), LocalDate.of(2024, 3, 31), null, "UBND xã",
				"Hiệu trưởng trường mầm non", "Hội Cha mẹ học sinh", 3_600_000_000L,
				Map.of(LONG_GHEP, 2_400_000_000L, NGAN_SACH_XA, 900_000_000L, DOANH_NGHIEP, 300_000_000L)));
		task(plan, new TaskDraft(10, null, "Nhân rộng mô hình vườn mẫu, liên kết sản xuất để nâng thu nhập", TaskKind.CAMPAIGN, null,
				new BigDecimal("40"), "hộ", LocalDate.of(2023, 2, 15), LocalDate.of(2023, 11, 30), null, "Hội Nông dân xã",
				"Chủ tịch Hội Nông dân", "HTX nông nghiệp", 800_000_000L, Map.of(FundingSource.TIN_DUNG, 500_000_000L, NHAN_DAN, 300_000_000L)));
		long cleaning = task(plan, new TaskDraft(17, null, "Toàn dân vệ sinh đường làng, ngõ xóm", TaskKind.RECURRING, null, null, null,
				LocalDate.of(2023, 1, 14), null, "Thứ 7 hằng tuần", "UBMTTQ xã", "Chủ tịch UBMTTQ", "Các đoàn thể, ban phát triển thôn",
				null, Map.of()));
		task(plan, new TaskDraft(17, null, "Xây dựng điểm tập kết, phân loại rác thải sinh hoạt", TaskKind.WORKS, SiteClearance.NOT_STARTED,
				new BigDecimal("1"), "điểm", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 10, 31), null, "UBND xã", "Cán bộ môi trường",
				"HTX dịch vụ môi trường", 650_000_000L, Map.of(NGAN_SACH_HUYEN, 400_000_000L, NGAN_SACH_XA, 250_000_000L)));
		task(plan, new TaskDraft(6, null, "Tu sửa, nâng cấp nhà văn hóa thôn 4, thôn 5", TaskKind.WORKS, SiteClearance.NOT_NEEDED,
				new BigDecimal("2"), "nhà văn hóa", LocalDate.of(2023, 3, 15), LocalDate.of(2023, 8, 31), null, "Ban phát triển thôn 4, 5",
				"Trưởng thôn 4, 5", "Ban văn hóa xã", 500_000_000L, Map.of(NGAN_SACH_XA, 200_000_000L, NHAN_DAN, 300_000_000L)));
		progress(planning, 100, LocalDate.of(2023, 5, 20), "Quyết định phê duyệt điều chỉnh quy hoạch đã ban hành");
		progress(road, 60, LocalDate.of(2023, 7, 15), "Hoàn thành 1,5 km; còn 3 hộ chưa bàn giao mặt bằng");
		progress(school, 35, LocalDate.of(2023, 9, 1), "Xong phần móng và khung");
		progress(cleaning, 50, LocalDate.of(2023, 6, 30), "Duy trì đều ở 5/6 thôn");
		plans.approve(plan, "UBND xã Cẩm Lĩnh", LocalDate.of(2023, 2, 10), plans.plan(plan).version());

		long village6 = villagePlan("thon6", "HT-CAMLINH-T6", "Kế hoạch xây dựng khu dân cư NTM kiểu mẫu thôn 6", plan,
				LocalDate.of(2023, 11, 30));
		actAs("thon6");
		task(village6, new TaskDraft(1, null, "Trồng hàng rào xanh dọc đường trục thôn", TaskKind.CAMPAIGN, null, new BigDecimal("1.2"),
				"km", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 6, 30), null, "Ban phát triển thôn 6", "Trưởng thôn 6",
				"Chi hội Phụ nữ, Chi đoàn thôn", 120_000_000L, Map.of(NHAN_DAN, 90_000_000L, NGAN_SACH_XA, 30_000_000L)));
		task(village6, new TaskDraft(3, null, "Lát gạch vỉa hè, rãnh thoát nước đường thôn", TaskKind.WORKS, SiteClearance.DONE,
				new BigDecimal("850"), "m²", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 9, 15), null, "Ban phát triển thôn 6",
				"Trưởng thôn 6", "UBND xã", 380_000_000L, Map.of(NHAN_DAN, 230_000_000L, NGAN_SACH_XA, 150_000_000L)));
		actAs("camlinh");
		plans.approve(village6, null, LocalDate.of(2023, 3, 1), plans.plan(village6).version());

		for (int n = 2; n <= 5; n++) {
			long maintain = villagePlan("camlinh", "HT-CAMLINH-T" + n, "Duy trì, nâng chất khu dân cư NTM kiểu mẫu thôn " + n, plan,
					LocalDate.of(2023, 12, 15));
			task(maintain, new TaskDraft(4, null, "Tu sửa các hạng mục có nguy cơ xuống cấp, giữ vệ sinh môi trường thôn " + n,
					TaskKind.CAMPAIGN, null, null, null, LocalDate.of(2023, 4, 1), LocalDate.of(2023, 11, 30), null,
					"Ban phát triển thôn " + n, "Trưởng thôn " + n, "Các chi hội", 60_000_000L, Map.of(NHAN_DAN, 60_000_000L)));
			if (n <= 3) {
				plans.approve(maintain, null, LocalDate.of(2023, 4, 10), plans.plan(maintain).version());
			}
		}

		fund("HT-CAMLINH", 2023, NGAN_SACH_TINH, 1_500_000_000L, "Hỗ trợ đường trục thôn");
		fund("HT-CAMLINH", 2023, NGAN_SACH_XA, 1_650_000_000L, "Đối ứng các công trình");
		fund("HT-CAMLINH", 2023, NHAN_DAN, 1_270_000_000L, "Nhân dân góp tiền, ngày công, hiến đất");
		fund("HT-CAMLINH", 2023, LONG_GHEP, 1_800_000_000L, "Chương trình kiên cố hóa trường lớp");

		committeeOfCamLinh();
	}

	/** Seed 004 §2.1 and §2.5: members answer for criteria and villages and report every week. */
	private void committeeOfCamLinh() {
		actAs("camlinh");
		long head = committee.addMember("HT-CAMLINH", "Trần Xuân Hữu", "Bí thư Đảng ủy, Trưởng Ban chỉ đạo");
		long chair = committee.addMember("HT-CAMLINH", "Nguyễn Văn Bình (minh họa)", "Chủ tịch UBND xã, Phó Trưởng Ban chỉ đạo");
		long officer = committee.addMember("HT-CAMLINH", "Lê Thị Hoa (minh họa)", "Cán bộ chuyên trách NTM xã");
		long front = committee.addMember("HT-CAMLINH", "Phan Văn Cường (minh họa)", "Chủ tịch UBMTTQ xã, thành viên");
		committee.assign(head, 20, "HT-CAMLINH-T6");
		committee.assign(chair, 2, "HT-CAMLINH-T4");
		committee.assign(chair, 5, null);
		committee.assign(officer, 1, "HT-CAMLINH-T2");
		committee.assign(officer, 17, "HT-CAMLINH-T3");
		committee.assign(front, 10, "HT-CAMLINH-T5");
		committee.report(chair, LocalDate.of(2023, 7, 10), "Ra quân làm đường trục thôn 4 – thôn 6, đạt 1,5 km",
				"3 hộ thôn 4 chưa đồng ý bàn giao mặt bằng; đề nghị BCĐ vận động");
		committee.report(officer, LocalDate.of(2023, 7, 10), "Tổng hợp báo cáo tuần của các thôn; hướng dẫn thôn 3 phân loại rác", null);
		committee.report(front, LocalDate.of(2023, 7, 10), "Thứ 7 toàn dân vệ sinh ở 5/6 thôn", "Thôn 1 chưa duy trì; cần BCĐ chỉ đạo");
		committee.report(head, LocalDate.of(2023, 7, 3), "Làm việc với thôn 6 về khu dân cư kiểu mẫu", null);
	}


	private long villagePlan(String user, String unit, String title, long parent, LocalDate target) {
		actAs(user);
		return plans.create(unit, new Plans.NewPlan(title, VILLAGE_SET, null, target, parent));
	}

	private long task(long plan, TaskDraft draft) {
		return plans.addTask(plan, draft, null).task().id();
	}

	private void progress(long task, int percent, LocalDate on, String note) {
		plans.reportProgress(task, new Plans.ProgressInput(percent, on, note, null), plans.task(task).version());
	}

	private void fund(String unit, int year, FundingSource source, long amount, String note) {
		funds.record(unit, new Funds.FundInput(year, source, amount, null, null, note));
	}

	private void actAs(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}
}
