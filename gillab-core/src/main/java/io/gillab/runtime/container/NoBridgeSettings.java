package io.gillab.runtime.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Testcontainers' own container lifecycle ({@code GenericContainer}, e.g. in a JUnit test) needs on
 * a daemon with no bridge network: Ryuk off (its port is reached through the bridge) and the host given
 * as localhost (inside a container Testcontainers otherwise inspects the bridge network to find it).
 * Testcontainers reads both from the environment only, so they can be checked here but not set. gillab's
 * own trial containers ({@link TrialContainer}) need neither, on any daemon.
 */
public final class NoBridgeSettings {
    static final Map<String, String> NEEDED = neededSettings();

    private NoBridgeSettings() {
    }

    private static Map<String, String> neededSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TESTCONTAINERS_RYUK_DISABLED", "true");
        m.put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        return m;
    }

    /**
     * Null when Testcontainers' lifecycle can run containers on this daemon (it has a bridge network, or
     * the settings are in the environment), else which variables to set and why.
     */
    public static String missing(DockerEndpoint endpoint, Map<String, String> environment) {
        if (endpoint.hasBridgeNetwork()) {
            return null;
        }
        List<String> unset = new ArrayList<>();
        NEEDED.forEach((k, v) -> {
            if (!v.equalsIgnoreCase(String.valueOf(environment.get(k)))) {
                unset.add(k + "=" + v);
            }
        });
        return unset.isEmpty() ? null : "the Docker daemon at " + endpoint.host()
                + " has no bridge network; Testcontainers' containers need " + String.join(" and ", unset)
                + " in the environment";
    }
}
