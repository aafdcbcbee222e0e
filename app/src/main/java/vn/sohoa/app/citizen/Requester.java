package vn.sohoa.app.citizen;

import java.util.Locale;
import java.util.regex.Pattern;

import vn.sohoa.core.code.PersonalIdNumber;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The person who asks for a certified copy (người yêu cầu chứng thực), or the applicant of a dossier: full name,
 * identity paper and its number, and how to reach them. Personal data: {@link #toString} does not show it, and it
 * never goes into object keys or logs.
 *
 * @param fullName the name as on the identity paper
 * @param idType   the identity paper shown
 * @param idNumber its number: the 12-digit personal identification number for {@link IdType#CCCD}
 * @param phone    optional
 * @param email    optional; where the copy is sent when the requester asks for it by e-mail
 */
public record Requester(String fullName, IdType idType, String idNumber, String phone, String email) {

    public static final int MAX_NAME = 100;
    public static final int MAX_ID_NUMBER = 20;
    public static final int MAX_EMAIL = 254;

    private static final Pattern PASSPORT_OR_OTHER = Pattern.compile("[A-Z0-9][A-Z0-9-]{4,19}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * The requester as a form or JSON body gives it, checked field by field; a missing or bad field is refused with
     * its name under {@code field} (e.g. {@code requester.idNumber}).
     *
     * @param idType the paper's code as given (CCCD, PASSPORT, OTHER)
     */
    public static Requester of(String field, String fullName, String idType, String idNumber, String phone,
                               String email) {
        String name = blankToNull(fullName);
        if (name == null) {
            throw new InvalidInputException(field + ".fullName", field + ".fullName is required",
                    "cần họ và tên người yêu cầu (" + field + ".fullName)");
        }
        name = name.replaceAll("\\s+", " ");
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(field + ".fullName", field + ".fullName is at most " + MAX_NAME
                    + " characters", "họ và tên tối đa " + MAX_NAME + " ký tự");
        }
        IdType type = idType(field, idType);
        String number = blankToNull(idNumber);
        if (number == null) {
            throw new InvalidInputException(field + ".idNumber", field + ".idNumber is required",
                    "cần số giấy tờ tùy thân (" + field + ".idNumber)");
        }
        number = number.toUpperCase(Locale.ROOT);
        if (type == IdType.CCCD) {
            PersonalIdNumber.Problem problem = PersonalIdNumber.problem(number);
            if (problem != null) {
                throw new InvalidInputException(field + ".idNumber", field + ".idNumber (personal identification "
                        + "number) " + problem.english(), "số định danh cá nhân " + problem.vietnamese());
            }
        } else if (!PASSPORT_OR_OTHER.matcher(number).matches()) {
            throw new InvalidInputException(field + ".idNumber", field + ".idNumber of a " + type.english()
                    + " is 5 to " + MAX_ID_NUMBER + " letters, digits or hyphens",
                    "số " + type.vietnamese().toLowerCase(Locale.ROOT) + " gồm 5 đến " + MAX_ID_NUMBER
                            + " chữ cái, chữ số hoặc dấu gạch ngang");
        }
        String phoneNumber = blankToNull(phone);
        if (phoneNumber != null) {
            phoneNumber = phoneNumber.replaceAll("[\\s.()-]", "");
            if (!PHONE.matcher(phoneNumber).matches()) {
                throw new InvalidInputException(field + ".phone", field + ".phone is 8 to 15 digits, with an "
                        + "optional leading +", "số điện thoại gồm 8 đến 15 chữ số");
            }
        }
        String mail = blankToNull(email);
        if (mail != null && (mail.length() > MAX_EMAIL || !EMAIL.matcher(mail).matches())) {
            throw new InvalidInputException(field + ".email", field + ".email is not an e-mail address (at most "
                    + MAX_EMAIL + " characters)", "địa chỉ thư điện tử không hợp lệ");
        }
        return new Requester(name, type, number, phoneNumber, mail);
    }

    private static IdType idType(String field, String value) {
        String code = blankToNull(value);
        if (code == null) {
            throw new InvalidInputException(field + ".idType", field + ".idType is required: CCCD, PASSPORT or "
                    + "OTHER", "cần loại giấy tờ tùy thân: CCCD, PASSPORT hoặc OTHER");
        }
        try {
            return IdType.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".idType", field + ".idType must be CCCD, PASSPORT or OTHER",
                    "loại giấy tờ tùy thân phải là CCCD, PASSPORT hoặc OTHER", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The identity paper as a notice or receipt writes it: "CCCD số 0481…", "hộ chiếu số C123…". */
    public String identityPaperInVietnamese() {
        return switch (idType) {
            case CCCD -> "CCCD số ";
            case PASSPORT -> "hộ chiếu số ";
            case OTHER -> "giấy tờ số ";
        } + idNumber;
    }

    /** Shows the kind of paper only: the name and numbers are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "Requester[idType=" + idType + ", personal data not shown]";
    }
}
