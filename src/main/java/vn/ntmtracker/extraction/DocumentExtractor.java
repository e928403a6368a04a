package vn.ntmtracker.extraction;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ntmtracker.extraction.DocumentHeaderParser.Header;
import vn.ntmtracker.extraction.DocumentLayout.Block;
import vn.ntmtracker.extraction.ExtractionDraft.Directive;
import vn.ntmtracker.extraction.ExtractionDraft.Level;
import vn.ntmtracker.extraction.ExtractionDraft.Signer;
import vn.ntmtracker.extraction.ExtractionDraft.Target;

/**
 * Entry point of the engine: file or text in, {@link ExtractionDraft} out. Stateless and thread-safe. Unreadable input
 * raises {@link ExtractionException}; a readable document that is not about NTM comes back as {@code OTHER} with its
 * header facts and nothing else.
 */
public final class DocumentExtractor {

	private static final Pattern NTM = Pattern.compile("nông thôn mới|(?<![\\p{L}])NTM(?![\\p{L}])|xây dựng nông thôn",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern YEAR = Pattern.compile("(?:năm\\s+|\\d{1,2}/\\d{1,2}/)(\\d{4})(?!\\d)");

	public ExtractionDraft extract(Path file) {
		return extractText(DocumentTextReader.read(file));
	}

	public ExtractionDraft extract(String fileName, byte[] content) {
		return extractText(DocumentTextReader.read(fileName, content));
	}

	public ExtractionDraft extractText(String rawText) {
		String text = TextNormalizer.normalize(rawText);
		if (text.isBlank()) {
			throw new ExtractionException("văn bản không có chữ");
		}
		List<Block> blocks = DocumentLayout.split(text);
		Header header = DocumentHeaderParser.parse(blocks);
		int year = header.year() > 0 ? header.year()
				: header.date() != null ? header.date().getYear() : mostFrequentYear(text);
		int body = header.bodyStartBlock();
		List<String> subjects = UnitNames.subjectUnits(header.title(), blocks, body, header.issuer(), header.page());
		List<Directive> directives = DirectiveExtractor.extract(blocks, body, text, year,
				TargetExtractor.levelOfTitle(header.title()));
		LocalDate statusDate = header.date() != null ? header.date() : StatusDate.inOpening(blocks, body);
		Signer signer = header.page() ? null : ClosingBlock.signer(blocks);
		List<String> recipients = ClosingBlock.recipients(blocks);
		if (!aboutNtm(text, header.title())) {
			// The kind of a document does not depend on its topic; only the NTM standings and targets do.
			return new ExtractionDraft(header.type(), header.number(), header.date(), header.issuer(), subjects,
					List.of(), List.of(), null, directives, FundingExtractor.extract(blocks, body), statusDate, signer,
					recipients, text);
		}
		Target target = TargetExtractor.find(header.title(), blocks, body, year);
		Level level = target != null ? target.level() : TargetExtractor.levelOfTitle(header.title());
		if (target != null && target.level() != TargetExtractor.levelOfTitle(header.title())) {
			directives = DirectiveExtractor.extract(blocks, body, text, year, level);
		}
		return new ExtractionDraft(header.type(), header.number(), header.date(), header.issuer(), subjects,
				CriteriaStatusExtractor.status(blocks, body, subjects, level, year),
				CriteriaStatusExtractor.unmet(blocks, body, level, year), target, directives,
				FundingExtractor.extract(blocks, body), statusDate, signer, recipients, text);
	}

	// A passing mention (a CV signature, a list of programmes) does not make a document an NTM document.
	private static boolean aboutNtm(String text, String title) {
		if (NTM.matcher(title).find()) {
			return true;
		}
		int count = 0;
		Matcher m = NTM.matcher(text);
		while (m.find() && count < 3) {
			count++;
		}
		return count >= 3;
	}

	private static int mostFrequentYear(String text) {
		Map<Integer, Integer> counts = new HashMap<>();
		// A YEAR match opens with "năm" or a digit.
		RegexScan years = new RegexScan(YEAR, text,
				(s, i) -> RegexScan.isAsciiDigit(s.charAt(i)) || s.startsWith("năm", i));
		Matcher m = years.matcher();
		while (years.find()) {
			int y = Integer.parseInt(m.group(1));
			if (y >= 1990 && y <= 2100) {
				counts.merge(y, 1, Integer::sum);
			}
		}
		return counts.entrySet()
			.stream()
			.max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.orElse(0);
	}
}
