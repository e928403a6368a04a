package vn.ntmtracker.web.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;
import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.units.Units;
import vn.ntmtracker.web.imports.DocumentImport.Item;
import vn.ntmtracker.web.imports.DocumentImport.Slot;
import vn.ntmtracker.web.imports.DocumentIntegrationSupport.Upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seed 003 — the district party committee's conclusion notice on Bản Bo, Lai Châu — imported by the commune it is
 * addressed to: as a document received (văn bản đến), its bodies resolved in Lai Châu only, its 10 unmet criteria kept
 * with the stated 9/19, and the issuer's own record linked when it exists instead of copied.
 */
@IntegrationTest
class IncomingDocumentImportIntegrationTests {

	static final Path SEED_003 = Path.of("src/test/resources/seeds/003_banbo-laichau-thongbao-ketluan-2023.txt");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Units units;

	@Autowired
	JsonMapper json;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	/** The province of each organisation the review proposes as lead or cooperating body, as of the document's day. */
	private Set<String> provincesOfProposedBodies(Upload upload) {
		LocalDate day = upload.context().day();
		Set<String> provinces = new java.util.TreeSet<>();
		for (Item item : upload.review().items()) {
			for (Slot slot : concat(item.leads(), item.cooperating())) {
				if (slot.chosen()) {
					String unit = jdbc.sql("select unit_code from organisation where id = :id").param("id", slot.organisationId())
						.query(String.class).single();
					provinces.add(units.lineOn(unit, day).get(0));
				}
			}
		}
		return provinces;
	}

