package dev.forecourt.hr;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.hr.demo.DemoData;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;

/**
 * hr-service on a random port with the demo staff hired (the test stack turns demo data off, so
 * it is seeded here through the same code). All test classes share this one Spring context.
 */
@ForecourtServiceTest(properties = {"forecourt.hr.service-accounts.svc-workshop.password=" + HrServiceTestBase.SVC_WORKSHOP_PASSWORD,
        // as if from FORECOURT_HR_KEY_ENCRYPTION_KEY: a key of the test's own, not the development default
        "forecourt.hr.identity.key-encryption-key=" + HrServiceTestBase.KEY_ENCRYPTION_KEY,
        "forecourt.hr.identity.require-key-encryption-key=true"})
public abstract class HrServiceTestBase {

    /** Set as if from FORECOURT_SVC_WORKSHOP_PASSWORD: service accounts are provisioned outside the demo stack too. */
    public static final String SVC_WORKSHOP_PASSWORD = "svc-test-secret-1";
    /** Base64 of 32 bytes. */
    public static final String KEY_ENCRYPTION_KEY = "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

    @LocalServerPort
    protected int port;

    @Autowired
    private DemoData demoData;

    @BeforeEach
    void demoStaffAreHired() {
        demoData.seed();
    }

    protected Api as(String username) {
        return Logins.as(port, username);
    }

    protected Api anonymous() {
        return Api.at(port).checked();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
