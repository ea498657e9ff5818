package dev.forecourt.devstack;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * All modules share one classpath in the devstack, and each ships its own {@code application.yml}
 * at the same resource path. This loader makes a module's Spring context see only that module's
 * configuration files; classes and every other resource come from the shared class loader.
 */
final class ModuleConfigClassLoader extends ClassLoader {

    private static final Pattern CONFIG = Pattern.compile("(application|gateway)(-[\\w-]+)?\\.(yml|yaml|properties)");

    private final String module;

    ModuleConfigClassLoader(ClassLoader parent, String module) {
        super("config-of-" + module, parent);
        this.module = module;
    }

    @Override
    public URL getResource(String name) {
        if (!isConfig(name)) {
            return super.getResource(name);
        }
        List<URL> own = ownConfig(name);
        return own.isEmpty() ? null : own.get(0);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!isConfig(name)) {
            return super.getResources(name);
        }
        return Collections.enumeration(ownConfig(name));
    }

    private List<URL> ownConfig(String name) {
        try {
            return Collections.list(getParent().getResources(name)).stream().filter(this::belongsToModule).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** In a build tree: {@code <module>/target/classes/}; in the packaged devstack: {@code <module>-<version>.jar}. */
    private boolean belongsToModule(URL url) {
        String path = url.toString();
        return path.contains("/" + module + "/target/classes/") || path.contains("/" + module + "-0") || path.contains("/" + module + ".jar");
    }

    private static boolean isConfig(String name) {
        String simple = name.startsWith("/") ? name.substring(1) : name;
        return CONFIG.matcher(simple).matches();
    }
}
