package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;

/** The threshold form and the XLSX sheet write drafts only for administrators, all or nothing, audited. */
@IntegrationTest
class ThresholdEditorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.ntmtracker.security.UserAccounts accounts;

	@Autowired
	vn.ntmtracker.Fixtures fixtures;

	/** Real accounts: every request reads its user's grants again, so a made-up principal would not survive it. */
	RequestPostProcessor ADMIN;

	RequestPostProcessor OFFICE;

	@org.junit.jupiter.api.BeforeEach
	void accounts() {
		ADMIN = user(accounts.loadUserByUsername("admin"));
		OFFICE = user(accounts.loadUserByUsername(fixtures.user(Role.COORDINATION, null)));
	}

	/** A published national xã set of its own (derived from QĐ 318 v2) so that nothing shared is touched. */
	private SetRef ownPublishedSet(String code) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		try {
			SetRef draft = catalog.derive("QD318-2022-XA-NTM", 2, code, null, null, null);
			assertThat(catalog.publish(draft.code(), draft.version(), catalog.stored(code, 1).orElseThrow().rowVersion())).isEmpty();
			return draft;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@AfterEach
	void forgetTheUser() {
		SecurityContextHolder.clearContext();
	}

	private byte[] filled(String code, int version, Consumer<Sheet> fill) throws Exception {
		byte[] sheet = mvc.perform(get("/criteria/" + code + "/thresholds.xlsx").param("version", String.valueOf(version)).with(OFFICE))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill.accept(workbook.getSheet(ThresholdWorkbook.SHEET));
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static Row row(Sheet sheet, String code, String key) {
		for (Row row : sheet) {
			if (row.getRowNum() > ThresholdWorkbook.HEADER_ROW && row.getCell(0) != null
					&& row.getCell(0).getStringCellValue().equals(code)
					&& row.getCell(ThresholdWorkbook.KEY).getStringCellValue().equals(key)
					&& row.getCell(ThresholdWorkbook.YEAR) == null) {
				return row;
			}
		}
		throw new AssertionError(code + " " + key);
	}

	private long versions(String code) {
		return jdbc.sql("select count(*) from criteria_set_version where code = :code").param("code", code).query(Long.class).single();
	}

	@Test
	void aProvinceFillsTheSheetUploadsItReadsTheChangesAndPublishes() throws Exception {
		SetRef set = ownPublishedSet("IT-XLSX-XA");
		byte[] upload = filled(set.code(), 1, sheet -> {
			Row lane = row(sheet, "2.2", "TDMNPB");
			lane.getCell(ThresholdWorkbook.VALUE).setCellValue(70);
			lane.getCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 1360/QĐ-UBND tỉnh Bình Phước");
			lane.getCell(ThresholdWorkbook.DATE).setCellValue("28/7/2022");
			lane.getCell(ThresholdWorkbook.VERIFIED).setCellValue("Có");
			Row stunting = row(sheet, "15.3", "ĐBSH");
			stunting.getCell(ThresholdWorkbook.VALUE).setCellValue("15,5");
			stunting.getCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 5/QĐ-UBND tỉnh Nam Định");
		});
		mvc.perform(multipart("/criteria/" + set.code() + "/thresholds").file(new MockMultipartFile("file", "nguong.xlsx",
				ThresholdEditorController.XLSX.toString(), upload)).param("version", "1").with(csrf()).with(OFFICE))
			.andExpect(status().isForbidden());
		assertThat(versions(set.code())).isEqualTo(1);

		mvc.perform(multipart("/criteria/" + set.code() + "/thresholds").file(new MockMultipartFile("file", "nguong.xlsx",
				ThresholdEditorController.XLSX.toString(), upload)).param("version", "1").with(csrf()).with(ADMIN))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/criteria/IT-XLSX-XA/publish?version=2"));
		CriteriaCatalog.StoredVersion draft = catalog.stored(set.code(), 2).orElseThrow();
		assertThat(draft.status()).isEqualTo(SetStatus.DRAFT);
		assertThat(draft.definition().derivedFrom()).isEqualTo(set);
		mvc.perform(get("/criteria/IT-XLSX-XA/publish").param("version", "2").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chỉ tiêu 2.2, vùng TDMNPB: 80 % → 70 % (nguồn: QĐ 1360/QĐ-UBND tỉnh Bình Phước (28/7/2022), đã xác minh)")))
			.andExpect(content().string(containsString("Chỉ tiêu 15.3, vùng ĐBSH: 16,5 % → 15,5 %")))
			.andExpect(content().string(containsString("Tôi đã xem 2 thay đổi và xác nhận ban hành IT-XLSX-XA phiên bản 2")));
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'criteria_set' and entity_id = 'IT-XLSX-XA v2' and action = 'CREATE'")
			.query(Long.class).single()).isEqualTo(1);

		mvc.perform(post("/criteria/IT-XLSX-XA/publish").param("version", "2").param("rowVersion", String.valueOf(draft.rowVersion()))
				.with(csrf()).with(ADMIN)).andExpect(status().is3xxRedirection());
		assertThat(catalog.stored(set.code(), 2).orElseThrow().status()).isEqualTo(SetStatus.PUBLISHED);
		Threshold lane = catalog.definition(set.code(), 2).indicator("2.2").orElseThrow().thresholds().stream()
			.filter(t -> t.region() == Region.TDMNPB).findFirst().orElseThrow();
		assertThat(lane.value()).isEqualByComparingTo("70");
		assertThat(lane.provenance().verified()).isTrue();

		mvc.perform(multipart("/criteria/" + set.code() + "/thresholds").file(new MockMultipartFile("file", "cu.xlsx",
				ThresholdEditorController.XLSX.toString(), upload)).param("version", "1").with(csrf()).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã có IT-XLSX-XA phiên bản 2 ban hành sau phiên bản 1")));
		assertThat(versions(set.code())).as("a sheet of an older version changes nothing").isEqualTo(2);
	}

	@Test
	void aBadSheetChangesNothingAndSaysWhichCellAndWhyInVietnamese() throws Exception {
		SetRef set = ownPublishedSet("IT-XLSX-BAD");
		byte[] upload = filled(set.code(), 1, sheet -> {
			row(sheet, "2.2", "TDMNPB").getCell(ThresholdWorkbook.VALUE).setCellValue("bảy mươi");
			row(sheet, "2.3", "TDMNPB").getCell(ThresholdWorkbook.VALUE).setCellValue(130);
		});
		mvc.perform(multipart("/criteria/" + set.code() + "/thresholds").file(new MockMultipartFile("file", "sai.xlsx",
				ThresholdEditorController.XLSX.toString(), upload)).param("version", "1").with(csrf()).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không nhận tệp sai.xlsx vì:")))
			.andExpect(content().string(containsString("&quot;bảy mươi&quot; không phải là một số (chỉ tiêu 2.2")))
			.andExpect(content().string(containsString("chỉ tiêu 2.3 là tỷ lệ phần trăm: giá trị phải từ 0 đến 100, không phải 130")))
			.andExpect(content().string(containsString("ô G")));
		assertThat(versions(set.code())).as("all or nothing").isEqualTo(1);

		mvc.perform(multipart("/criteria/" + set.code() + "/thresholds").file(new MockMultipartFile("file", "trong.xlsx",
				ThresholdEditorController.XLSX.toString(), filled(set.code(), 1, sheet -> {
				}))).param("version", "1").with(csrf()).with(ADMIN))
			.andExpect(content().string(containsString("Không có thay đổi nào so với IT-XLSX-BAD phiên bản 1")));
		assertThat(versions(set.code())).isEqualTo(1);
	}

	@Test
	void theIndicatorFormWritesADraftAndRefusesAStaleOne() throws Exception {
		SetRef set = ownPublishedSet("IT-FORM-XA");
		mvc.perform(get("/criteria/IT-FORM-XA/indicator").param("version", "1").param("indicator", "17.1b").with(ADMIN))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Trong đó: tỷ lệ hộ sử dụng nước sạch")));
		mvc.perform(post("/criteria/IT-FORM-XA/indicator").with(csrf()).with(ADMIN).param("version", "1").param("indicator", "17.1b")
				.param("rowVersion", "0").param("name", "Trong đó: tỷ lệ hộ sử dụng nước sạch từ công trình cấp nước tập trung")
				.param("kind", "PERCENT_AT_LEAST").param("rows", "3")
				.param("t0.key", "Chung").param("t0.value", "15").param("t0.source", "QĐ 20/QĐ-UBND tỉnh Cà Mau").param("t0.date", "2/5/2023")
				.param("t0.verified", "on")
				.param("t1.key", "Chung").param("t1.value", "18").param("t1.source", "QĐ 21/QĐ-UBND")
				.param("t2.key", "TN").param("t2.value", "18"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dòng 3, cột Văn bản nguồn")))
			.andExpect(content().string(containsString("đã có một giá trị khác ở Dòng 1, cột Giá trị")));
		assertThat(versions(set.code())).isEqualTo(1);

		mvc.perform(post("/criteria/IT-FORM-XA/indicator").with(csrf()).with(ADMIN).param("version", "1").param("indicator", "17.1b")
				.param("rowVersion", "0").param("name", "Trong đó: tỷ lệ hộ sử dụng nước sạch từ công trình cấp nước tập trung")
				.param("kind", "PERCENT_AT_LEAST").param("rows", "1")
				.param("t0.key", "Chung").param("t0.value", "15").param("t0.source", "QĐ 20/QĐ-UBND tỉnh Cà Mau").param("t0.date", "2/5/2023")
				.param("t0.verified", "on"))
			.andExpect(redirectedUrl("/criteria/IT-FORM-XA/publish?version=2"));
		CriteriaCatalog.StoredVersion draft = catalog.stored("IT-FORM-XA", 2).orElseThrow();
		assertThat(catalog.changesOf("IT-FORM-XA", 2)).containsExactly(
				"Chỉ tiêu 17.1b, chung: 20 % → 15 % (nguồn: QĐ 20/QĐ-UBND tỉnh Cà Mau (2/5/2023), đã xác minh)");

		String stale = String.valueOf(draft.rowVersion() + 7);
		mvc.perform(post("/criteria/IT-FORM-XA/indicator").with(csrf()).with(ADMIN).param("version", "2").param("indicator", "17.1b")
				.param("rowVersion", stale).param("name", "Trong đó: nước sạch tập trung").param("kind", "PERCENT_AT_LEAST").param("rows", "1")
				.param("t0.key", "Chung").param("t0.value", "16").param("t0.source", "QĐ 20/QĐ-UBND tỉnh Cà Mau"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("vừa được người khác sửa")));
		assertThat(catalog.definition("IT-FORM-XA", 2).indicator("17.1b").orElseThrow().name()).doesNotContain("Trong đó: nước sạch tập trung");
		mvc.perform(get("/criteria/IT-FORM-XA").param("version", "2").with(OFFICE))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("criteria-verified"))))
			.andExpect(content().string(not(containsString("edit-indicator"))));
	}

	@Test
	void officersSeeDescriptionsAndAdministratorsAlsoSeeTheSources() throws Exception {
		mvc.perform(get("/criteria/QD318-2022-XA-NTM").param("version", "2").with(OFFICE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gồm hai điều kiện")))
			.andExpect(content().string(containsString("17.1b")))
			.andExpect(content().string(not(containsString("criteria-verified"))))
			.andExpect(content().string(not(containsString("[R]"))));
		mvc.perform(get("/criteria/QD318-2022-XA-NTM").param("version", "2").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("criteria-verified §2b, T3")));
	}

	@Test
	void theProvincePageIsForAdministrators() throws Exception {
		mvc.perform(get("/criteria/provinces").with(OFFICE)).andExpect(status().isForbidden());
		mvc.perform(get("/criteria/provinces").with(ADMIN)).andExpect(status().isOk())
			.andExpect(content().string(containsString("HT-2022-XA-NTM-NC")));
	}

}
