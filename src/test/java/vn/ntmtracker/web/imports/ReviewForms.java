package vn.ntmtracker.web.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.ntmtracker.web.imports.DocumentImport.Funding;
import vn.ntmtracker.web.imports.DocumentImport.Item;
import vn.ntmtracker.web.imports.DocumentImport.Review;
import vn.ntmtracker.web.imports.DocumentImport.Slot;
import vn.ntmtracker.web.imports.DocumentImport.Status;

/**
 * The review form as the page sends it back when the reviewer changes nothing: the field names of
 * {@code imports/review.html}, filled from the proposed {@link Review}. Tests then change the fields they are about.
 */
final class ReviewForms {

	private ReviewForms() {
	}

	static Map<String, String> fields(Review review, String token) {
		Map<String, String> f = new LinkedHashMap<>();
		DocumentImport.Header h = review.header();
		put(f, "token", token);
		put(f, "kind", h.kind());
		put(f, "number", h.number());
		put(f, "issuedOn", h.issuedOn());
		put(f, "issuedYear", h.issuedYear());
		put(f, "issuerId", h.issuerId());
		put(f, "issuerNamed", h.issuerNamed());
		put(f, "subject", h.subject());
		put(f, "units", String.join(", ", h.unitCodes()));
		put(f, "setCode", h.setCode());
		put(f, "signingForm", h.signingForm());
		put(f, "signerTitle", h.signerTitle());
		put(f, "signer", h.signer());
		put(f, "distribution", h.distribution());
		put(f, "mode", review.mode());
		put(f, "recipientId", review.receipt().recipientId());
		put(f, "receivedOn", review.receipt().receivedOn());
		put(f, "receivedFrom", review.receipt().receivedFrom());
		put(f, "incomingNumber", review.receipt().incomingNumber());
		if (review.existingId() != null) {
			put(f, "existingId", review.existingId());
		}
		if (review.choice() != null) {
			put(f, "choice", review.choice());
		}
		for (Item item : review.items()) {
			int i = item.row();
			if (item.keep()) {
				f.put("keep_" + i, "on");
			}
			f.put("kind_" + i, item.request() ? "REQUEST" : "DIRECTIVE");
			put(f, "request_" + i, item.requestText());
			put(f, "text_" + i, item.text());
			put(f, "ref_" + i, item.ref());
			slots(f, "lead_" + i + "_", item.leads());
			slots(f, "coop_" + i + "_", item.cooperating());
			put(f, "deadline_" + i, item.deadline());
			put(f, "criterion_" + i, item.criterion());
		}
		for (Status s : review.statuses()) {
			int i = s.row();
			if (s.keep()) {
				f.put("status_keep_" + i, "on");
			}
			put(f, "status_name_" + i, s.unitName());
			put(f, "status_unit_" + i, s.unitCode());
			put(f, "status_date_" + i, s.statedOn());
			put(f, "status_level_" + i, s.level());
			put(f, "status_achieved_" + i, s.achieved());
			put(f, "status_total_" + i, s.total());
			put(f, "status_unmet_" + i, s.unmet());
			put(f, "status_unmetnames_" + i, s.unmetNames());
		}
		for (Funding fund : review.funding()) {
			int i = fund.row();
			if (fund.keep()) {
				f.put("fund_keep_" + i, "on");
			}
			put(f, "fund_wording_" + i, fund.wording());
			put(f, "fund_source_" + i, fund.source());
			put(f, "fund_amount_" + i, fund.amount());
			put(f, "fund_year_" + i, fund.year());
		}
		return f;
	}

	private static void slots(Map<String, String> f, String prefix, List<Slot> slots) {
		for (int j = 0; j < slots.size(); j++) {
			Slot s = slots.get(j);
			put(f, prefix + "name_" + j, s.named());
			put(f, prefix + "outcome_" + j, s.outcome());
			put(f, prefix + j, s.organisationId());
		}
	}

	private static void put(Map<String, String> f, String name, Object value) {
		f.put(name, value == null ? "" : value.toString());
	}

	static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> fields) {
		fields.forEach(request::param);
		return request;
	}
}
