package dev.forecourt.claims;

/** The Forecourt conventions (domain code speaks no HTTP, controllers answer views, …) over claims-service's classes. */
class ArchitectureTest extends dev.forecourt.platform.test.architecture.ServiceArchitectureTest {
}
