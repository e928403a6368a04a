package vn.ntmtracker.web.imports;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.directives.Organisation.Kind;
import vn.ntmtracker.web.imports.BodyResolver.Outcome;
import vn.ntmtracker.web.imports.BodyResolver.Place;
import vn.ntmtracker.web.imports.BodyResolver.Resolution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies named in documents resolved within the subject unit's neighbourhood: by level for generic names, by place
 * when one is named, jointly when the document names several, and never to a body of another province.
 */
class BodyResolverTests {

	static long next = 1;

	static Organisation org(String code, Kind kind, String name, String unit) {
		return new Organisation(next++, code, kind, name, unit, 0);
	}

	// Lai Châu: province 12, district Tam Đường, commune Bản Bo with a village; Hà Tĩnh's bodies as decoys.
	static final List<Place> TAM_DUONG = List.of(new Place("12", "Lai Châu", 1), new Place("LC-TAMDUONG", "Tam Đường", 2),
			new Place("LC-BANBO", "Bản Bo", 3), new Place("LC-BANBO-HUNGPHONG", "Hung Phong", 4));

	static final Organisation BTV = org("TD-BTV", Kind.PARTY_COMMITTEE, "Ban Thường vụ Huyện ủy Tam Đường", "LC-TAMDUONG");
	static final Organisation UBND_HUYEN = org("TD-UBND", Kind.PEOPLES_COMMITTEE, "UBND huyện Tam Đường", "LC-TAMDUONG");
	static final Organisation KTHT = org("TD-KTHT", Kind.DEPARTMENT, "Phòng Kinh tế - Hạ tầng huyện Tam Đường", "LC-TAMDUONG");
	static final Organisation TTYT = org("TD-TTYT", Kind.OTHER, "Trung tâm Y tế huyện Tam Đường", "LC-TAMDUONG");
	static final Organisation BCD_XA = org("BB-BCD", Kind.STEERING_COMMITTEE, "Ban Chỉ đạo các chương trình MTQG xã Bản Bo", "LC-BANBO");
	static final Organisation DU_XA = org("BB-DU", Kind.PARTY_COMMITTEE, "Đảng ủy xã Bản Bo", "LC-BANBO");
	static final Organisation UBND_XA = org("BB-UBND", Kind.PEOPLES_COMMITTEE, "UBND xã Bản Bo", "LC-BANBO");
	static final Organisation KTHT_HA_TINH = org("CX-KTHT", Kind.DEPARTMENT, "Phòng Kinh tế - Hạ tầng huyện Cẩm Xuyên", "HT-CAMXUYEN");
	static final Organisation BCD_HA_TINH = org("CX-BCD", Kind.STEERING_COMMITTEE, "Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên", "HT-CAMXUYEN");

	static final BodyResolver BAN_BO = new BodyResolver(TAM_DUONG, "LC-BANBO",
			List.of(BTV, UBND_HUYEN, KTHT, TTYT, BCD_XA, DU_XA, UBND_XA, KTHT_HA_TINH, BCD_HA_TINH));

	static Long id(Resolution resolution) {
		return resolution.organisationId();
	}

	@Test
	void genericNamesResolveByLevelToTheSubjectCommunesOwnBodies() {
		assertThat(id(BAN_BO.resolve("Ủy ban nhân dân huyện"))).isEqualTo(UBND_HUYEN.id());
		assertThat(id(BAN_BO.resolve("UBND huyện"))).isEqualTo(UBND_HUYEN.id());
		assertThat(id(BAN_BO.resolve("UBND xã"))).isEqualTo(UBND_XA.id());
		assertThat(id(BAN_BO.resolve("Ban Chỉ đạo xã"))).isEqualTo(BCD_XA.id());
		assertThat(id(BAN_BO.resolve("Ban Thường vụ Huyện ủy"))).isEqualTo(BTV.id());
		assertThat(id(BAN_BO.resolve("Đảng ủy xã"))).isEqualTo(DU_XA.id());
		assertThat(id(BAN_BO.resolve("Cấp ủy xã"))).isEqualTo(DU_XA.id());
		assertThat(id(BAN_BO.resolve("chính quyền xã"))).isEqualTo(UBND_XA.id());
	}

