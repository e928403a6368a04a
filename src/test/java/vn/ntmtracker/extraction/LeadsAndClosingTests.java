package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.Directive;
import vn.ntmtracker.extraction.ExtractionDraft.Signer;

/** Joint leads, cooperating bodies, the document's own numbering, and the context around the body. */
class LeadsAndClosingTests {

	private final DocumentExtractor extractor = new DocumentExtractor();

	private static final String HEAD = """
			HUYỆN ỦY HƯƠNG SƠN
			Số: 45-TB/HU
			Hương Sơn, ngày 02 tháng 4 năm 2024
			THÔNG BÁO
			Kết luận về xây dựng xã Sơn Tây đạt chuẩn nông thôn mới nâng cao năm 2024
			Ban Thường vụ Huyện ủy yêu cầu:
			""";

	@Test
	void aJointLeadIsEveryBodyWithTheLevelTheyShare() {
		List<Directive> d = extractor.extractText(HEAD + """
				1.2. Đảng ủy, HĐND, UBND xã Sơn Tây rà soát các tiêu chí trước ngày 30/4/2024.
				1.3. Ủy ban nhân dân các huyện Đức Thọ, Vũ Quang và các xã trên địa bàn duy trì tiêu chí.
				""").directives();
		assertThat(d.get(0).assignee()).isEqualTo("Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân xã Sơn Tây");
		assertThat(d.get(0).assignees()).containsExactly("Đảng ủy xã Sơn Tây", "Hội đồng nhân dân xã Sơn Tây",
				"Ủy ban nhân dân xã Sơn Tây");
		assertThat(d.get(1).assignees()).hasSize(2).first().asString().startsWith("Ủy ban nhân dân các huyện Đức Thọ, Vũ Quang");
	}

	@Test
	void cooperatingBodiesAreListedAndNeverTheLead() {
		List<Directive> d = extractor.extractText(HEAD + """
				a) Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Nội vụ, Hội Nông dân huyện cân đối vốn.
				b) Văn phòng Điều phối phối hợp với các Phòng: Tư pháp, Văn hóa - Thông tin hướng dẫn xã.
				c) Phòng Giáo dục và Đào tạo kiểm tra trường học.
				""").directives();
		assertThat(d.get(0).assignee()).isEqualTo("Phòng Tài chính - Kế hoạch");
		assertThat(d.get(0).cooperating()).containsExactly("Phòng Nội vụ", "Hội Nông dân huyện");
		assertThat(d.get(1).cooperating()).containsExactly("Phòng Tư pháp", "Phòng Văn hóa - Thông tin");
		assertThat(d.get(2).cooperating()).isEmpty();
	}

	@Test
	void theDocumentsOwnNumberingIsKept() {
		List<Directive> d = extractor.extractText(HEAD + """
				2.1 Phòng Nội vụ rà soát biên chế, tham mưu bổ sung công chức văn hóa cho xã theo quy định.
				(6) Công an xã bảo đảm an ninh trật tự.
				- Hội Nông dân huyện vận động hội viên.
				""").directives();
		assertThat(d).extracting(Directive::itemNumber).containsExactly("2.1", "(6)", null);
	}

	@Test
	void signerAndRecipientsAreReadFromTheClosingLines() {
		ExtractionDraft draft = extractor.extractText(HEAD + """
				1. Phòng Nội vụ rà soát biên chế trước ngày 30/4/2024.
				Nơi nhận:
				- Thường trực Huyện ủy;
				- Đảng ủy xã Sơn Tây;
				- Lưu VP.
				KT. BÍ THƯ
				PHÓ BÍ THƯ
				Trần Văn Bình
				""");
		assertThat(draft.recipients()).containsExactly("Thường trực Huyện ủy", "Đảng ủy xã Sơn Tây");
		assertThat(draft.signer()).isEqualTo(new Signer("KT.", "Bí thư", "Phó bí thư", "Trần Văn Bình"));
	}

	@Test
	void aTextWithoutAClosingHasNoSignerNorRecipients() {
		ExtractionDraft draft = extractor.extractText(HEAD + "1. Phòng Nội vụ rà soát biên chế.\n");
		assertThat(draft.signer()).isNull();
		assertThat(draft.recipients()).isEmpty();
	}

	@Test
	void theDayOfTheSessionInWordsDatesTheStandingWhenTheHeaderHasNoDate() {
		ExtractionDraft draft = extractor.extractText("""
				THÔNG BÁO
				KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY về xây dựng nông thôn mới xã Nà Tăm
				Thực hiện Quyết định số 15-QĐ/HU ngày 02 tháng 01 năm 2024 của Huyện ủy, ngày 20 tháng 02 năm 2024, Thường trực Huyện ủy làm việc với Đảng ủy xã Nà Tăm. Xã đạt 12/19 tiêu chí.
				""");
		assertThat(draft.date()).isNull();
		assertThat(draft.statusDate()).isEqualTo(LocalDate.of(2024, 2, 20));
	}
}
