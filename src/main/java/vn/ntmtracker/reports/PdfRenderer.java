package vn.ntmtracker.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * PDF from the document's XHTML with openhtmltopdf on PDFBox 3: A4, the official margins, the page number centred in
 * the top margin from page 2, the fonts embedded, "DỰ THẢO" across every page of a draft. No office suite involved.
 */
final class PdfRenderer {

	static {
		com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
	}

	private PdfRenderer() {
	}

	static byte[] render(OfficialDocument document) {
		return renderHtml(HtmlWriter.write(document), document.typeName());
	}

	static byte[] renderHtml(String html, String title) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			for (Fonts.Face face : Fonts.Face.values()) {
				FSSupplier<InputStream> font = () -> new ByteArrayInputStream(face.bytes());
				builder.useFont(font, Fonts.FAMILY, face.weight, face.italic ? FontStyle.ITALIC : FontStyle.NORMAL, true);
			}
			builder.withHtmlContent(html, null);
			builder.withProducer("NTM Tracker");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PDF of " + title + " could not be written", ex);
		}
	}
}
