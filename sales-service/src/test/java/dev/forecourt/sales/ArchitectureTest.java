package dev.forecourt.sales;

import dev.forecourt.platform.test.architecture.ServiceArchitectureTest;

/** The Forecourt conventions (domain speaks no HTTP, controllers answer views, …) over sales-service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {
}
