package dev.forecourt.workshop;

/** The platform's conventions (domain code speaks no HTTP, controllers answer views, …) over this service's classes. */
class ArchitectureTest extends dev.forecourt.platform.test.architecture.ServiceArchitectureTest {
}
