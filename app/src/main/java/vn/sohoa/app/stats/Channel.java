package vn.sohoa.app.stats;

/** How a dossier reached the desk. */
public enum Channel {
    WALK_IN,
    POSTAL,
    ONLINE
}
