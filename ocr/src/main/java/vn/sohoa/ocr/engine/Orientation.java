package vn.sohoa.ocr.engine;

/** How far a page image must be turned clockwise to stand upright. */
public enum Orientation {
    UPRIGHT(0), TURN_90(90), TURN_180(180), TURN_270(270);

    private final int clockwiseDegrees;

    Orientation(int clockwiseDegrees) {
        this.clockwiseDegrees = clockwiseDegrees;
    }

    public int clockwiseDegrees() {
        return clockwiseDegrees;
    }

    public static Orientation ofClockwiseDegrees(int degrees) {
        int normalized = ((degrees % 360) + 360) % 360;
        for (Orientation orientation : values()) {
            if (orientation.clockwiseDegrees == normalized) {
                return orientation;
            }
        }
        throw new IllegalArgumentException("not a right angle: " + degrees);
    }
}
