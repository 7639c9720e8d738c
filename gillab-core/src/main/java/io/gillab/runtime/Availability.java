package io.gillab.runtime;

/** Whether a runtime can run trials here, and if not, why (shown to the user, never dropped). */
public record Availability(boolean available, String reason) {

    public static Availability yes(String detail) {
        return new Availability(true, detail);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
