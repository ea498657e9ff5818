package dev.forecourt.platform.errors;

import java.util.List;

/**
 * The caller changed a resource from a version that is no longer current, or the change lost a
 * race more times than it retries. Every service answers it the same way: 409
 * {@code version-conflict}, with {@code currentVersion} when it is known (also sent as the
 * {@code ETag}), so the caller reloads and tries again.
 */
public final class VersionConflict extends DomainException {

    private final Long currentVersion;

    public VersionConflict(String what, Object id, Long currentVersion) {
        super("version-conflict", "Changed by someone else",
                what + " " + id + " was changed since you read it; reload and try again", List.of());
        this.currentVersion = currentVersion;
        if (currentVersion != null) {
            with("currentVersion", currentVersion);
        }
    }

    public Long currentVersion() {
        return currentVersion;
    }
}
