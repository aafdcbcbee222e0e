package vn.sohoa.core.code;

import java.util.regex.Pattern;

/** Administrative procedure code (mã TTHC), e.g. {@code 2.000815.000.00.00.H38}. */
public record ProcedureCode(String value) {

    public static final Pattern FORMAT = Pattern.compile("\\d\\.\\d{6}\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");

    public ProcedureCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidCodeException("procedureCode", value, "N.NNNNNN.NNN.NN.NN.XNN, e.g. 2.000815.000.00.00.H38");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
