package vn.sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;

import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.Orientation;
import vn.sohoa.ocr.engine.OrientationGuess;

/**
 * Finds pages fed sideways or upside down. Orientation detection runs on a copy scaled to about 150 dpi: the glyph
 * shapes it needs survive, and it costs a fraction of a full-size pass.
 */
public final class DetectOrientation {

    private static final int ANALYSIS_DPI = 150;

    private final float minConfidence;

    /** @param minConfidence the OSD confidence below which a page is left as it is */
    public DetectOrientation(float minConfidence) {
        this.minConfidence = minConfidence;
    }

    public Orientation apply(OcrEngine engine, BufferedImage grey, int dpi) {
        double factor = Math.min(1.0, (double) ANALYSIS_DPI / dpi);
        BufferedImage small = factor < 1.0 ? Images.downscaleGrey(grey, factor) : grey;
        OrientationGuess guess = engine.detectOrientation(small, (int) Math.round(dpi * factor));
        return guess.confidence() >= minConfidence ? guess.correction() : Orientation.UPRIGHT;
    }
}
