package vn.sohoa.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Stand-in pictures of a hand-written signature and a red round seal, drawn here as PNGs with transparency. */
public final class StampPictures {

    private StampPictures() {
    }

    public static byte[] signature() {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 40, 140));
        g.setStroke(new BasicStroke(5f));
        g.drawArc(20, 30, 120, 60, 20, 300);
        g.drawLine(120, 80, 280, 30);
        g.dispose();
        return png(image);
    }

    public static byte[] seal() {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(210, 20, 30, 200));
        g.setStroke(new BasicStroke(8f));
        g.drawOval(8, 8, 184, 184);
        g.drawOval(40, 40, 120, 120);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("★", 82, 115);
        g.dispose();
        return png(image);
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
