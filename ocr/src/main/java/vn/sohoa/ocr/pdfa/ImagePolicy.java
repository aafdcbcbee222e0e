package vn.sohoa.ocr.pdfa;

/** How grey and colour page images are compressed in the PDF/A (bilevel pages are always CCITT G4, lossless). */
public enum ImagePolicy {
    /** JPEG at the configured quality: small files, text stays crisp (the default). */
    JPEG,
    /** Pages that arrived lossless (PNG, LZW or Deflate TIFF) stay lossless (Flate); JPEG inputs stay JPEG. */
    KEEP_LOSSLESS
}
