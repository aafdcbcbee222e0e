package vn.sohoa.ocr;

import java.awt.image.BufferedImage;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.Orientation;
import vn.sohoa.ocr.preprocess.Deskew;
import vn.sohoa.ocr.preprocess.DetectOrientation;
import vn.sohoa.ocr.preprocess.Images;

/**
 * One page, top to bottom: grey copy → orientation → deskew → recognition. The same turns are applied to the image
 * that goes into the PDF, so the page is shown upright and the text layer lies on its words.
 */
final class RecognizePage {

    private final DetectOrientation detectOrientation;
    private final Deskew deskew;

    RecognizePage(OcrOptions options) {
        this.detectOrientation = new DetectOrientation(options.minOrientationConfidence());
        this.deskew = new Deskew(options.maxDeskewDegrees(), 0.1);
    }

    OcrPage apply(OcrEngine engine, PageImage page) {
        BufferedImage source = page.image();
        boolean bilevel = Images.isBilevel(source);
        boolean colour = !bilevel && Images.isColour(source);
        BufferedImage shown = Images.toOpaque(source, colour);
        BufferedImage grey = colour ? Images.toGrey(shown) : shown;

        Orientation orientation = detectOrientation.apply(engine, grey, page.dpi());
        if (orientation != Orientation.UPRIGHT) {
            grey = Images.rotateRightAngle(grey, orientation.clockwiseDegrees());
            shown = colour ? Images.rotateRightAngle(shown, orientation.clockwiseDegrees()) : grey;
        }

        double skew = deskew.measure(grey, page.dpi());
        if (skew != 0) {
            grey = Images.rotateSmall(grey, skew);
            shown = colour ? Images.rotateSmall(shown, skew) : grey;
        }

        var lines = engine.recognize(grey, page.dpi());
        BufferedImage stored = bilevel ? Images.toBilevel(shown) : shown;
        return new OcrPage(page.number(), stored, page.dpi(), lines, orientation, skew);
    }
}
