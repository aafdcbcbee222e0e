package vn.sohoa.app.error;

import java.net.URI;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.sohoa.app.quality.QualityRefusedException;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.error.SohoaException;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.ingest.ScanRejectedException;
import vn.sohoa.signing.remote.RemoteSigningRefusedException;
import vn.sohoa.signing.revocation.CertificateRevokedException;

/**
 * Every error of the API as an RFC 9457 problem: a stable {@code type}, the English {@code detail}, the Vietnamese
 * text in {@code detailVi}, and for bad input the {@code field} it concerns.
 */
@RestControllerAdvice(basePackages = "vn.sohoa.app")
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE_BASE = "https://sohoa.vn/problems/";

    @ExceptionHandler(ScanRejectedException.class)
    ResponseEntity<ProblemDetail> scanRejected(ScanRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = problem(status, "scan-" + e.reason().name().toLowerCase().replace('_', '-'),
                "Scan rejected / Bản quét không hợp lệ", e);
        problem.setProperty("field", e.field());
        problem.setProperty("reason", e.reason());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input / Dữ liệu không hợp lệ",
                e);
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "not-found", "Not found / Không tìm thấy", e);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", "Not allowed / Không được phép", e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this action");
        problem.setType(URI.create(TYPE_BASE + "forbidden"));
        problem.setTitle("Not allowed / Không được phép");
        problem.setProperty("detailVi", "Vai trò của bạn không được thực hiện thao tác này");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(HttpStatus.CONFLICT, "conflict", "Conflict / Xung đột trạng thái", e);
    }

    @ExceptionHandler(CertificateRevokedException.class)
    ResponseEntity<ProblemDetail> revoked(CertificateRevokedException e) {
        LOG.warn("refused to sign: {}", e.getMessage());
        return respond(HttpStatus.CONFLICT, "certificate-revoked",
                "Certificate revoked / Chứng thư số đã bị thu hồi", e);
    }

    @ExceptionHandler(RemoteSigningRefusedException.class)
    ResponseEntity<ProblemDetail> remoteRefused(RemoteSigningRefusedException e) {
        LOG.warn("remote signing refused: {}", e.getMessage());
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, "remote-signing-refused",
                "Remote signing refused / Dịch vụ ký số từ xa từ chối", e);
    }

    @ExceptionHandler(QualityRefusedException.class)
    ResponseEntity<ProblemDetail> qualityRefused(QualityRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "scan-quality",
                "Scan must be redone / Bản quét cần quét lại", e);
        problem.setProperty("field", "files");
        problem.setProperty("pages", e.pages());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        LOG.warn("busy: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy / Hệ thống đang bận", e));
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        LOG.warn("object store unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                        "Storage unavailable / Kho lưu trữ tạm thời không truy cập được", e));
    }

    @ExceptionHandler(IntegrityException.class)
    ResponseEntity<ProblemDetail> corrupt(IntegrityException e) {
        LOG.error("stored object failed its checksum: {}", e.getMessage());
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "object-corrupt", "Stored file damaged / Tệp lưu trữ bị hỏng",
                e);
    }

    @ExceptionHandler(SohoaException.class)
    ResponseEntity<ProblemDetail> otherFailure(SohoaException e) {
        LOG.error("request failed", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error / Lỗi hệ thống", e);
    }

    /**
     * A multipart body the HTTP layer cannot parse (a file name with control characters, a cut-off body): the
     * client's fault, answered as such. Too-large bodies have their own answer below.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        Throwable cause = e.getMostSpecificCause();
        String reason = cause instanceof InvalidFileNameException
                ? "a file name contains a control character" : "the multipart body cannot be read";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setType(URI.create(TYPE_BASE + "bad-multipart"));
        problem.setTitle("Unreadable upload / Không đọc được dữ liệu tải lên");
        problem.setProperty("field", "files");
        problem.setProperty("detailVi", cause instanceof InvalidFileNameException
                ? "tên tệp chứa ký tự điều khiển" : "không đọc được dữ liệu tải lên (multipart)");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than the limit of " + e.getMaxUploadSize() + " bytes");
        problem.setType(URI.create(TYPE_BASE + "upload-too-large"));
        problem.setTitle("Upload too large / Tệp tải lên quá lớn");
        problem.setProperty("field", "files");
        problem.setProperty("limit", e.getMaxUploadSize());
        problem.setProperty("detailVi", "Dung lượng tải lên vượt giới hạn " + e.getMaxUploadSize() + " byte");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(e));
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String type, String title,
                                                         SohoaException e) {
        return ResponseEntity.status(status).body(problem(status, type, title, e));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, SohoaException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setProperty("detailVi", e.vietnameseMessage());
        return problem;
    }
}