	@Test
	void aBodyOfAnotherProvinceIsNeverACandidate() {
		// Hà Tĩnh's Phòng Kinh tế - Hạ tầng has the same name; only Tam Đường's may be proposed.
		assertThat(id(BAN_BO.resolve("Phòng Kinh tế - hạ tầng"))).isEqualTo(KTHT.id());
		assertThat(BAN_BO.candidates()).doesNotContain(KTHT_HA_TINH, BCD_HA_TINH);
		// Tam Đường has no district steering committee: not found, never Cẩm Xuyên's nor the commune's.
		Resolution district = BAN_BO.resolve("Ban Chỉ đạo thực hiện chương trình mục tiêu quốc gia huyện");
		assertThat(district.outcome()).isEqualTo(Outcome.NOT_FOUND);
		assertThat(district.organisation()).isNull();
		// Named in another province: nothing there to match.
		assertThat(BAN_BO.resolve("Phòng Kinh tế - Hạ tầng huyện Cẩm Xuyên").organisation()).isNull();
	}

	@Test
	void aBarePlaceIsItsPeoplesCommittee() {
		assertThat(id(BAN_BO.resolve("Xã"))).isEqualTo(UBND_XA.id());
		assertThat(id(BAN_BO.resolve("Xã Bản Bo"))).isEqualTo(UBND_XA.id());
		assertThat(id(BAN_BO.resolve("địa phương"))).isEqualTo(UBND_XA.id());
		assertThat(id(BAN_BO.resolve("Trung tâm Y tế huyện"))).isEqualTo(TTYT.id());
	}

	@Test
	void aJointLeadResolvesEachBodyAndABareLevelRepeatsThePreviousBody() {
		List<Resolution> joint = BAN_BO.resolveAll(List.of("Đảng ủy xã Bản Bo", "Ủy ban nhân dân xã Bản Bo"));
		assertThat(joint).extracting(Resolution::organisationId).containsExactly(DU_XA.id(), UBND_XA.id());
		// "Ban Chỉ đạo … huyện, xã": the commune's Ban Chỉ đạo; the district's does not exist and is left to the reviewer.
		List<Resolution> elided = BAN_BO.resolveAll(List.of("Ban Chỉ đạo thực hiện chương trình mục tiêu quốc gia huyện", "Xã"));
		assertThat(elided.get(0).outcome()).isEqualTo(Outcome.NOT_FOUND);
		assertThat(elided.get(1).organisationId()).isEqualTo(BCD_XA.id());
	}

