package vn.sohoa.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.Chromium;

/**
 * The text layer as Chromium's own PDF viewer reads it: Debian's Chromium, headless, driven through ChromeDriver,
 * opens Sohoa's PDF/A embedded in a page and is asked, through the viewer's scripting interface (the messages
 * {@code selectAll} and {@code getSelectedText} it answers to its embedder, as print preview uses them), for all the
 * text it can select — what a user copies or finds with Ctrl+F. The text must be the Vietnamese of the page,
 * precomposed (NFC), within a CER bound just above what Chromium gives today (0.006, 0.028, 0.030: as good as
 * pdftotext or better).
 */
class ChromiumViewerTextTest {

    static HttpServer server;
    static volatile byte[] servedPdf;
    static ChromeDriver browser;
    static OcrEnginePool pool;
    static OcrPipeline pipeline;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/doc.pdf", exchange -> answer(exchange, "application/pdf", servedPdf));
        server.createContext("/page.html", exchange -> answer(exchange, "text/html; charset=utf-8", """
                <!DOCTYPE html><html><body style="margin:0">
                <embed id="pdf" src="doc.pdf" type="application/pdf" width="1000" height="1400">
                <script>
                  window.received = [];
                  window.addEventListener('message', e => window.received.push(e.data));
                </script></body></html>""".getBytes(StandardCharsets.UTF_8)));
        server.start();
        browser = Chromium.start("Chromium's PDF viewer test");
        OcrOptions ocr = OcrOptions.defaults();
        pool = new OcrEnginePool(ocr.workers(), () -> new TesseractOcrEngine(ocr.tessdata(), ocr.languages()));
        pipeline = new OcrPipeline(pool, ocr);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
        if (pool != null) {
            pool.close();
        }
    }

    private static void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** All the text Chromium's viewer selects in the PDF served now. */
    static String selectAllInChromium() {
        browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/page.html");
        Object text = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const viewer = document.getElementById('pdf');
                // the viewer may report loading before its text can be selected: ask again until it answers text
                const reply = () => window.received.find(m => m && m.selectedText);
                const ask = () => {
                    if (reply()) { done(reply().selectedText); return; }
                    viewer.postMessage({type: 'selectAll'});
                    viewer.postMessage({type: 'getSelectedText'});
                    setTimeout(ask, 300);
                };
                const loaded = () => window.received.some(m => m && m.type === 'documentLoaded')
                        ? ask() : setTimeout(loaded, 100);
                // the viewer learns who embeds it from the first message it gets, and only then reports loading
                viewer.postMessage({type: 'getSelectedText'});
                loaded();""");
        return String.valueOf(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg, a01, 0.008",
        "scans/s03_a03_skew+1.8_g4_200dpi.tif, a03, 0.031",
        "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg, a08, 0.033"
    })
    void chromiumsViewerSelectsTheVietnameseTextOfThePage(String scan, String truth, double bound)
            throws IOException {
        DigitizedDocument digitized = pipeline.digitize(OcrPipelineTest.pages(scan), OcrPipelineTest.MARKER,
                ProgressListener.NONE);
        servedPdf = digitized.pdf();

        String selected = selectAllInChromium();

        assertThat(selected).isNotBlank();
        assertThat(Normalizer.isNormalized(selected, Normalizer.Form.NFC)).as("precomposed Vietnamese").isTrue();
        assertThat(Cer.of(OcrPipelineTest.groundTruth(truth), selected)).as("CER in Chromium's viewer")
                .isLessThanOrEqualTo(bound);
        String firstWords = List.of(OcrPipelineTest.groundTruth(truth).strip().split("\\s+")).subList(0, 3)
                .stream().reduce((a, b) -> a + " " + b).orElseThrow();
        assertThat(selected).contains(firstWords);
    }
}
