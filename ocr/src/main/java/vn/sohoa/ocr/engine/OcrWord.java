package vn.sohoa.ocr.engine;

/** A recognised word: NFC text, its box in page pixels (top-left origin) and Tesseract's confidence (0..100). */
public record OcrWord(String text, PixelBox box, float confidence) {
}
