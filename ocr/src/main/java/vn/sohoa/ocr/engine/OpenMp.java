package vn.sohoa.ocr.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Tesseract is built with OpenMP, and its threads fight Sohoa's own: Sohoa runs one engine per worker thread, pages
 * in parallel, and with OpenMP's default (a thread per core inside every engine) each page took three to four
 * times longer on 2 cores (a one-page {@code java -jar sohoa.jar ocr} run: 7.5 s wall with 5.5 s of system time,
 * 3.0 s with one thread). OpenMP reads {@code OMP_THREAD_LIMIT} once, when libgomp is loaded with Tesseract, so
 * the limit is put into the process environment before that, however the JVM was started; a limit the environment
 * sets already is kept.
 */
final class OpenMp {

    static final String THREAD_LIMIT = "OMP_THREAD_LIMIT";

    /** The C library's environment functions: the JVM's own view of the environment is read-only. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** The OpenMP runtime that Tesseract links. */
    private interface GnuOpenMp extends Library {
        int omp_get_thread_limit();
    }

    private OpenMp() {
    }

    /** Call before the first use of Tesseract in this process. */
    static void limitThreadsBeforeTesseractLoads() {
        if (System.getenv(THREAD_LIMIT) == null && !Platform.isWindows()) {
            Native.load("c", CLibrary.class).setenv(THREAD_LIMIT, "1", 0);
        }
    }

    /** The thread limit OpenMP took when it was loaded (load Tesseract first). */
    static int threadLimit() {
        return Native.load("libgomp.so.1", GnuOpenMp.class).omp_get_thread_limit();
    }
}
