package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.function.BiFunction;

import vn.sohoa.core.document.InkMap;
import vn.sohoa.core.document.PageImage;
import vn.sohoa.core.image.RightAngle;
import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.Orientation;
import vn.sohoa.ocr.engine.PageLayout;
import vn.sohoa.ocr.engine.Recognition;
import vn.sohoa.ocr.pdfa.EncodePageImage;
import vn.sohoa.ocr.preprocess.Deskew;
import vn.sohoa.ocr.preprocess.DetectOrientation;
import vn.sohoa.ocr.preprocess.Images;
import vn.sohoa.ocr.preprocess.LayoutOrientation;

/**
 * One page, top to bottom: grey copy → deskew → layout (text lines, not yet read) → turn when the layout shows the
 * page sideways or upside down → recognition (reusing the layout when the page was not turned) → compressed page
 * image. Most pages arrive upright and pay for one layout and one recognition, no orientation pass. Only when the
 * reading comes out sideways or with low confidence: orientation detection → turn → deskew → recognition again,
 * keeping the more confident reading. The same turns are applied to the image that goes into the PDF, so the page is
 * shown upright and the text layer lies on its words.
 */
final class RecognizePage {

    /** Below this mean word confidence a page may be upside down: worth an orientation pass. */
    static final float DOUBTFUL_CONFIDENCE = 60f;

    private final DetectOrientation detectOrientation;
    private final BiFunction<PageLayout, BufferedImage, LayoutOrientation.Verdict> layoutVerdict;
    private final Deskew deskew;
    private final EncodePageImage encode;

    RecognizePage(OcrOptions options) {
        this(options, new LayoutOrientation()::of);
    }

    /** @param layoutVerdict what the page's layout says of its orientation (tests put in a wrong one) */
    RecognizePage(OcrOptions options, BiFunction<PageLayout, BufferedImage, LayoutOrientation.Verdict> layoutVerdict) {
        this.detectOrientation = new DetectOrientation(options.minOrientationConfidence());
        this.layoutVerdict = layoutVerdict;
        this.deskew = new Deskew(options.maxDeskewDegrees(), 0.1);
        this.encode = new EncodePageImage(options.jpegQuality(), options.images());
    }

    /** A page levelled by the deskew step: the grey image read, the colour image shown (null for grey pages). */
    private record Levelled(BufferedImage grey, BufferedImage colour, double skew) {

        Levelled turned(int clockwiseDegrees) {
            return new Levelled(RightAngle.rotate(grey, clockwiseDegrees),
                    colour == null ? null : RightAngle.rotate(colour, clockwiseDegrees), skew);
        }
    }

    /** One reading of the page: how it was turned, the images as turned, and what the engine read. */
    private record Attempt(Orientation orientation, double skew, BufferedImage shown, Recognition recognition) {

        float confidence() {
            return recognition.meanConfidence();
        }
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
        BufferedImage colourShown = colour ? shown : null;

        Attempt best = firstReading(engine, level(grey, colourShown, page.dpi()), grey, colourShown, page.dpi());
        if (best.orientation() == Orientation.UPRIGHT) {
            Recognition first = best.recognition();
            // sideways text is read well but shown sideways: the page must turn whatever the confidence
            boolean sideways = first.textOrientation() != Orientation.UPRIGHT || mostlyVertical(first);
            boolean doubtful = first.meanConfidence() < DOUBTFUL_CONFIDENCE;
            if (sideways || doubtful) {
                Orientation correction = first.textOrientation() != Orientation.UPRIGHT ? first.textOrientation()
                        : detectOrientation.apply(engine, grey, page.dpi());
                if (correction != Orientation.UPRIGHT) {
                    Attempt turned = turnAndRead(engine, grey, colourShown, page.dpi(), correction);
                    if (sideways || turned.confidence() > first.meanConfidence()) {
                        best = turned;
                    }
                }
            }
        }
        BufferedImage stored = bilevel ? Images.toBilevel(best.shown()) : best.shown();
        return new OcrPage(page.number(), encode.apply(stored, page.lossless()), page.dpi(), best.recognition().lines(),
                best.orientation(), best.skew(), InkMap.of(stored, page.dpi()));
    }

    /**
     * The first reading, turned beforehand when the layout shows the page upside down or sideways. An upside-down
     * verdict that reads poorly is checked against the page as it came, and the more confident reading kept.
     */
    private Attempt firstReading(OcrEngine engine, Levelled levelled, BufferedImage grey, BufferedImage colour,
                                 int dpi) {
        PageLayout layout = engine.analyseLayout(levelled.grey(), dpi);
        switch (layoutVerdict.apply(layout, levelled.grey())) {
            case UPSIDE_DOWN -> {
                // half a turn keeps the page level: no new deskew
                Attempt turned = read(engine, levelled.turned(180), dpi, Orientation.TURN_180);
                if (turned.confidence() >= DOUBTFUL_CONFIDENCE) {
                    return turned;
                }
                Attempt asItCame = read(engine, levelled, dpi, Orientation.UPRIGHT);
                return asItCame.confidence() > turned.confidence() ? asItCame : turned;
            }
            case SIDEWAYS -> {
                Orientation correction = detectOrientation.apply(engine, levelled.grey(), dpi);
                if (correction != Orientation.UPRIGHT) {
                    // the skew measured on a sideways page is meaningless: level the turned page afresh
                    return turnAndRead(engine, grey, colour, dpi, correction);
                }
                // orientation detection could not tell: read the page as it came (the layout is kept)
            }
            case UPRIGHT -> { }
        }
        return read(engine, levelled, dpi, Orientation.UPRIGHT);
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
            if (line.box().standsOnEnd()) {
                vertical += letters;
            } else {
                horizontal += letters;
            }
        }
        return vertical > horizontal;
    }

    /** Measures the skew and levels the grey image and, for colour pages, the colour image alike. */
    private Levelled level(BufferedImage grey, BufferedImage colour, int dpi) {
        double skew = deskew.measure(grey, dpi);
        if (skew == 0) {
            return new Levelled(grey, colour, 0);
        }
        return new Levelled(Images.rotateSmall(grey, skew), colour == null ? null : Images.rotateSmall(colour, skew),
                skew);
    }

    /** Turns the page as it came by a right angle, levels and reads it. */
    private Attempt turnAndRead(OcrEngine engine, BufferedImage grey, BufferedImage colour, int dpi,
                                Orientation correction) {
        int degrees = correction.clockwiseDegrees();
        BufferedImage turnedGrey = RightAngle.rotate(grey, degrees);
        BufferedImage turnedColour = colour == null ? null : RightAngle.rotate(colour, degrees);
        return read(engine, level(turnedGrey, turnedColour, dpi), dpi, correction);
    }

    private static Attempt read(OcrEngine engine, Levelled levelled, int dpi, Orientation orientation) {
        Recognition recognition = engine.recognize(levelled.grey(), dpi);
        return new Attempt(orientation, levelled.skew(),
                levelled.colour() == null ? levelled.grey() : levelled.colour(), recognition);
    }
}
