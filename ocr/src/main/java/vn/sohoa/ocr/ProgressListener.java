package vn.sohoa.ocr;

/** Told each time a page is recognised. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void pagesDone(int done, int total);
}
