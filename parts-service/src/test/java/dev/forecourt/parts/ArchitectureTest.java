package dev.forecourt.parts;

import dev.forecourt.platform.test.architecture.ServiceArchitectureTest;

/** The Forecourt conventions (domain speaks no HTTP, controllers answer views, versioned event types …) over this service. */
class ArchitectureTest extends ServiceArchitectureTest {
}
