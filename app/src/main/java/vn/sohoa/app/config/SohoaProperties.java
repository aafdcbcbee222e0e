package vn.sohoa.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import vn.sohoa.ingest.TextPages;
import vn.sohoa.ocr.pdfa.ImagePolicy;
import vn.sohoa.ocr.pdfa.PdfAFlavour;
import vn.sohoa.storage.minio.RetentionSettings;

/**
 * Sohoa's configuration, prefix {@code sohoa}. Secrets never appear in {@code toString()}.
 *
 * @param home          the data directory: database, object store, development PKI (SOHOA_HOME, default ./data)
 * @param publicBaseUrl the URL other systems reach this service at; written into development certificates (CRL)
 * @param ocr           OCR engine settings
 * @param ingest        limits on uploads
 * @param storage       object storage
 * @param signing       keys, trust anchors and time-stamping
 * @param jobs          retries of durable jobs
 * @param bootstrap     first-start accounts and demo data
 * @param security      sign-in throttling and API clients' rate limits
 */
@ConfigurationProperties("sohoa")
public record SohoaProperties(@DefaultValue("./data") Path home, String publicBaseUrl, @DefaultValue Ocr ocr,
                              @DefaultValue Ingest ingest, @DefaultValue Storage storage,
                              @DefaultValue Signing signing, @DefaultValue Jobs jobs,
                              @DefaultValue Bootstrap bootstrap,
                              @DefaultValue Security security) {

    /**
     * @param loginMaxFailures failed sign-ins from one address for one user name (or 4 times as many for any names)
     *                         after which further attempts are refused for {@code loginLock}
     * @param loginLock        how long sign-ins stay refused, counted from the last failure
     * @param apiRate          requests per second an API client may make on average
     * @param apiBurst         requests an API client may make at once, after a quiet moment
     * @param rememberVerifiedPassword how long a password that matched is remembered, so that HTTP Basic calls do
     *                         not each pay bcrypt (0 to check every time)
     * @param passwordHashStrength bcrypt's cost (log2 of its rounds, 4 to 31) for new password and PIN hashes;
     *                         below {@link #MIN_PRODUCTION_HASH_STRENGTH} only in development mode
     */
    public record Security(@DefaultValue("5") int loginMaxFailures, @DefaultValue("15m") Duration loginLock,
                           @DefaultValue("50") int apiRate, @DefaultValue("200") int apiBurst,
                           @DefaultValue("5m") Duration rememberVerifiedPassword,
                           @DefaultValue("10") int passwordHashStrength) {

        /** Spring Security's and OWASP's floor for bcrypt; a real office's hashes are never cheaper. */
        public static final int MIN_PRODUCTION_HASH_STRENGTH = 10;

        public Security {
            if (passwordHashStrength < 4 || passwordHashStrength > 31) {
                throw new IllegalArgumentException("sohoa.security.password-hash-strength is bcrypt's cost, 4 to 31, "
                        + "not " + passwordHashStrength);
            }
        }
    }

    /**
     * @param firstRetryDelay delay before the first retry of a failed job; it doubles with each further failure
     * @param maxRetryDelay   longest delay between two tries
     * @param maxAttempts     tries before a job gives up and marks its document FAILED
     */
    public record Jobs(@DefaultValue("5s") Duration firstRetryDelay, @DefaultValue("10m") Duration maxRetryDelay,
                       @DefaultValue("8") int maxAttempts) {
    }

    /**
     * @param languages   Tesseract languages (vie by default, measured better than vie+eng on the corpus)
     * @param tessdata    folder of traineddata files; empty for TESSDATA_PREFIX or Debian's folder
     * @param workers     OCR worker threads (one Tesseract each); 0 for one per core
     * @param jpegQuality quality of page images in the PDF/A
     * @param pageTimeout longest time for one page
     * @param pdfa        PDF/A flavour of digitized documents: PDF_A_2B (default), PDF_A_2U or PDF_A_3B
     * @param images      JPEG (default) or KEEP_LOSSLESS: pages that arrived lossless stay lossless
     */
    public record Ocr(@DefaultValue("vie") String languages, Path tessdata, @DefaultValue("0") int workers,
                      @DefaultValue("0.6") float jpegQuality, @DefaultValue("2m") Duration pageTimeout,
                      @DefaultValue("PDF_A_2B") PdfAFlavour pdfa,
                      @DefaultValue("JPEG") ImagePolicy images) {
    }

    /**
     * @param maxFileSize   largest accepted file
     * @param maxFiles      most files in one upload
     * @param maxPages      most pages in one document
     * @param maxPagePixels most pixels in one page
     * @param defaultDpi    resolution assumed when a file does not say
     * @param textPages     PDF pages that already carry text: KEEP_TEXT (default, no OCR) or FORCE_OCR
     * @param concurrentUploads uploads read, checked and stored at once; more wait their turn (the heap holds each
     *                          one's files while it is checked and stored)
     * @param uploadWait        how long an upload waits for its turn before it is answered 503 with Retry-After
     * @param keepDecoded       pixels of the pages the upload's quality gate decoded, kept for the digitize job so
     *                          that it does not decode them again (0: keep none)
     * @param keepDecodedFor    how long such a page waits for its job before it is dropped
     */
    public record Ingest(@DefaultValue("64MB") DataSize maxFileSize, @DefaultValue("20") int maxFiles,
                         @DefaultValue("300") int maxPages, @DefaultValue("80000000") long maxPagePixels,
                         @DefaultValue("300") int defaultDpi,
                         @DefaultValue("KEEP_TEXT") TextPages textPages,
                         @DefaultValue("4") int concurrentUploads, @DefaultValue("2m") Duration uploadWait,
                         @DefaultValue("256MB") DataSize keepDecoded, @DefaultValue("5m") Duration keepDecodedFor) {
    }

    /** Where objects live. */
    public enum StorageMode {
        /** S3Proxy in this process, files under {@code <home>/objects}. */
        EMBEDDED,
        /** An external MinIO or S3 service at {@code endpoint}. */
        EXTERNAL
    }

    /**
     * @param mode          embedded (default) or external
     * @param endpoint      external S3/MinIO endpoint URL
     * @param region        S3 region, if the service needs one
     * @param accessKey     external access key
     * @param secretKey     external secret key
     * @param embeddedPort  port of the embedded store on 127.0.0.1; 0 for any free port
     * @param accessKeyFile  file holding the access key (instead of accessKey)
     * @param secretKeyFile  file holding the secret key (instead of secretKey)
     * @param rawBucket     bucket for raw scans
     * @param pdfaBucket    bucket for PDF/A files
     * @param certifiedBucket bucket for certified copies
     * @param objectLock    AUTO: use S3 Object Lock where the server has it (never with the embedded store); OFF
     * @param certifiedRetention COMPLIANCE retention of certified copies under Object Lock
     * @param rawRetention  GOVERNANCE retention of raw scans under Object Lock
     * @param presignExpiry default lifetime of presigned links
     * @param presignMaxExpiry longest lifetime a caller may ask for (S3 allows at most 7 days; a link is a bearer
     *                         credential, so the default cap is an hour)
     */
    public record Storage(@DefaultValue("EMBEDDED") StorageMode mode, String endpoint, String region,
                          String accessKey, String secretKey, Path accessKeyFile, Path secretKeyFile,
                          @DefaultValue("0") int embeddedPort,
                          String rawBucket, String pdfaBucket, String certifiedBucket,
                          @DefaultValue("AUTO") RetentionSettings.ObjectLockUse objectLock,
                          @DefaultValue("P75Y") Period certifiedRetention,
                          @DefaultValue("P10Y") Period rawRetention,
                          @DefaultValue("15m") Duration presignExpiry,
                          @DefaultValue("60m") Duration presignMaxExpiry) {

        @Override
        public String toString() {
            return "Storage[mode=" + mode + ", endpoint=" + endpoint + ", region=" + region + ", accessKey="
                    + accessKey + ", secretKey=" + (secretKey == null || secretKey.isEmpty() ? "" : "******")
                    + ", secretKeyFile=" + secretKeyFile + ", objectLock=" + objectLock + "]";
        }
    }

    /** Where signing keys come from. */
    public enum KeySource {
        /** The development PKI under {@code <home>/pki}, created on first start. */
        DEVELOPMENT,
        /** PKCS#12 files {@code agency-<code>.p12} and {@code certifier-<username>.p12} in {@code keystoreDirectory}. */
        PKCS12_DIRECTORY,
        /** Keys named {@code agency-<code>} and {@code certifier-<username>} in a PKCS#11 token or HSM. */
        PKCS11
    }

    /**
     * A PKCS#11 token or HSM (KeySource.PKCS11).
     *
     * @param library       the vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so
     * @param slotId        the token's slot id, or
     * @param slotListIndex its position among the module's slots
     * @param pinFile       a file holding the user PIN (kept out of configuration and logs); or
     * @param pin           the PIN itself, e.g. from the SOHOA_SIGNING_PKCS11_PIN environment variable
     */
    public record Pkcs11(Path library, Long slotId, Integer slotListIndex, Path pinFile, String pin) {

        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slotId=" + slotId + ", slotListIndex=" + slotListIndex
                    + ", pinFile=" + pinFile + ", pin=" + (pin == null || pin.isEmpty() ? "" : "******") + "]";
        }
    }

    /**
     * @param keys              key source
     * @param keystoreDirectory folder of PKCS#12 files (PKCS12_DIRECTORY)
     * @param keystorePassword  their password (PKCS12_DIRECTORY)
     * @param trustAnchors      extra trusted root certificates (PEM files) for verification
     * @param tsaUrl            an RFC 3161 time-stamping service; empty for the development TSA
     * @param revocationTimeout how long to wait for an OCSP responder or a CRL before trying the next source
     * @param revocationMaxAge  how long a "good" OCSP answer is reused (0: ask every time); a revocation is seen
     *                          at most this much later
     * @param pkcs11            the token or HSM (PKCS11)
     * @param remote            a remote signing service (CSC API v2) for certifiers whose keys are held there
     */
    public record Signing(@DefaultValue("DEVELOPMENT") KeySource keys, Path keystoreDirectory,
                          String keystorePassword, @DefaultValue List<Path> trustAnchors, String tsaUrl,
                          @DefaultValue("10s") Duration revocationTimeout,
                          @DefaultValue("2m") Duration revocationMaxAge, Pkcs11 pkcs11,
                          @DefaultValue Remote remote) {

        @Override
        public String toString() {
            return "Signing[keys=" + keys + ", keystoreDirectory=" + keystoreDirectory + ", keystorePassword="
                    + (keystorePassword == null ? "" : "******") + ", trustAnchors=" + trustAnchors + ", tsaUrl="
                    + tsaUrl + ", revocationTimeout=" + revocationTimeout + ", revocationMaxAge=" + revocationMaxAge
                    + ", pkcs11=" + pkcs11 + ", remote="
                    + remote + "]";
        }
    }

    /**
     * A remote signing service speaking the Cloud Signature Consortium API v2; off when baseUrl is empty.
     *
     * @param baseUrl         the API root, e.g. https://rs.example.vn/csc/v2
     * @param accessTokenFile a file holding the service's bearer token (kept out of configuration and logs), or
     * @param accessToken     the token itself, e.g. from SOHOA_SIGNING_REMOTE_ACCESS_TOKEN
     * @param timeout         how long to wait for each call
     */
    public record Remote(String baseUrl, Path accessTokenFile, String accessToken,
                         @DefaultValue("30s") Duration timeout) {

        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        @Override
        public String toString() {
            return "Remote[baseUrl=" + baseUrl + ", accessTokenFile=" + accessTokenFile + ", accessToken="
                    + (accessToken == null || accessToken.isEmpty() ? "" : "******") + ", timeout=" + timeout + "]";
        }
    }

    /**
     * @param adminPassword initial password of {@code admin}; generated and printed once when empty
     * @param demoPassword  password of the demo users; generated and printed once when empty
     * @param demoData      whether to create the demo province, commune and users on first start
     */
    public record Bootstrap(String adminPassword, String demoPassword, @DefaultValue("true") boolean demoData) {

        @Override
        public String toString() {
            return "Bootstrap[adminPassword=******, demoPassword=******, demoData=" + demoData + "]";
        }
    }
}
