package vn.sohoa.app.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link Requester} stored in five columns named with a prefix ({@code requester_name}, {@code requester_id_type},
 * … or {@code applicant_…}): one reading of them for every table that keeps one.
 */
public final class RequesterColumns {

    private RequesterColumns() {
    }

    /** The requester in the row's columns with this prefix, or null when the row has none (older entries). */
    public static Requester read(ResultSet rs, String prefix) throws SQLException {
        String name = rs.getString(prefix + "_name");
        if (name == null) {
            return null;
        }
        return new Requester(name, IdType.valueOf(rs.getString(prefix + "_id_type")),
                rs.getString(prefix + "_id_number"), rs.getString(prefix + "_phone"), rs.getString(prefix + "_email"));
    }

    /** The five values in column order (name, id type, id number, phone, e-mail); nulls when there is none. */
    public static Object[] values(Requester requester) {
        if (requester == null) {
            return new Object[5];
        }
        return new Object[]{requester.fullName(), requester.idType().name(), requester.idNumber(), requester.phone(),
                requester.email()};
    }
}
