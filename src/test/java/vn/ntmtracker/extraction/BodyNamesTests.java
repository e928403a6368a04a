package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyNamesTests {

	@Test
	void writesDepartmentsInTheirOfficialForm() {
		assertThat(BodyNames.canonical("Phòng Kinh tế HT")).isEqualTo("Phòng Kinh tế - Hạ tầng");
		assertThat(BodyNames.canonical("phòng Tài chính kế hoạch")).isEqualTo("Phòng Tài chính - Kế hoạch");
		assertThat(BodyNames.canonical("Phòng Nông nghiệp và PTNT")).isEqualTo("Phòng Nông nghiệp và Phát triển nông thôn");
		assertThat(BodyNames.canonical("Phòng TN&MT")).isEqualTo("Phòng Tài nguyên và Môi trường");
	}

	@Test
	void expandsOrganAbbreviations() {
		assertThat(BodyNames.canonical("UBND huyện")).isEqualTo("Ủy ban nhân dân huyện");
		assertThat(BodyNames.canonical("Ủy ban Nhân dân huyện")).isEqualTo("Ủy ban nhân dân huyện");
		assertThat(BodyNames.canonical("Thành viên BCD, BQL")).isEqualTo("Thành viên Ban Chỉ đạo, Ban Quản lý");
		assertThat(BodyNames.canonical("Văn phòng Đảng ủy")).isEqualTo("Văn phòng Đảng ủy");
	}

	@Test
	void cutsTheBodyBeforeItsVerb() {
		assertThat(BodyNames.takeBody("UBND huyện chỉ đạo ưu tiên bố trí nguồn vốn")).isEqualTo("UBND huyện");
		assertThat(BodyNames.takeBody("Ban chỉ đạo thực hiện chương trình mục tiêu quốc gia huyện, xã tiếp tục rà soát"))
			.isEqualTo("Ban chỉ đạo thực hiện chương trình mục tiêu quốc gia huyện, xã");
		assertThat(BodyNames.takeBody("Phòng Giáo dục và Đào tạo hướng dẫn")).isEqualTo("Phòng Giáo dục và Đào tạo");
		assertThat(BodyNames.takeBody("MTTQ, Đoàn thanh niên cùng Ban phát triển thôn tuyên truyền"))
			.isEqualTo("MTTQ, Đoàn thanh niên");
	}

	@Test
	void doesNotTakeVerbsOrTopicsForBodies() {
		assertThat(BodyNames.takeBody("Ban hành kế hoạch chi tiết")).isNull();
		assertThat(BodyNames.takeBody("Tổ chức hội nghị tọa đàm")).isNull();
		assertThat(BodyNames.takeBody("Quy hoạch: thực hiện công bố")).isNull();
	}

	@Test
	void titleCasesUpperCaseOrganLines() {
		assertThat(BodyNames.fromUpperCase("ỦY BAN NHÂN DÂN XÃ HƯƠNG TRÀ")).isEqualTo("Ủy ban nhân dân xã Hương Trà");
		assertThat(BodyNames.fromUpperCase("BAN THƯỜNG VỤ HUYỆN ỦY")).isEqualTo("Ban Thường vụ Huyện ủy");
	}

	@Test
	void keepsTheDashJoinedPartsOfATitle() {
		assertThat(BodyNames.takeBody("Công chức Địa chính - Xây dựng - Đô thị và Môi trường rà soát hiện trạng"))
			.isEqualTo("Công chức Địa chính - Xây dựng - Đô thị và Môi trường");
		// Lower case after the dash, or no dash: the verb still ends the body.
		assertThat(BodyNames.takeBody("UBND xã - tổ chức ra quân làm đường")).isEqualTo("UBND xã");
		assertThat(BodyNames.takeBody("Công chức Địa chính Xây dựng hồ sơ")).isEqualTo("Công chức Địa chính");
	}

	@Test
	void takesAPersonsTitleWithItsInstitution() {
		assertThat(BodyNames.takeBody("Hiệu trưởng Trường THCS Sơn Kim rà soát cơ sở vật chất"))
			.isEqualTo("Hiệu trưởng Trường THCS Sơn Kim");
		assertThat(BodyNames.takeBody("Chỉ huy trưởng Ban Chỉ huy Quân sự xã tham mưu")).isEqualTo("Chỉ huy trưởng Ban Chỉ huy Quân sự xã");
		assertThat(BodyNames.takeBody("Hiệu quả sử dụng vốn còn thấp")).isNull();
	}

	@Test
	void aBackReferenceIsNoBody() {
		assertThat(BodyNames.takeBody("Thành viên được phân công báo cáo kết quả")).isNull();
		assertThat(BodyNames.takeBody("Các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành")).isNull();
		assertThat(BodyNames.takeBody("Các đồng chí được phân công phụ trách các thôn bám sát cơ sở"))
			.isEqualTo("Các đồng chí được phân công phụ trách các thôn");
	}
}
