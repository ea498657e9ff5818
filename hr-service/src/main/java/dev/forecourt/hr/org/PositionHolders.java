package dev.forecourt.hr.org;

import java.util.Map;

/** Who fills the positions: answered by the employees feature, needed for headcount and abolishing. */
public interface PositionHolders {

    /** Active employees per position code; positions nobody holds are absent. */
    Map<String, Long> activeHoldersByPosition();

    long activeHolders(String positionCode);
}