	@Test
	void collectiveWordingsAndTiesAreNotGuessed() {
		assertThat(BAN_BO.resolve("Các phòng, ngành liên quan").outcome()).isEqualTo(Outcome.VAGUE);
		assertThat(BAN_BO.resolve("Các đoàn thể chính trị - xã hội").outcome()).isEqualTo(Outcome.VAGUE);
		// "Ban Chỉ đạo" at no level: only the commune's exists here, so it is that one; with two, a choice.
		BodyResolver two = new BodyResolver(TAM_DUONG, "LC-BANBO", List.of(BCD_XA,
				org("TD-BCD", Kind.STEERING_COMMITTEE, "Ban Chỉ đạo các chương trình MTQG huyện Tam Đường", "LC-TAMDUONG")));
		Resolution tie = two.resolve("Ban Chỉ đạo các chương trình mục tiêu quốc gia");
		assertThat(tie.outcome()).isEqualTo(Outcome.RESOLVED).as("nearest to the subject commune");
		assertThat(tie.organisationId()).isEqualTo(BCD_XA.id());
		BodyResolver twins = new BodyResolver(TAM_DUONG, "LC-BANBO", List.of(
				org("TD-P1", Kind.DEPARTMENT, "Phòng Văn hóa - Thông tin huyện Tam Đường", "LC-TAMDUONG"),
				org("TD-P2", Kind.DEPARTMENT, "Phòng Văn hóa và Thông tin huyện Tam Đường", "LC-TAMDUONG")));
		Resolution ambiguous = twins.resolve("Phòng Văn hóa Thông tin");
		assertThat(ambiguous.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(ambiguous.candidates()).hasSize(2);
	}

	@Test
	void aGenericNameAtANamedPlaceNeverFallsBackToAnotherUnitsBody() {
		// Bản Bo has no Mặt trận; "MTTQ xã Bản Bo" must not become the district's or anybody else's.
		BodyResolver resolver = new BodyResolver(TAM_DUONG, "LC-BANBO", List.of(UBND_HUYEN, UBND_XA,
				org("TD-MTTQ", Kind.FATHERLAND_FRONT, "Ủy ban MTTQ Việt Nam huyện Tam Đường", "LC-TAMDUONG")));
		assertThat(resolver.resolve("Ủy ban Mặt trận Tổ quốc xã Bản Bo").outcome()).isEqualTo(Outcome.NOT_FOUND);
		assertThat(id(resolver.resolve("Ủy ban Mặt trận Tổ quốc huyện"))).isNotNull();
	}

	@Test
	void seed002sBodiesInCamXuyen() {
		List<Place> camXuyen = List.of(new Place("42", "Hà Tĩnh", 1), new Place("HT-CAMXUYEN", "Cẩm Xuyên", 2),
				new Place("HT-CAMQUANG", "Cẩm Quang", 3));
		Organisation ubndHuyen = org("CX-UBND", Kind.PEOPLES_COMMITTEE, "UBND huyện Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation mttq = org("CX-MTTQ", Kind.FATHERLAND_FRONT, "Ủy ban MTTQ Việt Nam huyện Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation vpdp = org("CX-VPDP", Kind.COORDINATION_OFFICE, "Văn phòng Điều phối nông thôn mới huyện Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation qlda = org("CX-QLDA", Kind.PROJECT_BOARD, "Ban Quản lý dự án đầu tư xây dựng huyện Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation doan = org("CX-HD", Kind.MASS_ORGANISATION, "Ban Thường vụ Huyện đoàn Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation toCongTac = org("CX-TCT494", Kind.WORKING_GROUP,
				"Tổ công tác chỉ đạo xây dựng NTM nâng cao tại xã Cẩm Quang (QĐ 494-QĐ/HU)", "HT-CAMXUYEN");
		Organisation tckh = org("CX-TCKH", Kind.DEPARTMENT, "Phòng Tài chính - Kế hoạch huyện Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation tnmt = org("CX-TNMT", Kind.DEPARTMENT, "Phòng Tài nguyên và Môi trường huyện Cẩm Xuyên", "HT-CAMXUYEN");
		Organisation du = org("CQ-DU", Kind.PARTY_COMMITTEE, "Đảng ủy xã Cẩm Quang", "HT-CAMQUANG");
		Organisation ubndXa = org("CQ-UBND", Kind.PEOPLES_COMMITTEE, "UBND xã Cẩm Quang", "HT-CAMQUANG");
		Organisation bcd = org("CX-BCD", Kind.STEERING_COMMITTEE, "Ban Chỉ đạo nông thôn mới huyện Cẩm Xuyên", "HT-CAMXUYEN");
		BodyResolver resolver = new BodyResolver(camXuyen, "HT-CAMQUANG",
				List.of(ubndHuyen, mttq, vpdp, qlda, doan, toCongTac, tckh, tnmt, du, ubndXa, bcd, BTV));
		assertThat(id(resolver.resolve("Ủy ban nhân dân huyện"))).isEqualTo(ubndHuyen.id());
		assertThat(id(resolver.resolve("Ủy ban Mặt trận Tổ quốc huyện"))).isEqualTo(mttq.id());
		assertThat(id(resolver.resolve("Văn phòng Điều phối xây dựng nông thôn mới huyện"))).isEqualTo(vpdp.id());
		assertThat(id(resolver.resolve("Ban Quản lý dự án xây dựng huyện"))).isEqualTo(qlda.id());
		assertThat(id(resolver.resolve("Ban Thường vụ Huyện đoàn"))).isEqualTo(doan.id());
		assertThat(id(resolver.resolve("Thường trực Ban Chỉ đạo huyện Cẩm Xuyên"))).isEqualTo(bcd.id());
		assertThat(id(resolver.resolve("Các đồng chí trong Tổ công tác chỉ đạo xây dựng nông thôn mới nâng cao tại xã Cẩm Quang")))
			.isEqualTo(toCongTac.id());
		assertThat(resolver.resolveAll(List.of("Đảng ủy xã Cẩm Quang", "Ủy ban nhân dân xã Cẩm Quang")))
			.extracting(Resolution::organisationId).containsExactly(du.id(), ubndXa.id());
		assertThat(resolver.resolveAll(List.of("Các phòng Tài chính - Kế hoạch, Tài nguyên và Môi trường")))
			.as("one body per listed name").extracting(r -> r.named() + "=" + r.organisationId()).containsExactly(
					"Phòng Tài chính - Kế hoạch=" + tckh.id(), "Phòng Tài nguyên và Môi trường=" + tnmt.id());
		assertThat(resolver.resolveAll(List.of("Các phòng Tài chính - Kế hoạch, Tài nguyên - Môi trường")))
			.extracting(Resolution::organisationId).containsExactly(tckh.id(), tnmt.id());
		// Tam Đường's Ban Thường vụ is given as a candidate but lies outside Cẩm Quang's neighbourhood.
		assertThat(resolver.resolve("Ban Thường vụ Huyện ủy").organisation()).isNotEqualTo(BTV);
	}
}
