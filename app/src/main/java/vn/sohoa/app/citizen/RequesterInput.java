package vn.sohoa.app.citizen;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A requester or applicant as a JSON body or a form gives it: plain strings, so that a bad value is refused by
 * {@link Requester#of} naming its field rather than by the JSON reader.
 */
@Schema(description = "Người yêu cầu chứng thực / the person asking for the certification")
public record RequesterInput(
        @Schema(description = "Họ và tên / full name as on the identity paper", example = "Nguyễn Văn An",
                maxLength = Requester.MAX_NAME) String fullName,
        @Schema(description = "CCCD (12-digit personal identification number), PASSPORT or OTHER", example = "CCCD",
                allowableValues = {"CCCD", "PASSPORT", "OTHER"}) String idType,
        @Schema(description = "Số giấy tờ / the paper's number: for CCCD 12 digits beginning with a province code",
                example = "001090000123") String idNumber,
        @Schema(description = "Điện thoại / phone (optional)", example = "0912345678") String phone,
        @Schema(description = "Thư điện tử / e-mail (optional)", example = "an@example.org") String email) {

    /** The checked requester; {@code field} names it in errors (e.g. {@code requester}). */
    public Requester toRequester(String field) {
        return Requester.of(field, fullName, idType, idNumber, phone, email);
    }

    public static RequesterInput of(Requester requester) {
        return requester == null ? null : new RequesterInput(requester.fullName(), requester.idType().name(),
                requester.idNumber(), requester.phone(), requester.email());
    }

    @Override
    public String toString() {
        return "RequesterInput[personal data not shown]";
    }
}
