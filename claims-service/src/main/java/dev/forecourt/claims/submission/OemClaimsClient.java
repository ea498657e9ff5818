package dev.forecourt.claims.submission;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/** The OEM's warranty claims API. Called only through {@link OemClaimsGateway}, which adds retry and circuit breaker. */
@FeignClient(name = "oem", url = "${forecourt.oem.url:http://localhost:8090}", configuration = OemFeignConfiguration.class)
interface OemClaimsClient {

    /** Idempotent per key at the OEM: sending the same key again returns the first receipt and files nothing new. */
    @PostMapping(value = "/oem/v1/warranty-claims", consumes = "application/json")
    OemReceipt submit(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody OemClaimSubmission submission);
}
