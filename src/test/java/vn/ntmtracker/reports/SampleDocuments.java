package vn.ntmtracker.reports;

import java.util.ArrayList;
import java.util.List;

import vn.ntmtracker.reports.OfficialDocument.Align;
import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Column;
import vn.ntmtracker.reports.OfficialDocument.Heading;
import vn.ntmtracker.reports.OfficialDocument.Paragraph;
import vn.ntmtracker.reports.OfficialDocument.Row;
import vn.ntmtracker.reports.OfficialDocument.Table;

/** Documents built by hand for the renderer tests: long, full of diacritics, with every kind of block. */
final class SampleDocuments {

	/** Every lower- and upper-case Vietnamese vowel with every tone, and Đ/đ. */
	static final String ALL_VIETNAMESE = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ "
			+ "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ";

	private SampleDocuments() {
	}

	static OfficialDocument notice(boolean draft, int paragraphs) {
		List<Block> body = new ArrayList<>();
		body.add(Paragraph.body("Ngày 12/3/2024, Thường trực Ban Chỉ đạo huyện tổ chức làm việc với xã Cẩm Quang nhằm đánh giá tình hình, "
				+ "kết quả thực hiện nhiệm vụ thời gian qua; định hướng mục tiêu, nhiệm vụ, giải pháp xây dựng xã đạt chuẩn nông thôn mới nâng cao."));
		body.add(new Heading(1, "I. ĐÁNH GIÁ TÌNH HÌNH"));
		for (int i = 0; i < paragraphs; i++) {
			body.add(Paragraph.body(ALL_VIETNAMESE));
			body.add(Paragraph.item("- Tăng cường hơn nữa công tác tuyên truyền, tạo chuyển biến rõ nét, sâu sắc trong nhận thức của cán bộ, "
					+ "đảng viên và Nhân dân; phát huy vai trò chủ thể của người dân (trước ngày 25/3/2024)."));
		}
		body.add(new Heading(2, "1. Kết quả các tiêu chí"));
		List<Row> rows = new ArrayList<>();
		rows.add(Row.group("Nhóm I. Quy hoạch"));
		rows.add(Row.of("1", "Quy hoạch", "Chưa đạt", "Đạt", "Tăng"));
		rows.add(Row.total("", "Tổng số tiêu chí đạt", "3/20", "4/20", "+1"));
		body.add(new Table(List.of(new Column("TT", 8, Align.CENTRE), new Column("Tiêu chí", 44, Align.LEFT),
				new Column("Kỳ trước", 16, Align.CENTRE), new Column("Kỳ này", 16, Align.CENTRE), new Column("Thay đổi", 16, Align.CENTRE)), rows));
		return new OfficialDocument(OfficialDocument.Layout.STATE,
				new OfficialDocument.Header("UBND HUYỆN CẨM XUYÊN", "BAN CHỈ ĐẠO NÔNG THÔN MỚI", "Số: 06/TB-BCĐ",
						"Cẩm Xuyên, ngày 12 tháng 3 năm 2024"),
				"THÔNG BÁO", List.of("Kết luận của Thường trực Ban Chỉ đạo tại buổi làm việc với xã Cẩm Quang"), body,
				new OfficialDocument.Closing(List.of("Thường trực Huyện ủy;", "UBND xã Cẩm Quang;", "Lưu: VT, NTM."),
						new OfficialDocument.Signature("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Lê Ngọc Hà")),
				draft);
	}

	static OfficialDocument resolution() {
		List<Block> body = List.of(new Heading(1, "I. QUAN ĐIỂM CHỈ ĐẠO"), Paragraph.body(ALL_VIETNAMESE));
		return new OfficialDocument(OfficialDocument.Layout.PARTY,
				new OfficialDocument.Header("ĐẢNG BỘ HUYỆN CẨM XUYÊN", "ĐẢNG ỦY XÃ CẨM LĨNH", "Số 07-NQ/ĐU",
						"Cẩm Lĩnh, ngày 12 tháng 01 năm 2023"),
				"NGHỊ QUYẾT", List.of("về tăng cường lãnh đạo, chỉ đạo xây dựng xã Cẩm Lĩnh", "đạt chuẩn nông thôn mới nâng cao năm 2023"),
				body, new OfficialDocument.Closing(List.of("Thường trực Huyện ủy (để b/c);", "Lưu ĐU."),
						new OfficialDocument.Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Trần Xuân Hữu")),
				false);
	}
}
