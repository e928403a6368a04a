package vn.ntmtracker.directives;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photos as pages show them: the original is kept as uploaded (the evidence), and a JPEG of at most
 * {@link #LONG_EDGE} pixels on its long edge is stored beside it for display, so that a page listing a dozen phone
 * photos of 4 MB each loads a few hundred kilobytes.
 */
final class ImagePreview {

	static final int LONG_EDGE = 1280;

	private ImagePreview() {
	}

	/** Width and height read from the header only (nothing decoded), or null when no reader understands it. */
	static Dimension dimensions(byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (in == null || !readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return new Dimension(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A display copy: a JPEG no larger than {@link #LONG_EDGE} on its long edge (transparent areas on white), or
	 * null when the image is already small enough and a JPEG, or cannot be decoded (the original is then shown).
	 */
	static byte[] displayCopy(byte[] content, AttachmentPolicy.Type type) {
		try {
			BufferedImage image = decode(content);
			if (image == null) {
				return null;
			}
			int longEdge = Math.max(image.getWidth(), image.getHeight());
			if (longEdge <= LONG_EDGE && type == AttachmentPolicy.Type.JPEG) {
				return null;
			}
			double scale = Math.min(1.0, (double) LONG_EDGE / longEdge);
			int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
			int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
			BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = copy.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.setColor(java.awt.Color.WHITE);
				g.fillRect(0, 0, width, height);
				g.drawImage(image, 0, 0, width, height, null);
			}
			finally {
				g.dispose();
			}
			return jpeg(copy);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The image decoded with every n-th pixel of every n-th row, n chosen so that the long edge stays within twice the
	 * display size: a 50-megapixel phone photo takes a few megabytes of heap here, not 200 (a full decode), so that
	 * concurrent uploads cannot exhaust the server. Null when no reader understands it.
	 */
	static BufferedImage decode(byte[] content) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int longEdge = Math.max(reader.getWidth(0), reader.getHeight(0));
				int step = Math.max(1, (longEdge + 2 * LONG_EDGE - 1) / (2 * LONG_EDGE));
				javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.82f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}
}
