package vn.sohoa.ocr;

import java.awt.image.BufferedImage;

import vn.sohoa.core.document.InkMap;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.Orientation;
import vn.sohoa.ocr.engine.Recognition;
import vn.sohoa.ocr.pdfa.EncodePageImage;
import vn.sohoa.ocr.preprocess.Deskew;
import vn.sohoa.ocr.preprocess.DetectOrientation;
import vn.sohoa.ocr.preprocess.Images;

/**
 * One page, top to bottom: grey copy → deskew → recognition → compressed page image; only when the text came out sideways or with low
 * confidence: orientation detection → turn → deskew → recognition again, keeping the more confident reading. Most
 * pages arrive upright, so most pages pay for one recognition pass and no orientation pass. The same turns are
 * applied to the image that goes into the PDF, so the page is shown upright and the text layer lies on its words.
 */
final class RecognizePage {

    /** Below this mean word confidence a page may be upside down: worth an orientation pass. */
    static final float DOUBTFUL_CONFIDENCE = 60f;

    private final DetectOrientation detectOrientation;
    private final Deskew deskew;
    private final EncodePageImage encode;

    RecognizePage(OcrOptions options) {
        this.detectOrientation = new DetectOrientation(options.minOrientationConfidence());
        this.deskew = new Deskew(options.maxDeskewDegrees(), 0.1);
        this.encode = new EncodePageImage(options.jpegQuality(), options.images());
    }

    /** One reading of the page: how it was turned, the images as turned, and what the engine read. */
    private record Attempt(Orientation orientation, double skew, BufferedImage shown, Recognition recognition) {
    }

    OcrPage apply(OcrEngine engine, PageImage page) {
        BufferedImage source = page.image();
        boolean bilevel = Images.isBilevel(source);
        boolean colour = !bilevel && Images.isColour(source);
        BufferedImage shown = Images.toOpaque(source, colour);
        if (page.text() != null) {
            // the page carries text already (a born-digital PDF): keep it, exact, and spend no OCR on it
            BufferedImage kept = bilevel ? source : shown;
            return new OcrPage(page.number(), encode.apply(kept, page.lossless()), page.dpi(),
                    KeepPageText.lines(page.text()), Orientation.UPRIGHT, 0, InkMap.of(kept, page.dpi()));
        }
        BufferedImage grey = colour ? Images.toGrey(shown) : shown;

        Attempt best = attempt(engine, grey, colour ? shown : null, page.dpi(), Orientation.UPRIGHT);
        Recognition first = best.recognition();
        // sideways text is read well but shown sideways: the page must turn whatever the confidence
        boolean sideways = first.textOrientation() != Orientation.UPRIGHT || mostlyVertical(first);
        boolean doubtful = first.meanConfidence() < DOUBTFUL_CONFIDENCE;
        if (sideways || doubtful) {
            Orientation correction = first.textOrientation() != Orientation.UPRIGHT ? first.textOrientation()
                    : detectOrientation.apply(engine, grey, page.dpi());
            if (correction != Orientation.UPRIGHT) {
                int degrees = correction.clockwiseDegrees();
                Attempt turned = attempt(engine, vn.sohoa.core.image.RightAngle.rotate(grey, degrees),
                        colour ? vn.sohoa.core.image.RightAngle.rotate(shown, degrees) : null, page.dpi(), correction);
                if (sideways || turned.recognition().meanConfidence() > first.meanConfidence()) {
                    best = turned;
                }
            }
        }
        BufferedImage stored = bilevel ? Images.toBilevel(best.shown()) : best.shown();
        return new OcrPage(page.number(), encode.apply(stored, page.lossless()), page.dpi(), best.recognition().lines(),
                best.orientation(), best.skew(), InkMap.of(stored, page.dpi()));
    }

    /**
     * True when most recognised text runs in tall, narrow lines: Tesseract reads a page fed sideways, but its lines
     * then stand upright on the image, and the page itself still needs turning.
     */
    static boolean mostlyVertical(Recognition recognition) {
        long vertical = 0;
        long horizontal = 0;
        for (var line : recognition.lines()) {
            long letters = line.text().length();
            if (line.box().height() > 2L * line.box().width()) {
                vertical += letters;
            } else {
                horizontal += letters;
            }
        }
        return vertical > horizontal;
    }

    /** Deskews and recognises; {@code colour} is the colour image to turn alongside, or null for grey pages. */
    private Attempt attempt(OcrEngine engine, BufferedImage grey, BufferedImage colour, int dpi,
                            Orientation orientation) {
        double skew = deskew.measure(grey, dpi);
        if (skew != 0) {
            grey = Images.rotateSmall(grey, skew);
            colour = colour == null ? null : Images.rotateSmall(colour, skew);
        }
        Recognition recognition = engine.recognize(grey, dpi);
        return new Attempt(orientation, skew, colour == null ? grey : colour, recognition);
    }
}
