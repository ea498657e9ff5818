package dev.forecourt.platform.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service that exercises the platform the way the real services use it. */
@SpringBootApplication
public class SampleApplication {
}
