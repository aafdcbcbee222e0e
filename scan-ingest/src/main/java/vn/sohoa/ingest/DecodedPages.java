package vn.sohoa.ingest;

import vn.sohoa.core.document.PageImage;

/**
 * Pages of an upload decoded earlier (by the scan-quality gate, when the upload arrived), that a later reading of the
 * same files may take instead of decoding them again.
 */
@FunctionalInterface
public interface DecodedPages {

    /** Nothing decoded earlier: every page is decoded. */
    DecodedPages NONE = (file, pageInFile) -> null;

    /**
     * The page as decoded before (not turned), or null; a page is given once.
     *
     * @param file       the file's index in the upload (0-based, as the page plan counts)
     * @param pageInFile the page's index in its file (0-based)
     */
    PageImage take(int file, int pageInFile);
}
