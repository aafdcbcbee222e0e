package vn.sohoa.core.code;

import java.util.regex.Pattern;

/**
 * National agency identifier (mã định danh cơ quan, QCVN 102:2016), the prefix of every dossier code,
 * e.g. {@code 000.00.30.H42}.
 */
public record AgencyCode(String value) {

    /** Four groups: three, two and two alphanumerics, then a letter and two digits (the province part). */
    public static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");

    public AgencyCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidCodeException("agencyCode", value, "NNN.NN.NN.XNN, e.g. 000.00.30.H42");
        }
    }

    public static AgencyCode of(String value) {
        return new AgencyCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
