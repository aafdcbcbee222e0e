package vn.sohoa.ocr.engine;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract 5 through Tess4J's JNA mapping. Two native handles live as long as this object: one for
 * recognition (e.g. vie) and, from the first orientation pass on, one for orientation detection (osd). Loading a
 * model costs more than laying out a page, so handles are kept, not re-created per page; that is also why an
 * instance must stay on one thread.
 */
public final class TesseractOcrEngine implements OcrEngine {

    static {
        OpenMp.limitThreadsBeforeTesseractLoads(); // before TessAPI below loads libtesseract and, with it, libgomp
    }

    /** Interface mapping: functions are looked up when called, so symbols newer than Debian's 5.3.0 do no harm. */
    private static final TessAPI API = TessAPI.INSTANCE;

    private final Path tessdata;
    private final TessBaseAPI recognizer;
    /**
     * Loaded at the first orientation pass, not with the engine: the osd model takes twice as long to load as vie
     * (250 against 130 ms) and most pages never need it, since the layout tells turned pages.
     */
    private TessBaseAPI orientationDetector;
    private final Thread owner = Thread.currentThread();
    private boolean closed;
    /** The image whose layout the recognizer holds (set by analyseLayout, used by the next recognize), or null. */
    private BufferedImage laidOut;

    public TesseractOcrEngine(Path tessdata, String languages) {
        if (!Files.isRegularFile(tessdata.resolve("osd.traineddata"))) {
            throw new OcrEngineException("osd.traineddata not found in " + tessdata
                    + " (install tesseract-ocr-osd or set sohoa.ocr.tessdata)", null);
        }
        for (String language : languages.split("\\+")) {
            if (!Files.isRegularFile(tessdata.resolve(language + ".traineddata"))) {
                throw new OcrEngineException(language + ".traineddata not found in " + tessdata
                        + " (install tesseract-ocr-" + language + ")", null);
            }
        }
        this.tessdata = tessdata;
        recognizer = started(tessdata, languages, TessPageSegMode.PSM_AUTO);
    }

    /** A new handle with {@code languages} loaded, or an exception and no handle left behind. */
    private static TessBaseAPI started(Path tessdata, String languages, int pageSegmentation) {
        TessBaseAPI handle = API.TessBaseAPICreate();
        // Tesseract prints warnings (e.g. "Estimating resolution") to stderr; they are noise for a service.
        API.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        if (API.TessBaseAPIInit3(handle, tessdata.toString(), languages) != 0) {
            API.TessBaseAPIDelete(handle);
            throw new OcrEngineException("Tesseract could not load '" + languages + "' from " + tessdata, null);
        }
        API.TessBaseAPISetPageSegMode(handle, pageSegmentation);
        return handle;
    }

    @Override
    public OrientationGuess detectOrientation(BufferedImage grey, int dpi) {
        checkUsable();
        if (orientationDetector == null) {
            orientationDetector = started(tessdata, "osd", TessPageSegMode.PSM_OSD_ONLY);
        }
        setImage(orientationDetector, grey, dpi);
        IntBuffer degrees = IntBuffer.allocate(1);
        FloatBuffer confidence = FloatBuffer.allocate(1);
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        PointerByReference script = new PointerByReference();
        int ok = API.TessBaseAPIDetectOrientationScript(orientationDetector, degrees, confidence, script,
                scriptConfidence);
        API.TessBaseAPIClear(orientationDetector);
        if (ok == 0) {
            // Too little text to tell (a blank page or a photo): leave the page as it is.
            return new OrientationGuess(Orientation.UPRIGHT, 0f);
        }
        // Tesseract reports the page's rotation clockwise; the correction turns it back.
        return new OrientationGuess(Orientation.ofClockwiseDegrees(360 - degrees.get(0)), confidence.get(0));
    }

    @Override
    public PageLayout analyseLayout(BufferedImage grey, int dpi) {
        checkUsable();
        laidOut = null;
        setImage(recognizer, grey, dpi);
        TessPageIterator iterator = API.TessBaseAPIAnalyseLayout(recognizer);
        List<PixelBox> lines = new ArrayList<>();
        if (iterator != null) {
            try {
                do {
                    PixelBox line = box(iterator, TessPageIteratorLevel.RIL_TEXTLINE);
                    if (line != null) {
                        lines.add(line);
                    }
                } while (API.TessPageIteratorNext(iterator, TessPageIteratorLevel.RIL_TEXTLINE) != 0);
            } finally {
                API.TessPageIteratorDelete(iterator);
            }
        }
        // Tesseract keeps the blocks it found: Recognize skips its own layout pass while they are there
        laidOut = grey;
        return new PageLayout(lines);
    }

    @Override
    public Recognition recognize(BufferedImage grey, int dpi) {
        checkUsable();
        if (grey != laidOut) {
            setImage(recognizer, grey, dpi);
        }
        laidOut = null;
        try {
            if (API.TessBaseAPIRecognize(recognizer, null) != 0) {
                throw new OcrEngineException("Tesseract failed to recognise the page", null);
            }
            return read();
        } finally {
            API.TessBaseAPIClear(recognizer);
        }
    }

