package org.edgesim.cell;

/** The stable names of the random streams of devices. Changing one changes every result. */
public final class StreamKeys {
    private StreamKeys() {
    }

    public static String drop(int device) {
        return "drop/device-" + device;
    }

    public static String speed(int device) {
        return "compute/device-" + device;
    }

    public static String dynamics(int device) {
        return "dynamics/device-" + device;
    }

    public static String fadingUp(int device) {
        return "fading/device-" + device + "/up";
    }

    public static String fadingDown(int device) {
        return "fading/device-" + device + "/down";
    }

    public static String shadowing(int device) {
        return "shadowing/device-" + device;
    }
}
