package vn.sohoa.core.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dossier code (mã hồ sơ, TT 01/2018/TT-VPCP art. 19): {@code <agency identifier>-YYMMDD-XXXX}, where YYMMDD is the
 * receipt date and XXXX a 4-digit sequence within the day per agency, e.g. {@code 000.00.30.H42-240318-0001}.
 */
public record DossierCode(AgencyCode agency, LocalDate receivedOn, int sequence) {

    private static final Pattern FORMAT = Pattern.compile("(.+)-(\\d{2})(\\d{2})(\\d{2})-(\\d{4})");
    private static final String EXPECTED = "<agency identifier>-YYMMDD-XXXX, e.g. 000.00.30.H42-240318-0001";

    public DossierCode {
        if (sequence < 1 || sequence > 9999) {
            throw new InvalidCodeException("code", String.valueOf(sequence), "a sequence 0001..9999");
        }
    }

    public static DossierCode parse(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw new InvalidCodeException("code", value, EXPECTED);
        }
        AgencyCode agency;
        try {
            agency = AgencyCode.of(m.group(1));
        } catch (InvalidCodeException e) {
            throw new InvalidCodeException("code", value, EXPECTED);
        }
        LocalDate date;
        try {
            date = LocalDate.of(2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            throw new InvalidCodeException("code", value, EXPECTED + " with a real date");
        }
        return new DossierCode(agency, date, Integer.parseInt(m.group(5)));
    }

    public String value() {
        return String.format("%s-%02d%02d%02d-%04d", agency.value(), receivedOn.getYear() % 100,
                receivedOn.getMonthValue(), receivedOn.getDayOfMonth(), sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
