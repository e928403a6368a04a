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
	void recognisesWorkbooksAndPhotosByContentWhateverTheirNames() throws IOException {
		assertThat(AttachmentPolicy.check("bang.docx", zipWith("xl/workbook.xml"))).isEqualTo(AttachmentPolicy.Type.XLSX);
		assertThat(AttachmentPolicy.check("anh.png", image("jpeg", 40, 30))).isEqualTo(AttachmentPolicy.Type.JPEG);
		assertThat(AttachmentPolicy.check("anh.jpg", image("png", 40, 30))).isEqualTo(AttachmentPolicy.Type.PNG);
	}

	@Test
	void refusesAPhotoWhoseHeaderCannotBeReadOrThatClaimsTooManyPixels() throws IOException {
		byte[] broken = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e' };
		assertThatThrownBy(() -> AttachmentPolicy.check("hong.jpg", broken)).hasMessage("attachment.error.image");
		byte[] bomb = withPngSize(image("png", 1, 1), 10_000, 10_000);
		assertThatThrownBy(() -> AttachmentPolicy.check("bom.png", bomb))
			.isInstanceOfSatisfying(DirectiveRuleException.class,
					ex -> assertThat(ex.arguments()).containsExactly("bom.png", 10_000, 10_000))
			.hasMessage("attachment.error.imageTooLarge");
		assertThat(AttachmentPolicy.check("vua.png", withPngSize(image("png", 1, 1), 5_000, 10_000)))
			.isEqualTo(AttachmentPolicy.Type.PNG);
	}

	@Test
	void aLargePhotoGetsADisplayCopyOfAtMost1280PixelsAndASmallJpegNone() throws IOException {
		byte[] large = image("png", 3000, 2000);
		byte[] copy = ImagePreview.displayCopy(large, AttachmentPolicy.Type.PNG);
		java.awt.image.BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(copy));
		assertThat(shown.getWidth()).isEqualTo(1280);
		assertThat(shown.getHeight()).isEqualTo(853);
		assertThat(copy[0]).isEqualTo((byte) 0xFF);
		assertThat(ImagePreview.displayCopy(image("jpeg", 800, 600), AttachmentPolicy.Type.JPEG)).isNull();
		// a very wide photo is decoded at a fraction of its pixels (bounded heap), the copy is still 1280 px wide
		byte[] wide = image("png", 6000, 200);
		assertThat(ImagePreview.decode(wide).getWidth()).isLessThanOrEqualTo(2 * ImagePreview.LONG_EDGE);
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
				ImagePreview.displayCopy(wide, AttachmentPolicy.Type.PNG))).getWidth()).isEqualTo(1280);
		assertThat(ImagePreview.dimensions(image("jpeg", 800, 600))).isEqualTo(new java.awt.Dimension(800, 600));
	}

	static byte[] image(String format, int width, int height) throws IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			image.setRGB(x, height / 2, 0x3366CC);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** The PNG with its header (IHDR) claiming another size, its checksum recomputed: a decompression bomb's header. */
	private static byte[] withPngSize(byte[] png, int width, int height) {
		byte[] copy = png.clone();
		java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(copy);
		header.putInt(16, width).putInt(20, height);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(copy, 12, 17);
		header.putInt(29, (int) crc.getValue());
		return copy;
	}

	@Test
	void refusesOtherZipsBinariesAndRenamedExecutables() throws IOException {
		assertThatThrownBy(() -> AttachmentPolicy.check("bang.docx", zipWith("other/content.xml")))
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
