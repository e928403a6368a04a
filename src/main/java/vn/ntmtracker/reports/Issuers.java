package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The header of a document from the organisation that issues it, as recorded: the superior body and the issuing body
 * in the left box, the issuer's code in the number, the place in the date line, the head's title in the signature.
 */
@Component
class Issuers {

	/** What the header and the signature say about an issuer. */
	record Issuer(Long organisationId, String superiorBody, String issuingBody, String code, String place, String headTitle,
			String collective) {
	}

	private final DocumentIntake intake;
	private final Units units;

	Issuers(DocumentIntake intake, Units units) {
		this.intake = intake;
		this.units = units;
	}

	/** The unit's own organisation of that kind (its UBND, its Đảng ủy); none recorded gives the header from the unit. */
	Issuer ofUnit(String unitCode, Organisation.Kind kind, LocalDate on) {
		Optional<Organisation> organisation = intake.organisations().stream()
			.filter(o -> unitCode.equals(o.unitCode()) && o.kind() == kind).min(Comparator.comparingLong(Organisation::id));
		return organisation.map(o -> of(o, on)).orElseGet(() -> fromUnit(unitCode, kind, on));
	}

	Issuer of(long organisationId, LocalDate on) {
		return intake.organisation(organisationId).map(o -> of(o, on))
			.orElseThrow(() -> new ReportException("Cơ quan ban hành: không có tổ chức " + organisationId));
	}

	Issuer of(Organisation organisation, LocalDate on) {
		// A district body keeps its header after 30/6/2025 for documents about its own time.
		Unit unit = units.find(organisation.unitCode(), on)
			.or(() -> units.find(organisation.unitCode(), vn.ntmtracker.units.UnitKind.LAST_DAY_OF_DISTRICTS))
			.orElseThrow(() -> new ReportException("Cơ quan ban hành: đơn vị " + organisation.unitCode() + " không tồn tại"));
		String unitName = VietnameseText.upper(unit.displayName());
		String name = VietnameseText.upper(organisation.name());
		return switch (organisation.kind()) {
			case PEOPLES_COMMITTEE -> new Issuer(organisation.id(), "", "ỦY BAN NHÂN DÂN\n" + unitName, "UBND", unit.name(),
					"CHỦ TỊCH", "ỦY BAN NHÂN DÂN");
			case PARTY_COMMITTEE -> new Issuer(organisation.id(), partyAbove(unit, on), name, partyCode(unit), unit.name(), "BÍ THƯ",
					unit.level() == 3 ? "ĐẢNG ỦY" : "BAN THƯỜNG VỤ");
			case STEERING_COMMITTEE -> new Issuer(organisation.id(), "UBND " + unitName, withoutUnit(name, unitName), "BCĐ",
					unit.name(), "TRƯỞNG BAN", "BAN CHỈ ĐẠO");
			case COORDINATION_OFFICE -> new Issuer(organisation.id(), "UBND " + unitName, withoutUnit(name, unitName), "VPĐP",
					unit.name(), "CHÁNH VĂN PHÒNG", "VĂN PHÒNG");
			default -> new Issuer(organisation.id(), "UBND " + unitName, withoutUnit(name, unitName),
					initials(withoutUnit(name, unitName)), unit.name(), "TRƯỞNG", withoutUnit(name, unitName));
		};
	}

	private Issuer fromUnit(String unitCode, Organisation.Kind kind, LocalDate on) {
		Unit unit = units.get(unitCode, on);
		String unitName = VietnameseText.upper(unit.displayName());
		if (kind == Organisation.Kind.PARTY_COMMITTEE) {
			return new Issuer(null, partyAbove(unit, on), "ĐẢNG ỦY " + unitName, partyCode(unit), unit.name(), "BÍ THƯ", "ĐẢNG ỦY");
		}
		return new Issuer(null, "", "ỦY BAN NHÂN DÂN\n" + unitName, "UBND", unit.name(), "CHỦ TỊCH", "ỦY BAN NHÂN DÂN");
	}

	/** "ĐẢNG BỘ HUYỆN CẨM XUYÊN" above a commune's Đảng ủy (the province's after the districts were abolished). */
	private String partyAbove(Unit unit, LocalDate on) {
		if (unit.parentCode() == null) {
			return "";
		}
		return units.find(unit.parentCode(), on).map(parent -> "ĐẢNG BỘ " + VietnameseText.upper(parent.displayName())).orElse("");
	}

	/** ĐU for a commune's Đảng ủy, HU for a district's Huyện ủy, TU for a province's Tỉnh ủy. */
	private static String partyCode(Unit unit) {
		return switch (unit.level()) {
			case 1 -> "TU";
			case 2 -> "HU";
			default -> "ĐU";
		};
	}

	/** "BAN CHỈ ĐẠO NÔNG THÔN MỚI HUYỆN CẨM XUYÊN" under "UBND HUYỆN CẨM XUYÊN" reads "BAN CHỈ ĐẠO NÔNG THÔN MỚI". */
	static String withoutUnit(String name, String unitName) {
		String trimmed = name.strip();
		if (trimmed.endsWith(" " + unitName)) {
			return trimmed.substring(0, trimmed.length() - unitName.length() - 1).strip();
		}
		return trimmed;
	}

	/** "PHÒNG KINH TẾ - HẠ TẦNG" → "PKTHT". */
	static String initials(String name) {
		StringBuilder code = new StringBuilder();
		for (String word : name.split("[\\s-]+")) {
			if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
				code.append(word.charAt(0));
			}
		}
		String result = code.toString().toUpperCase(Locale.ROOT);
		return result.length() > 8 ? result.substring(0, 8) : result;
	}

	Optional<Organisation> organisation(long id) {
		return intake.organisation(id);
	}

	List<Organisation> organisationsOf(String unitCode) {
		return intake.organisations().stream().filter(o -> unitCode.equals(o.unitCode())).toList();
	}
}
