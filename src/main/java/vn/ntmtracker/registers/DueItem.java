package vn.ntmtracker.registers;

import java.time.LocalDate;

/**
 * Something a register says must be acted on by a date — today an OCOP certificate entering its last 90 days. There is
 * no notification system yet: due items are computed on read for any day ({@link RegisterDueItems}), listed on the
 * "sắp hết hạn" page and in the API, and ready for a notifier to send.
 *
 * @param kind what is due ({@link #OCOP_CERTIFICATE_EXPIRING})
 * @param recordId the record it is about (the OCOP product)
 * @param unitCode the unit whose officers should act (the product's commune)
 * @param subject what to show: product, stars and certificate number
 * @param dueOn the day action is due (re-evaluation), which is also the day the warning starts
 * @param deadline the day after which the record no longer counts (the certificate's last valid day)
 * @param daysLeft days from the day asked about to the deadline
 */
public record DueItem(String kind, long recordId, String unitCode, String subject, LocalDate dueOn, LocalDate deadline,
		long daysLeft) {

	public static final String OCOP_CERTIFICATE_EXPIRING = "OCOP_CERTIFICATE_EXPIRING";
}
