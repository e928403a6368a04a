package vn.ntmtracker.reports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import vn.ntmtracker.reports.ReportTemplate.Condition;
import vn.ntmtracker.reports.ReportTemplate.DataSection;
import vn.ntmtracker.reports.ReportTemplate.FreeSection;
import vn.ntmtracker.reports.ReportTemplate.HeadingSection;
import vn.ntmtracker.reports.ReportTemplate.Section;
import vn.ntmtracker.reports.ReportTemplate.TextSection;

/**
 * Reads a template file and checks it against what its document kind offers, so that an administrator's typo is
 * refused with the line and a Vietnamese reason ("Dòng 14: không có trường {{unit.nam}}") instead of printing
 * a hole in an official document.
 */
final class TemplateParser {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*\\}\\}");
	static final int MAX_TEMPLATE_CHARS = 100_000;
	static final int DEFAULT_FREE_LIMIT = 20_000;
	private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,40}");

	/** The template, or the problems (one per line) when it cannot be used. */
	record Parsed(ReportTemplate template, List<String> errors) {

		boolean ok() {
			return errors.isEmpty();
		}
	}

	private final List<String> errors = new ArrayList<>();
	/** Where each section was written, for the checks against the catalogue. */
	private final Map<Section, Node> positions = new java.util.IdentityHashMap<>();
	private final Function<String, Catalogue> catalogues;

	private TemplateParser(Function<String, Catalogue> catalogues) {
		this.catalogues = catalogues;
	}

	/** {@code catalogues} gives a kind's catalogue, or null for a kind that does not exist. */
	static Parsed parse(String text, Function<String, Catalogue> catalogues) {
		return new TemplateParser(catalogues).read(text);
	}

	private Parsed read(String text) {
		if (text == null || text.isBlank()) {
			return new Parsed(null, List.of("Mẫu trống"));
		}
		if (text.length() > MAX_TEMPLATE_CHARS) {
			return new Parsed(null, List.of("Mẫu dài quá " + MAX_TEMPLATE_CHARS + " ký tự"));
		}
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(0);
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
			return new Parsed(null, List.of("Dòng " + line + ": không đọc được cấu trúc YAML (" + ex.getProblem() + ")"));
		}
		catch (RuntimeException ex) {
			return new Parsed(null, List.of("Không đọc được mẫu: " + ex.getMessage()));
		}
		if (!(root instanceof MappingNode top)) {
			return new Parsed(null, List.of("Mẫu phải là một bảng khóa: giá trị (kind, type, code, summary, sections…)"));
		}
		Map<String, Node> fields = fields(top, Set.of("kind", "layout", "type", "code", "summary", "sections", "recipients", "signature"));
		String kind = scalar(fields, "kind", top, true);
		Catalogue catalogue = kind == null ? null : catalogues.apply(kind);
		if (kind != null && catalogue == null) {
			error(fields.get("kind"), "không có loại văn bản '" + kind + "'");
		}
		OfficialDocument.Layout layout = layout(fields.get("layout"));
		String type = scalar(fields, "type", top, true);
		String code = scalar(fields, "code", top, true);
		if (code != null && !code.matches("[A-ZĐa-zđ]{1,6}")) {
			error(fields.get("code"), "ký hiệu loại văn bản phải là chữ viết tắt (TB, KH, BC, NQ…), không phải '" + code + "'");
		}
		String summary = scalar(fields, "summary", top, false);
		List<Section> sections = sections(fields.get("sections"), top);
		List<String> recipients = strings(fields.get("recipients"));
		String authority = null;
		String title = null;
		if (fields.get("signature") instanceof MappingNode signature) {
			Map<String, Node> parts = fields(signature, Set.of("authority", "title"));
			authority = scalar(parts, "authority", signature, false);
			title = scalar(parts, "title", signature, false);
		}
		else if (fields.containsKey("signature")) {
			error(fields.get("signature"), "signature cần authority và title");
		}
		if (catalogue != null) {
			Set<String> freeKeys = new HashSet<>();
			sections.stream().filter(FreeSection.class::isInstance).forEach(f -> freeKeys.add(((FreeSection) f).key()));
			checkSections(sections, catalogue, freeKeys);
			check(summary, fields.get("summary"), catalogue);
			recipients.forEach(r -> check(r, fields.get("recipients"), catalogue));
			check(authority, fields.get("signature"), catalogue);
			check(title, fields.get("signature"), catalogue);
		}
		if (!errors.isEmpty()) {
			return new Parsed(null, List.copyOf(errors));
		}
		return new Parsed(new ReportTemplate(kind, layout, type, code, summary, sections, recipients, authority, title), List.of());
	}

	private OfficialDocument.Layout layout(Node node) {
		if (node == null) {
			return OfficialDocument.Layout.STATE;
		}
		String value = node instanceof ScalarNode s ? s.getValue().strip().toUpperCase(Locale.ROOT).replace(" ", "") : "";
		return switch (value) {
			case "STATE", "NĐ30", "ND30" -> OfficialDocument.Layout.STATE;
			case "PARTY", "HD36" -> OfficialDocument.Layout.PARTY;
			default -> {
				error(node, "layout là STATE (Nghị định 30/2020) hoặc PARTY (Hướng dẫn 36-HD/VPTW)");
				yield OfficialDocument.Layout.STATE;
			}
		};
	}

	private List<Section> sections(Node node, Node parent) {
		List<Section> sections = new ArrayList<>();
		if (!(node instanceof SequenceNode list)) {
			error(node == null ? parent : node, "cần danh sách sections (mỗi mục bắt đầu bằng '- ')");
			return sections;
		}
		Catalogue catalogue = null;
		Set<String> freeKeys = new HashSet<>();
		for (Node item : list.getValue()) {
			if (!(item instanceof MappingNode section)) {
				error(item, "mỗi mục của sections là heading, text, free hoặc data");
				continue;
			}
			Map<String, Node> parts = fields(section, Set.of("heading", "level", "text", "free", "label", "max", "data", "when", "unless"));
			Condition condition = new Condition(scalar(parts, "when", section, false), scalar(parts, "unless", section, false));
			int kinds = (parts.containsKey("heading") ? 1 : 0) + (parts.containsKey("free") ? 1 : 0) + (parts.containsKey("data") ? 1 : 0)
					+ (parts.containsKey("text") && !parts.containsKey("free") ? 1 : 0);
			if (kinds != 1) {
				error(section, "mỗi mục có đúng một trong: heading, text, free, data");
				continue;
			}
			if (parts.containsKey("heading")) {
				int level = 1;
				String levelText = scalar(parts, "level", section, false);
				if (levelText != null) {
					if (!levelText.matches("[12]")) {
						error(parts.get("level"), "level là 1 (phần: I, II…) hoặc 2 (mục: 1, 2…)");
					}
					else {
						level = Integer.parseInt(levelText);
					}
				}
				sections.add(new HeadingSection(level, scalar(parts, "heading", section, true), condition));
			}
			else if (parts.containsKey("free")) {
				String key = scalar(parts, "free", section, true);
				if (key != null && !KEY.matcher(key).matches()) {
					error(parts.get("free"), "tên mục tự soạn chỉ gồm chữ không dấu, số, '-' hoặc '_': '" + key + "'");
				}
				else if (key != null && !freeKeys.add(key)) {
					error(parts.get("free"), "mục tự soạn '" + key + "' đã có ở trên");
				}
				int max = DEFAULT_FREE_LIMIT;
				String maxText = scalar(parts, "max", section, false);
				if (maxText != null) {
					if (!maxText.matches("\\d{1,6}") || Integer.parseInt(maxText) < 10 || Integer.parseInt(maxText) > 100_000) {
						error(parts.get("max"), "max là số ký tự tối đa, từ 10 đến 100000");
					}
					else {
						max = Integer.parseInt(maxText);
					}
				}
				String label = scalar(parts, "label", section, false);
				sections.add(new FreeSection(key, label == null ? key : label, scalar(parts, "text", section, false), max, condition));
			}
			else if (parts.containsKey("data")) {
				sections.add(new DataSection(scalar(parts, "data", section, true), condition));
			}
			else {
				sections.add(new TextSection(scalar(parts, "text", section, true), condition));
			}
			positions.put(sections.get(sections.size() - 1), section);
		}
		return sections;
	}

	private void check(String text, Node at, Catalogue catalogue) {
		if (text == null) {
			return;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!catalogue.fields().containsKey(name)) {
				error(at, "không có trường {{" + name + "}}" + suggestion(name, catalogue.fields().keySet()));
			}
		}
	}

	private void checkSections(List<Section> sections, Catalogue catalogue, Set<String> freeKeys) {
		for (Section section : sections) {
			Node at = positions.get(section);
			if (section instanceof HeadingSection h) {
				check(h.text(), at, catalogue);
			}
			else if (section instanceof TextSection t) {
				check(t.text(), at, catalogue);
			}
			else if (section instanceof FreeSection f) {
				check(f.defaultText(), at, catalogue);
			}
			else if (section instanceof DataSection d && d.name() != null && !catalogue.data().containsKey(d.name())) {
				error(at, "không có bảng/danh sách '" + d.name() + "'" + suggestion(d.name(), catalogue.data().keySet()));
			}
			for (String name : new String[] { section.condition().when(), section.condition().unless() }) {
				if (name != null && !catalogue.knows(name) && !freeKeys.contains(name)) {
					error(at, "điều kiện when/unless nhắc '" + name + "', không phải trường hay bảng nào" + suggestion(name,
							catalogue.fields().keySet()));
				}
			}
		}
	}

	private static String suggestion(String name, Set<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(name, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (có phải '" + best + "'?)" : "";
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private Map<String, Node> fields(MappingNode mapping, Set<String> allowed) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
			if (key == null || !allowed.contains(key)) {
				error(tuple.getKeyNode(), "khóa '" + key + "' không dùng ở đây; dùng: " + String.join(", ", new java.util.TreeSet<>(allowed)));
				continue;
			}
			fields.put(key, tuple.getValueNode());
		}
		return fields;
	}

	private String scalar(Map<String, Node> fields, String key, Node parent, boolean required) {
		Node node = fields.get(key);
		if (node == null) {
			if (required) {
				error(parent, "thiếu '" + key + "'");
			}
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			error(node, "'" + key + "' phải là một đoạn chữ");
			return null;
		}
		String value = java.text.Normalizer.normalize(scalar.getValue(), java.text.Normalizer.Form.NFC);
		if (required && value.isBlank()) {
			error(node, "'" + key + "' không được để trống");
			return null;
		}
		return value;
	}

	private List<String> strings(Node node) {
		List<String> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		if (!(node instanceof SequenceNode list)) {
			error(node, "recipients là danh sách, mỗi nơi nhận một dòng bắt đầu bằng '- '");
			return values;
		}
		for (Node item : list.getValue()) {
			if (item instanceof ScalarNode s) {
				values.add(java.text.Normalizer.normalize(s.getValue(), java.text.Normalizer.Form.NFC));
			}
			else {
				error(item, "mỗi nơi nhận là một dòng chữ");
			}
		}
		return values;
	}

	private void error(Node at, String message) {
		int line = at == null || at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
		errors.add(line > 0 ? "Dòng " + line + ": " + message : message);
	}
}
