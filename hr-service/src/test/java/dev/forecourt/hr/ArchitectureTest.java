package dev.forecourt.hr;

import dev.forecourt.platform.test.architecture.ServiceArchitectureTest;

/** hr-service keeps the conventions every Forecourt service keeps. */
class ArchitectureTest extends ServiceArchitectureTest {
}
