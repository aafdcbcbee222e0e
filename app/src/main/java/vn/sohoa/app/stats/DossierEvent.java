package vn.sohoa.app.stats;

import java.time.OffsetDateTime;
import java.util.Arrays;

import vn.sohoa.core.error.InvalidInputException;

/**
 * One fact about a dossier. Which fields an event needs depends on its type ({@link #validate}); the pair of dossier
 * code and event id makes it idempotent: the same event sent twice is recorded once.
 *
 * @param components  RECEIVED: how many components the dossier has to digitize
 * @param paperResult RECEIVED: true when the procedure's result is a paper (the e-result indicator counts it)
 */
public record DossierEvent(String dossierCode, String eventId, DossierEventType type, OffsetDateTime occurredAt,
                           String unitCode, Channel channel, String component, Integer components, Boolean paperResult,
                           ResultForm resultForm) {

    public static final int MAX_ID_LENGTH = 100;

    /** Refuses an event that lacks what its type needs, naming the field. */
    public DossierEvent validate() {
        require(dossierCode != null && !dossierCode.isBlank() && dossierCode.length() <= 40, "dossierCode",
                "the dossier code is required (at most 40 characters)", "cần mã hồ sơ (tối đa 40 ký tự)");
        require(eventId != null && !eventId.isBlank() && eventId.length() <= MAX_ID_LENGTH, "eventId",
                "the event id is required (at most " + MAX_ID_LENGTH + " characters)",
                "cần mã sự kiện (tối đa " + MAX_ID_LENGTH + " ký tự)");
        require(type != null, "type", "the event type is required: one of "
                + Arrays.toString(DossierEventType.values()), "cần loại sự kiện");
        require(occurredAt != null, "occurredAt", "the time of the event is required (ISO 8601 with offset)",
                "cần thời điểm xảy ra sự kiện");
        switch (type) {
            case RECEIVED -> {
                require(unitCode != null && !unitCode.isBlank(), "unitCode", "RECEIVED needs the receiving unit",
                        "sự kiện tiếp nhận cần mã đơn vị");
                require(channel != null, "channel", "RECEIVED needs the channel: WALK_IN, POSTAL or ONLINE",
                        "sự kiện tiếp nhận cần kênh tiếp nhận");
                require(components == null || (components >= 0 && components <= 1000), "components",
                        "components must be between 0 and 1000", "số thành phần hồ sơ phải từ 0 đến 1000");
            }
            case TRANSFERRED -> require(unitCode != null && !unitCode.isBlank(), "unitCode",
                    "TRANSFERRED needs the unit that takes the dossier over", "sự kiện chuyển cần mã đơn vị nhận");
            case COMPONENT_DIGITIZED, COMPONENT_REUSED, COMPONENT_FROM_DATA_STORE -> require(
                    component != null && !component.isBlank() && component.length() <= 100, "component",
                    type + " needs the component's id (at most 100 characters)", "cần mã thành phần hồ sơ");
            case RESULT_ISSUED -> require(resultForm != null, "resultForm",
                    "RESULT_ISSUED needs the result's form: PAPER or ELECTRONIC", "cần hình thức kết quả");
            default -> {
            }
        }
        return this;
    }

    private static void require(boolean ok, String field, String english, String vietnamese) {
        if (!ok) {
            throw new InvalidInputException(field, english, vietnamese);
        }
    }
}
