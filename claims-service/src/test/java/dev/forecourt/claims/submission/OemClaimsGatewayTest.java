package dev.forecourt.claims.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OemClaimsGatewayTest {

    @Test
    void aClientErrorIsARefusalButATimeoutOrAThrottleIsTriedAgain() {
        assertThat(OemClaimsGateway.isRefusal(400)).isTrue();
        assertThat(OemClaimsGateway.isRefusal(409)).isTrue();
        assertThat(OemClaimsGateway.isRefusal(422)).isTrue();
        assertThat(OemClaimsGateway.isRefusal(408)).isFalse();
        assertThat(OemClaimsGateway.isRefusal(429)).isFalse();
        assertThat(OemClaimsGateway.isRefusal(500)).isFalse();
        assertThat(OemClaimsGateway.isRefusal(503)).isFalse();
    }

    @Test
    void theOemsReasonIsReadFromItsOwnFormatFromProblemJsonOrFromPlainText() {
        assertThat(OemClaimsGateway.refusal(422, "{\"code\":\"VIN_UNKNOWN\",\"message\":\"unknown VIN\"}"))
                .isEqualTo(new SubmissionOutcome.Refused(422, "VIN_UNKNOWN", "unknown VIN"));
        assertThat(OemClaimsGateway.refusal(400, "{\"title\":\"Bad Request\",\"detail\":\"labour code 9999 unknown\"}"))
                .isEqualTo(new SubmissionOutcome.Refused(400, null, "labour code 9999 unknown"));
        assertThat(OemClaimsGateway.refusal(401, "{\"error\":\"invalid API key\"}").reason()).isEqualTo("invalid API key");
        assertThat(OemClaimsGateway.refusal(403, "Forbidden\n<html>").reason()).isEqualTo("Forbidden");
        assertThat(OemClaimsGateway.refusal(404, "").reason()).isEqualTo("HTTP 404");
    }
}
