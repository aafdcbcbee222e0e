package vn.sohoa.ocr.pdfa;

/**
 * A page image compressed for the PDF: kept instead of its pixels once a page is recognised, so that a long
 * document holds kilobytes per finished page, not megabytes.
 *
 * @param data      a JPEG file, a PNG file, or raw CCITT Group 4 data
 * @param blackIs1  for CCITT data: whether 1 bits are black (the PDF's /BlackIs1)
 */
public record EncodedImage(Encoding encoding, byte[] data, int width, int height, boolean blackIs1) {

    /** How the image is compressed, which decides how it enters the PDF. */
    public enum Encoding {
        /** Grey or colour, DCT. */
        JPEG,
        /** Grey or colour, lossless: a PNG file, re-encoded with Flate when the PDF is assembled. */
        PNG,
        /** Bilevel, CCITT Group 4 (K = -1). */
        CCITT_G4
    }
}
