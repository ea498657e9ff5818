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
    private final String moduleLocation;

    /**
     * @param application the module's application class: its code source (the module's
     *                    {@code target/classes/} or its jar) is where the module's configuration lives
     */
    ModuleConfigClassLoader(ClassLoader parent, String module, Class<?> application) {
        super("config-of-" + module, parent);
        this.module = module;
        this.moduleLocation = application.getProtectionDomain().getCodeSource().getLocation().toString();
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

    /**
     * A resource of the module's own classes directory ({@code file:…/target/classes/application.yml})
     * or of its jar ({@code jar:file:…/parts-service-<version>.jar!/application.yml}), whatever the
     * version or the file name of the jar.
     */
    private boolean belongsToModule(URL url) {
        String path = url.toString();
        return path.startsWith(moduleLocation) || path.startsWith("jar:" + moduleLocation + "!/");
    }

    private static boolean isConfig(String name) {
        String simple = name.startsWith("/") ? name.substring(1) : name;
        return CONFIG.matcher(simple).matches();
    }
}
