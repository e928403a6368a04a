package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.DocumentLayout.MarkerKind;
import vn.ntmtracker.extraction.ExtractionDraft.Signer;

/**
 * The end of a document (Nghị định 30/2020/NĐ-CP layout): the distribution list after "Nơi nhận:" and the signature
 * (capacity "T/M", "KT.", "T/L", the body signed for, the title, the name). A text export puts the two columns one
 * after the other in either order, so both are looked for among the last lines.
 */
final class ClosingBlock {

	private static final int LAST_BLOCKS = 16;

	private static final Pattern CAPACITY = Pattern.compile("^(?<cap>T/M|TM\\.?|KT\\.?|T/L|TL\\.?|TUQ\\.?|Q\\.)\\s*(?<who>.*)$");

	// A signer's title in capitals ("PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "PHÓ BÍ THƯ THƯỜNG TRỰC").
	private static final Pattern TITLE = Pattern.compile("^(?:PHÓ\\s+)?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG"
			+ "|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG ĐOÀN|CHỦ NHIỆM|THỦ TRƯỞNG|TRƯỞNG THÔN|THƯỜNG TRỰC)(?:[\\s\\p{Lu}]*)$");

	// A person's name: two to five capitalised words, no figures.
	private static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*){1,4}$");

	private static final Pattern RECIPIENTS_HEAD = Pattern.compile("^Nơi nhận\\s*:?\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern ARCHIVE = Pattern.compile("^(?:Lưu|- Lưu)(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern ITEM_SPLIT = Pattern.compile("\\s+[-–]\\s+(?=\\p{Lu})");

	private static final Pattern TRAILING = Pattern.compile("[\\s.,;:]+$");

	private ClosingBlock() {
	}

	/** The bodies the document is sent to, as the list writes them; the archive copy ("Lưu: VT") left out. */
	static List<String> recipients(List<Block> blocks) {
		List<String> out = new ArrayList<>();
		for (int i = Math.max(0, blocks.size() - 40); i < blocks.size(); i++) {
			Block b = blocks.get(i);
			if (!b.distributionList()) {
				continue;
			}
			String inline = RECIPIENTS_HEAD.matcher(b.text()).replaceFirst("");
			for (String item : ITEM_SPLIT.split(inline.startsWith("-") ? inline.substring(1) : inline)) {
				add(out, item);
			}
			for (int k = i + 1; k < blocks.size(); k++) {
				Block item = blocks.get(k);
				if (item.kind() != MarkerKind.DASH && item.kind() != MarkerKind.PLUS) {
					break;
				}
				add(out, item.text());
			}
			break;
		}
		return out;
	}

	private static void add(List<String> out, String item) {
		String s = TRAILING.matcher(item.strip()).replaceAll("");
		if (s.length() >= 2 && !ARCHIVE.matcher(s).find()) {
			out.add(s);
		}
	}

	/** The signature among the last lines, or null when the text has none. */
	static Signer signer(List<Block> blocks) {
		int from = Math.max(0, blocks.size() - LAST_BLOCKS);
		String capacity = null;
		String onBehalf = null;
		String title = null;
		String name = null;
		for (int i = from; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			String t = line(b);
			if (b.kind() == MarkerKind.DASH || b.kind() == MarkerKind.PLUS || b.distributionList()) {
				continue;
			}
			Matcher cap = CAPACITY.matcher(t);
			if (capacity == null && cap.matches() && DocumentLayout.isUpperCase(t)) {
				capacity = cap.group("cap").endsWith(".") || cap.group("cap").contains("/") ? cap.group("cap")
						: cap.group("cap") + ".";
				// "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH": the body or the principal signed for; the signer's own title
				// is on the next line.
				String who = cap.group("who").strip();
				onBehalf = who.isEmpty() ? null : BodyNames.fromUpperCase(who);
				continue;
			}
			if (title == null && TITLE.matcher(t).matches()) {
				title = BodyNames.fromUpperCase(t);
				continue;
			}
			if ((title != null || capacity != null) && NAME.matcher(t).matches() && t.length() <= 40
					&& !DocumentLayout.isUpperCase(t) && !BodyNames.startsWithBody(t)) {
				name = t;
			}
		}
		if (capacity == null && title == null) {
			return null;
		}
		return new Signer(capacity, onBehalf, title, name);
	}

	private static String line(Block b) {
		return b.marker().isEmpty() ? b.text() : b.marker() + " " + b.text();
	}
}
