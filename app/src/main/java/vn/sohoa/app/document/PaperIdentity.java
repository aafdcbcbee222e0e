package vn.sohoa.app.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.sohoa.core.code.PersonalIdNumber;
import vn.sohoa.core.error.InvalidInputException;

/**
 * Whose paper a digitized document is, what kind of paper, and until when it is valid: what lets a later dossier of
 * the same citizen reuse it (the reuse indicator) instead of a new scan. All three optional; a paper with no
 * {@code validUntil} does not expire.
 *
 * @param citizenId  the personal identification number (số định danh cá nhân, 12 digits)
 * @param paperType  a code for the kind of paper, e.g. GIAY_KHAI_SINH (letters, digits, '_', '.', '-')
 * @param validUntil the last day the paper is valid
 */
public record PaperIdentity(String citizenId, String paperType, LocalDate validUntil) {

    public static final PaperIdentity NONE = new PaperIdentity(null, null, null);
    private static final Pattern PAPER_TYPE = Pattern.compile("[A-Z0-9_.-]{1,60}");

    /** Parses the optional form fields of an upload; a field given badly is refused, naming it. */
    public static PaperIdentity parse(String citizenId, String paperType, String validUntil) {
        return new PaperIdentity(citizenId(citizenId), paperType(paperType), date(validUntil));
    }

    public static String citizenId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        PersonalIdNumber.Problem problem = PersonalIdNumber.problem(id);
        if (problem != null) {
            throw new InvalidInputException("citizenId", "citizenId (the personal identification number) "
                    + problem.english(), "số định danh cá nhân (citizenId) " + problem.vietnamese());
        }
        return id;
    }

    public static String paperType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = value.strip().toUpperCase(Locale.ROOT);
        if (!PAPER_TYPE.matcher(type).matches()) {
            throw new InvalidInputException("paperType", "paperType is a code of 1 to 60 letters, digits, '_', '.' "
                    + "or '-', e.g. GIAY_KHAI_SINH", "loại giấy tờ (paperType) là mã 1–60 ký tự, ví dụ GIAY_KHAI_SINH");
        }
        return type;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("validUntil", "validUntil is a date like 2030-12-31",
                    "ngày hết hiệu lực (validUntil) có dạng 2030-12-31");
        }
    }

    /** True when the paper may still be reused on {@code day}. */
    public boolean validOn(LocalDate day) {
        return validUntil == null || !validUntil.isBefore(day);
    }
}
