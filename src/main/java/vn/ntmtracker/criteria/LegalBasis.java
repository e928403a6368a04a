package vn.ntmtracker.criteria;

import java.time.LocalDate;

/** The document that issues a set, e.g. 318/QĐ-TTg of 08/03/2022 by the Thủ tướng Chính phủ. */
public record LegalBasis(String number, LocalDate date, String issuer, Provenance provenance) {
}
