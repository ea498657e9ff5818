package dev.forecourt.crm;

/** The Forecourt conventions (domain without HTTP, views from controllers, versioned event types, …) over crm-service. */
class ArchitectureTest extends dev.forecourt.platform.test.architecture.ServiceArchitectureTest {
}
