package vn.sohoa.core.code;

import java.util.Set;

/**
 * The format of a Vietnamese personal identification number (số định danh cá nhân, printed on the citizen identity
 * card): 12 digits — the code of the province where the birth was registered (3 digits), a century-and-sex digit,
 * the last two digits of the year of birth, and 6 random digits (Decree 137/2015 art. 13, Circular 59/2021/TT-BCA
 * art. 7). The province codes are those of the 63 provinces listed in Circular 59/2021; the numbers keep them after
 * the 2025 merger of provinces, so the list does not change with the map.
 */
public final class PersonalIdNumber {

    /** Province codes of Circular 59/2021/TT-BCA, appendix (001 Hà Nội … 096 Cà Mau). */
    static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    private PersonalIdNumber() {
    }

    /** Why {@code number} is not a personal identification number, or null when it is one. */
    public static Problem problem(String number) {
        if (number == null || !number.matches("[0-9]{12}")) {
            return Problem.NOT_TWELVE_DIGITS;
        }
        if (!PROVINCE_CODES.contains(number.substring(0, 3))) {
            return Problem.UNKNOWN_PROVINCE;
        }
        return null;
    }

    public static boolean isValid(String number) {
        return problem(number) == null;
    }

    /** What is wrong with a number; the messages never repeat the number (it is personal data). */
    public enum Problem {
        NOT_TWELVE_DIGITS("must be exactly 12 digits", "phải gồm đúng 12 chữ số"),
        UNKNOWN_PROVINCE("must begin with a province code of Circular 59/2021/TT-BCA (001 to 096)",
                "phải bắt đầu bằng mã tỉnh theo Thông tư 59/2021/TT-BCA (001 đến 096)");

        private final String english;
        private final String vietnamese;

        Problem(String english, String vietnamese) {
            this.english = english;
            this.vietnamese = vietnamese;
        }

        public String english() {
            return english;
        }

        public String vietnamese() {
            return vietnamese;
        }
    }
}
