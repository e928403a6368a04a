package vn.ntmtracker.directives;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentPolicyTests {

	static byte[] zipWith(String entry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	@Test
	void recognisesPdfDocxAndUtf8TextByContent() throws IOException {
		assertThat(AttachmentPolicy.check("a.bin", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(AttachmentPolicy.Type.PDF);
		assertThat(AttachmentPolicy.check("a.docx", zipWith("word/document.xml"))).isEqualTo(AttachmentPolicy.Type.DOCX);
		assertThat(AttachmentPolicy.check("bb.txt", "Biên bản nghiệm thu\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(AttachmentPolicy.Type.TXT);
	}

	@Test
	void refusesOtherZipsBinariesAndRenamedExecutables() throws IOException {
		assertThatThrownBy(() -> AttachmentPolicy.check("bang.docx", zipWith("xl/workbook.xml")))
			.isInstanceOf(DirectiveRuleException.class).hasMessage("attachment.error.type");
		assertThatThrownBy(() -> AttachmentPolicy.check("virus.pdf", new byte[] { 'M', 'Z', 0, 0, 3 }))
			.hasMessage("attachment.error.type");
		assertThatThrownBy(() -> AttachmentPolicy.check("latin1.txt", new byte[] { 'c', (byte) 0xE0, 'm' }))
			.hasMessage("attachment.error.type");
	}

	@Test
	void refusesEmptyAndOversizedFiles() {
		assertThatThrownBy(() -> AttachmentPolicy.check("empty.txt", new byte[0])).hasMessage("attachment.error.empty");
		byte[] big = new byte[AttachmentPolicy.MAX_BYTES + 1];
		big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F'; big[4] = '-';
		assertThatThrownBy(() -> AttachmentPolicy.check("big.pdf", big)).hasMessage("attachment.error.tooLarge");
		byte[] limit = new byte[AttachmentPolicy.MAX_BYTES];
		System.arraycopy(big, 0, limit, 0, 5);
		assertThat(AttachmentPolicy.check("limit.pdf", limit)).isEqualTo(AttachmentPolicy.Type.PDF);
	}
}
