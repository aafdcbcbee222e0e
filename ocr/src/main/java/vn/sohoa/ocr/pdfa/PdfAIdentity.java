package vn.sohoa.ocr.pdfa;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;

import javax.xml.transform.TransformerException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a PDFBox document a PDF/A besides its content: the document information and the matching XMP metadata
 * with the PDF/A identification, the document language, and an sRGB output intent; and the embedded font every
 * Sohoa PDF/A writes its text in (Liberation Sans, shipped with PDFBox, covers Vietnamese).
 */
public final class PdfAIdentity {

    public static final String PRODUCER = "Sohoa";
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Read once: inside the service's nested jar every resource lookup costs a jar search. */
    private static final byte[] FONT = readFont();
    /**
     * Parsed once per thread (a parsed font reads its glyphs from one buffer while subsetting, so threads do not
     * share one), with glyph substitution off: PDFBox's Latin GSUB worker compiles regular expressions on every
     * {@code showText}, which cost a third of a certification and more than the text layer's own writing, and
     * Vietnamese in NFC needs no substitution (no ligature either: they would break text extraction).
     */
    private static final ThreadLocal<TrueTypeFont> PARSED_FONT = ThreadLocal.withInitial(() -> {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + FONT_RESOURCE, e);
        }
    });

    /**
     * @param title       dc:title and /Title
     * @param author      dc:creator and /Author
     * @param description dc:description and /Subject
     * @param publisher   dc:publisher, e.g. the agency with its code
     * @param source      dc:source, or null
     * @param type        dc:type (the kind of paper, a code), or null
     * @param created     creation and modification date
     */
    public record Description(String title, String author, String description, String publisher, String source,
                              ZonedDateTime created, String type) {

        public Description(String title, String author, String description, String publisher, String source,
                           ZonedDateTime created) {
            this(title, author, description, publisher, source, created, null);
        }
    }

    private PdfAIdentity() {
    }

    /** Liberation Sans embedded as a subset in {@code document}, without glyph substitution. */
    public static PDType0Font font(PDDocument document) throws IOException {
        return PDType0Font.load(document, PARSED_FONT.get(), true);
    }

    /**
     * True when {@code font} has a glyph for the code point. Without glyph substitution PDFBox refuses text with a
     * code point the font lacks (and a .notdef glyph would break PDF/A anyway), so text from users is checked first.
     */
    public static boolean canShow(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return !Character.isISOControl(codePoint);
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** {@code text} with every code point the font cannot show replaced by {@code replacement}. */
    public static String showable(PDType0Font font, String text, String replacement) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (canShow(font, cp)) {
                shown.appendCodePoint(cp);
            } else {
                shown.append(replacement);
            }
        });
        return shown.toString();
    }

    /** Writes the document information, XMP (language vi) and output intent of a PDF/A of {@code flavour}. */
    public static void declare(PDDocument document, PdfAFlavour flavour, Description about) throws IOException {
        Calendar created = GregorianCalendar.from(about.created());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(about.title());
        info.setAuthor(about.author());
        info.setSubject(about.description());
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(about.title());
        dc.addCreator(about.author());
        dc.setDescription(about.description());
        dc.addPublisher(about.publisher());
        if (about.type() != null) {
            dc.addType(about.type());
        }
        if (about.source() != null) {
            dc.setSource(about.source());
        }
        dc.addLanguage("vi");
        dc.setFormat("application/pdf");
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PRODUCER);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(flavour.part());
        try {
            pdfa.setConformance(flavour.conformance());
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(flavour + " has a valid PDF/A conformance level", e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (TransformerException e) {
            throw new IOException("cannot serialise XMP", e);
        }

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xml.toByteArray());
        catalog.setMetadata(metadata);
        catalog.setLanguage("vi");
        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] readFont() {
        try (InputStream in = PdfAIdentity.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from PDFBox: " + FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FONT_RESOURCE, e);
        }
    }
}
