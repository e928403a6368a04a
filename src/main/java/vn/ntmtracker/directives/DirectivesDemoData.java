package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.StartupTask;

/**
 * Demo documents (profile {@code demo} only), entered through the same services users have: seed 002 (the
 * conclusion notice 06/TB-BCĐ of Cẩm Xuyên's steering committee on Cẩm Quang, 2024) with all its directives
 * and the commune's requests, each with the seed's deadline wording and assignee, and progress up to
 * mid-2024; seed 003 (Tam Đường's conclusion notice on Bản Bo, 2023) with its directives. Runs once.
 */
@Component
@Profile("demo")
@Order(20)
class DirectivesDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(DirectivesDemoData.class);

	/** Hà Tĩnh's provincial set for xã NTM nâng cao (20 criteria) and the national one (QĐ 318, Phụ lục II). */
	static final String HA_TINH_NC = "HT-NC-2021";
	static final String NATIONAL_NC = "NC-2021";

	private final Organisations organisations;
	private final DocumentRegister register;
	private final DirectiveDesk desk;
	private final UserAccounts accounts;
	private final Map<String, Long> orgs = new HashMap<>();

	DirectivesDemoData(Organisations organisations, DocumentRegister register, DirectiveDesk desk, UserAccounts accounts) {
		this.organisations = organisations;
		this.register = register;
		this.desk = desk;
		this.accounts = accounts;
	}

	@Override
	public void run() {
		if (organisations.findByCode("CX-BCD").isPresent()) {
			return;
		}
		CurrentUser admin = accounts.loadUserByUsername("admin");
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		try {
			organisations();
			camQuang();
			banBo();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		log.info("Demo documents and directives loaded");
	}

	private void org(String code, Organisation.Kind kind, String name, String unit, String... members) {
		long id = organisations.create(code, kind, name, unit).id();
		orgs.put(code, id);
		for (String member : members) {
			organisations.addMember(id, member);
		}
	}

	private void organisations() {
		org("HT-VPDP", Organisation.Kind.COORDINATION_OFFICE, "Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh", "42", "vpdp-hatinh");
		org("HT-SNNMT", Organisation.Kind.DEPARTMENT, "Sở Nông nghiệp và Môi trường Hà Tĩnh", "42", "so-nnmt-hatinh");
		org("CX-BCD", Organisation.Kind.STEERING_COMMITTEE, "Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên", "HT-CAMXUYEN", "vpdp-camxuyen");
		org("CX-UBND", Organisation.Kind.PEOPLES_COMMITTEE, "UBND huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-KTHT", Organisation.Kind.DEPARTMENT, "Phòng Kinh tế - Hạ tầng huyện Cẩm Xuyên", "HT-CAMXUYEN", "pktht-camxuyen");
		org("CX-NNPTNT", Organisation.Kind.DEPARTMENT, "Phòng Nông nghiệp và Phát triển nông thôn huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-TNMT", Organisation.Kind.DEPARTMENT, "Phòng Tài nguyên và Môi trường huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-VHTT", Organisation.Kind.DEPARTMENT, "Phòng Văn hóa - Thông tin huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-GDDT", Organisation.Kind.DEPARTMENT, "Phòng Giáo dục và Đào tạo huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-NV", Organisation.Kind.DEPARTMENT, "Phòng Nội vụ huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-TCKH", Organisation.Kind.DEPARTMENT, "Phòng Tài chính - Kế hoạch huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-VPDP", Organisation.Kind.COORDINATION_OFFICE, "Văn phòng Điều phối nông thôn mới huyện Cẩm Xuyên", "HT-CAMXUYEN", "vpdp-camxuyen");
		org("CX-QLDA", Organisation.Kind.PROJECT_BOARD, "Ban Quản lý dự án đầu tư xây dựng huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-DL", Organisation.Kind.OTHER, "Điện lực Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-MTTQ", Organisation.Kind.FATHERLAND_FRONT, "Ủy ban MTTQ Việt Nam huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-HND", Organisation.Kind.MASS_ORGANISATION, "Hội Nông dân huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-LHPN", Organisation.Kind.MASS_ORGANISATION, "Hội Liên hiệp phụ nữ huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-HD", Organisation.Kind.MASS_ORGANISATION, "Ban Thường vụ Huyện đoàn Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-CCB", Organisation.Kind.MASS_ORGANISATION, "Hội Cựu chiến binh huyện Cẩm Xuyên", "HT-CAMXUYEN");
		org("CX-TCT494", Organisation.Kind.WORKING_GROUP, "Tổ công tác chỉ đạo xây dựng NTM nâng cao tại xã Cẩm Quang (QĐ 494-QĐ/HU)", "HT-CAMXUYEN");
		org("CQ-UBND", Organisation.Kind.PEOPLES_COMMITTEE, "UBND xã Cẩm Quang", "HT-CAMQUANG", "camquang");
		org("CQ-DU", Organisation.Kind.PARTY_COMMITTEE, "Đảng ủy xã Cẩm Quang", "HT-CAMQUANG");
		org("TD-BTV", Organisation.Kind.PARTY_COMMITTEE, "Ban Thường vụ Huyện ủy Tam Đường", "LC-TAMDUONG");
		org("TD-UBND", Organisation.Kind.PEOPLES_COMMITTEE, "UBND huyện Tam Đường", "LC-TAMDUONG");
		org("TD-KTHT", Organisation.Kind.DEPARTMENT, "Phòng Kinh tế - Hạ tầng huyện Tam Đường", "LC-TAMDUONG");
		org("TD-TTYT", Organisation.Kind.OTHER, "Trung tâm Y tế huyện Tam Đường", "LC-TAMDUONG");
		org("BB-BCD", Organisation.Kind.STEERING_COMMITTEE, "Ban Chỉ đạo các chương trình MTQG xã Bản Bo", "LC-BANBO", "banbo");
		org("BB-DU", Organisation.Kind.PARTY_COMMITTEE, "Đảng ủy xã Bản Bo", "LC-BANBO");
		org("BB-UBND", Organisation.Kind.PEOPLES_COMMITTEE, "UBND xã Bản Bo", "LC-BANBO", "banbo");
	}

	private long id(String code) {
		return orgs.get(code);
	}

	private List<Long> ids(String... codes) {
		return java.util.Arrays.stream(codes).map(this::id).toList();
	}

	private long directive(long document, String ref, String text, String lead, List<Long> cooperating, List<String> units,
			String set, String criterion, LocalDate assignedOn, String deadline) {
		return desk.create(document, new DirectiveForm(Directive.Kind.DIRECTIVE, ref, text, null, null, id(lead), cooperating,
				null, units, criterion == null ? null : set, criterion, assignedOn, deadline, false));
	}

	private long request(long document, String ref, String request, String handling, String lead, List<Long> cooperating,
			LocalDate assignedOn, String deadline) {
		return desk.create(document, new DirectiveForm(Directive.Kind.REQUEST, ref, handling, request, "HT-CAMQUANG",
				id(lead), cooperating, null, List.of(), null, null, assignedOn, deadline, false));
	}

	private static LocalDate d(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	private void camQuang() {
		long doc = register.register(new DocumentForm(Document.Kind.CONCLUSION_NOTICE, "06/TB-BCĐ", null, 2024, id("CX-BCD"),
				"Lê Ngọc Hà", Document.SigningForm.KT, "Phó Trưởng ban - Phó Chủ tịch UBND huyện",
				"Kết luận của Thường trực Ban Chỉ đạo tại các cuộc làm việc với xã Cẩm Quang về tình hình, kết quả xây dựng xã nông thôn mới nâng cao năm 2024",
				String.join("\n", "Thường trực Huyện ủy;", "Các đồng chí UVBTV Huyện ủy;", "Ban chỉ đạo huyện;", "Văn phòng HU;",
						"Ủy ban MTTQ và các đoàn thể huyện;", "UBND huyện;", "Tổ công tác 494;", "Các phòng, ban, ngành cấp huyện;",
						"Đảng ủy, UBND các xã, thị trấn;", "Lưu: VT,NTM."),
				List.of("HT-CAMQUANG")), List.of()).id();
		// The notice leaves its date blank; the conclusions were given at the working session of 12/3/2024.
		LocalDate met = d(2024, 3, 12);
		List<String> cq = List.of("HT-CAMQUANG");
		List<String> villages = List.of("HT-CAMQUANG-T1", "HT-CAMQUANG-T2", "HT-CAMQUANG-T3", "HT-CAMQUANG-T4", "HT-CAMQUANG-T5");
		List<Long> du = ids("CQ-DU");
		String general = "hoàn thành các tiêu chí trước ngày 30/10/2024";

		long tuyenTruyen = directive(doc, "1.1", "Tăng cường công tác tuyên truyền, phát huy vai trò chủ thể của người dân trong xây dựng xã NTM nâng cao; phát động phong trào thường xuyên, liên tục, hiệu quả.", "CQ-UBND", du, cq, null, null, met, "thường xuyên");
		long khungXa = directive(doc, "1.2", "Rà soát kết quả thực hiện các tiêu chí theo Khung kế hoạch; xây dựng lộ trình, phân công, nguồn lực cho từng tiêu chí; cập nhật, điều chỉnh Khung kế hoạch.", "CQ-UBND", du, cq, null, null, met, "chậm nhất trước ngày 25/3/2024");
		long khungThon = directive(doc, "1.3", "Chỉ đạo các thôn soát xét, xây dựng Khung kế hoạch khu dân cư NTM kiểu mẫu (QĐ 39/2022/QĐ-UBND): khối lượng, lộ trình, kinh phí, nguồn lực, phân công; UBND xã phê duyệt.", "CQ-UBND", du, villages, null, null, met, "chậm nhất trước ngày 31/3/2024");
		long quyHoach = directive(doc, "1.4", "Quy hoạch: công bố, cắm mốc quy hoạch; đôn đốc đơn vị tư vấn lập đề cương nhiệm vụ, khảo sát quy hoạch khu trung tâm xã, trình phòng Kinh tế - Hạ tầng.", "CQ-UBND", du, cq, HA_TINH_NC, "1", met, "trước ngày 15/5/2024");
		directive(doc, "1.5", "Điện: phối hợp phòng Kinh tế - Hạ tầng, Điện lực huyện xử lý các hành vi vi phạm hành lang lưới điện, nhất là tại hộ gia đình Trần Đình Hải.", "CQ-UBND", ids("CX-KTHT", "CX-DL"), cq, HA_TINH_NC, "4", met, null);
		directive(doc, "1.6", "Giáo dục: huy động nguồn lực, ưu tiên ngân sách xã đầu tư cơ sở vật chất trường học, nhất là nhà đa năng tại trường tiểu học; nâng cấp cảnh quan khuôn viên sư phạm.", "CQ-UBND", du, cq, HA_TINH_NC, "5", met, null);
		directive(doc, "1.7", "Tổ chức sản xuất và phát triển KTNT: phá bỏ thửa nhỏ, tích tụ ruộng đất, mô hình lúa hữu cơ; hỗ trợ HTX Như Gia xây dựng mô hình công nghệ cao, kinh tế tuần hoàn gắn với sản phẩm OCOP 3 sao.", "CQ-UBND", du, cq, HA_TINH_NC, "13", met, null);
		long moiTruong = directive(doc, "1.8", "Môi trường: phân loại, thu gom, xử lý rác thải, chất thải; mô hình xử lý nước thải sinh hoạt; quy hoạch điểm tập kết chất thải rắn; củng cố HTX vệ sinh môi trường.", "CQ-UBND", du, cq, HA_TINH_NC, "17", met, null);
		directive(doc, "1.9", "Quốc phòng an ninh: nắm chắc tình hình, đấu tranh, ngăn chặn các tệ nạn xã hội, giữ vững an ninh trật tự.", "CQ-UBND", du, cq, HA_TINH_NC, "19", met, null);
		long kieuMau = directive(doc, "1.10", "Khu dân cư NTM kiểu mẫu: xây dựng khu dân cư mẫu tại tất cả các thôn; chỉnh trang, xây dựng tour, tuyến, điểm nhấn; 04 thôn đạt chuẩn khu dân cư NTM kiểu mẫu.", "CQ-UBND", du, villages, null, null, met, "đến 30/4/2024");
		directive(doc, "1.11", "Đẩy mạnh cải cách hành chính, dịch vụ công trực tuyến, nâng cao chất lượng phục vụ.", "CQ-UBND", du, cq, HA_TINH_NC, "15", met, null);
		directive(doc, "1.12", "Thực hiện đồng bộ các giải pháp tăng thu ngân sách: đấu giá đất, giao đất, chuyển mục đích sử dụng đất, chống thất thu thuế, quản lý đầu tư công.", "CQ-UBND", du, cq, null, null, met, null);

		directive(doc, "2", "Chỉ đạo các phòng, ngành cấp huyện theo tiêu chí được phân công khâu nối với các sở, ngành cấp tỉnh hướng dẫn, hỗ trợ xã.", "CX-UBND", List.of(), cq, null, null, met, general);
		long ktQuyHoach = directive(doc, "2.1a", "Đôn đốc, chỉ đạo xã triển khai quy hoạch khu trung tâm; thẩm định, tham mưu trình UBND huyện phê duyệt.", "CX-KTHT", List.of(), cq, HA_TINH_NC, "1", met, "trước ngày 15/7/2024");
		directive(doc, "2.1b", "Chỉ đạo, hướng dẫn xã rà soát tiêu chí giao thông, nâng cấp các tuyến giao thông, làm gờ giảm tốc, lắp đặt biển báo.", "CX-KTHT", List.of(), cq, HA_TINH_NC, "2", met, general);
		long ktDien = directive(doc, "2.1c", "Chỉ đạo, hướng dẫn xã xử lý vi phạm hành lang điện đối với hộ Trần Đình Hải.", "CX-KTHT", ids("CX-DL"), cq, HA_TINH_NC, "4", met, "hoàn thành trước ngày 30/6/2024");
		directive(doc, "2.2", "Khâu nối Trung tâm Nước sạch VSMT tỉnh đẩy nhanh dự án nước sạch; hướng dẫn xã xây dựng mô hình nông nghiệp công nghệ cao, kinh tế tích hợp đa giá trị.", "CX-NNPTNT", List.of(), cq, null, null, met, general);
		long tnmt = directive(doc, "2.3", "Hướng dẫn xã phân loại, thu gom xử lý rác thải tại nguồn, mô hình xử lý nước thải sinh hoạt; hỗ trợ rà soát quy hoạch sử dụng đất, giao đất, cấp đất.", "CX-TNMT", List.of(), cq, HA_TINH_NC, "17", met, general);
		directive(doc, "2.4", "Khảo sát, định hướng phương án nhà văn hóa và khu thể thao các thôn; lồng ghép chương trình, dự án nâng cấp nhà văn hóa.", "CX-VHTT", List.of(), cq, HA_TINH_NC, "6", met, general);
		long gddt = directive(doc, "2.5", "Chỉ đạo, hướng dẫn xã củng cố tiêu chí Giáo dục, nâng cấp cơ sở vật chất các điểm trường đạt chuẩn.", "CX-GDDT", List.of(), cq, HA_TINH_NC, "5", met, general);
		directive(doc, "2.6", "Chủ trì, phối hợp các phòng, ngành chỉ đạo, hướng dẫn, kiểm tra công tác cải cách hành chính.", "CX-NV", List.of(), cq, HA_TINH_NC, "15", met, general);
		directive(doc, "2.7", "Chỉ đạo, hướng dẫn xã trong công tác thu ngân sách, xử lý nợ đọng.", "CX-TCKH", List.of(), cq, null, null, met, general);
		long vpdp = directive(doc, "2.8", "Hướng dẫn các thôn xây dựng khu dân cư mẫu, tour, tuyến, điểm nhấn; khâu nối các sở, ngành hướng dẫn xã thực hiện các tiêu chí; hướng dẫn xây dựng sản phẩm OCOP 3 sao.", "CX-VPDP", List.of(), cq, null, null, met, general);

		directive(doc, "3.1", "Chỉ đạo các đoàn thể huyện giúp xã Cẩm Quang; có kế hoạch lấy ý kiến nhân dân về xã NTM nâng cao.", "CX-MTTQ", List.of(), cq, null, null, met, null);
		directive(doc, "3.2", "Chỉ đạo, huy động lực lượng tham gia phá bỏ vườn tạp, chỉnh trang, tổ chức sản xuất vườn hộ.", "CX-HND", List.of(), cq, null, null, met, null);
		long phuNu = directive(doc, "3.3", "Phối hợp phòng Tài nguyên và Môi trường hướng dẫn phân loại, xử lý rác thải, nước thải sinh hoạt; xây dựng “Gia đình NTM kiểu mẫu - 5 có”.", "CX-LHPN", ids("CX-TNMT"), cq, HA_TINH_NC, "17", met, null);
		directive(doc, "3.4", "Hỗ trợ xây dựng đường điện thắp sáng, nâng cấp nhà văn hóa, khu thể thao thôn.", "CX-HD", List.of(), cq, null, null, met, null);
		long ccb = directive(doc, "3.5", "Hỗ trợ xây dựng hệ thống hàng rào xanh, cây xanh tại các tuyến đường.", "CX-CCB", List.of(), cq, null, null, met, null);
		long toCongTac = directive(doc, "4", "Theo dõi, đôn đốc; cùng Ban chỉ đạo xã xây dựng khung kế hoạch tour tuyến, điểm nhấn (mỗi thôn ít nhất 01); bám sát cơ sở, cập nhật tiến độ, báo cáo khó khăn qua Văn phòng Điều phối NTM huyện.", "CX-TCT494", ids("CX-VPDP"), cq, null, null, met, "hàng tuần");

		long congChuc = request(doc, "5.1", "Bổ sung 02 công chức (Văn phòng - Thống kê, Địa chính - NN - TN - MT xã).", "Chủ trì phối hợp các phòng, ngành tham mưu UBND huyện bổ sung công chức.", "CX-NV", List.of(), met, "trước ngày 10/4/2024");
		long dh131 = request(doc, "5.2", "Khẩn trương hoàn thành dự án đường huyện ĐH 131 đoạn qua xã Cẩm Quang.", "Kiểm tra thực tế, khảo sát các nội dung trên tuyến ĐH 131; chỉ đạo nhà thầu đẩy nhanh tiến độ thi công.", "CX-QLDA", ids("CX-KTHT"), met, "hoàn thành trước ngày 10/4/2024");
		long kinhPhi = request(doc, "5.3", "Hỗ trợ kinh phí xã xây dựng NTM nâng cao năm 2024.", "Chủ trì cùng Văn phòng NTM huyện, các phòng, ngành liên quan tham mưu UBND huyện xem xét.", "CX-TCKH", ids("CX-VPDP"), met, null);
		request(doc, "5.4", "Hướng dẫn chế độ phụ cấp đối với cán bộ cấp xã kiêm nhiệm Bí thư Chi bộ thôn.", "Chủ trì phối hợp các phòng, ngành liên quan tham mưu UBND huyện xử lý.", "CX-NV", List.of(), met, null);
		request(doc, "5.5", "Hỗ trợ thủ tục hồ sơ đấu giá đất, giao đất không qua đấu giá.", "Tham mưu UBND huyện hỗ trợ xã tháo gỡ khó khăn về thủ tục, hồ sơ đấu giá đất, giao đất.", "CX-TCKH", ids("CX-TNMT", "CX-KTHT"), met, null);

		desk.reportProgress(tuyenTruyen, null, d(2024, 4, 10), "Đã tổ chức hội nghị tuyên truyền tại 5/5 thôn.", null, null);
		desk.complete(khungXa, null, d(2024, 3, 22), "Khung kế hoạch điều chỉnh đã được Đảng ủy thông qua ngày 22/3/2024.", null);
		desk.accept(khungXa, null, d(2024, 3, 28));
		desk.extend(khungThon, null, "trước ngày 15/4/2024", d(2024, 3, 28), "Thôn Quang Hà chưa thống nhất khối lượng chỉnh trang; BCĐ huyện đồng ý lùi hạn.");
		desk.reportProgress(khungThon, null, d(2024, 4, 5), "4/5 thôn đã trình Khung kế hoạch.", 80, null);
		desk.complete(khungThon, null, d(2024, 4, 12), "UBND xã đã phê duyệt Khung kế hoạch 5/5 thôn.", null);
		desk.reportProgress(quyHoach, null, d(2024, 4, 20), "Đơn vị tư vấn đã khảo sát hiện trạng khu trung tâm.", 40, null);
		desk.reportProgress(moiTruong, null, d(2024, 4, 25), "Thí điểm phân loại rác tại nguồn ở thôn Quang Trung.", 30, null);
		desk.reportProgress(kieuMau, null, d(2024, 4, 15), "02/04 thôn đã hoàn thành hồ sơ khu dân cư kiểu mẫu.", 50, null);
		desk.complete(kieuMau, null, d(2024, 5, 20), "04 thôn đạt chuẩn khu dân cư NTM kiểu mẫu (chậm so với hạn 30/4).", null);
		desk.reportProgress(ktDien, null, d(2024, 4, 15), "Đã làm việc với Điện lực và hộ Trần Đình Hải.", 50, null);
		desk.complete(ktQuyHoach, null, d(2024, 7, 10), "Quy hoạch khu trung tâm đã trình UBND huyện phê duyệt.", null);
		desk.reportProgress(tnmt, null, d(2024, 4, 22), "Đã hướng dẫn xã mô hình xử lý nước thải tại 2 thôn.", null, null);
		desk.complete(gddt, null, d(2024, 4, 25), "Đã kiểm tra, hướng dẫn 3 điểm trường; biên bản kèm theo.", null);
		desk.reportProgress(vpdp, null, d(2024, 4, 18), "Đã hướng dẫn điểm nhấn tại 3 thôn.", null, null);
		desk.reportProgress(phuNu, null, d(2024, 4, 26), "Ra mắt mô hình “5 có” tại thôn Quang Vinh.", null, null);
		desk.complete(ccb, null, d(2024, 4, 20), "Trồng 1,2 km hàng rào xanh tuyến liên thôn.", null);
		for (LocalDate week = d(2024, 3, 22); week.isBefore(d(2024, 5, 1)); week = week.plusWeeks(1)) {
			desk.reportProgress(toCongTac, null, week, "Báo cáo tuần: đã làm việc với xã, cập nhật tiến độ.", null, null);
		}
		desk.complete(congChuc, null, d(2024, 4, 18), "UBND huyện đã bổ sung 02 công chức.", null);
		desk.reportProgress(dh131, null, d(2024, 4, 5), "Đã khảo sát tuyến, nhà thầu tăng ca.", 60, null);
		desk.reportProgress(kinhPhi, null, d(2024, 4, 20), "Đã tham mưu UBND huyện phương án hỗ trợ.", null, null);
	}

	private void banBo() {
		long doc = register.register(new DocumentForm(Document.Kind.CONCLUSION_NOTICE, null, null, 2023, id("TD-BTV"),
				"Vũ Ngọc Sơn", Document.SigningForm.TL, "Chánh Văn phòng",
				"Kết luận của Ban Thường vụ Huyện ủy về tình hình triển khai thực hiện các tiêu chí xây dựng nông thôn mới nâng cao đối với Đảng ủy xã - Ban chỉ đạo các chương trình MTQG xã Bản Bo",
				String.join("\n", "TT. Huyện ủy, HĐND; lãnh đạo UBND huyện,", "Các đồng chí Ủy viên BTV Huyện ủy,", "Đảng ủy xã Bản Bo,",
						"Các cơ quan, đơn vị liên quan,", "Lưu."),
				List.of("LC-BANBO")), List.of()).id();
		// Working session of 10/3/2023; the notice's own date is not in the seed.
		LocalDate met = d(2023, 3, 10);
		List<String> bb = List.of("LC-BANBO");
		List<Long> xa = ids("BB-BCD");
		directive(doc, "2", "Xây dựng Kế hoạch chi tiết, phân công từng thành viên Ban chỉ đạo, lộ trình thực hiện 10 tiêu chí chưa đạt; xã cơ bản đạt các tiêu chí NTM nâng cao.", "BB-BCD", ids("BB-DU"), bb, null, null, met, "đến hết năm 2024");
		directive(doc, "(1)", "Tiêu chí số 1 (Quy hoạch): rà soát, xây dựng quy hoạch có tầm nhìn, gắn với kế hoạch sử dụng đất; làm tốt quản lý quy hoạch.", "BB-BCD", List.of(), bb, NATIONAL_NC, "1", met, null);
		directive(doc, "(2)", "Tiêu chí số 2 (Giao thông): phối hợp xã rà soát đường trục chính nội đồng, danh mục đầu tư công, đề xuất cứng hóa.", "TD-KTHT", xa, bb, NATIONAL_NC, "2", met, null);
		directive(doc, "(3)", "Tiêu chí số 5 (Giáo dục): ưu tiên vốn xây dựng cơ sở vật chất trường học; kế hoạch mở lớp phổ cập giáo dục tiểu học và THCS.", "TD-UBND", xa, bb, NATIONAL_NC, "5", met, null);
		directive(doc, "(4)", "Tiêu chí số 6 (Văn hóa): khảo sát, lồng ghép nguồn vốn, phương án đầu tư nhà văn hóa bản Hung Phong trình Thường trực, Ban Thường vụ Huyện ủy.", "TD-UBND", xa, List.of("LC-BANBO-HUNGPHONG"), NATIONAL_NC, "6", met, null);
		long thuNhap = directive(doc, "(5)", "Tiêu chí số 10 (Thu nhập): ban hành kế hoạch nâng cao thu nhập cho Nhân dân: nội dung, giải pháp, phân công, lộ trình.", "BB-BCD", List.of(), bb, NATIONAL_NC, "10", met, "Hoàn thành Kế hoạch trong tháng 5/2023");
		long ngheo = directive(doc, "(6)", "Tiêu chí số 11 (Nghèo đa chiều): rà soát hộ nghèo, cận nghèo, phân công cán bộ, đảng viên phụ trách từng hộ; ban hành kế hoạch chi tiết về giảm nghèo.", "BB-BCD", List.of(), bb, NATIONAL_NC, "11", met, "Hoàn thành Kế hoạch trong tháng 5/2023");
		directive(doc, "(7)", "Tiêu chí số 14 (Y tế): triển khai sổ khám chữa bệnh điện tử cho Nhân dân xã Bản Bo; giảm tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi.", "TD-TTYT", ids("BB-UBND"), bb, NATIONAL_NC, "14", met, null);
		directive(doc, "(8)", "Tiêu chí số 17 (Môi trường): phương án xử lý chất thải rắn nguy hại; kế hoạch đất cây xanh công cộng tại điểm dân cư nông thôn.", "TD-UBND", xa, bb, NATIONAL_NC, "17", met, null);
		directive(doc, "(9)", "Tiêu chí số 18 (Chất lượng môi trường sống): lộ trình xây dựng Bản sáng, xanh, sạch, đẹp; vận động xây dựng nhà tắm, nhà tiêu hợp vệ sinh.", "TD-UBND", xa, bb, NATIONAL_NC, "18", met, null);
		long anNinh = directive(doc, "(10)", "Tiêu chí số 19 (Quốc phòng và An ninh): ban hành kế hoạch chuyên đề về đảm bảo an ninh trật tự trên địa bàn xã.", "BB-BCD", List.of(), bb, NATIONAL_NC, "19", met, "Hoàn thành Kế hoạch trong tháng 5/2023");

		desk.complete(thuNhap, null, d(2023, 5, 25), "Kế hoạch nâng cao thu nhập đã ban hành.", null);
		desk.complete(ngheo, null, d(2023, 6, 12), "Kế hoạch giảm nghèo đã ban hành (chậm).", null);
		desk.reportProgress(anNinh, null, d(2023, 5, 20), "Dự thảo kế hoạch chuyên đề đã trình Đảng ủy.", 70, null);
	}
}