	private static List<Slot> concat(List<Slot> a, List<Slot> b) {
		List<Slot> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	@Test
	void banBoRegistersSeed003AsReceivedOnTheIssuersOwnRecordWithItsUnmetCriteria() throws Exception {
		long issuersRecord = jdbc.sql("""
				select d.id from document d join organisation o on o.id = d.issuer_id
				where o.code = 'TD-BTV' and d.issued_year = 2023 and d.number is null""").query(Long.class).single();
		long ubnd = jdbc.sql("select id from organisation where code = 'BB-UBND'").query(Long.class).single();
		Upload upload = DocumentIntegrationSupport.upload(mvc, as("banbo"), SEED_003.getFileName().toString(),
				Files.readAllBytes(SEED_003));
		DocumentImport.Review review = upload.review();
		// Context from the text: the commune, its province's sets for the notice's tier and date, no body elsewhere.
		assertThat(review.header().unitCodes()).containsExactly("LC-BANBO");
		assertThat(review.header().subject()).startsWith("KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY").doesNotContain(".txt");
		assertThat(review.header().setCode()).isEqualTo("QD318-2022-XA-NTM-NC");
		assertThat(upload.context().sets()).extracting(s -> s.ref().code()).noneMatch(code -> code.startsWith("HT-"));
		assertThat(provincesOfProposedBodies(upload)).containsExactly("12");
		assertThat(review.header().signer()).isEqualTo("Vũ Ngọc Sơn");
		assertThat(review.header().distribution()).contains("Đảng ủy xã Bản Bo");
		assertThat(review.statuses()).hasSize(1);
		assertThat(review.statuses().get(0).unmetNumbers()).containsExactly(1, 2, 5, 6, 10, 11, 14, 17, 18, 19);
		assertThat(review.statuses().get(0).statedOn()).isEqualTo(LocalDate.of(2023, 3, 10));
		// The commune may not register the district's notice for it: received, by its People's Committee.
		assertThat(upload.context().mayIssue()).isFalse();
		assertThat(review.mode()).isEqualTo(DocumentImport.Mode.RECEIVED);
		assertThat(review.receipt().recipientId()).isEqualTo(ubnd);
		// The district's own record is there: the receipt is recorded on it, nothing is copied.
		assertThat(upload.context().existing()).extracting(e -> e.document().id()).containsExactly(issuersRecord);
		assertThat(review.choice()).isEqualTo(DocumentImport.Choice.RECEIVE);

		long documents = count("document");
		long directives = count("directive");
		Map<String, String> fields = upload.fields();
		fields.put("incomingNumber", "15");
		fields.put("receivedOn", "2023-03-20");
		try {
			MvcResult saved = mvc.perform(ReviewForms.with(post("/documents/import/save").cookie(upload.session()).with(as("banbo"))
					.with(csrf()), fields)).andExpect(status().is3xxRedirection()).andReturn();
			assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/documents/" + issuersRecord);
			assertThat(count("document")).isEqualTo(documents);
			assertThat(count("directive")).isEqualTo(directives);
			assertThat(jdbc.sql("""
					select o.code || '|' || r.received_on || '|' || r.received_from || '|' || r.incoming_number
					from document_receipt r join organisation o on o.id = r.organisation_id where r.document_id = :d""")
				.param("d", issuersRecord).query(String.class).list())
				.containsExactly("BB-UBND|2023-03-20|Ban Thường vụ Huyện ủy Tam Đường|15");
			assertThat(jdbc.sql("""
					select s.achieved || '/' || s.total || ' ' || s.stated_on || ' ' || s.set_code || ' '
					       || (select string_agg(u.criterion_number || '=' || u.name, ',' order by u.criterion_number)
					           from assessment_stated_unmet u where u.stated_status_id = s.id)
					from assessment_stated_status s where s.unit_code = 'LC-BANBO' and s.source_link = :l""")
				.param("l", "/documents/" + issuersRecord).query(String.class).single())
				.isEqualTo("9/19 2023-03-10 QD318-2022-XA-NTM-NC 1=Quy hoạch,2=Giao thông,5=Giáo dục,6=Văn hóa,10=Thu nhập,"
						+ "11=Nghèo đa chiều,14=Y tế,17=Môi trường,18=Chất lượng môi trường sống,19=Quốc phòng và An ninh");
			String page = mvc.perform(get("/documents/" + issuersRecord).with(as("banbo"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
			assertThat(page).contains("id=\"receipts\"").contains("UBND xã Bản Bo nhận ngày 20/3/2023");
			String history = mvc.perform(get("/units/LC-BANBO/assessments").with(as("banbo"))).andReturn().getResponse()
				.getContentAsString();
			assertThat(history).contains("10 tiêu chí chưa đạt: 1 (Quy hoạch), 2 (Giao thông)");

			// The same notice registered again by the same body is caught at its receipt.
			Upload again = DocumentIntegrationSupport.upload(mvc, as("banbo"), "003.txt", Files.readAllBytes(SEED_003));
			assertThat(again.review().choice()).as("already received: not proposed again").isNull();
			MvcResult refused = mvc.perform(ReviewForms.with(post("/documents/import/save").cookie(again.session())
					.with(as("banbo")).with(csrf()), again.fields())).andExpect(status().isOk()).andReturn();
			assertThat(DocumentIntegrationSupport.problems(refused)).extracting(DocumentImport.Problem::anchor).contains("duplicate");
		}
		finally {
			jdbc.sql("delete from document_receipt where document_id = :d").param("d", issuersRecord).update();
			jdbc.sql("delete from assessment_stated_status where source_link = :l").param("l", "/documents/" + issuersRecord).update();
		}
	}

	/** Where the issuer keeps no record here, the commune registers the notice as received with its directives. */
	@Test
	void aCommuneRegistersANoticeItsIssuerNeverRegisteredAndTracksItsDirectives() throws Exception {
		String[] place = fixtures.namedDistrictWithCommune("12");
		String district = place[0];
		String commune = place[2];
		String communeName = place[3];
		Map<String, Long> bodies = new java.util.LinkedHashMap<>();
		for (String[] body : List.of(new String[] { district, "BTV", "PARTY_COMMITTEE", "Ban Thường vụ Huyện ủy " + place[1] },
				new String[] { district, "UBND", "PEOPLES_COMMITTEE", "UBND huyện " + place[1] },
				new String[] { district, "KTHT", "DEPARTMENT", "Phòng Kinh tế - Hạ tầng huyện " + place[1] },
				new String[] { district, "TTYT", "OTHER", "Trung tâm Y tế huyện " + place[1] },
				new String[] { commune, "BCD", "STEERING_COMMITTEE", "Ban Chỉ đạo các chương trình MTQG xã " + communeName },
				new String[] { commune, "DU", "PARTY_COMMITTEE", "Đảng ủy xã " + communeName },
				new String[] { commune, "UBND", "PEOPLES_COMMITTEE", "UBND xã " + communeName })) {
			String code = body[0] + "-" + body[1];
			String created = mvc.perform(post("/api/organisations").contentType("application/json").with(as("admin")).with(csrf())
					.content("{\"code\":\"" + code + "\",\"kind\":\"" + body[2] + "\",\"name\":\"" + body[3] + "\",\"unitCode\":\""
							+ body[0] + "\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
			bodies.put(code, json.readTree(created).get("id").asLong());
		}
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		byte[] text = Files.readString(SEED_003).replace("Bản Bo", communeName).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Upload upload = DocumentIntegrationSupport.upload(mvc, as(officer), "thong-bao.txt", text);
		assertThat(upload.review().header().unitCodes()).containsExactly(commune);
		assertThat(upload.review().header().issuerId()).isEqualTo(bodies.get(district + "-BTV"));
		assertThat(upload.context().existing()).isEmpty();
		assertThat(upload.review().mode()).isEqualTo(DocumentImport.Mode.RECEIVED);
		assertThat(upload.review().receipt().recipientId()).isEqualTo(bodies.get(commune + "-UBND"));
		// Every body proposed is one of this district's or commune's — Tam Đường's have the same names.
		for (Item item : upload.review().items()) {
			for (Slot slot : concat(item.leads(), item.cooperating())) {
				if (slot.chosen()) {
					assertThat(bodies.values()).as(item.row() + ": " + slot.named()).contains(slot.organisationId());
				}
			}
		}
		// Item 1 names the district's steering committee, which does not exist here: a choice, never blank silently.
		Item first = upload.review().items().get(0);
		assertThat(first.leads().get(0).unresolved()).isTrue();
		assertThat(first.leads().get(1).organisationId()).isEqualTo(bodies.get(commune + "-BCD"));

		Map<String, String> fields = upload.fields();
		MvcResult refused = mvc.perform(ReviewForms.with(post("/documents/import/save").cookie(upload.session()).with(as(officer))
				.with(csrf()), fields)).andExpect(status().isOk()).andReturn();
		assertThat(DocumentIntegrationSupport.problems(refused)).extracting(p -> p.anchor() + " " + p.message())
			.containsExactly("item-1 Mục 1: chưa chọn cơ quan chủ trì cho “Ban Chỉ đạo thực hiện chương trình mục tiêu quốc gia huyện”"
					+ " (chọn cơ quan, hoặc bỏ chọn mục này).");
		fields.put("lead_1_0", "0");
		fields.put("receivedOn", "2023-03-15");
		MvcResult saved = mvc.perform(ReviewForms.with(post("/documents/import/save").cookie(upload.session()).with(as(officer))
				.with(csrf()), fields)).andExpect(status().is3xxRedirection()).andReturn();
		long document = Long.parseLong(saved.getResponse().getRedirectedUrl().replace("/documents/", ""));
		assertThat(jdbc.sql("select origin from document where id = :d").param("d", document).query(String.class).single())
			.isEqualTo("RECIPIENT");
		assertThat(jdbc.sql("select organisation_id from document_receipt where document_id = :d").param("d", document)
			.query(Long.class).list()).containsExactly(bodies.get(commune + "-UBND"));
		assertThat(count("directive where document_id = " + document)).isEqualTo(upload.review().items().size());
		// Lead and cooperating bodies saved as the review proposed them, all of this district and commune.
		assertThat(jdbc.sql("""
				select distinct l.organisation_id from directive_lead_body l join directive d on d.id = l.directive_id
				where d.document_id = :d union select distinct c.organisation_id from directive_cooperating c
				join directive d on d.id = c.directive_id where d.document_id = :d""").param("d", document).query(Long.class).list())
			.allMatch(bodies.values()::contains).contains(bodies.get(district + "-UBND"), bodies.get(commune + "-BCD"));
		assertThat(jdbc.sql("select ref from directive where document_id = :d order by id").param("d", document).query(String.class).list())
			.contains("1", "2", "10");
		assertThat(jdbc.sql("""
				select count(*) from assessment_stated_unmet u join assessment_stated_status s on s.id = u.stated_status_id
				where s.unit_code = :c""").param("c", commune).query(Long.class).single()).isEqualTo(10);
		// The commune follows the directives; the district's People's Committee finds those it leads in its work list.
		String list = mvc.perform(get("/api/directives").param("organisation", bodies.get(district + "-UBND").toString())
				.param("size", "100").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(list).get("totalElements").asLong()).isGreaterThanOrEqualTo(5);
		// The commune cannot accept or extend what it only tracks: that stays the issuer's.
		long directive = jdbc.sql("select min(id) from directive where document_id = :d").param("d", document).query(Long.class).single();
		mvc.perform(post("/api/directives/" + directive + "/extensions").contentType("application/json").with(as(officer)).with(csrf())
				.content("{\"deadline\":\"trước 30/11/2024\",\"grantedOn\":\"2024-06-01\",\"reason\":\"Mưa lũ\"}"))
			.andExpect(status().isForbidden());
	}

	/**
	 * Seed 001 — a commune's own plan with its funding table — issued by the commune: the funding lines become funds
	 * mobilised by the commune (sources read from the wording), the unmet criteria join the stated 16/19.
	 */
	@Test
	void aCommunesOwnPlanRecordsItsFundingLinesAsFundsMobilised() throws Exception {
		String[] place = fixtures.namedDistrictWithCommune("38");
		String commune = place[2];
		String created = mvc.perform(post("/api/organisations").contentType("application/json").with(as("admin")).with(csrf())
				.content("{\"code\":\"" + commune + "-UBND\",\"kind\":\"PEOPLES_COMMITTEE\",\"name\":\"UBND xã " + place[3]
						+ "\",\"unitCode\":\"" + commune + "\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long ubnd = json.readTree(created).get("id").asLong();
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		byte[] text = Files.readString(Path.of("src/test/resources/seeds/001_camthach-thanhhoa-kehoach-ntm-2022.txt"))
			.replace("Cẩm Thạch", place[3]).replace("Cẩm Thủy", place[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Upload upload = DocumentIntegrationSupport.upload(mvc, as(officer), "ke-hoach.txt", text);
		assertThat(upload.review().header().issuerId()).isEqualTo(ubnd);
		assertThat(upload.review().mode()).isEqualTo(DocumentImport.Mode.ISSUED);
		assertThat(upload.review().funding()).extracting(f -> f.source() + " " + f.amount() + " " + f.year()).containsExactly(
				"NGAN_SACH_HUYEN 650000000 2022", "NGAN_SACH_XA 10031100000 2022", "NHAN_DAN 13055000000 2022",
				"LONG_GHEP 7180000000 2022", "DOANH_NGHIEP 87600000 2022");
		Map<String, String> fields = upload.fields();
		// This test is about the funding and the status: the plan's items are left out.
		upload.review().items().forEach(item -> fields.remove("keep_" + item.row()));
		fields.put("fund_amount_2", "10.031.100.000");
		fields.remove("fund_keep_5");
		mvc.perform(ReviewForms.with(post("/documents/import/save").cookie(upload.session()).with(as(officer)).with(csrf()), fields))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select source || ' ' || amount || ' ' || year from fund_entry where unit_code = :u order by id")
			.param("u", commune).query(String.class).list()).containsExactly("NGAN_SACH_HUYEN 650000000 2022",
					"NGAN_SACH_XA 10031100000 2022", "NHAN_DAN 13055000000 2022", "LONG_GHEP 7180000000 2022");
		assertThat(jdbc.sql("select note from fund_entry where unit_code = :u order by id limit 1").param("u", commune)
			.query(String.class).single()).contains("UBND xã " + place[3]).contains("(Huyện)");
		assertThat(jdbc.sql("""
				select s.achieved || '/' || s.total || ' ' || (select string_agg(cast(u.criterion_number as text), ',' order by u.criterion_number)
				from assessment_stated_unmet u where u.stated_status_id = s.id) from assessment_stated_status s where s.unit_code = :u""")
			.param("u", commune).query(String.class).single()).isEqualTo("16/19 5,6,11,15,17");
		// Another commune's officer may not record this commune's funds: named at the funding row, nothing saved.
		String other = fixtures.user(Role.COMMUNE_OFFICER, fixtures.commune("38", "BTB", 0));
		Upload outsider = DocumentIntegrationSupport.upload(mvc, as("admin"), "ke-hoach.txt", text);
		Map<String, String> outsiderFields = outsider.fields();
		outsider.review().items().forEach(item -> outsiderFields.remove("keep_" + item.row()));
		outsiderFields.put("number", "99/KH-UBND");
		long funds = count("fund_entry");
		MvcResult refused = mvc.perform(ReviewForms.with(post("/documents/import/save").cookie(outsider.session()).with(as(other))
				.with(csrf()), outsiderFields)).andExpect(status().isOk()).andReturn();
		assertThat(DocumentIntegrationSupport.problems(refused)).extracting(DocumentImport.Problem::anchor)
			.contains("funding-1", "status-1");
		assertThat(count("fund_entry")).isEqualTo(funds);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
