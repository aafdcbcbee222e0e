package vn.sohoa.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** A page preview stays within its pixel budget whatever the page's shape. */
class PreviewSizeTest {

    @Test
    void aTallNarrowPageRendersWithinTheBudgetAndAnA4PageAtTheWidthAsked() throws Exception {
        // A4 at 800 px wide: as asked
        float a4 = DocumentPages.previewDpi(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight(), 800);
        assertThat(Math.round(PDRectangle.A4.getWidth() * a4 / 72f)).isEqualTo(800);
        // a page 10 × 14 400 points (the largest PDF allows) asked at 1 600 px wide: rendered for real, bounded
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(10, 14_400)));
            float dpi = DocumentPages.previewDpi(10, 14_400, 1600);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
            assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(1600L * 1600 + 2 * 1600);
        }
    }
}