    private Recognition read() {
        List<OcrLine> lines = new ArrayList<>();
        TessResultIterator iterator = API.TessBaseAPIGetIterator(recognizer);
        if (iterator == null) {
            return new Recognition(lines, 0f, Orientation.UPRIGHT);
        }
        // block orientation votes, weighted by block area: index = Tesseract's ORIENTATION_PAGE_UP/RIGHT/DOWN/LEFT
        long[] orientationVotes = new long[4];
        try {
            TessPageIterator pageIterator = API.TessResultIteratorGetPageIterator(iterator);
            List<OcrWord> words = new ArrayList<>();
            PixelBox lineBox = null;
            int baseline = 0;
            do {
                if (API.TessPageIteratorIsAtBeginningOf(pageIterator, TessPageIteratorLevel.RIL_BLOCK) != 0) {
                    PixelBox block = box(pageIterator, TessPageIteratorLevel.RIL_BLOCK);
                    IntBuffer orientation = IntBuffer.allocate(1);
                    API.TessPageIteratorOrientation(pageIterator, orientation, IntBuffer.allocate(1),
                            IntBuffer.allocate(1), FloatBuffer.allocate(1));
                    if (block != null && orientation.get(0) >= 0 && orientation.get(0) < 4) {
                        orientationVotes[orientation.get(0)] += (long) block.width() * block.height();
                    }
                }
                if (API.TessPageIteratorIsAtBeginningOf(pageIterator, TessPageIteratorLevel.RIL_TEXTLINE) != 0) {
                    if (lineBox != null && !words.isEmpty()) {
                        lines.add(new OcrLine(lineBox, baseline, List.copyOf(words)));
                    }
                    words.clear();
                    lineBox = box(pageIterator, TessPageIteratorLevel.RIL_TEXTLINE);
                    baseline = baselineY(pageIterator, lineBox);
                }
                String text = text(iterator);
                PixelBox wordBox = box(pageIterator, TessPageIteratorLevel.RIL_WORD);
                if (text != null && !text.isBlank() && wordBox != null) {
                    float confidence = API.TessResultIteratorConfidence(iterator, TessPageIteratorLevel.RIL_WORD);
                    words.add(new OcrWord(text, wordBox, confidence));
                }
            } while (API.TessPageIteratorNext(pageIterator, TessPageIteratorLevel.RIL_WORD) != 0);
            if (lineBox != null && !words.isEmpty()) {
                lines.add(new OcrLine(lineBox, baseline, List.copyOf(words)));
            }
        } finally {
            API.TessResultIteratorDelete(iterator);
        }
        int dominant = 0;
        for (int i = 1; i < 4; i++) {
            if (orientationVotes[i] > orientationVotes[dominant]) {
                dominant = i;
            }
        }
        // Tesseract's PAGE_RIGHT means the text's top points right: the page must turn counter-clockwise (270).
        Orientation correction = switch (dominant) {
            case 1 -> Orientation.TURN_270;
            case 2 -> Orientation.TURN_180;
            case 3 -> Orientation.TURN_90;
            default -> Orientation.UPRIGHT;
        };
        double mean = OcrLine.meanConfidence(lines);
        return new Recognition(lines, mean < 0 ? 0f : (float) mean, correction);
    }

    private static String text(TessResultIterator iterator) {
        Pointer pointer = API.TessResultIteratorGetUTF8Text(iterator, TessPageIteratorLevel.RIL_WORD);
        if (pointer == null) {
            return null;
        }
        try {
            return Normalizer.normalize(pointer.getString(0, "UTF-8").strip(), Normalizer.Form.NFC);
        } finally {
            API.TessDeleteText(pointer);
        }
    }

    private static PixelBox box(TessPageIterator iterator, int level) {
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        if (API.TessPageIteratorBoundingBox(iterator, level, left, top, right, bottom) == 0) {
            return null;
        }
        return new PixelBox(left.get(0), top.get(0), right.get(0), bottom.get(0));
    }

    private static int baselineY(TessPageIterator iterator, PixelBox lineBox) {
        IntBuffer x1 = IntBuffer.allocate(1);
        IntBuffer y1 = IntBuffer.allocate(1);
        IntBuffer x2 = IntBuffer.allocate(1);
        IntBuffer y2 = IntBuffer.allocate(1);
        if (API.TessPageIteratorBaseline(iterator, TessPageIteratorLevel.RIL_TEXTLINE, x1, y1, x2, y2) == 0) {
            return lineBox.bottom();
        }
        return (y1.get(0) + y2.get(0)) / 2;
    }

    private static void setImage(TessBaseAPI handle, BufferedImage grey, int dpi) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("the engine takes 8-bit grey images, got type " + grey.getType());
        }
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int stride = grey.getRaster().getSampleModel() instanceof ComponentSampleModel model
                ? model.getScanlineStride() : width;
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();
        API.TessBaseAPISetImage(handle, buffer, width, height, 1, stride);
        API.TessBaseAPISetSourceResolution(handle, dpi);
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a Tesseract engine belongs to the thread that created it");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            API.TessBaseAPIEnd(recognizer);
            API.TessBaseAPIDelete(recognizer);
            if (orientationDetector != null) {
                API.TessBaseAPIEnd(orientationDetector);
                API.TessBaseAPIDelete(orientationDetector);
            }
        }
    }
}
