package vn.sohoa.app.citizen;

/** The identity paper a person shows at the desk. */
public enum IdType {

    /** Citizen identity card (căn cước / căn cước công dân): the 12-digit personal identification number. */
    CCCD("Căn cước công dân", "citizen identity card"),
    /** A passport, for foreigners and Vietnamese living abroad. */
    PASSPORT("Hộ chiếu", "passport"),
    /** Another paper with a photo that the law accepts (e.g. a foreigner's residence card). */
    OTHER("Giấy tờ khác", "other identity paper");

    private final String vietnamese;
    private final String english;

    IdType(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
