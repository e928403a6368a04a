package vn.ntmtracker.reports;

/**
 * The measures of the official layout in one place (NĐ 30/2020/NĐ-CP, Phụ lục I; HD 36-HD/VPTW for Party documents):
 * A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; font sizes element by element.
 */
final class PageLayout {

	static final int TOP_MM = 20;
	static final int BOTTOM_MM = 20;
	static final int LEFT_MM = 30;
	static final int RIGHT_MM = 15;
	/** The header's left box (bodies, number) and right box (national motto, place and date). */
	static final int HEADER_LEFT_PERCENT = 43;
	/** The Party header's left box carries 14 pt names ("ĐẢNG BỘ HUYỆN CẨM XUYÊN"): half the width. */
	static final int PARTY_HEADER_LEFT_PERCENT = 50;
	static final int CLOSING_LEFT_PERCENT = 50;

	/** Font sizes in points. */
	record Sizes(int superior, int issuer, int mottoTop, int place, int type, int summary, int body, int pageNumber) {
	}

	/** NĐ 30: Quốc hiệu 12–13, bodies 12–13, type 13–14, body 13–14. HD 36: Party name 15, bodies 14, type 15–16, body 14–15. */
	static Sizes sizes(OfficialDocument.Layout layout) {
		return layout == OfficialDocument.Layout.PARTY ? new Sizes(14, 14, 15, 14, 15, 14, 14, 14)
				: new Sizes(13, 13, 12, 14, 14, 14, 14, 13);
	}

	static int headerLeftPercent(OfficialDocument.Layout layout) {
		return layout == OfficialDocument.Layout.PARTY ? PARTY_HEADER_LEFT_PERCENT : HEADER_LEFT_PERCENT;
	}

	private PageLayout() {
	}

	/** "- Như trên;": each recipient on its own line starting with a dash, as the list of "Nơi nhận" is written. */
	static String recipientLine(String recipient) {
		String text = recipient.strip();
		return text.startsWith("-") ? text : "- " + text;
	}
}
