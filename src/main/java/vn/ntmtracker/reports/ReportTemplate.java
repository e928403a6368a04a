package vn.ntmtracker.reports;

import java.util.List;
import java.util.Optional;

/**
 * A document template as data: the layout, the type and its code, the summary, the sections in order and the default
 * recipients and signature. Texts hold placeholders ({@code {{unit.name}}}) that the document kind fills from the
 * records; {@code free} sections are what people write in the app; {@code data} sections are tables and lists the kind
 * builds (the criteria table, the directives by body…). Any section may depend on a value being there ({@code when})
 * or not ({@code unless}).
 */
record ReportTemplate(String kind, OfficialDocument.Layout layout, String typeName, String typeCode, String summary,
		List<Section> sections, List<String> recipients, String signatureAuthority, String signatureTitle) {

	sealed interface Section permits HeadingSection, TextSection, FreeSection, DataSection {

		Condition condition();
	}

	/** Shown only when {@code when} has a value (if given) and {@code unless} has none (if given). */
	record Condition(String when, String unless) {

		static final Condition ALWAYS = new Condition(null, null);
	}

	record HeadingSection(int level, String text, Condition condition) implements Section {
	}

	record TextSection(String text, Condition condition) implements Section {
	}

	/** A section people write: its key in the draft, the label of its box, the text it starts with, its length limit. */
	record FreeSection(String key, String label, String defaultText, int maxLength, Condition condition) implements Section {
	}

	record DataSection(String name, Condition condition) implements Section {
	}

	List<FreeSection> freeSections() {
		return sections.stream().filter(FreeSection.class::isInstance).map(FreeSection.class::cast).toList();
	}

	Optional<FreeSection> freeSection(String key) {
		return freeSections().stream().filter(s -> s.key().equals(key)).findFirst();
	}
}
