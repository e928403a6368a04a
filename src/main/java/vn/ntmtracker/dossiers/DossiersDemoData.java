package vn.ntmtracker.dossiers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.StartupTask;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.units.SearchKey;

/**
 * The seeds' recognitions (profile demo), entered through the same services as users, by the demo accounts that would
 * act: Cẩm Thạch's complete 2022 dossier (seed 001: criteria completed and the dossier sent to the province by 30/9/2022)
 * from its 19/19 round to the province's decision, with a satisfaction survey of its five villages; Cẩm Lương's 2022
 * recognition, now with criteria 9 and 17 lost (seed 000: a warning, 2/19 is below the revocation rule's 30 %); Cẩm
 * Quang, NTM since 2015 (seed 002), and Cẩm Lĩnh, NTM since 2019 (seed 004), as recognitions decided before the system.
 * Decision numbers and dates are illustrations, marked as such; attached files are one-page placeholder PDFs.
 */
@Component
@Profile("demo")
@Order(60)
class DossiersDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(DossiersDemoData.class);
	static final String DEMO = "Dữ liệu demo: số và ngày quyết định minh họa, không phải văn bản thật.";

	private final Dossiers dossiers;
	private final RecognitionHistory history;
	private final Assessments assessments;
	private final UserAccounts accounts;
	private final JdbcClient jdbc;
	private final Surveys surveys;

	DossiersDemoData(Dossiers dossiers, RecognitionHistory history, Assessments assessments, UserAccounts accounts,
			JdbcClient jdbc, Surveys surveys) {
		this.surveys = surveys;
		this.dossiers = dossiers;
		this.history = history;
		this.assessments = assessments;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void run() {
		if (jdbc.sql("select count(*) from recognition").query(Long.class).single() > 0) {
			return;
		}
		try {
			actAs("vpdp-thanhhoa");
			history.recordEarlier("TH-CAMLUONG", Tier.XA_NTM, "QD318-2022-XA-NTM", LocalDate.of(2022, 12, 26), "5120/QĐ-UBND (minh họa)",
					LocalDate.of(2022, 12, 26), "Chủ tịch UBND tỉnh Thanh Hóa", DEMO);
			actAs("vpdp-hatinh");
			history.recordEarlier("HT-CAMQUANG", Tier.XA_NTM, null, LocalDate.of(2015, 12, 31), null, null, "Chủ tịch UBND tỉnh Hà Tĩnh",
					"Thông báo kết luận ngày 12/3/2024 (seed 002): \"đạt chuẩn nông thôn mới từ năm 2015\". Ngày và số quyết định chưa cập nhật"
							+ " (ghi ngày cuối năm 2015).");
			history.recordEarlier("HT-CAMLINH", Tier.XA_NTM, null, LocalDate.of(2019, 12, 31), null, null, "Chủ tịch UBND tỉnh Hà Tĩnh",
					"Nghị quyết năm 2023 (seed 004): \"được công nhận xã đạt chuẩn Nông thôn mới vào năm 2019\". Ngày và số quyết định chưa"
							+ " cập nhật (ghi ngày cuối năm 2019).");
			camThach();
			log.info("Demo recognitions and Cẩm Thạch's 2022 dossier loaded");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Seed 001: the 2022 dossier of Cẩm Thạch, every step with its documents, to the decision and its announcement. */
	private void camThach() {
		String unit = "TH-CAMTHACH";
		actAs("camthach");
		long round = assessments.rounds(unit).stream()
			.filter(r -> r.asOf().equals(LocalDate.of(2022, 8, 31)) && r.setCode().equals("QD318-2022-XA-NTM")).findFirst()
			.orElseThrow(() -> new IllegalStateException("demo round of Cẩm Thạch on 31/8/2022 missing")).id();
		long id = dossiers.open(new Dossiers.OpenRequest(unit, Purpose.RECOGNITION, Tier.XA_NTM, round, 2022, LocalDate.of(2022, 9, 1)));
		attach(id, "SELF_REPORT", "BAO_CAO_KET_QUA", "215/BC-UBND", LocalDate.of(2022, 9, 5));
		complete(id, "SELF_REPORT", LocalDate.of(2022, 9, 5), null);
		complete(id, "CONSULTATION", LocalDate.of(2022, 9, 6), "Gửi UB MTTQ xã, Hội Nông dân, Hội Phụ nữ, Đoàn Thanh niên, Hội Cựu chiến binh");
		dossiers.savePosting(id, version(id), "Trụ sở UBND xã và nhà văn hóa các thôn Trảy, Vàn Thung, Bùi, Chiềng Đông, Thạch Yên",
				LocalDate.of(2022, 9, 7), LocalDate.of(2022, 9, 21));
		for (int day : new int[] { 7, 10, 13, 16, 19 }) {
			dossiers.addReading(id, LocalDate.of(2022, 9, day), "Bản tin sáng trên loa truyền thanh xã");
		}
		long comment = dossiers.addComment(id, LocalDate.of(2022, 9, 12), "Ông Bùi Văn Đ., thôn Bùi",
				"Đề nghị sớm hoàn thiện điện chiếu sáng đoạn đường vào thôn Bùi");
		dossiers.answerComment(id, comment, 0, "Đã đưa vào kế hoạch năm 2022, hoàn thành trước 30/9/2022", LocalDate.of(2022, 9, 15));
		long other = dossiers.addComment(id, LocalDate.of(2022, 9, 14), "Hội Nông dân xã", "Đồng ý với báo cáo; đề nghị duy trì ra quân vệ sinh sáng thứ Bảy");
		dossiers.answerComment(id, other, 0, "Tiếp thu; tiếp tục duy trì hằng tuần", LocalDate.of(2022, 9, 16));
		complete(id, "PUBLIC_POSTING", LocalDate.of(2022, 9, 22), "Niêm yết đủ 15 ngày, đọc 5 lần, 2 ý kiến đã trả lời");
		survey(id);
		attach(id, "SATISFACTION_SURVEY", "BAO_CAO_HAI_LONG", "18/BC-MTTQ", LocalDate.of(2022, 9, 23));
		complete(id, "SATISFACTION_SURVEY", LocalDate.of(2022, 9, 23), null);
		attach(id, "COMMENTS_SUMMARY", "BAO_CAO_TONG_HOP_Y_KIEN", "221/BC-UBND", LocalDate.of(2022, 9, 24));
		complete(id, "COMMENTS_SUMMARY", LocalDate.of(2022, 9, 24), null);
		attach(id, "COMMUNE_MEETING", "BIEN_BAN_HOP", null, LocalDate.of(2022, 9, 26));
		dossiers.complete(id, "COMMUNE_MEETING", version(id), new Dossiers.Completion(LocalDate.of(2022, 9, 26), null,
				new Dossiers.MeetingInput(LocalDate.of(2022, 9, 26), 35, 33, 33, 0, "Bí thư Đảng ủy, Trưởng Ban Chỉ đạo xã"), null, null));
		attach(id, "SUBMISSION", "TO_TRINH", "96/TTr-UBND", LocalDate.of(2022, 9, 28));
		attach(id, "SUBMISSION", "BAO_CAO_NO_DONG_XDCB", "222/BC-UBND", LocalDate.of(2022, 9, 27));
		attach(id, "SUBMISSION", "XAC_NHAN_AN_NINH", "35/XN-CAX", LocalDate.of(2022, 9, 27));
		complete(id, "SUBMISSION", LocalDate.of(2022, 9, 28), "Nộp về Văn phòng điều phối theo mốc 30/9/2022 (seed 001)");

		actAs("vpdp-thanhhoa");
		long dossierRound = jdbc.sql("select appraisal_round_id from dossier where id = :id").param("id", id).query(Long.class).single();
		assessments.verify(dossierRound, assessments.round(dossierRound).version());
		attach(id, "DISTRICT_VERIFICATION", "BAO_CAO_THAM_TRA", "410/BC-UBND", LocalDate.of(2022, 10, 14));
		complete(id, "DISTRICT_VERIFICATION", LocalDate.of(2022, 10, 14), null);
		complete(id, "DISTRICT_NOTICE", LocalDate.of(2022, 10, 20), "Công khai trên cổng thông tin huyện 10 ngày");
		attach(id, "PROVINCE_SUBMISSION", "TO_TRINH_HUYEN", "188/TTr-UBND", LocalDate.of(2022, 10, 31));
		complete(id, "PROVINCE_SUBMISSION", LocalDate.of(2022, 10, 31), null);
		assessments.appraise(dossierRound, assessments.round(dossierRound).version());
		attach(id, "PROVINCE_APPRAISAL", "BAO_CAO_THAM_DINH", "705/BC-SNN", LocalDate.of(2022, 11, 15));
		complete(id, "PROVINCE_APPRAISAL", LocalDate.of(2022, 11, 15), null);
		attach(id, "COUNCIL_VOTE", "BIEN_BAN_HOI_DONG", null, LocalDate.of(2022, 11, 25));
		dossiers.complete(id, "COUNCIL_VOTE", version(id), new Dossiers.Completion(LocalDate.of(2022, 11, 25), null, null,
				new Dossiers.CouncilInput(LocalDate.of(2022, 11, 25), "Phó Chủ tịch UBND tỉnh (Chủ tịch Hội đồng); Giám đốc Sở NN&PTNT (Phó Chủ tịch);"
						+ " đại diện 13 sở, ngành phụ trách tiêu chí (thành viên)", 15, 15, 0), null));
		attach(id, "DECISION", "QUYET_DINH", "4375/QĐ-UBND (minh họa)", LocalDate.of(2022, 12, 20));
		dossiers.complete(id, "DECISION", version(id), new Dossiers.Completion(LocalDate.of(2022, 12, 20), DEMO, null, null,
				new Dossiers.DecisionInput("4375/QĐ-UBND (minh họa)", LocalDate.of(2022, 12, 20), "Chủ tịch UBND tỉnh Thanh Hóa",
						LocalDate.of(2022, 12, 20))));
		complete(id, "ANNOUNCEMENT", LocalDate.of(2023, 1, 10), "Lễ công bố, trao bằng công nhận tại xã");
	}

	/**
	 * The MTTQ's survey in the five villages, entered as the commune would: households given a ballot per village and
	 * one ballot each, nearly all satisfied; criterion 17 (environment) draws most of the "not satisfied".
	 */
	private void survey(long id) {
		Dossier dossier = dossiers.load(id);
		Map<String, String> villages = surveys.villages(dossier);
		int items = surveys.items(dossier).size();
		Map<String, Integer> households = new LinkedHashMap<>();
		int v = 0;
		for (String village : villages.keySet()) {
			int given = 26 + v * 3;
			households.put(village, given);
			int returned = given - 2;
			for (int h = 1; h <= returned; h++) {
				List<Boolean> answers = new ArrayList<>();
				for (int i = 0; i < items; i++) {
					int criterion = i + 1;
					boolean unhappy = criterion == 17 && h % 7 == 0 || criterion == 2 && h % 13 == 0 || criterion == 10 && (h + v) % 17 == 0;
					answers.add(!unhappy);
				}
				dossiers.addBallot(id, new Surveys.BallotInput(village, String.format("%s-%03d", code(villages.get(village)), h), null, answers,
						h % 19 != 0, h == 3 ? "Đề nghị tăng số lần thu gom rác trong tuần" : null));
			}
			v++;
		}
		dossiers.saveHouseholds(id, households);
	}

	/** "Chiềng Đông" → "CHIENG-DONG": a household reference prefix of the village. */
	private static String code(String villageName) {
		return SearchKey.of(villageName).replaceFirst("^thon ", "").strip().replace(' ', '-').toUpperCase(java.util.Locale.ROOT);
	}

	private void complete(long id, String step, LocalDate on, String note) {
		dossiers.complete(id, step, version(id), new Dossiers.Completion(on, note, null, null, null));
	}

	private int version(long id) {
		return jdbc.sql("select version from dossier where id = :id").param("id", id).query(Integer.class).single();
	}

	private void attach(long id, String step, String kind, String number, LocalDate on) {
		dossiers.addDocument(id, step, kind, number, on, kind.toLowerCase().replace('_', '-') + ".pdf", placeholderPdf(kind, number));
	}

	/** A one-page PDF saying it stands for the named document (the fonts of PDF 14 have no Vietnamese glyphs). */
	static byte[] placeholderPdf(String kind, String number) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				content.newLineAtOffset(72, 720);
				content.showText("NTM Tracker - demo placeholder, not a real document");
				content.newLineAtOffset(0, -24);
				content.showText(kind + (number == null ? "" : " " + SearchKey.clean(number).replaceAll("[^\\x20-\\x7E]", "")));
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void actAs(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}
}
