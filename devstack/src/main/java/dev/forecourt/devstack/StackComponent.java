package dev.forecourt.devstack;

import java.util.Map;

import org.springframework.boot.WebApplicationType;

/**
 * One Spring application of the stack: which module it comes from, its main class, its port and
 * the settings the devstack gives it on top of its own configuration.
 */
record StackComponent(String module, String applicationClass, int port, WebApplicationType web,
                      String configName, Map<String, Object> properties) {

    String url() {
        return "http://localhost:" + port;
    }
}
