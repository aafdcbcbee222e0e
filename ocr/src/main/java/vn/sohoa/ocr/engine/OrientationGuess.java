package vn.sohoa.ocr.engine;

/** What orientation detection found: the correction to apply and how sure the engine is. */
public record OrientationGuess(Orientation correction, float confidence) {
}
